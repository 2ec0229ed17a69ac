-- Section headings are campaign content, in English and Spanish, not words in the message bundles.
-- A null heading falls back to the general one in the bundles ("Why it matters", "Stories").
alter table campaign
    add column why_heading        varchar(120),
    add column why_heading_es     varchar(120),
    add column stories_shown      boolean not null default false,
    add column stories_heading    varchar(120),
    add column stories_heading_es varchar(120);

-- Campaigns that already have stories keep their stories section.
update campaign c set stories_shown = true where exists (select 1 from story s where s.campaign_id = c.id);

-- The TSRA demo campaign keeps the headings it showed when they lived in the bundles.
update campaign
   set why_heading = 'Why criminal record relief matters',
       why_heading_es = 'Por qué importa borrar los antecedentes penales',
       stories_shown = true,
       stories_heading = 'Survivor stories',
       stories_heading_es = 'Historias de sobrevivientes'
 where slug = 'tsra';

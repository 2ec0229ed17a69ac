-- Issue 18: partner sites embed a campaign's actions. Staff list the origins allowed to frame each
-- campaign; an action taken in a widget records which partner site brought it (the site, never
-- anything that would follow a supporter from one site to another).
create table campaign_embed_origin (
    campaign_id bigint       not null references campaign (id) on delete cascade,
    origin      varchar(200) not null,
    added_at    timestamptz  not null default now(),
    primary key (campaign_id, origin)
);

create table embedded_action (
    action_id      bigint       primary key references supporter_action (id) on delete cascade,
    campaign_id    bigint       not null references campaign (id),
    partner_origin varchar(200) not null
);
create index embedded_action_campaign_idx on embedded_action (campaign_id, partner_origin);

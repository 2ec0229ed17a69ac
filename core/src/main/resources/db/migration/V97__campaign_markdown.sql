-- Staff now write the explainer and "why it matters" in Markdown. The source is kept here; the
-- HTML columns keep the sanitised result the public page shows. Null means the text was written
-- as HTML before Markdown existed: the editor converts it to Markdown when it loads (Markdown.fromHtml),
-- and the public page keeps showing the stored HTML, so nothing changes for the public.
alter table campaign
    add column explainer_md      text,
    add column why_it_matters_md text;

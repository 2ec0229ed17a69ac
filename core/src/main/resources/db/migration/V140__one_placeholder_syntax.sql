-- One placeholder syntax for every template (docs/templates.md): names in camelCase. Reminders were
-- written with {{supporter.first_name}}; stored reminders now say {{supporter.firstName}}, with any
-- spaces inside the braces kept out, so a scheduled reminder sends as it would have.
update reminder
set subject   = regexp_replace(subject, '\{\{\s*supporter\.first_name\s*\}\}', '{{supporter.firstName}}', 'g'),
    body_html = regexp_replace(body_html, '\{\{\s*supporter\.first_name\s*\}\}', '{{supporter.firstName}}', 'g'),
    body_text = regexp_replace(body_text, '\{\{\s*supporter\.first_name\s*\}\}', '{{supporter.firstName}}', 'g')
where subject ~ '\{\{\s*supporter\.first_name\s*\}\}'
   or body_html ~ '\{\{\s*supporter\.first_name\s*\}\}'
   or body_text ~ '\{\{\s*supporter\.first_name\s*\}\}';

-- "Subscribed" (we may email them: consent confirmed and not withdrawn) written once for every query, the
-- console's supporter filter and the reminder audiences alike. Supporter.isSubscribed() keeps the same rule
-- for a row being changed in memory.
alter table supporter
    add column subscribed boolean not null
        generated always as (email_consent and consent_confirmed_at is not null and unsubscribed_at is null) stored;

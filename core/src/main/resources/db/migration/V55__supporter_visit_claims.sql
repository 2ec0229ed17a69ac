-- A visit that gives the email address of an existing supporter has not proved it is them. It gets its own
-- supporter row (claims_supporter_id set), which holds its details and its actions; the existing row is left
-- alone. The owner of the address confirms through an emailed, expiring link (only the token's SHA-256 is
-- stored); only then are the visit's details, consent wish and actions merged into their row and the visit's
-- row deleted. Erasing the owner erases the unconfirmed visits that gave their address.
alter table supporter
    add column claims_supporter_id bigint references supporter (id) on delete cascade,
    add column claim_token_hash    varchar(64) unique,
    add column claim_expires_at    timestamptz,
    add column claim_wants_updates boolean not null default false,
    -- When someone last proved they read this address (a confirmation link): from then on, a visit may no
    -- longer correct the record it created without such proof.
    add column email_confirmed_at  timestamptz,
    add constraint supporter_claim_unverified check (claims_supporter_id is null
        or (not email_consent and consent_confirmed_at is null and confirmation_token is null));

-- One supporter per address among those who are not unconfirmed visits.
drop index supporter_email_idx;
create unique index supporter_email_idx on supporter (lower(email)) where claims_supporter_id is null;
create index supporter_claims_idx on supporter (claims_supporter_id) where claims_supporter_id is not null;

update supporter set email_confirmed_at = consent_confirmed_at where consent_confirmed_at is not null;

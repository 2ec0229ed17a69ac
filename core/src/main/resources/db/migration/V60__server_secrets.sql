-- Keys the application generates once and every instance shares, e.g. the key that signs the public
-- forms' tokens (so that tokens issued before a restart, or by another instance, are still accepted).
create table server_secret (
    name       varchar(100) primary key,
    secret     bytea        not null,
    created_at timestamptz  not null default now()
);

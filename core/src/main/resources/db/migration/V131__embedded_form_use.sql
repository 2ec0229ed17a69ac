-- The widget's first form saves a supporter, not an action with an idempotency key: each of its tokens
-- is marked used here, so that a replayed post is refused. Rows outlive the tokens (2 h) and are then pruned.
create table embedded_form_use (
    nonce   varchar(22) primary key,
    used_at timestamptz not null default now()
);
create index embedded_form_use_used_idx on embedded_form_use (used_at);

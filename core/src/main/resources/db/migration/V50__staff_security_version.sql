-- Bumped whenever a staff user's role, enabled state or password changes. A console session
-- remembers the value it logged in with; a session holding an older value ends on its next request.
alter table staff_user add column security_version integer not null default 0;

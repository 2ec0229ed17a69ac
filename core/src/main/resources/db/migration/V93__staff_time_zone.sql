-- The time zone the console shows dates in for this staff member; null means the organisation's
-- (advocacy.console.time-zone). An IANA id such as America/Chicago.
alter table staff_user add column time_zone text;

-- More views the supporters feature publishes for reminder sending (see V160): the reminders read these, never
-- the supporter and meeting_request tables. PostgreSQL inlines simple views, so the readers' plans stay the same.

-- supporters: every supporter's contact details and whether any email may go to them now (the generated column
-- of V141), read at send time so that an unsubscribe committed before a claim is always seen.
create view supporter_contact as
select id, email, name, state, district, unsubscribe_token, subscribed, consent_confirmed_at
from supporter;

-- supporters: the meetings staff have scheduled with a member's office.
create view scheduled_meeting as
select id, supporter_id, campaign_id, bioguide_id, scheduled_for
from meeting_request
where status = 'SCHEDULED';

-- supporters: when each action was taken as well (a nudge names the campaign of the latest sign-up).
create or replace view supporter_action_taken as
select supporter_id, campaign_id, action_type, occurred_at
from supporter_action
where supporter_id is not null;

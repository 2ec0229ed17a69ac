-- Views other features read instead of these tables (reminder audiences select in SQL for speed).
-- Each view belongs to the feature that owns its table; change the view with the table, and the
-- readers keep working. PostgreSQL inlines simple views, so the readers' plans stay the same.

-- supporters: the only supporters any email may go to (confirmed their consent, not unsubscribed).
create view subscribed_supporter as
select id, email, name, state, district, unsubscribe_token
from supporter
where subscribed; -- the generated column (V141) is the one rule

-- supporters: who took which action on which campaign (erased supporters' actions have no one).
create view supporter_action_taken as
select supporter_id, campaign_id, action_type
from supporter_action
where supporter_id is not null;

-- legislators: the senators in office, by state.
create view sitting_senator as
select bioguide_id, state
from legislator
where chamber = 'SENATE' and in_office;

-- bills: the members who cosponsored each bill.
create view bill_cosponsorship as
select bill_id, bioguide_id
from bill_cosponsor;

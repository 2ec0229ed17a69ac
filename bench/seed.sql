-- Realistic volume for the benchmarks: :supporters supporters spread over real ZIPs, and :actions actions
-- spread over the real roster, the last year and every action type. Run after the app's first start
-- (schema, roster, districts and the demo campaign exist).
\set ON_ERROR_STOP on
begin;
create temporary table bench_zip as
  select row_number() over (order by zcta, state, district) as n, zcta, state, district from zcta_district;
create temporary table bench_member as
  select row_number() over (order by bioguide_id) as n, bioguide_id, state, district from legislator where in_office;

insert into supporter (email, name, zip, state, district, email_consent, consent_requested_at, consent_confirmed_at,
                       unsubscribe_token, created_at, updated_at)
select 'supporter' || g || '@bench.example.org', 'Bench Supporter ' || g, z.zcta, z.state, z.district,
       g % 3 = 0, now() - interval '200 days', case when g % 3 = 0 then now() - interval '199 days' end,
       md5('bench-unsubscribe-' || g), now() - (g % 365) * interval '1 day', now()
from generate_series(1, :supporters) g
join bench_zip z on z.n = 1 + (g::bigint * 7919) % (select count(*) from bench_zip);

insert into supporter_action (supporter_id, campaign_id, action_type, bioguide_id, delivery_method, outcome,
                              state, district, occurred_at, idempotency_key)
select s.id,
       (select id from campaign where slug = 'tsra'),
       (array['LETTER', 'CALL', 'MEETING_REQUEST'])[1 + g % 3],
       m.bioguide_id,
       case g % 3 when 0 then 'MAILTO' when 1 then 'PHONE' end,
       case g % 3 when 1 then (array['TALKED_TO_STAFF', 'VOICEMAIL', 'BUSY', 'NO_ANSWER'])[1 + g % 4]
                  when 2 then 'REQUESTED' end,
       m.state, m.district,
       now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second',
       'bench-' || g
from generate_series(1, :actions) g
join supporter s on s.email = 'supporter' || (1 + g % :supporters) || '@bench.example.org'
join bench_member m on m.n = 1 + (g::bigint * 104729) % (select count(*) from bench_member);
commit;
analyze supporter;
analyze supporter_action;

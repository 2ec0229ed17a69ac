-- The real Vermont delegation (119th Congress), copied from the congress-legislators roster
-- (legislators-current.yaml, legislators-district-offices.yaml) and the ZCTA table (zccd.csv).
-- "on conflict do nothing" lets it coexist with a fully loaded roster.
insert into legislator (bioguide_id, first_name, middle_name, last_name, nickname, official_name, chamber, state,
                        district, senate_class, state_rank, party, caucus, dc_address, dc_office, phone, website_url,
                        contact_form_url, term_start, term_end)
values ('B001318', 'Becca', 'A.', 'Balint', null, 'Becca Balint', 'HOUSE', 'VT', 0, null, null, 'Democrat', null,
        '1510 Longworth House Office Building Washington DC 20515-4500', '1510 Longworth House Office Building',
        '202-225-4115', 'https://balint.house.gov', null, '2025-01-03', '2027-01-03'),
       ('S000033', 'Bernard', null, 'Sanders', 'Bernie', 'Bernard Sanders', 'SENATE', 'VT', null, 1, 'senior',
        'Independent', 'Democrat', '332 Dirksen Senate Office Building Washington DC 20510',
        '332 Dirksen Senate Office Building', '202-224-5141', 'https://www.sanders.senate.gov',
        'https://www.sanders.senate.gov/contact/', '2025-01-03', '2031-01-03'),
       ('W000800', 'Peter', null, 'Welch', null, 'Peter Welch', 'SENATE', 'VT', null, 3, 'junior', 'Democrat', null,
        '115 Russell Senate Office Building Washington DC 20510', '115 Russell Senate Office Building',
        '202-224-4242', 'https://www.welch.senate.gov', 'https://www.welch.senate.gov/email-peter/', '2023-01-03',
        '2029-01-03')
on conflict do nothing;

insert into district_office (id, bioguide_id, address, suite, building, city, state, zip, phone, fax, hours, latitude,
                             longitude)
values ('B001318-brattleboro', 'B001318', '130 Austine Drive', '2nd Floor', 'Holton Hall', 'Brattleboro', 'VT', '05301',
        '802-652-2450', '771-200-5791', 'By Appointment Only', 42.842242, -72.574576),
       ('B001318-burlington', 'B001318', '159 Bank Street', 'Suite 204', null, 'Burlington', 'VT', '05401',
        '802-652-2450', '771-200-5791', null, 44.4780411, -73.21308619999999),
       ('S000033-burlington', 'S000033', '1 Church St.', '3rd Floor', null, 'Burlington', 'VT', '05401',
        '802-862-0697', '802-860-6370', null, 44.4802081, -73.21307019999999),
       ('W000800-burlington', 'W000800', '199 Main St.', '4th Floor', null, 'Burlington', 'VT', '05401',
        '802-863-2525', '202-228-7575', null, 44.475563, -73.211276)
on conflict do nothing;

insert into zcta_district (zcta, state, district)
values ('05401', 'VT', 0), ('05301', 'VT', 0), ('05001', 'VT', 0)
on conflict do nothing;

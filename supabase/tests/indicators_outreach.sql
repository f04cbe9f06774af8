-- Outreach indicators (Actions 12, 13) per team and quartier: a hand-made dataset and the
-- expected numbers computed by hand. Definitions: docs/indicators.md.
--
-- Period P = 2020-10-01 .. 2021-03-31 (Paris dates). Teams: N (EDL, quartiers Nord, Sud),
-- E (PLIE, quartiers Est, Ouest), Z (deleted, quartier Z).
-- Contacts (met_at, consent, orientation -> referral, status, publics):
--   c1  N Nord  2020-10-05            consent  S1 accepted            in_parcours  rsa, under 26
--   c2  N Nord  2020-11-01            -        S1 pending             oriented     rsa unknown
--   c3  N Nord  2021-01-15            -        -                      new          over 50
--   c4  N Sud   2020-12-31 23:30+01   consent  S1 appointment_planned oriented     rsa, single parent
--   c5  N Sud   2021-04-01 00:30+02   consent  -                      follow_up    (after P in Paris)
--   c6  N Nord  2020-10-01 00:30+02   -        S1 declined            closed       (in P in Paris)
--   c7  E Est   2021-02-10            consent  S1 accepted            in_parcours  rsa no, over 50
--   c8  E Est   2020-12-05            consent  -  DELETED by hand     new
--   c9  E Est   2020-11-15            consent  -  erased by retention closed       rsa
--   c10 E "Hors liste" 2021-03-01     -        -                      new
--   c11 N Nord  2020-09-30 23:30+02   -        -                      new          (before P)
--   c12 Z Z     2021-01-10            -        -                      new          (deleted team)
--
-- Expected in P (met consent anon oriented pending accepted appt declined in_parcours rsa u26 o50 single):
--   N Nord        4 1 3 3 1 1 0 1 1 1 1 1 0
--   N Sud         1 1 0 1 0 1 1 0 0 1 0 0 1
--   E Hors liste  1 0 1 0 0 0 0 0 0 0 0 0 0
--   E Est         2 2 0 1 0 1 0 0 1 1 0 1 0
--   E Ouest       0 0 0 0 0 0 0 0 0 0 0 0 0
--   Z Z           1 0 1 0 0 0 0 0 0 0 0 0 0
begin;
\ir helpers/setup.psql
select plan(7);

insert into public.teams (id, kind, name, quartiers, deleted_at) values
  ('1d300000-0000-4000-8000-00000000000a', 'EDL', 'Indic équipe N', '{"Q Nord","Q Sud"}', null),
  ('1d300000-0000-4000-8000-00000000000b', 'PLIE', 'Indic équipe E', '{"Q Est","Q Ouest"}', null),
  ('1d300000-0000-4000-8000-00000000000c', 'EDL', 'Indic équipe Z', '{"Q Z"}', '2021-03-01');
insert into public.structures (id, kind, name, status) values
  ('1d400000-0000-4000-8000-000000000001', 'EI', 'Indic EI', 'published');

insert into public.outreach_contacts (id, team_id, quartier, met_at, met_how, consent, consent_version, consent_at,
                                      first_name_or_alias, oriented_structure_id, referral_status,
                                      referral_decline_reason, status, rsa, under_26, over_50, single_parent,
                                      deleted_at, reduced_at)
select c.id::uuid, ('1d300000-0000-4000-8000-00000000000' || c.team)::uuid, c.quartier, c.met::timestamptz, 'street',
       c.consent, case when c.consent then 'consent-v1' end, case when c.consent then c.met::timestamptz end,
       case when c.consent then 'Prénom' end,
       case when c.oriented then '1d400000-0000-4000-8000-000000000001'::uuid end, c.referral,
       case when c.referral = 'declined' then 'Déjà suivi ailleurs' end, c.status, c.rsa,
       'u26' = any (c.publics), 'o50' = any (c.publics), 'single' = any (c.publics),
       c.deleted::timestamptz, c.reduced::timestamptz
  from (values
    ('1d500000-0000-4000-8000-000000000001', 'a', 'Q Nord', '2020-10-05 10:00+02', true, true, 'accepted',
     'in_parcours', 'yes', '{u26}'::text[], null, null),
    ('1d500000-0000-4000-8000-000000000002', 'a', 'Q Nord', '2020-11-01 10:00+01', false, true, 'pending',
     'oriented', 'unknown', '{}', null, null),
    ('1d500000-0000-4000-8000-000000000003', 'a', 'Q Nord', '2021-01-15 10:00+01', false, false, 'none',
     'new', 'unknown', '{o50}', null, null),
    ('1d500000-0000-4000-8000-000000000004', 'a', 'Q Sud', '2020-12-31 23:30+01', true, true, 'appointment_planned',
     'oriented', 'yes', '{single}', null, null),
    ('1d500000-0000-4000-8000-000000000005', 'a', 'Q Sud', '2021-04-01 00:30+02', true, false, 'none',
     'follow_up', 'unknown', '{}', null, null),
    ('1d500000-0000-4000-8000-000000000006', 'a', 'Q Nord', '2020-10-01 00:30+02', false, true, 'declined',
     'closed', 'unknown', '{}', null, null),
    ('1d500000-0000-4000-8000-000000000007', 'b', 'Q Est', '2021-02-10 10:00+01', true, true, 'accepted',
     'in_parcours', 'no', '{o50}', null, null),
    ('1d500000-0000-4000-8000-000000000008', 'b', 'Q Est', '2020-12-05 10:00+01', true, false, 'none',
     'new', 'unknown', '{}', '2020-12-06 10:00+01', null),
    ('1d500000-0000-4000-8000-000000000009', 'b', 'Q Est', '2020-11-15 10:00+01', true, false, 'none',
     'closed', 'yes', '{}', '2021-11-16 10:00+01', '2021-11-16 10:00+01'),
    ('1d500000-0000-4000-8000-000000000010', 'b', 'Hors liste', '2021-03-01 10:00+01', false, false, 'none',
     'new', 'unknown', '{}', null, null),
    ('1d500000-0000-4000-8000-000000000011', 'a', 'Q Nord', '2020-09-30 23:30+02', false, false, 'none',
     'new', 'unknown', '{}', null, null),
    ('1d500000-0000-4000-8000-000000000012', 'c', 'Q Z', '2021-01-10 10:00+01', false, false, 'none',
     'new', 'unknown', '{}', null, null)
  ) as c(id, team, quartier, met, consent, oriented, referral, status, rsa, publics, deleted, reduced);

create temporary table mine (id uuid primary key) on commit drop;
insert into mine select id from public.teams where name like 'Indic %';
grant select on mine to authenticated;

select tests.act_as('coordinator');

select results_eq(
  $$ select team_name, quartier,
            array[met, with_consent, anonymous, oriented, referral_pending, referral_accepted, appointment_planned,
                  referral_declined, in_parcours, rsa, under_26, over_50, single_parent]
       from public.indicators_outreach('2020-10-01', '2021-03-31')
      where team_id in (select id from mine) $$,
  $$ values ('Indic équipe E'::text, 'Hors liste'::text, array[1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::bigint[]),
            ('Indic équipe E', 'Q Est', array[2, 2, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0]::bigint[]),
            ('Indic équipe E', 'Q Ouest', array[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::bigint[]),
            ('Indic équipe N', 'Q Nord', array[4, 1, 3, 3, 1, 1, 0, 1, 1, 1, 1, 1, 0]::bigint[]),
            ('Indic équipe N', 'Q Sud', array[1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1]::bigint[]),
            ('Indic équipe Z', 'Q Z', array[1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::bigint[]) $$,
  'people met, consent, orientation, referrals, parcours and publics per team and quartier, ordered by team and quartier');

select results_eq(
  $$ select team_kind, count(*)::int from public.indicators_outreach('2020-10-01', '2021-03-31')
      where team_id in (select id from mine) group by team_kind order by team_kind $$,
  $$ values ('EDL'::text, 3), ('PLIE', 3) $$,
  'each row carries its team''s kind');

-- Calendar year 2021: c5 (1 April 00:30 Paris) now counts; c1, c2, c4, c6, c9 do not.
select results_eq(
  $$ select team_name, quartier, met, with_consent
       from public.indicators_outreach('2021-01-01', '2021-12-31')
      where team_id in (select id from mine) $$,
  $$ values ('Indic équipe E'::text, 'Hors liste'::text, 1::bigint, 0::bigint), ('Indic équipe E', 'Q Est', 1, 1),
            ('Indic équipe E', 'Q Ouest', 0, 0), ('Indic équipe N', 'Q Nord', 1, 0),
            ('Indic équipe N', 'Q Sud', 1, 1), ('Indic équipe Z', 'Q Z', 1, 0) $$,
  'calendar year 2021: the Paris day boundary is applied');

-- October-December 2020: a quartier outside the team's list with nobody met gets no row;
-- the deleted team without contacts gets none either; the declared quartiers get zeros.
select results_eq(
  $$ select team_name, quartier, met
       from public.indicators_outreach('2020-10-01', '2020-12-31')
      where team_id in (select id from mine) $$,
  $$ values ('Indic équipe E'::text, 'Q Est'::text, 1::bigint), ('Indic équipe E', 'Q Ouest', 0),
            ('Indic équipe N', 'Q Nord', 3), ('Indic équipe N', 'Q Sud', 1) $$,
  'zeros for declared quartiers, no row for undeclared quartiers or deleted teams without contacts');

select results_eq(
  $$ select d, (select sum(met) from public.indicators_outreach(d, d) where team_id in (select id from mine))
       from unnest(array['2020-09-30', '2020-10-01', '2020-12-31', '2021-01-01', '2021-03-31', '2021-04-01']::date[])
            with ordinality as x(d, n)
      order by n $$,
  $$ values ('2020-09-30'::date, 1::numeric), ('2020-10-01', 1), ('2020-12-31', 1), ('2021-01-01', 0),
            ('2021-03-31', 0), ('2021-04-01', 1) $$,
  'one-day periods: contacts met late at night are counted on their Paris date');

select ok(
  (select bool_and(met = 0) from public.indicators_outreach('2001-01-01', '2001-12-31')),
  'a period with nobody met gives zeros for every declared quartier');

select is(
  (select count(*) from public.indicators_outreach('2001-01-01', '2001-12-31')),
  (select count(*) from public.teams t cross join unnest(t.quartiers) where t.deleted_at is null),
  'one row per declared quartier of every team, even with nobody met');

select * from finish();
rollback;

-- Action 41 indicators per prestation: a hand-made dataset, the expected numbers computed by
-- hand (see the table below) and written as literals. Definitions: docs/indicators.md.
--
-- Main period P = 2020-10-01 .. 2021-03-31 (Paris dates, crosses 31 December). The seed's
-- offers are dated around the seeding day, years later, so they never fall in P.
--
-- Prestations: A and B published, C published with entries but no exits, D draft without
-- activity, E archived with one exit in P, F published but deleted.
-- Offers (entered -> exited, category, priority flags at entry):
--   o1  u1 A  2020-10-05 -> 2020-12-15  new_prestation          rsa qpv
--   o2  u2 A  2020-11-02 -> 2021-01-10  abandon                 woman rsa     (crosses 31 Dec)
--   o3  u3 A  2020-09-15 -> 2020-10-20  employment_durable      senior        (entry before P)
--   o4  u1 A  2021-01-04 (still in)                             rsa qpv       (u1's 2nd entry in A)
--   o5  u4 A  2020-10-01 00:30+02 -> 2021-04-01 00:30+02  employment_transition  (none)
--              (in P by Paris date, 30 Sept in UTC; exit 1 April in Paris, 31 March in UTC)
--   o6  u5 A  2020-11-10 -> 2020-12-01  positive_exit  DELETED  woman
--   o7  u6 A  2020-09-01 (still in, entry before P)             rsa
--   o8  u5 B  2020-10-12 -> 2021-02-15  positive_exit           woman under_26 grand_exclu
--   o9  u6 B  2020-12-31 23:30+01 -> 2021-03-01  employment_durable   senior rsa
--   o10 u7 B  2021-01-01 00:15+01 -> 2021-03-15  other          (none)
--              (1 January in Paris, 31 December in UTC)
--   o11 u8 B  2020-06-01 -> 2020-10-30  employment_transition   woman         (entry before P)
--   o12 u2 B  proposed only; o13b u4 B not_interested
--   o13 u3 C  2021-02-01 (still in)                             senior qpv
--   o14 u8 C  2021-04-02 (still in, after P)                    rsa
--   o15 u7 E  2020-05-01 -> 2020-11-20  abandon (moved away)    rsa
--
-- Expected in P:
--             entries entrants rsa qpv woman senior u26 gex any | exits exiters newp aband dur trans pos other empl
--   A            4       3      3   2    1     0     0   0   3  |   3     3      1    1    1    0    0    0     1
--   B            3       3      1   0    1     1     1   1   2  |   4     4      0    0    1    1    1    1     3
--   C            1       1      0   1    0     1     0   0   1  |   0     0      0    0    0    0    0    0     0
--   E            0       0      0   0    0     0     0   0   0  |   1     1      0    1    0    0    0    0     0
--   total        8       7      4   3    2     2     1   1   6  |   8     7      1    2    2    1    1    1     4
-- Exits by priority public (rsa qpv woman senior u26 gex any):
--   A 2 1 1 1 0 0 3 | B 1 0 2 1 1 1 3 | C 0 0 0 0 0 0 0 | E 1 0 0 0 0 0 1 | total 4 1 3 2 1 1 7
begin;
\ir helpers/setup.psql
select plan(14);

insert into auth.users (id, email) values
  ('1d000000-0000-4000-8000-000000000001', 'u1@indicators.test'),
  ('1d000000-0000-4000-8000-000000000002', 'u2@indicators.test'),
  ('1d000000-0000-4000-8000-000000000003', 'u3@indicators.test'),
  ('1d000000-0000-4000-8000-000000000004', 'u4@indicators.test'),
  ('1d000000-0000-4000-8000-000000000005', 'u5@indicators.test'),
  ('1d000000-0000-4000-8000-000000000006', 'u6@indicators.test'),
  ('1d000000-0000-4000-8000-000000000007', 'u7@indicators.test'),
  ('1d000000-0000-4000-8000-000000000008', 'u8@indicators.test');

insert into public.prestations (id, registre, title, status, deleted_at) values
  ('1d100000-0000-4000-8000-00000000000a', 'formation', 'Indic A atelier', 'published', null),
  ('1d100000-0000-4000-8000-00000000000b', 'emploi_durable', 'Indic B chantier', 'published', null),
  ('1d100000-0000-4000-8000-00000000000c', 'formation', 'Indic C passerelle', 'published', null),
  ('1d100000-0000-4000-8000-00000000000d', 'ess', 'Indic D brouillon', 'draft', null),
  ('1d100000-0000-4000-8000-00000000000e', 'intermediation', 'Indic E archivée', 'archived', null),
  ('1d100000-0000-4000-8000-00000000000f', 'ess', 'Indic F supprimée', 'published', '2020-01-01');

create temporary table mine (id uuid primary key) on commit drop;
insert into mine select id from public.prestations where title like 'Indic %';
grant select on mine to authenticated;

insert into public.prestation_offers (id, allocataire_id, prestation_id, status, proposed_at, entered_at, exited_at,
                                      exit_category, exit_detail, deleted_at, priority_rsa, priority_qpv,
                                      priority_woman, priority_senior, priority_under_26, priority_grand_exclu)
select o.id::uuid, ('1d000000-0000-4000-8000-00000000000' || o.u)::uuid,
       ('1d100000-0000-4000-8000-00000000000' || o.p)::uuid, o.status, '2020-01-01',
       o.entered::timestamptz, o.exited::timestamptz, o.cat, o.detail, o.deleted::timestamptz,
       'rsa' = any (o.flags), 'qpv' = any (o.flags), 'woman' = any (o.flags), 'senior' = any (o.flags),
       'u26' = any (o.flags), 'gex' = any (o.flags)
  from (values
    ('1d200000-0000-4000-8000-000000000001', 1, 'a', 'exited', '2020-10-05 10:00+02', '2020-12-15 10:00+01',
     'new_prestation', 'Entrée en chantier d''insertion', null, '{rsa,qpv}'::text[]),
    ('1d200000-0000-4000-8000-000000000002', 2, 'a', 'exited', '2020-11-02 10:00+01', '2021-01-10 10:00+01',
     'abandon', null, null, '{woman,rsa}'),
    ('1d200000-0000-4000-8000-000000000003', 3, 'a', 'exited', '2020-09-15 10:00+02', '2020-10-20 10:00+02',
     'employment_durable', 'CDI', null, '{senior}'),
    ('1d200000-0000-4000-8000-000000000004', 1, 'a', 'entered', '2021-01-04 10:00+01', null,
     null, null, null, '{rsa,qpv}'),
    ('1d200000-0000-4000-8000-000000000005', 4, 'a', 'exited', '2020-10-01 00:30+02', '2021-04-01 00:30+02',
     'employment_transition', 'Intérim 2 mois', null, '{}'),
    ('1d200000-0000-4000-8000-000000000006', 5, 'a', 'exited', '2020-11-10 10:00+01', '2020-12-01 10:00+01',
     'positive_exit', null, '2020-12-02 10:00+01', '{woman}'),
    ('1d200000-0000-4000-8000-000000000007', 6, 'a', 'entered', '2020-09-01 10:00+02', null,
     null, null, null, '{rsa}'),
    ('1d200000-0000-4000-8000-000000000008', 5, 'b', 'exited', '2020-10-12 10:00+02', '2021-02-15 10:00+01',
     'positive_exit', 'Formation qualifiante', null, '{woman,u26,gex}'),
    ('1d200000-0000-4000-8000-000000000009', 6, 'b', 'exited', '2020-12-31 23:30+01', '2021-03-01 10:00+01',
     'employment_durable', 'Création d''entreprise', null, '{senior,rsa}'),
    ('1d200000-0000-4000-8000-000000000010', 7, 'b', 'exited', '2021-01-01 00:15+01', '2021-03-15 10:00+01',
     'other', null, null, '{}'),
    ('1d200000-0000-4000-8000-000000000011', 8, 'b', 'exited', '2020-06-01 10:00+02', '2020-10-30 10:00+01',
     'employment_transition', 'CDD 4 mois', null, '{woman}'),
    ('1d200000-0000-4000-8000-000000000012', 2, 'b', 'proposed', null, null, null, null, null, '{rsa}'),
    ('1d200000-0000-4000-8000-000000000112', 4, 'b', 'not_interested', null, null, null, null, null, '{rsa}'),
    ('1d200000-0000-4000-8000-000000000013', 3, 'c', 'entered', '2021-02-01 10:00+01', null,
     null, null, null, '{senior,qpv}'),
    ('1d200000-0000-4000-8000-000000000014', 8, 'c', 'entered', '2021-04-02 10:00+02', null,
     null, null, null, '{rsa}'),
    ('1d200000-0000-4000-8000-000000000015', 7, 'e', 'exited', '2020-05-01 10:00+02', '2020-11-20 10:00+01',
     'abandon', 'Déménagement hors de Paris', null, '{rsa}')
  ) as o(id, u, p, status, entered, exited, cat, detail, deleted, flags);

select tests.act_as('coordinator');

select results_eq(
  $$ select prestation_title, array[entries, entrants, entries_rsa, entries_qpv, entries_woman, entries_senior,
                                    entries_under_26, entries_grand_exclu, entries_priority_any]
       from public.indicators_prestations('2020-10-01', '2021-03-31')
      where prestation_id in (select id from mine) or is_total
      order by is_total, prestation_title $$,
  $$ values ('Indic A atelier', array[4, 3, 3, 2, 1, 0, 0, 0, 3]::bigint[]),
            ('Indic B chantier', array[3, 3, 1, 0, 1, 1, 1, 1, 2]::bigint[]),
            ('Indic C passerelle', array[1, 1, 0, 1, 0, 1, 0, 0, 1]::bigint[]),
            ('Indic E archivée', array[0, 0, 0, 0, 0, 0, 0, 0, 0]::bigint[]),
            (null, array[8, 7, 4, 3, 2, 2, 1, 1, 6]::bigint[]) $$,
  'entries, distinct entrants and entries by priority public, per prestation and in total');

select results_eq(
  $$ select prestation_title, array[exits, exiters, exits_new_prestation, exits_abandon, exits_employment_durable,
                                    exits_employment_transition, exits_positive, exits_other, exits_employment_total]
       from public.indicators_prestations('2020-10-01', '2021-03-31')
      where prestation_id in (select id from mine) or is_total
      order by is_total, prestation_title $$,
  $$ values ('Indic A atelier', array[3, 3, 1, 1, 1, 0, 0, 0, 1]::bigint[]),
            ('Indic B chantier', array[4, 4, 0, 0, 1, 1, 1, 1, 3]::bigint[]),
            ('Indic C passerelle', array[0, 0, 0, 0, 0, 0, 0, 0, 0]::bigint[]),
            ('Indic E archivée', array[1, 1, 0, 1, 0, 0, 0, 0, 0]::bigint[]),
            (null, array[8, 7, 1, 2, 2, 1, 1, 1, 4]::bigint[]) $$,
  'exits by Action 41 family, per prestation and in total');

select results_eq(
  $$ select prestation_title, array[exits_rsa, exits_qpv, exits_woman, exits_senior, exits_under_26,
                                    exits_grand_exclu, exits_priority_any]
       from public.indicators_prestations('2020-10-01', '2021-03-31')
      where prestation_id in (select id from mine) or is_total
      order by is_total, prestation_title $$,
  $$ values ('Indic A atelier', array[2, 1, 1, 1, 0, 0, 3]::bigint[]),
            ('Indic B chantier', array[1, 0, 2, 1, 1, 1, 3]::bigint[]),
            ('Indic C passerelle', array[0, 0, 0, 0, 0, 0, 0]::bigint[]),
            ('Indic E archivée', array[1, 0, 0, 0, 0, 0, 1]::bigint[]),
            (null, array[4, 1, 3, 2, 1, 1, 7]::bigint[]) $$,
  'exits by priority public, per prestation and in total');

select results_eq(
  $$ select prestation_title, registre, prestation_status, is_total
       from public.indicators_prestations('2020-10-01', '2021-03-31')
      where prestation_id in (select id from mine) or is_total
      order by is_total, prestation_title $$,
  $$ values ('Indic A atelier'::text, 'formation'::text, 'published'::text, false),
            ('Indic B chantier', 'emploi_durable', 'published', false),
            ('Indic C passerelle', 'formation', 'published', false),
            ('Indic E archivée', 'intermediation', 'archived', false),
            (null, null, null, true) $$,
  'each row names its prestation; the total row names none');

select is(
  (select count(*) from public.indicators_prestations('2020-10-01', '2021-03-31') where not is_total),
  (select count(*) + 1 from public.prestations where status = 'published' and deleted_at is null),
  'one row per published prestation (zeros included) plus the archived one that had an exit');

select ok(
  (select bool_and(entries = 0 and exits = 0 and entries_priority_any = 0 and exits_priority_any = 0)
     from public.indicators_prestations('2020-10-01', '2021-03-31')
    where not is_total and prestation_id not in (select id from mine)),
  'prestations without activity in the period give rows of zeros, not missing rows');

select is_empty(
  $$ select prestation_title from public.indicators_prestations('2020-10-01', '2021-03-31')
      where prestation_id in ('1d100000-0000-4000-8000-00000000000d', '1d100000-0000-4000-8000-00000000000f') $$,
  'a draft prestation without activity and a deleted prestation give no row');

select is(
  (select row(sum(entries), sum(exits), sum(exits_employment_total))::text
     from public.indicators_prestations('2020-10-01', '2021-03-31') where not is_total),
  (select row(entries, exits, exits_employment_total)::text
     from public.indicators_prestations('2020-10-01', '2021-03-31') where is_total),
  'the prestation rows add up to the total row');

-- Calendar year 2021: the offers entered on 31 December 23:30 and 1 January 00:15 (Paris)
-- fall on each side; the exit on 1 April 00:30 Paris (31 March in UTC) now counts; E had
-- no activity and, being archived, disappears.
select results_eq(
  $$ select prestation_title, array[entries, entrants, exits, exiters]
       from public.indicators_prestations('2021-01-01', '2021-12-31')
      where prestation_id in (select id from mine) or is_total
      order by is_total, prestation_title $$,
  $$ values ('Indic A atelier', array[1, 1, 2, 2]::bigint[]),
            ('Indic B chantier', array[1, 1, 3, 3]::bigint[]),
            ('Indic C passerelle', array[2, 2, 0, 0]::bigint[]),
            (null, array[4, 4, 5, 5]::bigint[]) $$,
  'calendar year 2021: the year boundary and the Paris day boundary are applied');

select results_eq(
  $$ select d, (select array[entries, exits]
                  from public.indicators_prestations(d, d)
                 where prestation_id = '1d100000-0000-4000-8000-00000000000b')
       from unnest(array['2020-12-31', '2021-01-01', '2020-10-01', '2021-03-31']::date[]) with ordinality as x(d, n)
      order by n $$,
  $$ values ('2020-12-31'::date, array[1, 0]::bigint[]), ('2021-01-01', array[1, 0]::bigint[]),
            ('2020-10-01', array[0, 0]::bigint[]), ('2021-03-31', array[0, 0]::bigint[]) $$,
  'one-day periods: 31 December 23:30 and 1 January 00:15 (Paris) are each on their own day');

select results_eq(
  $$ select array[entries, exits]
       from public.indicators_prestations('2020-10-01', '2020-10-01')
      where prestation_id = '1d100000-0000-4000-8000-00000000000a' $$,
  $$ values (array[1, 0]::bigint[]) $$,
  'an entry at 00:30 Paris time on 1 October (30 September in UTC) counts on 1 October');

select results_eq(
  $$ select array[entries, exits]
       from public.indicators_prestations('2021-04-01', '2021-04-01')
      where prestation_id = '1d100000-0000-4000-8000-00000000000a' $$,
  $$ values (array[0, 1]::bigint[]) $$,
  'an exit at 00:30 Paris time on 1 April (31 March in UTC) counts on 1 April');

-- A period with no activity at all still answers: one row per published prestation and a
-- total of zeros.
select results_eq(
  $$ select array[entries, entrants, exits, exiters, entries_priority_any, exits_employment_total]
       from public.indicators_prestations('2001-01-01', '2001-12-31') where is_total $$,
  $$ values (array[0, 0, 0, 0, 0, 0]::bigint[]) $$,
  'an empty period gives a total row of zeros');

-- The soft-deleted offer o6 (positive exit in A on 1 December) is not counted; restoring
-- it shows it would have been.
select tests.act_as('postgres');
update public.prestation_offers set deleted_at = null where id = '1d200000-0000-4000-8000-000000000006';
select tests.act_as('coordinator');
select results_eq(
  $$ select array[entries, entrants, exits, exiters, exits_positive, entries_woman]
       from public.indicators_prestations('2020-10-01', '2021-03-31')
      where prestation_id = '1d100000-0000-4000-8000-00000000000a' $$,
  $$ values (array[5, 4, 4, 4, 1, 2]::bigint[]) $$,
  'a soft-deleted offer is excluded (restored, it adds one entry and one positive exit)');

select * from finish();
rollback;

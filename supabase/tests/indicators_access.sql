-- Indicator functions: coordinators only, aggregates only, a fixed contract of columns (the
-- back-office screens and the CSV export read them by name), validated periods.
begin;
\ir helpers/setup.psql
select plan(29);

create temporary table fns (sig text primary key) on commit drop;
insert into fns values ('public.indicators_prestations(date,date)'), ('public.indicators_outreach(date,date)'),
  ('public.indicators_appointments(date,date)');
grant select on fns to anon, authenticated;

-- ---- privileges ----
select ok(
  (select bool_and(not has_function_privilege('anon', sig::regprocedure, 'execute')) from fns)
  and not has_function_privilege('anon', 'public.indicators_period(date,date)', 'execute'),
  'anon cannot execute any indicator function');
select ok(
  not has_function_privilege('authenticated', 'public.indicators_period(date,date)', 'execute'),
  'the period guard is not an API endpoint');
select ok(
  (select bool_and(p.prosecdef and p.provolatile = 's' and p.proconfig @> array['search_path=""'])
     from fns join pg_proc p on p.oid = fns.sig::regprocedure),
  'each indicator function is security definer, stable, with search_path pinned to an empty path');

select tests.act_as('anon');
select throws_ok($$ select * from public.indicators_prestations('2021-01-01', '2021-12-31') $$, '42501', null,
  'anon cannot read prestation indicators');
select throws_ok($$ select * from public.indicators_outreach('2021-01-01', '2021-12-31') $$, '42501', null,
  'anon cannot read outreach indicators');
select throws_ok($$ select * from public.indicators_appointments('2021-01-01', '2021-12-31') $$, '42501', null,
  'anon cannot read appointment indicators');

-- ---- roles other than coordinator ----
select tests.act_as('allocataire');
select throws_ok($$ select * from public.indicators_prestations('2021-01-01', '2021-12-31') $$, '42501',
  'Les indicateurs sont réservés aux coordinateurs.', 'an allocataire cannot read prestation indicators');
select throws_ok($$ select * from public.indicators_outreach('2021-01-01', '2021-12-31') $$, '42501',
  'Les indicateurs sont réservés aux coordinateurs.', 'an allocataire cannot read outreach indicators');
select throws_ok($$ select * from public.indicators_appointments('2021-01-01', '2021-12-31') $$, '42501',
  'Les indicateurs sont réservés aux coordinateurs.', 'an allocataire cannot read appointment indicators');

select tests.act_as('referent');
select throws_ok($$ select * from public.indicators_prestations('2021-01-01', '2021-12-31') $$, '42501',
  'Les indicateurs sont réservés aux coordinateurs.', 'a référent cannot read prestation indicators');
select throws_ok($$ select * from public.indicators_outreach('2021-01-01', '2021-12-31') $$, '42501',
  'Les indicateurs sont réservés aux coordinateurs.', 'a référent cannot read outreach indicators');
select throws_ok($$ select * from public.indicators_appointments('2021-01-01', '2021-12-31') $$, '42501',
  'Les indicateurs sont réservés aux coordinateurs.', 'a référent cannot read appointment indicators');

select tests.act_as('outreach');
select throws_ok($$ select * from public.indicators_outreach('2021-01-01', '2021-12-31') $$, '42501',
  'Les indicateurs sont réservés aux coordinateurs.', 'an outreach worker cannot read outreach indicators');
select tests.act_as('groupe');
select throws_ok($$ select * from public.indicators_prestations('2021-01-01', '2021-12-31') $$, '42501',
  'Les indicateurs sont réservés aux coordinateurs.', 'a groupe ressource member cannot read prestation indicators');

-- A coordinator whose profile is deleted is no longer a coordinator.
select tests.act_as('postgres');
select tests.new_user('former-coordinator@indicators.test') as former \gset
update public.profiles set roles = '{coordinator}', deleted_at = now() where id = :'former';
select tests.act_as(:'former');
select throws_ok($$ select * from public.indicators_appointments('2021-01-01', '2021-12-31') $$, '42501', null,
  'a deleted coordinator profile cannot read indicators');

-- ---- coordinator ----
select tests.act_as('coordinator');
select lives_ok($$ select * from public.indicators_prestations('2021-01-01', '2021-12-31') $$,
  'a coordinator reads prestation indicators');
select lives_ok($$ select * from public.indicators_outreach('2021-01-01', '2021-12-31') $$,
  'a coordinator reads outreach indicators');
select lives_ok($$ select * from public.indicators_appointments('2021-01-01', '2021-12-31') $$,
  'a coordinator reads appointment indicators');

-- ---- periods ----
select throws_ok($$ select * from public.indicators_prestations('2021-12-31', '2021-01-01') $$, '22023',
  'La date de fin de la période précède sa date de début.', 'a period ending before it starts is refused');
select throws_ok($$ select * from public.indicators_outreach(null, '2021-01-01') $$, '22023',
  'La période doit avoir une date de début et une date de fin.', 'a period needs a start');
select throws_ok($$ select * from public.indicators_appointments('2021-01-01', null) $$, '22023',
  'La période doit avoir une date de début et une date de fin.', 'a period needs an end');
select throws_ok($$ select * from public.indicators_prestations('1900-01-01', '2021-01-01') $$, '22023',
  'La période doit être comprise entre 2000 et 2100.', 'absurd periods are refused');
select lives_ok($$ select * from public.indicators_prestations('2021-06-15', '2021-06-15') $$,
  'a one-day period is valid');

-- ---- the column contract: aggregates only, never a person ----
select is(
  (select array_agg(a.name order by a.n)
     from pg_proc p, unnest(p.proargnames, p.proargmodes) with ordinality as a(name, mode, n)
    where p.oid = 'public.indicators_prestations(date,date)'::regprocedure and a.mode = 't'),
  array['prestation_id', 'prestation_title', 'registre', 'prestation_status', 'is_total',
        'entries', 'entrants', 'entries_rsa', 'entries_qpv', 'entries_woman', 'entries_senior',
        'entries_under_26', 'entries_grand_exclu', 'entries_priority_any',
        'exits', 'exiters', 'exits_new_prestation', 'exits_abandon', 'exits_employment_durable',
        'exits_employment_transition', 'exits_positive', 'exits_other', 'exits_employment_total',
        'exits_rsa', 'exits_qpv', 'exits_woman', 'exits_senior', 'exits_under_26', 'exits_grand_exclu',
        'exits_priority_any']::text[],
  'indicators_prestations returns the documented columns');
select is(
  (select array_agg(a.name order by a.n)
     from pg_proc p, unnest(p.proargnames, p.proargmodes) with ordinality as a(name, mode, n)
    where p.oid = 'public.indicators_outreach(date,date)'::regprocedure and a.mode = 't'),
  array['team_id', 'team_name', 'team_kind', 'quartier', 'met', 'with_consent', 'anonymous', 'oriented',
        'referral_pending', 'referral_accepted', 'appointment_planned', 'referral_declined', 'in_parcours',
        'rsa', 'under_26', 'over_50', 'single_parent']::text[],
  'indicators_outreach returns the documented columns');
select is(
  (select array_agg(a.name order by a.n)
     from pg_proc p, unnest(p.proargnames, p.proargmodes) with ordinality as a(name, mode, n)
    where p.oid = 'public.indicators_appointments(date,date)'::regprocedure and a.mode = 't'),
  array['structure_id', 'structure_name', 'is_total', 'appointments', 'attended', 'missed', 'excused',
        'cancelled', 'pending', 'responded', 'reminded', 'reminders_sent', 'attendance_rate', 'no_show_rate',
        'response_rate']::text[],
  'indicators_appointments returns the documented columns');

-- The only uuids returned identify prestations, teams and structures, never a person.
select is_empty(
  $$ select x.id from public.indicators_prestations('2000-01-01', '2100-12-31') r
      cross join lateral (values (r.prestation_id)) x(id)
      where x.id in (select id from public.profiles) $$,
  'no prestation indicator carries a person''s id');
select is_empty(
  $$ select r.team_id from public.indicators_outreach('2000-01-01', '2100-12-31') r
      where r.team_id not in (select id from public.teams) $$,
  'outreach indicators carry team ids only');
select is_empty(
  $$ select r.structure_id from public.indicators_appointments('2000-01-01', '2100-12-31') r
      where r.structure_id is not null and r.structure_id not in (select id from public.structures) $$,
  'appointment indicators carry structure ids only');

select * from finish();
rollback;

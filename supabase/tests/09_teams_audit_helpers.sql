-- Teams, the audit log and the role helpers.
begin;
\ir helpers/setup.psql
select plan(27);

-- ---- teams ----
select tests.act_as('anon');
select throws_ok($$ select * from public.teams $$, '42501', null, 'anon cannot read teams');
select tests.act_as('allocataire');
select is_empty($$ select id from public.teams $$, 'an allocataire reads no team');
select tests.act_as('groupe');
select is_empty($$ select id from public.teams $$, 'a groupe member reads no team');
select tests.act_as('outreach');
select results_eq($$ select id from public.teams $$, array['7ea00000-0000-4000-8000-000000000001'::uuid],
  'an outreach worker reads their own team only');
select is(tests.affected($$ update public.teams set quartiers = '{Belleville}' $$), 0,
  'an outreach worker cannot edit teams');
select throws_ok($$ insert into public.teams (kind, name) values ('EDL', 'x') $$, '42501', null,
  'an outreach worker cannot create teams');
select tests.act_as('referent');
select is((select count(*) from public.teams), 2::bigint, 'a référent reads the teams (to know who orients to them)');
select is(tests.affected($$ update public.teams set name = 'x' $$), 0, 'a référent cannot edit teams');
select tests.act_as('coordinator');
select is((select count(*) from public.teams), 2::bigint, 'a coordinator reads every team');
select lives_ok($$ insert into public.teams (kind, name, quartiers, arrondissements)
                  values ('EDL', 'EDL Porte de Montreuil', '{"Porte de Montreuil"}', '{20}') $$,
  'a coordinator creates a team');
select is(tests.affected($$ update public.teams set quartiers = quartiers || '{Belleville}'::text[]
                             where id = '7ea00000-0000-4000-8000-000000000002' $$), 1,
  'a coordinator edits a team');
select throws_ok($$ insert into public.teams (kind, name) values ('CCAS', 'x') $$, '23514', null,
  'teams are EDL or PLIE');
select throws_ok($$ delete from public.teams $$, '42501', null, 'teams are not hard-deleted through the API');

-- ---- audit log ----
select tests.act_as('anon');
select throws_ok($$ select * from public.audit_log $$, '42501', null, 'anon cannot read the audit log');
select tests.act_as('allocataire');
select is_empty($$ select id from public.audit_log $$, 'an allocataire reads no audit entry');
select tests.act_as('referent');
select is_empty($$ select id from public.audit_log $$, 'a référent reads no audit entry');
select tests.act_as('outreach');
select is_empty($$ select id from public.audit_log $$, 'outreach reads no audit entry');
select tests.act_as('coordinator');
select ok((select count(*) from public.audit_log) > 0, 'a coordinator reads the audit log');
select throws_ok($$ insert into public.audit_log (action) values ('forged') $$, '42501', null,
  'a coordinator cannot forge audit entries');
select throws_ok($$ update public.audit_log set action = 'x' $$, '42501', null, 'nor alter them');
select throws_ok($$ delete from public.audit_log $$, '42501', null, 'nor delete them');

-- ---- helpers answer for the caller only ----
select tests.act_as('allocataire');
select ok(public.has_role('allocataire') and not public.has_role('coordinator'),
  'has_role reflects the caller''s profile');
select is((select count(*) from public.my_allocataire_ids()), 0::bigint, 'an allocataire follows nobody');
select tests.act_as('referent');
select is((select array_agg(x order by x) from public.my_allocataire_ids() x),
  array[tests.uid('allocataire'), tests.uid('groupe')], 'a référent follows their structure''s allocataires');
select is(public.my_structure_id(), '5e000000-0000-4000-8000-000000000001'::uuid, 'my_structure_id is the caller''s');
select tests.act_as('outreach2');
select is(public.my_team_id(), '7ea00000-0000-4000-8000-000000000002'::uuid, 'my_team_id is the caller''s');
select tests.act_as('anon');
select throws_ok($$ select public.has_role('coordinator') $$, '42501', null, 'anon cannot call the role helpers');

select tests.act_as('postgres');
select * from finish();
rollback;

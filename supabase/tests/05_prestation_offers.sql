-- Prestation offers and outcomes: allocataires read theirs and say interested or not;
-- référents propose and record entries and exits; coordinators read.
begin;
\ir helpers/setup.psql
select plan(31);

select tests.act_as('anon');
select throws_ok($$ select * from public.prestation_offers $$, '42501', null, 'anon cannot read offers');

select tests.act_as('allocataire');
select is((select count(*) from public.prestation_offers), 5::bigint, 'allocataire A reads their 5 offers');
select is_empty($$ select id from public.prestation_offers where allocataire_id <> tests.uid('allocataire') $$,
  'allocataire A reads no one else''s offers');
select tests.act_as('allocataire2');
select results_eq($$ select id from public.prestation_offers $$, array['0ff00000-0000-4000-8000-000000000006'::uuid],
  'allocataire B reads only their own offer');
select tests.act_as('groupe');
select is_empty($$ select id from public.prestation_offers $$, 'a groupe member with no offer reads none');
select tests.act_as('outreach');
select is_empty($$ select id from public.prestation_offers $$, 'outreach reads no offer');
select tests.act_as('referent');
select is((select count(*) from public.prestation_offers), 5::bigint, 'a référent reads their allocataires'' offers');
select tests.act_as('referent2');
select is_empty($$ select id from public.prestation_offers $$, 'another référent reads none of them');
select tests.act_as('coordinator');
select is((select count(*) from public.prestation_offers), 6::bigint, 'a coordinator reads every offer (indicators)');

-- ---- allocataire answers ----
select tests.act_as('allocataire');
select is(tests.affected($$ update public.prestation_offers set status = 'interested'
                             where id = '0ff00000-0000-4000-8000-000000000001' $$), 1,
  'an allocataire says they are interested');
select is(tests.affected($$ update public.prestation_offers set status = 'interested'
                             where id = '0ff00000-0000-4000-8000-000000000005' $$), 1,
  'an allocataire changes their mind');
select throws_ok($$ update public.prestation_offers set status = 'entered', entered_at = now()
                     where id = '0ff00000-0000-4000-8000-000000000002' $$,
  '42501', null, 'an allocataire cannot record their own entry');
select throws_ok($$ update public.prestation_offers set status = 'not_interested'
                     where id = '0ff00000-0000-4000-8000-000000000003' $$,
  '22023', null, 'an offer already entered takes no answer');
select throws_ok($$ update public.prestation_offers set prestation_id = 'b0000000-0000-4000-8000-000000000012'
                     where id = '0ff00000-0000-4000-8000-000000000001' $$,
  '42501', null, 'an allocataire cannot change what was proposed');
select is(tests.affected($$ update public.prestation_offers set status = 'interested'
                             where allocataire_id = tests.uid('allocataire2') $$), 0,
  'allocataire A cannot answer B''s offers');
select throws_ok($$ insert into public.prestation_offers (allocataire_id, prestation_id)
                     values (tests.uid('allocataire'), 'b0000000-0000-4000-8000-000000000012') $$,
  '42501', null, 'an allocataire cannot create an offer');

-- ---- référent ----
select tests.act_as('referent');
select lives_ok($$ insert into public.prestation_offers (id, allocataire_id, prestation_id, referent_id, priority_rsa, priority_woman)
                  values ('0ff00000-0000-4000-8000-0000000000c1', tests.uid('allocataire'),
                          'b0000000-0000-4000-8000-000000000027', tests.uid('referent'), true, true) $$,
  'a référent proposes a prestation to their allocataire');
select throws_ok($$ insert into public.prestation_offers (allocataire_id, prestation_id, referent_id)
                     values (tests.uid('allocataire2'), 'b0000000-0000-4000-8000-000000000027', tests.uid('referent')) $$,
  '42501', null, 'a référent cannot propose to an allocataire followed elsewhere');
select is(tests.affected($$ update public.prestation_offers set status = 'entered', entered_at = now()
                             where id = '0ff00000-0000-4000-8000-000000000002' $$), 1,
  'a référent records an entry');
select is(tests.affected($$ update public.prestation_offers
                               set status = 'exited', exited_at = now(), exit_category = 'employment_transition',
                                   exit_detail = 'CDD de 3 mois'
                             where id = '0ff00000-0000-4000-8000-000000000002' $$), 1,
  'a référent records an exit in one of the Action 41 families');
select throws_ok($$ update public.prestation_offers set status = 'exited', exited_at = now()
                     where id = '0ff00000-0000-4000-8000-000000000003' $$,
  '23514', null, 'an exit needs its category');
select throws_ok($$ update public.prestation_offers set status = 'entered'
                     where id = '0ff00000-0000-4000-8000-0000000000c1' $$,
  '23514', null, 'an entry needs its date');
select throws_ok($$ update public.prestation_offers set exit_category = 'lottery', status = 'exited',
                                                       entered_at = now(), exited_at = now()
                     where id = '0ff00000-0000-4000-8000-0000000000c1' $$,
  '23514', null, 'exit categories come from the fixed list');
select is(tests.affected($$ update public.prestation_offers set status = 'exited', entered_at = now() - interval '1 day',
                                   exited_at = now(), exit_category = 'abandon'
                             where id = '0ff00000-0000-4000-8000-000000000006' $$), 0,
  'a référent cannot update offers of an allocataire followed elsewhere');
select throws_ok($$ delete from public.prestation_offers where id = '0ff00000-0000-4000-8000-0000000000c1' $$,
  '42501', null, 'offers are not hard-deleted through the API');

select tests.act_as('coordinator');
select throws_ok($$ insert into public.prestation_offers (allocataire_id, prestation_id)
                     values (tests.uid('allocataire'), 'b0000000-0000-4000-8000-000000000012') $$,
  '42501', null, 'a coordinator cannot create offers');
select is(tests.affected($$ update public.prestation_offers set message = 'x' $$), 0, 'a coordinator updates no offer');
select tests.act_as('outreach');
select is(tests.affected($$ update public.prestation_offers set message = 'x' $$), 0, 'outreach updates no offer');
select throws_ok($$ insert into public.prestation_offers (allocataire_id, prestation_id)
                     values (tests.uid('allocataire'), 'b0000000-0000-4000-8000-000000000012') $$,
  '42501', null, 'outreach cannot create offers');

select tests.act_as('postgres');
select results_eq(
  $$ select status, responded_at is not null from public.prestation_offers
      where id in ('0ff00000-0000-4000-8000-000000000001', '0ff00000-0000-4000-8000-000000000002') order by id $$,
  $$ values ('interested', true), ('exited', true) $$,
  'answers are time-stamped and outcomes stored');
select is((select count(*) from public.prestation_offers where status = 'exited' and exit_category like 'employment%'),
  2::bigint, 'exits into employment are countable for Action 41');

select * from finish();
rollback;

-- Consultations and evaluations: coordinators open consultations and read evaluations only under
-- pseudonyms (functions); the groupe ressource reads open consultations and writes its own evaluations until closing.
begin;
\ir helpers/setup.psql
select plan(35);

-- A second groupe member, to check that evaluations stay personal.
create temporary table other_member on commit drop as select tests.new_user('membre2@example.org') as id;
grant select on other_member to public;
update public.profiles set roles = '{allocataire,groupe_ressource}' where id = (select id from other_member);

-- ---- consultations ----
select tests.act_as('anon');
select throws_ok($$ select * from public.consultations $$, '42501', null, 'anon cannot read consultations');
select throws_ok($$ select * from public.evaluations $$, '42501', null, 'anon cannot read evaluations');

select tests.act_as('groupe');
select results_eq($$ select id from public.consultations order by id $$,
  array['c0000000-0000-4000-8000-000000000001'::uuid, 'c0000000-0000-4000-8000-000000000003'::uuid],
  'the groupe reads open and published consultations, not drafts');
select throws_ok($$ insert into public.consultations (kind, title) values ('survey', 'x') $$, '42501', null,
  'the groupe cannot create a consultation');
select is(tests.affected($$ update public.consultations set title = 'x' $$), 0, 'the groupe updates no consultation');
select tests.act_as('allocataire');
select is_empty($$ select id from public.consultations $$, 'an allocataire outside the groupe reads no consultation');
select tests.act_as('referent');
select is_empty($$ select id from public.consultations $$, 'a référent reads no consultation');
select throws_ok($$ insert into public.consultations (kind, title) values ('survey', 'x') $$, '42501', null,
  'a référent cannot create a consultation');
select tests.act_as('outreach');
select is_empty($$ select id from public.consultations $$, 'outreach reads no consultation');

select tests.act_as('coordinator');
select is((select count(*) from public.consultations), 3::bigint, 'a coordinator reads every consultation');
select lives_ok($$ insert into public.consultations (id, kind, title, status, opens_at, closes_at)
                  values ('c0000000-0000-4000-8000-0000000000c1', 'survey', 'Consultation expirée', 'open',
                          now() - interval '10 days', now() - interval '1 day') $$,
  'a coordinator opens a consultation');
select is(tests.affected($$ update public.consultations set status = 'open', opens_at = now()
                             where id = 'c0000000-0000-4000-8000-000000000002' $$), 1,
  'a coordinator opens the draft evaluation');
select throws_ok($$ update public.consultations set status = 'published' where id = 'c0000000-0000-4000-8000-000000000001' $$,
  '23514', null, 'a consultation is published with its outcome');
select throws_ok($$ delete from public.consultations $$, '42501', null, 'consultations are not hard-deleted');

-- ---- evaluations ----
select tests.act_as('groupe');
select results_eq($$ select id from public.evaluations $$, array['ea000000-0000-4000-8000-000000000001'::uuid],
  'a groupe member reads their own evaluation');
select is(tests.affected($$ update public.evaluations set answers = '{"clarte":5}', submitted_at = now()
                             where id = 'ea000000-0000-4000-8000-000000000001' $$), 1,
  'a groupe member updates and submits their evaluation while the consultation is open');
select lives_ok($$ insert into public.evaluations (id, consultation_id, author_id, answers)
                  values ('ea000000-0000-4000-8000-0000000000c1', 'c0000000-0000-4000-8000-000000000002',
                          tests.uid('groupe'), '{"pertinence":4,"impact":3}') $$,
  'a groupe member evaluates a newly opened consultation');
select throws_ok($$ insert into public.evaluations (consultation_id, author_id, answers)
                     values ('c0000000-0000-4000-8000-000000000001', tests.uid('groupe'), '{}') $$,
  '23505', null, 'one evaluation per member and consultation');
select throws_ok($$ insert into public.evaluations (consultation_id, author_id, answers)
                     values ('c0000000-0000-4000-8000-000000000003', tests.uid('groupe'), '{}') $$,
  '42501', null, 'no evaluation of a consultation that is not open');
select throws_ok($$ insert into public.evaluations (consultation_id, author_id, answers)
                     values ('c0000000-0000-4000-8000-0000000000c1', tests.uid('groupe'), '{}') $$,
  '42501', null, 'no evaluation after the closing date');
select throws_ok($$ insert into public.evaluations (consultation_id, author_id, answers)
                     values ('c0000000-0000-4000-8000-000000000001', (select id from other_member), '{}') $$,
  '42501', null, 'nobody evaluates in another member''s name');
select throws_ok($$ update public.evaluations set consultation_id = 'c0000000-0000-4000-8000-000000000002'
                     where id = 'ea000000-0000-4000-8000-000000000001' $$,
  '42501', null, 'an evaluation stays attached to its consultation');
select throws_ok($$ insert into public.evaluations (consultation_id, author_id, answers)
                     values ('c0000000-0000-4000-8000-000000000001', tests.uid('groupe'), '[1,2]') $$,
  '23514', null, 'answers are a JSON object');

select tests.act_as((select id::text from other_member));
select is_empty($$ select id from public.evaluations $$, 'another groupe member cannot read my evaluations');
select is(tests.affected($$ update public.evaluations set answers = '{}' $$), 0,
  'another groupe member cannot change my evaluations');
select lives_ok($$ insert into public.evaluations (consultation_id, author_id, answers)
                  values ('c0000000-0000-4000-8000-000000000001', (select id from other_member), '{"clarte":2}') $$,
  'another groupe member writes their own');

select tests.act_as('allocataire');
select throws_ok($$ insert into public.evaluations (consultation_id, author_id, answers)
                     values ('c0000000-0000-4000-8000-000000000001', tests.uid('allocataire'), '{}') $$,
  '42501', null, 'an allocataire outside the groupe cannot evaluate');
select tests.act_as('referent');
select is_empty($$ select id from public.evaluations $$, 'a référent reads no evaluation');

select tests.act_as('coordinator');
select is((select count(*) from public.evaluations), 0::bigint,
  'a coordinator reads no evaluation directly (only under pseudonyms, through functions)');
select is(tests.affected($$ update public.evaluations set answers = '{}' $$), 0, 'a coordinator cannot alter evaluations');
select throws_ok($$ insert into public.evaluations (consultation_id, author_id)
                     values ('c0000000-0000-4000-8000-000000000001', tests.uid('coordinator')) $$,
  '42501', null, 'a coordinator does not evaluate');
select is(tests.affected($$ update public.consultations set status = 'closed'
                             where id = 'c0000000-0000-4000-8000-000000000001' $$), 1,
  'a coordinator closes the consultation');

select tests.act_as('groupe');
select is(tests.affected($$ update public.evaluations set answers = '{"clarte":1}'
                             where id = 'ea000000-0000-4000-8000-000000000001' $$), 0,
  'after closing, a member can no longer change their evaluation');
select is((select answers from public.evaluations where id = 'ea000000-0000-4000-8000-000000000001'),
  '{"clarte":5}'::jsonb, 'and still reads it');
select results_eq($$ select id from public.consultations where id = 'c0000000-0000-4000-8000-000000000001' $$,
  array['c0000000-0000-4000-8000-000000000001'::uuid], 'a closed consultation stays readable by the groupe');

select tests.act_as('postgres');
select * from finish();
rollback;

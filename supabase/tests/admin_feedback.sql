-- The coordinators' feedback inbox (sync mutations feedback.answer, feedback.assign,
-- feedback.set_status): coordinators only; the answer reaches its author exactly as written.
begin;
\ir helpers/setup.psql
select plan(30);

-- ---- privileges ----
select ok(
  (select bool_and(not has_function_privilege('anon', p.oid, 'execute') and not p.prosecdef
                   and p.proconfig @> array['search_path=""'])
     from pg_proc p where p.oid in ('public.m_feedback_answer(jsonb,bigint)'::regprocedure,
       'public.m_feedback_assign(jsonb,bigint)'::regprocedure, 'public.m_feedback_set_status(jsonb,bigint)'::regprocedure)),
  'feedback handlers: no anon execute, security invoker, empty search_path');

-- ---- only coordinators ----
select tests.act_as('allocataire');
select is(tests.push('feedback.answer', '{"id":"fb000000-0000-4000-8000-000000000003","answer":"Moi-même"}') ->> 'reason',
  'forbidden', 'an allocataire cannot answer feedback, not even their own');
select tests.act_as('referent');
select is(tests.push('feedback.answer', '{"id":"fb000000-0000-4000-8000-000000000003","answer":"Non"}') ->> 'reason',
  'forbidden', 'a référent cannot answer feedback');
select is(tests.push('feedback.set_status', '{"id":"fb000000-0000-4000-8000-000000000003","status":"closed"}') ->> 'reason',
  'forbidden', 'a référent cannot close feedback');
select tests.act_as('groupe');
select is(tests.push('feedback.assign', $j${"id":"fb000000-0000-4000-8000-000000000003","assigned_to":"de000000-0000-4000-8000-000000000005"}$j$) ->> 'reason',
  'forbidden', 'a groupe ressource member cannot assign feedback');
select tests.act_as('postgres');
select is((select status from public.feedback where id = 'fb000000-0000-4000-8000-000000000003'), 'received',
  'refused mutations changed nothing');

-- ---- answer ----
select tests.act_as('coordinator');
select is(tests.push('feedback.answer', jsonb_build_object('id', 'fb000000-0000-4000-8000-000000000003',
  'answer', E'Merci de nous l''avoir signalé.\nNous avons demandé à l''Espace insertion de prévenir par SMS.',
  'answer_locale', 'fr')) ->> 'status', 'applied', 'a coordinator answers');
select tests.act_as('postgres');
select results_eq(
  $$ select status, answered_by::text, answer_locale::text, answered_at is not null
       from public.feedback where id = 'fb000000-0000-4000-8000-000000000003' $$,
  $$ values ('answered', 'de000000-0000-4000-8000-000000000005', 'fr', true) $$,
  'answering marks the feedback answered, by whom and in which language');

select tests.act_as('allocataire');
select is((select answer from public.feedback where id = 'fb000000-0000-4000-8000-000000000003'),
  E'Merci de nous l''avoir signalé.\nNous avons demandé à l''Espace insertion de prévenir par SMS.',
  'the author reads the answer exactly as written, line breaks included');
select is((select count(*)::int from public.feedback where id = 'fb000000-0000-4000-8000-000000000005'), 0,
  'another allocataire''s request stays out of sight');

select tests.act_as('coordinator');
select is(tests.push('feedback.answer', '{"id":"fb000000-0000-4000-8000-000000000003","answer":"   "}') ->> 'field',
  'answer', 'an empty answer is refused, naming the field');
select is(tests.push('feedback.answer', '{"id":"fb000000-0000-4000-8000-000000000003","answer":"ok","answer_locale":"xx"}') ->> 'field',
  'answer_locale', 'an unknown answer language is refused');
select is(tests.push('feedback.answer', '{"id":"fb000000-0000-4000-8000-0000000000ff","answer":"ok"}') ->> 'reason',
  'not_found', 'answering unknown feedback: not found');
select is(tests.push('feedback.answer', '{"id":"fb000000-0000-4000-8000-000000000003","answer":"ok","extra":1}') ->> 'reason',
  'validation', 'unknown argument keys are refused');

-- A closed feedback answered later stays closed.
select is(tests.push('feedback.set_status', '{"id":"fb000000-0000-4000-8000-000000000005","status":"closed"}') ->> 'status',
  'applied', 'a coordinator closes a change-of-référent request');
select is(tests.push('feedback.answer', '{"id":"fb000000-0000-4000-8000-000000000005","answer":"Votre demande est transmise."}') ->> 'status',
  'applied', 'and may still answer it');
select tests.act_as('postgres');
select is((select status from public.feedback where id = 'fb000000-0000-4000-8000-000000000005'), 'closed',
  'answering a closed feedback keeps it closed');

-- ---- status ----
select tests.act_as('coordinator');
select is(tests.push('feedback.set_status', '{"id":"fb000000-0000-4000-8000-000000000004","status":"answered"}') ->> 'field',
  'status', '"answered" needs an answer first');
select is(tests.push('feedback.set_status', '{"id":"fb000000-0000-4000-8000-000000000004","status":"read"}') ->> 'status',
  'applied', 'a coordinator marks a feedback read');
select is(tests.push('feedback.set_status', '{"id":"fb000000-0000-4000-8000-000000000004","status":"lost"}') ->> 'reason',
  'validation', 'an unknown status is refused');

-- ---- assignment ----
select is(tests.push('feedback.assign', '{"id":"fb000000-0000-4000-8000-000000000004","assigned_to":"de000000-0000-4000-8000-000000000005"}') ->> 'status',
  'applied', 'a coordinator assigns a feedback to a coordinator');
select is(tests.push('feedback.assign', '{"id":"fb000000-0000-4000-8000-000000000004","assigned_to":"de000000-0000-4000-8000-000000000004"}') ->> 'field',
  'assigned_to', 'feedback is never assigned to someone who is not a coordinator');
select tests.act_as('postgres');
select is((select assigned_to::text from public.feedback where id = 'fb000000-0000-4000-8000-000000000004'),
  'de000000-0000-4000-8000-000000000005', 'the refused reassignment left the assignment as it was');
select tests.act_as('coordinator');
select is(tests.push('feedback.assign', '{"id":"fb000000-0000-4000-8000-000000000004"}') ->> 'status',
  'applied', 'no assignee: unassigned');
select tests.act_as('postgres');
select is((select assigned_to from public.feedback where id = 'fb000000-0000-4000-8000-000000000004'), null,
  'the feedback is unassigned');

-- ---- the columns stay the coordinators' ----
select tests.act_as('allocataire');
select throws_ok($$ update public.feedback set assigned_to = 'de000000-0000-4000-8000-000000000001'
                     where id = 'fb000000-0000-4000-8000-000000000003' $$, '42501', null,
  'an author cannot assign their own feedback');
select throws_ok($$ update public.feedback set answer_locale = 'ar' where id = 'fb000000-0000-4000-8000-000000000003' $$,
  '42501', null, 'an author cannot change the answer''s language');
select is(tests.push('feedback.create', '{"id":"fb000000-0000-4000-8000-0000000000a1","kind":"other","body":"Nouveau","share_with_groupe":false,"contact_back":false}') ->> 'status',
  'applied', 'an allocataire still writes feedback');
select tests.act_as('postgres');
select results_eq($$ select assigned_to, answer_locale::text from public.feedback where id = 'fb000000-0000-4000-8000-0000000000a1' $$,
  $$ values (null::uuid, null::text) $$, 'new feedback starts unassigned, unanswered');

-- A feedback deleted by its author cannot be answered any more.
update public.feedback set deleted_at = now() where id = 'fb000000-0000-4000-8000-0000000000a1';
select tests.act_as('coordinator');
select is(tests.push('feedback.answer', '{"id":"fb000000-0000-4000-8000-0000000000a1","answer":"Trop tard"}') ->> 'reason',
  'not_found', 'deleted feedback cannot be answered');

select * from finish();
rollback;

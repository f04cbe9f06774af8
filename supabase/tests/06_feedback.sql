-- Feedback: authors write, read and delete their own; coordinators read all and answer;
-- the groupe ressource reads what is shared with it, never who wrote it.
begin;
\ir helpers/setup.psql
select plan(41);

create temporary table every_author on commit drop as select distinct author_id as id from public.feedback;
grant select on every_author to public;

-- ---- read ----
select tests.act_as('anon');
select throws_ok($$ select * from public.feedback $$, '42501', null, 'anon cannot read feedback');
select throws_ok($$ select * from public.groupe_shared_feedback() $$, '42501', null,
  'anon cannot call the groupe feedback function');

select tests.act_as('allocataire');
select is((select count(*) from public.feedback), 3::bigint, 'an author reads their 3 feedback entries');
select is_empty($$ select id from public.feedback where author_id <> tests.uid('allocataire') $$,
  'an author reads no one else''s feedback');
select throws_ok($$ select * from public.groupe_shared_feedback() $$, '42501', null,
  'an allocataire outside the groupe cannot read shared feedback');
select tests.act_as('allocataire2');
select results_eq($$ select id from public.feedback $$, array['fb000000-0000-4000-8000-000000000005'::uuid],
  'allocataire B reads only their own request');
select tests.act_as('referent');
select is_empty($$ select id from public.feedback $$, 'a référent reads no feedback');
select tests.act_as('outreach');
select is_empty($$ select id from public.feedback $$, 'outreach reads no feedback');
select throws_ok($$ select * from public.groupe_shared_feedback() $$, '42501', null,
  'outreach cannot read shared feedback');
select tests.act_as('coordinator');
select is((select count(*) from public.feedback), 6::bigint,
  'a coordinator reads all feedback (the seed''s five items and one answered months ago)');

-- ---- the groupe ressource: shared feedback, anonymously ----
select tests.act_as('groupe');
select is_empty($$ select id from public.feedback where author_id <> tests.uid('groupe') $$,
  'the groupe cannot read other people''s feedback from the table');
select results_eq(
  $$ select id from public.groupe_shared_feedback() order by id $$,
  $$ values ('fb000000-0000-4000-8000-000000000001'::uuid), ('fb000000-0000-4000-8000-000000000003'::uuid),
            ('fb000000-0000-4000-8000-000000000004'::uuid) $$,
  'the groupe reads exactly the feedback shared with it');
select is_empty(
  $$ select f.id from public.groupe_shared_feedback() f, pg_temp.every_author a
      where to_jsonb(f)::text like '%' || a.id::text || '%' $$,
  'shared feedback carries no author id, whoever the author');
select is_empty(
  $$ select f.id from public.groupe_shared_feedback() f
      cross join (values (tests.uid('allocataire')), (tests.uid('groupe'))) a(author)
      where to_jsonb(f)::text like '%' || a.author::text || '%' $$,
  'the authors'' ids appear nowhere in what the groupe receives');
select ok(
  not exists (select 1 from pg_proc p, unnest(p.proargnames) n
               where p.oid = 'public.groupe_shared_feedback()'::regprocedure
                 and n in ('author_id', 'answered_by')),
  'the function has no author or answerer column');
select tests.act_as('coordinator');
select is((select count(*) from public.groupe_shared_feedback()), 3::bigint,
  'coordinators see what the groupe sees');

-- ---- write ----
select tests.act_as('allocataire');
select lives_ok($$ insert into public.feedback (id, author_id, kind, body, rating, share_with_groupe, status, answer, answered_at)
                  values ('fb000000-0000-4000-8000-0000000000c1', tests.uid('allocataire'), 'booklet',
                          'Le livret est clair.', 5, true, 'closed', 'Réponse inventée', now()) $$,
  'an allocataire writes feedback');
select is((select (status, answer) from public.feedback where id = 'fb000000-0000-4000-8000-0000000000c1'),
  row('received'::text, null::text), 'a new feedback is always received and unanswered');
select throws_ok($$ insert into public.feedback (author_id, kind, body) values (tests.uid('allocataire2'), 'other', 'x') $$,
  '42501', null, 'nobody writes feedback in someone else''s name');
select throws_ok($$ insert into public.feedback (author_id, kind, body) values (tests.uid('allocataire'), 'other', repeat('x', 4001)) $$,
  '23514', null, 'feedback is at most 4000 characters');
select throws_ok($$ insert into public.feedback (author_id, kind, body, rating) values (tests.uid('allocataire'), 'other', 'x', 6) $$,
  '23514', null, 'ratings are 1 to 5');
select throws_ok($$ insert into public.feedback (author_id, kind, body, share_with_groupe)
                     values (tests.uid('allocataire'), 'change_referent', 'x', true) $$,
  '23514', null, 'a request to change référent is never shared');
select throws_ok($$ update public.feedback set body = 'autre chose' where id = 'fb000000-0000-4000-8000-000000000002' $$,
  '42501', null, 'an author cannot rewrite a sent feedback');
select is(tests.affected($$ update public.feedback set share_with_groupe = true where id = 'fb000000-0000-4000-8000-000000000002' $$), 1,
  'an author chooses to share with the groupe');
select is(tests.affected($$ update public.feedback set deleted_at = now() where id = 'fb000000-0000-4000-8000-000000000003' $$), 1,
  'an author deletes their feedback');
select is((select (body, share_with_groupe) from public.feedback where id = 'fb000000-0000-4000-8000-000000000003'),
  row(''::text, false), 'a deleted feedback keeps no words and leaves the groupe');
select throws_ok($$ update public.feedback set deleted_at = null where id = 'fb000000-0000-4000-8000-000000000003' $$,
  '22023', null, 'a deleted feedback cannot be restored');
select is(tests.affected($$ update public.feedback set share_with_groupe = false where author_id = tests.uid('allocataire2') $$), 0,
  'an author cannot update another''s feedback');
select is(tests.affected($$ delete from public.feedback where id = 'fb000000-0000-4000-8000-0000000000c1' $$), 1,
  'an author erases their own feedback');
select is(tests.affected($$ delete from public.feedback where id = 'fb000000-0000-4000-8000-000000000005' $$), 0,
  'an author cannot erase another''s feedback');

select tests.act_as('referent');
select throws_ok($$ insert into public.feedback (author_id, kind, body) values (tests.uid('referent'), 'other', 'x') $$,
  '42501', null, 'a référent cannot write feedback');
select is(tests.affected($$ update public.feedback set status = 'read' $$), 0, 'a référent updates no feedback');
select tests.act_as('outreach');
select throws_ok($$ insert into public.feedback (author_id, kind, body) values (tests.uid('outreach'), 'other', 'x') $$,
  '42501', null, 'outreach cannot write feedback');
select tests.act_as('groupe');
select is(tests.affected($$ update public.feedback set status = 'read' where id = 'fb000000-0000-4000-8000-000000000001' $$), 0,
  'the groupe cannot update shared feedback');

select tests.act_as('coordinator');
select is(tests.affected($$ update public.feedback set answer = 'Merci, nous en parlons à l''Espace insertion.',
                                   themes = '{accueil,retard}'
                             where id = 'fb000000-0000-4000-8000-000000000002' $$), 1,
  'a coordinator answers and tags a feedback');
select results_eq(
  $$ select status, answered_by, answered_at is not null from public.feedback
      where id = 'fb000000-0000-4000-8000-000000000002' $$,
  $$ values ('answered', tests.uid('coordinator'), true) $$,
  'the answer is attributed and time-stamped');
select throws_ok($$ update public.feedback set body = 'x' where id = 'fb000000-0000-4000-8000-000000000002' $$,
  '42501', null, 'a coordinator cannot rewrite what an allocataire said');
select throws_ok($$ insert into public.feedback (author_id, kind, body) values (tests.uid('coordinator'), 'other', 'x') $$,
  '42501', null, 'a coordinator (not an allocataire) cannot write feedback');
select is(tests.affected($$ delete from public.feedback where id = 'fb000000-0000-4000-8000-000000000001' $$), 0,
  'a coordinator cannot erase someone''s feedback');

select tests.act_as('groupe');
select results_eq(
  $$ select id from public.groupe_shared_feedback() order by id $$,
  $$ values ('fb000000-0000-4000-8000-000000000001'::uuid), ('fb000000-0000-4000-8000-000000000002'::uuid),
            ('fb000000-0000-4000-8000-000000000004'::uuid) $$,
  'the groupe sees newly shared feedback and no longer sees deleted feedback');
select is((select answer from public.groupe_shared_feedback() where id = 'fb000000-0000-4000-8000-000000000002'),
  'Merci, nous en parlons à l''Espace insertion.', 'the groupe sees the coordinators'' answers');

select tests.act_as('postgres');
select * from finish();
rollback;

-- The feedback channel as the app uses it (sync_push / sync_pull): an allocataire's
-- feedback, fiche de liaison and request to change référent reach only their author,
-- coordinators and — when shared, without identity — the groupe ressource.
begin;
\ir helpers/setup.psql
select plan(15);

-- The feedback ids the caller's device keeps after reconciling (sync_reconcile: what
-- the caller may see now; pulls only serve committed transactions, reconcile sees ours).
create function pg_temp.device_feedback() returns table (id uuid) language sql as $$
  select value::uuid from jsonb_array_elements_text(public.sync_reconcile(array['feedback']) -> 'feedback')
$$;

select tests.act_as('allocataire2');
select is(tests.push('feedback.create', $j${"id":"fb800000-0000-4000-8000-000000000001","kind":"fiche_liaison",
  "subject_id":"b0000000-0000-4000-8000-000000000014","body":"Fiche de liaison","rating":5,
  "expected":"Un travail stable.","obtained":"Un CDI d'agent de sécurité.","changed":"Je peux payer mon loyer.",
  "share_with_groupe":true,"contact_back":false}$j$) ->> 'status',
  'applied', 'an allocataire fills in the fiche de liaison of a prestation they left');
select is(tests.push('feedback.create', $j${"id":"fb800000-0000-4000-8000-000000000002","kind":"document",
  "body":"Je n'ai pas compris ce courrier.","quote":"Vous êtes convoqué(e) à la commission.",
  "share_with_groupe":false,"contact_back":true}$j$) ->> 'status',
  'applied', 'a feedback on a letter carries the quoted passage instead of a photo');
select is(tests.push('feedback.create', $j${"id":"fb800000-0000-4000-8000-000000000003","kind":"change_referent",
  "body":"Je voudrais changer de référent.","share_with_groupe":true,"contact_back":true}$j$) ->> 'field',
  'share_with_groupe', 'a request to change référent cannot be shared with the groupe');
select is(tests.push('feedback.create', $j${"id":"fb800000-0000-4000-8000-000000000005","kind":"other",
  "body":"x","expected":"y","share_with_groupe":false,"contact_back":false}$j$) ->> 'field',
  'expected', 'expected / obtained / changed belong to the fiche de liaison');
select results_eq(
  $$ select id from pg_temp.device_feedback() order by id $$,
  $$ values ('fb000000-0000-4000-8000-000000000005'::uuid), ('fb800000-0000-4000-8000-000000000001'::uuid),
            ('fb800000-0000-4000-8000-000000000002'::uuid) $$,
  'the author''s device holds exactly their own feedback');
select results_eq(
  $$ select status, answer from public.feedback where id = 'fb000000-0000-4000-8000-000000000005' $$,
  $$ values ('received'::text, null::text) $$,
  'the request to change référent shows its status to its author');

select tests.act_as('allocataire');
select is_empty(
  $$ select id from pg_temp.device_feedback() where id::text like 'fb800000%'
     union all select id from public.feedback where author_id <> auth.uid() $$,
  'another allocataire''s device holds none of it, nor can they read it');
select is_empty(
  $$ select 1 where public.sync_pull()::jsonb::text like '%' || tests.uid('allocataire2')::text || '%' $$,
  'nothing they pull names the other author');
select is(tests.push('feedback.delete', '{"id":"fb800000-0000-4000-8000-000000000001"}') ->> 'reason',
  'not_found', 'nor can delete it');
select throws_ok($$ select * from public.groupe_shared_feedback() $$, '42501', null,
  'an allocataire outside the groupe reads no shared feedback');

select tests.act_as('groupe');
select results_eq(
  $$ select expected, obtained, changed, rating from public.groupe_shared_feedback()
      where id = 'fb800000-0000-4000-8000-000000000001' $$,
  $$ values ('Un travail stable.'::text, 'Un CDI d''agent de sécurité.'::text, 'Je peux payer mon loyer.'::text, 5::smallint) $$,
  'the groupe reads the shared fiche de liaison: expected, obtained, what changed');
select is_empty(
  $$ select id from public.groupe_shared_feedback() where id = 'fb800000-0000-4000-8000-000000000002' $$,
  'feedback the author kept private does not reach the groupe');

select tests.act_as('coordinator');
select is(tests.affected($$ update public.feedback set status = 'read' where id = 'fb800000-0000-4000-8000-000000000002' $$), 1,
  'a coordinator marks it read');
select tests.act_as('allocataire2');
select is((select status from public.feedback where id = 'fb800000-0000-4000-8000-000000000002'), 'read',
  'the author sees it was read');
select is(tests.push('feedback.delete', '{"id":"fb800000-0000-4000-8000-000000000002"}') ->> 'status', 'applied',
  'and can still delete it');

select tests.act_as('postgres');
select * from finish();
rollback;

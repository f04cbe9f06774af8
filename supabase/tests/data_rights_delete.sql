-- Right to erasure: public.account_delete(). Who may call it, what is deleted, what stays for
-- the référent's records and the groupe ressource, and that the person is found nowhere after.
begin;
\ir helpers/setup.psql
select plan(39);

-- Tables (any schema but the system's) whose rows mention a string, as the superuser.
create function pg_temp.tables_mentioning(needle text) returns setof text
language plpgsql as $$
declare
  r record;
  hit boolean;
begin
  for r in
    select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
       and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'
  loop
    execute format('select exists (select 1 from %I.%I t where strpos(lower(to_jsonb(t)::text), lower($1)) > 0)',
                   r.nspname, r.relname) into hit using needle;
    if hit then
      return next r.nspname || '.' || r.relname;
    end if;
  end loop;
end
$$;

-- ---- who may call it ----
select ok(not has_function_privilege('anon', 'public.account_delete(uuid, boolean)', 'execute')
          and has_function_privilege('authenticated', 'public.account_delete(uuid, boolean)', 'execute'),
  'account_delete is granted to authenticated only');
select ok((select p.prosecdef and 'search_path=""' = any (p.proconfig) from pg_proc p
            where p.oid = 'public.account_delete(uuid, boolean)'::regprocedure),
  'account_delete is security definer with an empty search_path');
select tests.act_as('anon');
select throws_ok($$ select public.account_delete('de000000-0000-4000-8000-000000000002') $$, '42501', null,
  'anon cannot delete an account');
select tests.act_as('allocataire');
select throws_ok($$ select public.account_delete(tests.uid('allocataire2')) $$, '22023',
  'La confirmation ne correspond pas au compte connecté.', 'nobody deletes another person''s account');
select throws_ok($$ select public.account_delete(null) $$, '22023', null, 'the confirmation is required');
select tests.act_as('referent');
select throws_ok($$ select public.account_delete(tests.uid('referent')) $$, '42501',
  'Un compte professionnel est fermé par un coordinateur.', 'a référent cannot delete their own account');
select tests.act_as('coordinator');
select throws_ok($$ select public.account_delete(tests.uid('coordinator')) $$, '42501', null,
  'nor can a coordinator');
select tests.act_as('outreach');
select throws_ok($$ select public.account_delete(tests.uid('outreach')) $$, '42501', null,
  'nor an outreach worker');
select tests.act_as('postgres');
select ok(exists (select 1 from auth.users where id = tests.uid('allocataire')), 'refusals deleted nothing');

-- ===========================================================================
-- An allocataire deletes their account (default: nothing kept)
-- ===========================================================================
insert into public.sync_mutations (user_id, mutation_id, name, device_id, status)
values (tests.uid('allocataire'), gen_random_uuid(), 'feedback.create', gen_random_uuid(), 'applied');
insert into public.sync_conflicts (table_name, row_id, overwritten, base_version, mutation_id, mutation_name, user_id)
values ('appointments', 'a9900000-0000-4000-8000-000000000003', '{"response_reason":"secret"}', 1, gen_random_uuid(),
        'appointment.respond', tests.uid('allocataire'));
create temporary table before_delete on commit drop as
  select (select count(*) from public.reminders r join public.appointments a on a.id = r.appointment_id
           where a.allocataire_id = tests.uid('allocataire')) as reminders;
select ok((select reminders > 0 from before_delete), 'the allocataire has reminders before deleting');

select tests.act_as('allocataire');
select is(public.account_delete(tests.uid('allocataire')) ->> 'deleted', 'true', 'an allocataire deletes their account');
select is(auth.uid(), tests.uid('allocataire'), 'the caller''s claims are restored afterwards');
select tests.act_as('postgres');

select ok(not exists (select 1 from auth.users where id = tests.uid('allocataire')), 'the auth user is gone');
select ok(not exists (select 1 from public.profiles where id = tests.uid('allocataire')), 'the profile is gone');
select ok(not exists (select 1 from public.sync_mutations where user_id = tests.uid('allocataire')), 'the sync log is gone');
select ok(not exists (select 1 from public.sync_conflicts where row_id = 'a9900000-0000-4000-8000-000000000003'),
  'overwritten copies of their rows are gone');
select ok(not exists (select 1 from public.invitations where id = '1a000000-0000-4000-8000-000000000001'),
  'the invitation holding their e-mail and phone is gone');

-- Appointments: kept for the référent, detached.
select is((select count(*)::int from public.appointments
            where id between 'a9900000-0000-4000-8000-000000000001' and 'a9900000-0000-4000-8000-000000000006'
              and allocataire_id is null and deleted_at is null), 6,
  'the 6 appointments stay, without the person');
select results_eq(
  $$ select id::text, status from public.appointments
      where id between 'a9900000-0000-4000-8000-000000000001' and 'a9900000-0000-4000-8000-000000000006' order by id $$,
  $$ values ('a9900000-0000-4000-8000-000000000001', 'attended'), ('a9900000-0000-4000-8000-000000000002', 'attended'),
            ('a9900000-0000-4000-8000-000000000003', 'cancelled'), ('a9900000-0000-4000-8000-000000000004', 'cancelled'),
            ('a9900000-0000-4000-8000-000000000005', 'cancelled'), ('a9900000-0000-4000-8000-000000000006', 'missed') $$,
  'past appointments keep their outcome; those ahead are cancelled');
select ok((select bool_and(response_reason is null and preferred_slots is null and note is null) from public.appointments
            where id between 'a9900000-0000-4000-8000-000000000001' and 'a9900000-0000-4000-8000-000000000006'),
  'the person''s words on them (reason, slots) and the note are wiped');
select is((select count(*)::int from public.reminders
            where appointment_id between 'a9900000-0000-4000-8000-000000000001' and 'a9900000-0000-4000-8000-000000000006'), 0,
  'their reminders (phone number) are deleted');
select tests.act_as('referent');
select is((select count(*)::int from public.appointments
            where id between 'a9900000-0000-4000-8000-000000000001' and 'a9900000-0000-4000-8000-000000000006'), 6,
  'the référent still reads the 6 appointments');
select is((select jsonb_array_length(public.sync_reconcile('{appointments}') -> 'appointments')
             - (select count(*)::int from public.appointments where allocataire_id is not null and deleted_at is null)), 6,
  '... and keeps them through reconcile');
select tests.act_as('postgres');

-- Offers: entries and exits stay counted, the rest is deleted.
select results_eq(
  $$ select id::text, status, deleted_at is not null from public.prestation_offers
      where id between '0ff00000-0000-4000-8000-000000000001' and '0ff00000-0000-4000-8000-000000000005' order by id $$,
  $$ values ('0ff00000-0000-4000-8000-000000000001', 'proposed', true), ('0ff00000-0000-4000-8000-000000000002', 'interested', true),
            ('0ff00000-0000-4000-8000-000000000003', 'entered', false), ('0ff00000-0000-4000-8000-000000000004', 'exited', false),
            ('0ff00000-0000-4000-8000-000000000005', 'not_interested', true) $$,
  'entered and exited offers stay (indicators); the others are deleted');
select ok((select bool_and(allocataire_id is null and message is null and exit_detail is null) from public.prestation_offers
            where id between '0ff00000-0000-4000-8000-000000000001' and '0ff00000-0000-4000-8000-000000000005'),
  'every offer is detached, its message and exit detail wiped');

-- Feedback: all deleted by default, words wiped, tombstones kept.
select is((select count(*)::int from public.feedback
            where id in ('fb000000-0000-4000-8000-000000000001', 'fb000000-0000-4000-8000-000000000002',
                         'fb000000-0000-4000-8000-000000000003')
              and deleted_at is not null and author_id is null and body = '' and quote is null and answer is null), 3,
  'their 3 feedback entries are deleted, shared ones included, words and answers wiped');
select tests.act_as('coordinator');
select ok(not exists (select 1 from public.groupe_shared_feedback() where id = 'fb000000-0000-4000-8000-000000000001'),
  'the groupe no longer sees their shared feedback');
select tests.act_as('postgres');

select ok(exists (select 1 from public.audit_log where action = 'account.deleted'
                   and details ->> 'appointments_detached' = '6'), 'the deletion is in the audit log');
select is_empty($$ select * from pg_temp.tables_mentioning(tests.uid('allocataire')::text) $$,
  'their id is found in no table');
select is_empty($$ select * from pg_temp.tables_mentioning('allocataire@demo.reperes.paris') $$,
  'their e-mail address is found in no table');
select is_empty($$ select * from pg_temp.tables_mentioning('33600000001') $$,
  'their phone number is found in no table');

select tests.act_as('allocataire');
select throws_ok($$ select public.account_delete(tests.uid('allocataire')) $$, '22023', 'Ce compte n''existe plus.',
  'a stale session of a deleted account cannot run it again');
select throws_ok($$ select public.sync_push(jsonb_build_array(jsonb_build_object('mutation_id', gen_random_uuid(),
                      'name', 'feedback.create', 'args', jsonb_build_object('id', gen_random_uuid(), 'kind', 'other',
                      'body', 'encore', 'share_with_groupe', false, 'contact_back', false)))) $$,
  '23503', null, 'a stale token of a deleted account cannot write anything');

-- ===========================================================================
-- A groupe member deletes their account and leaves what they shared
-- ===========================================================================
select tests.act_as('postgres');
update public.evaluations set submitted_at = now() where id = 'ea000000-0000-4000-8000-000000000001';
select tests.act_as('groupe');
select is((public.account_delete(tests.uid('groupe'), keep_shared => true) ->> 'feedback_kept')::int, 1,
  'a groupe member deletes their account, keeping what they shared');
select tests.act_as('postgres');
select is((select (author_id is null, deleted_at is null, contact_back, body) from public.feedback
            where id = 'fb000000-0000-4000-8000-000000000004'),
  row(true, true, false, 'Session de pré-recrutement agents de propreté.'::text),
  'their shared fiche de liaison stays, without author');
select is((select (author_id is null, deleted_at is null, answers ->> 'manque') from public.evaluations
            where id = 'ea000000-0000-4000-8000-000000000001'),
  row(true, true, 'Un schéma des étapes du RSA.'::text),
  'their submitted evaluation stays, without author');
select tests.act_as('coordinator');
select ok(exists (select 1 from public.groupe_shared_feedback() where id = 'fb000000-0000-4000-8000-000000000004'),
  'the groupe still reads the shared feedback, anonymously');
select tests.act_as('postgres');
select is((select (allocataire_id is null, status) from public.appointments where id = 'a9900000-0000-4000-8000-000000000008'),
  row(true, 'cancelled'::text), 'their appointment ahead is detached and cancelled');
select is_empty($$ select * from pg_temp.tables_mentioning(tests.uid('groupe')::text) $$,
  'the groupe member''s id is found in no table');

select * from finish();
rollback;

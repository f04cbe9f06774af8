-- Reminders: who reads them, and that only the service role runs the worker functions.
-- Whoever may read an appointment reads its reminders; nobody writes them through the API.
begin;
\ir helpers/setup.psql
select plan(24);

-- Expected visibility, computed as the owner from the seed's appointments.
create temporary table expected on commit drop as
  select r.id, a.allocataire_id, a.structure_id from public.reminders r
    join public.appointments a on a.id = r.appointment_id;
grant select on expected to anon, authenticated;

select ok((select count(*) from expected where allocataire_id = tests.uid('allocataire')) > 0
          and (select count(*) from expected where allocataire_id = tests.uid('allocataire2')) > 0,
  'the seed gives both demo allocataires reminders');

-- ---- read ----
select tests.act_as('anon');
select throws_ok($$ select * from public.reminders $$, '42501', null, 'anon cannot read reminders');

select tests.act_as('allocataire');
select set_eq($$ select id from public.reminders $$,
  $$ select id from expected where allocataire_id = tests.uid('allocataire') $$,
  'allocataire A reads exactly their own reminders');
select tests.act_as('allocataire2');
select set_eq($$ select id from public.reminders $$,
  $$ select id from expected where allocataire_id = tests.uid('allocataire2') $$,
  'allocataire B reads exactly their own reminders');
select is_empty($$ select id from public.reminders r join expected e using (id)
                    where e.allocataire_id = tests.uid('allocataire') $$,
  'allocataire B cannot read A''s reminders');
select tests.act_as('referent');
select ok((select count(*) from public.reminders r join expected e using (id)
            where e.allocataire_id = tests.uid('allocataire')) > 0
          and not exists (select 1 from public.reminders r join expected e using (id)
                           where e.allocataire_id = tests.uid('allocataire2')),
  'a référent reads the reminders of their structure''s allocataires, not of others');
select tests.act_as('referent2');
select is_empty($$ select id from public.reminders $$, 'a référent of another structure reads none of them');
select tests.act_as('outreach');
select is_empty($$ select id from public.reminders $$, 'outreach reads no reminder');
select tests.act_as('coordinator');
select set_eq($$ select id from public.reminders $$, $$ select id from expected $$, 'coordinators read every reminder');

-- ---- write ----
select tests.act_as('allocataire');
select throws_ok($$ update public.reminders set status = 'cancelled', cancel_reason = 'opted_out' $$, '42501', null,
  'an allocataire cannot change a reminder');
select throws_ok($$ delete from public.reminders $$, '42501', null, 'an allocataire cannot delete a reminder');
select tests.act_as('referent');
select throws_ok($$ insert into public.reminders (appointment_id, channel, slot, recipient, scheduled_for, next_attempt_at)
                     values ('a9900000-0000-4000-8000-000000000003', 'sms', 'd_minus_2', '+33600000000', now(), now()) $$,
  '42501', null, 'a référent cannot write reminders (the database schedules them)');
select throws_ok($$ update public.reminders set recipient = '+33600000000' $$, '42501', null,
  'a référent cannot redirect a reminder');
select tests.act_as('anon');
select throws_ok($$ delete from public.reminders $$, '42501', null, 'anon cannot delete reminders');

-- Scheduling still works for a référent (the triggers run as their owner).
select tests.act_as('referent');
select lives_ok($$ insert into public.appointments (id, allocataire_id, referent_id, structure_id, kind, starts_at)
                  values ('ae100000-0000-4000-8000-0000000000a1', tests.uid('allocataire'), tests.uid('referent'),
                          '5e000000-0000-4000-8000-000000000001', 'follow_up', '2036-05-14 11:00 Europe/Paris') $$,
  'a référent schedules an appointment');
select is((select count(*) from public.reminders where appointment_id = 'ae100000-0000-4000-8000-0000000000a1'),
  2::bigint, 'its reminders were created by the database (SMS only: the allocataire turned email off)');

-- ---- worker functions ----
select tests.act_as('anon');
select throws_ok($$ select * from public.reminders_claim(10) $$, '42501', null, 'anon cannot claim reminders');
select throws_ok($$ select public.reminders_mark_sent(gen_random_uuid(), 'x') $$, '42501', null,
  'anon cannot mark a reminder sent');
select tests.act_as('allocataire');
select throws_ok($$ select * from public.reminders_claim(10) $$, '42501', null, 'an allocataire cannot claim reminders');
select tests.act_as('coordinator');
select throws_ok($$ select public.reminders_mark_failed(gen_random_uuid(), 'x', null) $$, '42501', null,
  'a coordinator cannot mark a reminder failed');
select throws_ok($$ select public.reminders_mark_unknown(gen_random_uuid(), 'x') $$, '42501', null,
  'authenticated users cannot mark a reminder unknown');

select tests.act_as('postgres');
select is_empty(
  $$ select p.oid::regprocedure::text from pg_proc p
      where p.pronamespace = 'public'::regnamespace and p.proname like 'reminders\_%'
        and (has_function_privilege('anon', p.oid, 'execute')
             or has_function_privilege('authenticated', p.oid, 'execute')
             or not has_function_privilege('service_role', p.oid, 'execute')) $$,
  'every reminders_* function is executable by service_role and by nobody else');
select ok(not has_schema_privilege('anon', 'reminders_private', 'usage')
          and not has_schema_privilege('authenticated', 'reminders_private', 'usage')
          and not has_schema_privilege('service_role', 'reminders_private', 'usage'),
  'the scheduling internals are out of the API''s reach');
select is_empty(
  $$ select p.oid::regprocedure::text from pg_proc p
      where p.pronamespace in ('public'::regnamespace, 'reminders_private'::regnamespace) and p.prosecdef
        and (p.proname like 'reminders%' or p.pronamespace = 'reminders_private'::regnamespace)
        and not coalesce('search_path=""' = any (p.proconfig), false) $$,
  'the security definer reminder functions pin search_path to an empty path');

select * from finish();
rollback;

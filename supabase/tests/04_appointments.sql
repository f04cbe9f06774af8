-- Appointments: allocataires read and answer their own; référents manage their
-- structure's allocataires'; coordinators read; outreach sees none.
begin;
\ir helpers/setup.psql
select plan(36);

-- ---- read ----
select tests.act_as('anon');
select throws_ok($$ select * from public.appointments $$, '42501', null, 'anon cannot read appointments');

select tests.act_as('allocataire');
select is((select count(*) from public.appointments), 6::bigint, 'allocataire A reads their 6 appointments');
select is_empty($$ select id from public.appointments where allocataire_id <> tests.uid('allocataire') $$,
  'allocataire A reads no one else''s appointment');
select tests.act_as('allocataire2');
select is_empty($$ select id from public.appointments where allocataire_id = tests.uid('allocataire') $$,
  'allocataire B cannot read allocataire A''s appointments');
select results_eq($$ select id from public.appointments $$, array['a9900000-0000-4000-8000-000000000007'::uuid],
  'allocataire B reads their own appointment');
select tests.act_as('groupe');
select results_eq($$ select id from public.appointments $$, array['a9900000-0000-4000-8000-000000000008'::uuid],
  'a groupe ressource member reads only their own appointments');
select tests.act_as('outreach');
select is_empty($$ select id from public.appointments $$, 'outreach reads no appointment');
select tests.act_as('referent');
select is((select count(*) from public.appointments), 7::bigint,
  'a référent reads the appointments of their structure''s allocataires');
select is_empty($$ select id from public.appointments where allocataire_id = tests.uid('allocataire2') $$,
  'a référent cannot read appointments of an allocataire followed elsewhere');
select tests.act_as('referent2');
select is_empty($$ select id from public.appointments $$, 'a référent of another structure reads none of them');
select tests.act_as('coordinator');
select is((select count(*) from public.appointments), 8::bigint, 'a coordinator reads every appointment');

-- ---- create ----
select tests.act_as('allocataire');
select throws_ok($$ insert into public.appointments (allocataire_id, kind, starts_at)
                     values (tests.uid('allocataire'), 'follow_up', now() + interval '1 day') $$,
  '42501', null, 'an allocataire cannot create appointments');
select tests.act_as('referent');
select lives_ok($$ insert into public.appointments (id, allocataire_id, referent_id, structure_id, kind, starts_at, duration_min)
                  values ('a9900000-0000-4000-8000-0000000000c1', tests.uid('allocataire'), tests.uid('referent'),
                          '5e000000-0000-4000-8000-000000000001', 'follow_up', now() + interval '2 days', 30) $$,
  'a référent schedules an appointment for their allocataire');
select throws_ok($$ insert into public.appointments (allocataire_id, structure_id, kind, starts_at)
                     values (tests.uid('allocataire2'), '5e000000-0000-4000-8000-000000000001', 'follow_up', now()) $$,
  '42501', null, 'a référent cannot schedule for an allocataire followed elsewhere');
select throws_ok($$ insert into public.appointments (allocataire_id, structure_id, kind, starts_at)
                     values (tests.uid('allocataire'), '5e000000-0000-4000-8000-000000000019', 'follow_up', now()) $$,
  '42501', null, 'a référent cannot file an appointment under another structure');
select tests.act_as('outreach');
select throws_ok($$ insert into public.appointments (allocataire_id, kind, starts_at)
                     values (tests.uid('allocataire'), 'follow_up', now()) $$,
  '42501', null, 'outreach cannot create appointments');
select tests.act_as('coordinator');
select throws_ok($$ insert into public.appointments (allocataire_id, kind, starts_at)
                     values (tests.uid('allocataire'), 'follow_up', now()) $$,
  '42501', null, 'a coordinator only reads appointments');
select is(tests.affected($$ update public.appointments set note = 'x' $$), 0, 'a coordinator updates no appointment');

-- ---- answer (allocataire) ----
select tests.act_as('allocataire');
select is(tests.affected($$ update public.appointments set response = 'confirmed', status = 'confirmed', responded_at = now()
                             where id = 'a9900000-0000-4000-8000-000000000003' $$), 1,
  'an allocataire confirms their appointment');
select is(tests.affected($$ update public.appointments set response = 'cannot_come', status = 'cancel_requested',
                                   response_reason = 'Enfant malade', responded_at = now()
                             where id = 'a9900000-0000-4000-8000-000000000005' $$), 1,
  'an allocataire says they cannot come, with a reason');
select throws_ok($$ update public.appointments set starts_at = starts_at + interval '1 day'
                     where id = 'a9900000-0000-4000-8000-000000000003' $$,
  '42501', null, 'an allocataire cannot move their appointment');
select throws_ok($$ update public.appointments set status = 'excused' where id = 'a9900000-0000-4000-8000-000000000003' $$,
  '42501', null, 'an allocataire cannot excuse themselves');
select throws_ok($$ update public.appointments set response = 'confirmed', status = 'confirmed', responded_at = now()
                     where id = 'a9900000-0000-4000-8000-000000000001' $$,
  '22023', null, 'an appointment already attended takes no answer');
select throws_ok($$ update public.appointments set allocataire_id = tests.uid('allocataire2')
                     where id = 'a9900000-0000-4000-8000-000000000003' $$,
  '42501', null, 'an allocataire cannot hand their appointment to someone else');
select throws_ok($$ update public.appointments set response = 'maybe', responded_at = now()
                     where id = 'a9900000-0000-4000-8000-000000000003' $$,
  '23514', null, 'answers come from the fixed list');
select is(tests.affected($$ update public.appointments set response = 'confirmed', responded_at = now()
                             where allocataire_id = tests.uid('allocataire2') $$), 0,
  'allocataire A cannot answer B''s appointment');
select throws_ok($$ delete from public.appointments where id = 'a9900000-0000-4000-8000-000000000003' $$,
  '42501', null, 'an allocataire cannot delete an appointment');
select tests.act_as('allocataire2');
select is(tests.affected($$ update public.appointments set response = 'confirmed', status = 'confirmed', responded_at = now()
                             where id = 'a9900000-0000-4000-8000-000000000003' $$), 0,
  'allocataire B cannot answer A''s appointment');

-- ---- manage (référent) ----
select tests.act_as('referent');
select is(tests.affected($$ update public.appointments set seen_by_referent_at = now(), status = 'cancelled'
                             where id = 'a9900000-0000-4000-8000-000000000005' $$), 1,
  'a référent handles a cancellation request');
select is(tests.affected($$ update public.appointments set status = 'attended' where id = 'a9900000-0000-4000-8000-000000000007' $$), 0,
  'a référent cannot update an appointment of an allocataire followed elsewhere');
select throws_ok($$ update public.appointments set allocataire_id = tests.uid('allocataire2')
                     where id = 'a9900000-0000-4000-8000-0000000000c1' $$,
  '42501', null, 'a référent cannot move an appointment to an allocataire they do not follow');
select throws_ok($$ update public.appointments set duration_min = 0 where id = 'a9900000-0000-4000-8000-0000000000c1' $$,
  '23514', null, 'durations are bounded');
select tests.act_as('outreach');
select is(tests.affected($$ update public.appointments set status = 'attended' $$), 0, 'outreach updates no appointment');

select tests.act_as('postgres');
select results_eq(
  $$ select status, response, responded_at is not null from public.appointments
      where id in ('a9900000-0000-4000-8000-000000000003', 'a9900000-0000-4000-8000-000000000005') order by id $$,
  $$ values ('confirmed', 'confirmed', true), ('cancelled', 'cannot_come', true) $$,
  'the answers and the référent''s decision are stored');
select is((select version from public.appointments where id = 'a9900000-0000-4000-8000-000000000005'), 3::bigint,
  'each write moved the version');
select throws_ok($$ insert into public.appointments (allocataire_id, kind, starts_at, mode)
                     values (tests.uid('allocataire'), 'follow_up', now(), 'carrier pigeon') $$,
  '23514', null, 'modes come from the fixed list');

select * from finish();
rollback;

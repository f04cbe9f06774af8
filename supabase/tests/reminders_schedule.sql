-- Reminders: the database schedules them from appointments and profiles.
-- Slots in Paris time: D-2 at 10:00; the day-of reminder at 08:00, or 19:00 the evening
-- before for an appointment before 09:30. Dates are in 2036 (DST starts on Sunday 30 March,
-- ends on Sunday 26 October) so they stay ahead of the test run.
begin;
\ir helpers/setup.psql
select plan(41);

-- An allocataire with a phone and an email, both channels on (the defaults).
insert into auth.users (id, email, phone, raw_user_meta_data)
values ('ae000000-0000-4000-8000-000000000001', 'rappels@example.org', '+33611223344', '{}');

create function tests.rem(appointment text, ch text, sl text) returns public.reminders
language sql
as $$
  select r.* from public.reminders r
   where r.appointment_id = appointment::uuid and r.channel = ch and r.slot = sl
$$;

create function tests.appt(id text, starts text, status text default 'scheduled') returns void
language sql
as $$
  insert into public.appointments (id, allocataire_id, kind, starts_at, status)
  values (id::uuid, 'ae000000-0000-4000-8000-000000000001', 'follow_up', starts::timestamptz, status)
$$;

-- ---- rows appear on insert ----
select tests.appt('ae100000-0000-4000-8000-000000000001', '2036-06-18 14:00 Europe/Paris');
select results_eq(
  $$ select channel, slot, recipient, status, locale::text from public.reminders
      where appointment_id = 'ae100000-0000-4000-8000-000000000001' order by channel, slot $$,
  $$ values ('email', 'd_minus_2', 'rappels@example.org', 'pending', 'fr'),
            ('email', 'morning_of', 'rappels@example.org', 'pending', 'fr'),
            ('sms', 'd_minus_2', '+33611223344', 'pending', 'fr'),
            ('sms', 'morning_of', '+33611223344', 'pending', 'fr') $$,
  'an appointment gets one pending reminder per channel and slot, with the contact and language');
select is((tests.rem('ae100000-0000-4000-8000-000000000001', 'sms', 'd_minus_2')).scheduled_for,
  '2036-06-16 08:00:00+00'::timestamptz, 'D-2: Monday 16 June 10:00 Paris (UTC+2) for Wednesday');
select is((tests.rem('ae100000-0000-4000-8000-000000000001', 'sms', 'morning_of')).scheduled_for,
  '2036-06-18 06:00:00+00'::timestamptz, 'day of: 08:00 Paris on the day');
select is((tests.rem('ae100000-0000-4000-8000-000000000001', 'sms', 'morning_of')).next_attempt_at,
  '2036-06-18 06:00:00+00'::timestamptz, 'the first attempt is due at the slot');

select tests.appt('ae100000-0000-4000-8000-000000000002', '2036-06-18 08:45 Europe/Paris');
select is((tests.rem('ae100000-0000-4000-8000-000000000002', 'sms', 'morning_of')).scheduled_for,
  '2036-06-17 17:00:00+00'::timestamptz,
  'an appointment before 09:30 is reminded at 19:00 the evening before, not at 08:00');
select tests.appt('ae100000-0000-4000-8000-000000000003', '2036-06-18 09:30 Europe/Paris');
select is((tests.rem('ae100000-0000-4000-8000-000000000003', 'sms', 'morning_of')).scheduled_for,
  '2036-06-18 06:00:00+00'::timestamptz, 'from 09:30 on, the day-of reminder goes at 08:00');

-- ---- DST ----
-- Monday 31 March 10:00 (CEST, UTC+2): D-2 is Saturday 29 March 10:00 CET (UTC+1).
select tests.appt('ae100000-0000-4000-8000-000000000004', '2036-03-31 10:00 Europe/Paris');
select is((tests.rem('ae100000-0000-4000-8000-000000000004', 'email', 'd_minus_2')).scheduled_for,
  '2036-03-29 09:00:00+00'::timestamptz, 'D-2 before the spring change is in winter time (09:00 UTC)');
select is((tests.rem('ae100000-0000-4000-8000-000000000004', 'email', 'morning_of')).scheduled_for,
  '2036-03-31 06:00:00+00'::timestamptz, 'the day after the change, 08:00 is 06:00 UTC');

-- Friday 28 March (winter time) moved to Tuesday 1 April (summer time): same rows, new times;
-- D-2 now falls on the change day itself.
select tests.appt('ae100000-0000-4000-8000-000000000005', '2036-03-28 10:00 Europe/Paris');
create temporary table before_move on commit drop as
  select id, channel, slot from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000005';
update public.appointments set starts_at = '2036-04-01 10:00 Europe/Paris'
 where id = 'ae100000-0000-4000-8000-000000000005';
select is((tests.rem('ae100000-0000-4000-8000-000000000005', 'sms', 'd_minus_2')).scheduled_for,
  '2036-03-30 08:00:00+00'::timestamptz, 'moved across the DST weekend: D-2 is Sunday 30 March 10:00 CEST');
select is((tests.rem('ae100000-0000-4000-8000-000000000005', 'sms', 'morning_of')).scheduled_for,
  '2036-04-01 06:00:00+00'::timestamptz, 'moved across the DST weekend: 08:00 CEST on the day');
select set_eq(
  $$ select id, channel, slot from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000005' $$,
  $$ select id, channel, slot from before_move $$,
  'a move updates the same rows (no new reminder, none lost)');
select ok((select bool_and(status = 'pending' and next_attempt_at = scheduled_for and attempts = 0)
             from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000005'),
  'moved reminders are pending at their new time');

-- Autumn: Tuesday 28 October; D-2 on Sunday 26 October, after the clocks went back.
update public.appointments set starts_at = '2036-10-28 10:00 Europe/Paris'
 where id = 'ae100000-0000-4000-8000-000000000005';
select is((tests.rem('ae100000-0000-4000-8000-000000000005', 'sms', 'd_minus_2')).scheduled_for,
  '2036-10-26 09:00:00+00'::timestamptz, 'D-2 on the autumn change day is 10:00 CET (09:00 UTC)');
select is((select count(*) from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000005'),
  4::bigint, 'two moves later there is still one reminder per channel and slot');
select throws_ok(
  $$ insert into public.reminders (appointment_id, channel, slot, recipient, scheduled_for, next_attempt_at)
     values ('ae100000-0000-4000-8000-000000000005', 'sms', 'd_minus_2', '+33611223344', now(), now()) $$,
  '23505', null, 'the database refuses a second reminder for the same channel and slot');

-- ---- quiet hours ----
select is_empty(
  $$ select id from public.reminders
      where (scheduled_for at time zone 'Europe/Paris')::time < '08:00'
         or (scheduled_for at time zone 'Europe/Paris')::time >= '20:00' $$,
  'no reminder is scheduled between 20:00 and 08:00');

-- ---- close to the appointment ----
select tests.appt('ae100000-0000-4000-8000-000000000006',
  (((now() at time zone 'Europe/Paris')::date + 1 + time '15:00') at time zone 'Europe/Paris')::text);
select results_eq(
  $$ select slot from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000006' and channel = 'sms' $$,
  $$ values ('morning_of') $$,
  'an appointment tomorrow gets no D-2 (its moment has passed), only the day-of reminder');
select tests.appt('ae100000-0000-4000-8000-000000000007', (now() - interval '2 days')::text, 'scheduled');
select is_empty($$ select id from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000007' $$,
  'a past appointment gets no reminder');
select tests.appt('ae100000-0000-4000-8000-000000000008', '2036-06-20 14:00 Europe/Paris', 'cancelled');
select is_empty($$ select id from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000008' $$,
  'an appointment created cancelled gets no reminder');

-- Moved to tomorrow: the pending D-2 can no longer be on time.
update public.appointments
   set starts_at = ((now() at time zone 'Europe/Paris')::date + 1 + time '15:00') at time zone 'Europe/Paris'
 where id = 'ae100000-0000-4000-8000-000000000003';
select results_eq(
  $$ select slot, status, cancel_reason from public.reminders
      where appointment_id = 'ae100000-0000-4000-8000-000000000003' and channel = 'sms' order by slot $$,
  $$ values ('d_minus_2', 'cancelled', 'too_late'), ('morning_of', 'pending', null) $$,
  'moved to tomorrow: D-2 is cancelled as too late, the day-of reminder is rescheduled');

-- ---- cancel, close, delete, past ----
update public.appointments set status = 'cancelled' where id = 'ae100000-0000-4000-8000-000000000001';
select ok((select bool_and(status = 'cancelled' and cancel_reason = 'appointment_cancelled')
             from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000001'),
  'cancelling the appointment cancels its pending reminders');
update public.appointments set status = 'scheduled' where id = 'ae100000-0000-4000-8000-000000000001';
select ok((select bool_and(status = 'pending' and cancel_reason is null)
             from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000001'),
  'putting it back on the agenda re-arms them');
update public.appointments set status = 'confirmed' where id = 'ae100000-0000-4000-8000-000000000001';
update public.appointments set status = 'reschedule_requested' where id = 'ae100000-0000-4000-8000-000000000001';
select ok((select bool_and(status = 'pending')
             from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000001'),
  'confirmed or asked to move, the appointment still stands: reminders stay pending');
update public.appointments set status = 'attended' where id = 'ae100000-0000-4000-8000-000000000002';
select ok((select bool_and(status = 'cancelled' and cancel_reason = 'appointment_closed')
             from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000002'),
  'an attended appointment has no pending reminder');
update public.appointments set status = 'missed' where id = 'ae100000-0000-4000-8000-000000000004';
select ok((select bool_and(status = 'cancelled' and cancel_reason = 'appointment_closed')
             from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000004'),
  'a missed appointment has no pending reminder');
update public.appointments set deleted_at = now() where id = 'ae100000-0000-4000-8000-000000000005';
select ok((select bool_and(status = 'cancelled' and cancel_reason = 'appointment_deleted')
             from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000005'),
  'a deleted appointment has no pending reminder');
update public.appointments set starts_at = now() - interval '1 hour'
 where id = 'ae100000-0000-4000-8000-000000000006';
select ok((select bool_and(status = 'cancelled' and cancel_reason = 'appointment_past')
             from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000006'),
  'an appointment moved into the past has no pending reminder');

-- ---- the allocataire's preferences and contact ----
update public.profiles set reminder_email = false where id = 'ae000000-0000-4000-8000-000000000001';
select results_eq(
  $$ select channel, status, cancel_reason from public.reminders
      where appointment_id = 'ae100000-0000-4000-8000-000000000001' order by channel, slot $$,
  $$ values ('email', 'cancelled', 'opted_out'), ('email', 'cancelled', 'opted_out'),
            ('sms', 'pending', null), ('sms', 'pending', null) $$,
  'turning email reminders off cancels the pending emails only');
update public.profiles set phone = '+33 7 00 00 00 01', preferred_locale = 'ar'
 where id = 'ae000000-0000-4000-8000-000000000001';
select results_eq(
  $$ select recipient, locale::text from public.reminders
      where appointment_id = 'ae100000-0000-4000-8000-000000000001' and channel = 'sms' $$,
  $$ values ('+33 7 00 00 00 01', 'ar'), ('+33 7 00 00 00 01', 'ar') $$,
  'a new phone number and language reach the pending reminders');
update public.profiles set reminder_email = true where id = 'ae000000-0000-4000-8000-000000000001';
select ok((select bool_and(status = 'pending' and locale = 'ar')
             from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000001'),
  'turning email back on re-arms the emails');
update public.profiles set reminder_sms = false, phone = null where id = 'ae000000-0000-4000-8000-000000000001';
select tests.appt('ae100000-0000-4000-8000-000000000009', '2036-07-01 11:00 Europe/Paris');
select results_eq(
  $$ select channel from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000009' $$,
  $$ values ('email'), ('email') $$,
  'without a phone (or with SMS off) only email reminders are created');
update public.profiles set reminder_sms = true, phone = '+33611223344'
 where id = 'ae000000-0000-4000-8000-000000000001';

-- ---- sent reminders and later moves ----
-- A worker sends the D-2 SMS of appointment 9 (claimed at its slot, then marked sent).
select tests.act_as('service_role');
select is((select count(*) from public.reminders_claim(50, '2036-06-29 10:00 Europe/Paris')
            where appointment_id = 'ae100000-0000-4000-8000-000000000009'), 2::bigint,
  'at the D-2 moment both D-2 reminders are claimed');
select ok(public.reminders_mark_sent((tests.rem('ae100000-0000-4000-8000-000000000009', 'sms', 'd_minus_2')).id,
                                     'prov-1'),
  'the worker records the SMS as sent');
select tests.act_as('postgres');
update public.appointments set starts_at = '2036-07-01 16:00 Europe/Paris'
 where id = 'ae100000-0000-4000-8000-000000000009';
select results_eq(
  $$ select status, generation, provider_id from public.reminders
      where appointment_id = 'ae100000-0000-4000-8000-000000000009' and channel = 'sms' and slot = 'd_minus_2' $$,
  $$ values ('sent', 1, 'prov-1') $$,
  'moved within the same day: a D-2 already sent stays sent (no second message)');
select results_eq(
  $$ select status, next_attempt_at from public.reminders
      where appointment_id = 'ae100000-0000-4000-8000-000000000009' and channel = 'sms' and slot = 'morning_of' $$,
  $$ values ('pending', '2036-07-01 06:00:00+00'::timestamptz) $$,
  'the day-of reminder not yet sent simply follows');
select is((select status from public.reminders
            where appointment_id = 'ae100000-0000-4000-8000-000000000009' and channel = 'email' and slot = 'd_minus_2'),
  'sending', 'a reminder being sent is left to its worker');
update public.appointments set starts_at = '2036-07-08 11:00 Europe/Paris'
 where id = 'ae100000-0000-4000-8000-000000000009';
select results_eq(
  $$ select status, generation, provider_id, sent_at, scheduled_for from public.reminders
      where appointment_id = 'ae100000-0000-4000-8000-000000000009' and channel = 'sms' and slot = 'd_minus_2' $$,
  $$ values ('pending', 2, null::text, null::timestamptz, '2036-07-06 08:00:00+00'::timestamptz) $$,
  'moved to another day: the sent D-2 is re-armed with a new generation (a new message)');
select tests.act_as('service_role');
select ok(public.reminders_mark_sent((tests.rem('ae100000-0000-4000-8000-000000000009', 'email', 'd_minus_2')).id,
                                     'smtp-1'),
  'the email sent while the appointment moved is recorded');
select tests.act_as('postgres');
select results_eq(
  $$ select status, generation, scheduled_for from public.reminders
      where appointment_id = 'ae100000-0000-4000-8000-000000000009' and channel = 'email' and slot = 'd_minus_2' $$,
  $$ values ('pending', 2, '2036-07-06 08:00:00+00'::timestamptz) $$,
  'recorded after the appointment moved to another day, it is re-armed for the new day at once');
select isnt((select reminded_at from public.appointments where id = 'ae100000-0000-4000-8000-000000000009'),
  null, 'the appointment records that a reminder went out (reminded_at, synced to devices)');
select is((select count(*) from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000009'),
  4::bigint, 'still one row per channel and slot after the re-arm');

select * from finish();
rollback;

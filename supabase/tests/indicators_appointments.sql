-- Appointment indicators per structure and in total: a hand-made dataset and the expected
-- numbers computed by hand. Definitions: docs/indicators.md.
--
-- Period P = 2020-12-01 .. 2021-01-31 (Paris dates, crosses 31 December). The seed's
-- appointments are dated around the seeding day, years later.
-- Appointments (starts_at, status, allocataire's response, reminder):
--   a1  S1  2020-12-02 10:00+01  attended              confirmed    reminded
--   a2  S1  2020-12-10 10:00+01  attended              -            reminded
--   a3  S1  2020-12-15 10:00+01  missed                confirmed    reminded
--   a4  S1  2020-12-31 23:30+01  excused               cannot_come
--   a5  S1  2021-01-05 10:00+01  cancelled             cannot_come
--   a6  S1  2021-01-20 10:00+01  scheduled             -
--   a7  S1  2021-02-01 00:30+01  missed                -            (31 January in UTC: after P)
--   a8  S1  2020-12-01 00:30+01  attended              -            (30 November in UTC: in P)
--   a9  S1  2020-12-20 10:00+01  attended  DELETED
--   b1  S2  2021-01-10 10:00+01  attended              confirmed
--   b2  S2  2021-01-11 10:00+01  reschedule_requested  reschedule
--   n1  -   2021-01-12 10:00+01  missed                -            (no structure)
--   m1  S3  2021-03-01 10:00+01  attended              -            (after P: S3 has no row)
--
-- Expected in P (appointments attended missed excused cancelled pending responded reminded;
-- attendance = attended / (attended + missed), no-show = missed / (attended + missed),
-- response = responded / appointments):
--   S1 "Indic EI"     7 3 1 1 1 1 4 3   0.7500 0.2500 0.5714 (4/7)   reminders sent 3
--   S2 "Indic CAPI"   2 1 0 0 0 1 2 0   1.0000 0.0000 1.0000         reminders sent 1
--   no structure      1 0 1 0 0 0 0 0   0.0000 1.0000 0.0000         reminders sent 0
--   total            10 4 2 1 1 2 6 3   0.6667 0.3333 0.6000         reminders sent 4
begin;
\ir helpers/setup.psql
select plan(7);

insert into auth.users (id, email) values
  ('1d000000-0000-4000-8000-000000000001', 'u1@indicators.test'),
  ('1d000000-0000-4000-8000-000000000002', 'u2@indicators.test');
insert into public.structures (id, kind, name, status) values
  ('1d400000-0000-4000-8000-000000000001', 'EI', 'Indic EI', 'published'),
  ('1d400000-0000-4000-8000-000000000002', 'CAPI', 'Indic CAPI', 'published'),
  ('1d400000-0000-4000-8000-000000000003', 'MDEE', 'Indic MdEE', 'published');

insert into public.appointments (id, allocataire_id, structure_id, kind, starts_at, status, response, responded_at,
                                 reminded_at, deleted_at)
select a.id::uuid, ('1d000000-0000-4000-8000-00000000000' || a.u)::uuid,
       ('1d400000-0000-4000-8000-00000000000' || a.s)::uuid, 'follow_up', a.starts::timestamptz, a.status,
       a.response, case when a.response is not null then a.starts::timestamptz - interval '2 days' end,
       case when a.reminded then a.starts::timestamptz - interval '1 day' end, a.deleted::timestamptz
  from (values
    ('1d600000-0000-4000-8000-000000000001', 1, '1', '2020-12-02 10:00+01', 'attended', 'confirmed', true, null),
    ('1d600000-0000-4000-8000-000000000002', 2, '1', '2020-12-10 10:00+01', 'attended', null, true, null),
    ('1d600000-0000-4000-8000-000000000003', 1, '1', '2020-12-15 10:00+01', 'missed', 'confirmed', true, null),
    ('1d600000-0000-4000-8000-000000000004', 2, '1', '2020-12-31 23:30+01', 'excused', 'cannot_come', false, null),
    ('1d600000-0000-4000-8000-000000000005', 1, '1', '2021-01-05 10:00+01', 'cancelled', 'cannot_come', false, null),
    ('1d600000-0000-4000-8000-000000000006', 2, '1', '2021-01-20 10:00+01', 'scheduled', null, false, null),
    ('1d600000-0000-4000-8000-000000000007', 1, '1', '2021-02-01 00:30+01', 'missed', null, false, null),
    ('1d600000-0000-4000-8000-000000000008', 2, '1', '2020-12-01 00:30+01', 'attended', null, false, null),
    ('1d600000-0000-4000-8000-000000000009', 1, '1', '2020-12-20 10:00+01', 'attended', null, false,
     '2020-12-21 10:00+01'),
    ('1d600000-0000-4000-8000-000000000011', 1, '2', '2021-01-10 10:00+01', 'attended', 'confirmed', false, null),
    ('1d600000-0000-4000-8000-000000000012', 2, '2', '2021-01-11 10:00+01', 'reschedule_requested', 'reschedule',
     false, null),
    ('1d600000-0000-4000-8000-000000000021', 1, null, '2021-01-12 10:00+01', 'missed', null, false, null),
    ('1d600000-0000-4000-8000-000000000031', 2, '3', '2021-03-01 10:00+01', 'attended', null, false, null)
  ) as a(id, u, s, starts, status, response, reminded, deleted);

-- Reminder messages (one per appointment, channel and slot): only 'sent' ones count, and
-- only for appointments counted in the period (a7 is after it, a9 is deleted).
--   a1 sms sent, a1 email sent, a2 sms sent, a3 sms failed, a4 email cancelled -> S1: 3
--   b1 sms sent -> S2: 1;  a7 sms sent, a9 sms sent -> not counted;  total 4
insert into public.reminders (appointment_id, channel, slot, recipient, scheduled_for, next_attempt_at, status,
                              sent_at, cancel_reason, attempts, key_used)
select ('1d600000-0000-4000-8000-0000000000' || r.a)::uuid, r.channel, r.slot,
       case r.channel when 'sms' then '+33600000000' else 'u@indicators.test' end,
       '2020-11-01 10:00+01', '2020-11-01 10:00+01', r.status,
       case when r.status = 'sent' then '2020-11-01 10:00+01'::timestamptz end,
       case when r.status = 'cancelled' then 'appointment_cancelled' end, 1, true
  from (values ('01', 'sms', 'morning_of', 'sent'), ('01', 'email', 'morning_of', 'sent'),
               ('02', 'sms', 'd_minus_2', 'sent'), ('03', 'sms', 'morning_of', 'failed'),
               ('04', 'email', 'morning_of', 'cancelled'), ('11', 'sms', 'morning_of', 'sent'),
               ('07', 'sms', 'morning_of', 'sent'), ('09', 'sms', 'morning_of', 'sent'))
    as r(a, channel, slot, status);

select tests.act_as('coordinator');

select results_eq(
  $$ select structure_name, is_total,
            array[appointments, attended, missed, excused, cancelled, pending, responded, reminded],
            array[attendance_rate, no_show_rate, response_rate]
       from public.indicators_appointments('2020-12-01', '2021-01-31')
      where structure_id in ('1d400000-0000-4000-8000-000000000001', '1d400000-0000-4000-8000-000000000002',
                             '1d400000-0000-4000-8000-000000000003')
         or structure_id is null $$,
  $$ values ('Indic CAPI'::text, false, array[2, 1, 0, 0, 0, 1, 2, 0]::bigint[], array[1, 0, 1]::numeric[]),
            ('Indic EI', false, array[7, 3, 1, 1, 1, 1, 4, 3]::bigint[], array[0.75, 0.25, 0.5714]::numeric[]),
            (null, false, array[1, 0, 1, 0, 0, 0, 0, 0]::bigint[], array[0, 1, 0]::numeric[]),
            (null, true, array[10, 4, 2, 1, 1, 2, 6, 3]::bigint[], array[0.6667, 0.3333, 0.6]::numeric[]) $$,
  'counts and rates per structure, for appointments without a structure, and in total (last)');

select is(
  (select count(*) from public.indicators_appointments('2020-12-01', '2021-01-31')),
  4::bigint,
  'only structures with appointments in the period get a row (S3 has none), plus the total');

select is(
  (select array[sum(appointments), sum(attended), sum(missed), sum(responded)]
     from public.indicators_appointments('2020-12-01', '2021-01-31') where not is_total),
  (select array[appointments, attended, missed, responded]::numeric[]
     from public.indicators_appointments('2020-12-01', '2021-01-31') where is_total),
  'the structure rows add up to the total row');

select results_eq(
  $$ select d, (select appointments from public.indicators_appointments(d, d) where is_total)
       from unnest(array['2020-11-30', '2020-12-01', '2020-12-31', '2021-01-31', '2021-02-01']::date[])
            with ordinality as x(d, n)
      order by n $$,
  $$ values ('2020-11-30'::date, 0::bigint), ('2020-12-01', 1), ('2020-12-31', 1), ('2021-01-31', 0),
            ('2021-02-01', 1) $$,
  'appointments are dated by their Paris date (00:30 on 1 December and 1 February)');

select results_eq(
  $$ select is_total, appointments, attended, attendance_rate, no_show_rate, response_rate
       from public.indicators_appointments('2001-01-01', '2001-12-31') $$,
  $$ values (true, 0::bigint, 0::bigint, null::numeric, null::numeric, null::numeric) $$,
  'an empty period gives only the total row, with zeros and no rates (no division by zero)');

select results_eq(
  $$ select structure_name, is_total, reminded, reminders_sent
       from public.indicators_appointments('2020-12-01', '2021-01-31')
      where structure_id in ('1d400000-0000-4000-8000-000000000001', '1d400000-0000-4000-8000-000000000002',
                             '1d400000-0000-4000-8000-000000000003')
         or structure_id is null $$,
  $$ values ('Indic CAPI'::text, false, 0::bigint, 1::bigint), ('Indic EI', false, 3, 3),
            (null, false, 0, 0), (null, true, 3, 4) $$,
  'reminders: appointments reminded, and reminder messages in status sent for the counted appointments');

-- The soft-deleted a9 (attended, 20 December) is not counted; restored, it is.
select tests.act_as('postgres');
update public.appointments set deleted_at = null where id = '1d600000-0000-4000-8000-000000000009';
select tests.act_as('coordinator');
select results_eq(
  $$ select appointments, attended, attendance_rate
       from public.indicators_appointments('2020-12-01', '2021-01-31')
      where structure_id = '1d400000-0000-4000-8000-000000000001' $$,
  $$ values (8::bigint, 4::bigint, 0.8::numeric) $$,
  'a soft-deleted appointment is excluded (restored, S1 has 8 appointments, 4 attended, 0.8 attendance)');

select * from finish();
rollback;

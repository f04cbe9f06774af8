-- Reminders: the worker's functions (claim with a lease, sent, failed with retries, unknown).
-- Delivery is at most once per reminder and generation; concurrency (skip locked) is tested
-- with two real workers in tests/integration/reminders.
begin;
\ir helpers/setup.psql
select plan(31);

insert into auth.users (id, email, phone, raw_user_meta_data)
values ('ae000000-0000-4000-8000-000000000002', 'worker@example.org', '+33622334455', '{}');
insert into public.structures (id, kind, name, address, status)
values ('ae200000-0000-4000-8000-000000000001', 'EI', 'Espace insertion test', '1 rue du Test, 75018 Paris', 'published');
insert into public.appointments (id, allocataire_id, structure_id, kind, title, starts_at, duration_min, mode, location,
                                 documents_to_bring)
values ('ae100000-0000-4000-8000-000000000011', 'ae000000-0000-4000-8000-000000000002',
        'ae200000-0000-4000-8000-000000000001', 'diagnostic', 'Diagnostic', '2036-06-18 14:00 Europe/Paris', 60,
        'in_person', 'Bureau 2', '{"Pièce d''identité"}');

create function tests.rem(ch text, sl text) returns public.reminders
language sql
as $$
  select r.* from public.reminders r
   where r.appointment_id = 'ae100000-0000-4000-8000-000000000011' and r.channel = ch and r.slot = sl
$$;

create function tests.fail_once(at_ timestamptz) returns text
language plpgsql
as $$
declare
  c record;
begin
  select * into c from public.reminders_claim(10, at_) where appointment_id = 'ae100000-0000-4000-8000-000000000011';
  if c.id is null then
    return 'nothing claimed';
  end if;
  return c.attempt || ':' || public.reminders_mark_failed(c.id, 'HTTP 500', at_ + interval '1 minute', c.claim_token);
end
$$;

create temporary table claimed on commit drop as
  select * from public.reminders_claim(10, '2036-06-16 09:59 Europe/Paris') where false;
grant all on claimed to service_role;

-- ---- claim ----
select tests.act_as('service_role');
select is_empty($$ select * from public.reminders_claim(10, '2036-06-16 09:59 Europe/Paris')
                    where appointment_id = 'ae100000-0000-4000-8000-000000000011' $$,
  'nothing is claimed before its moment');
insert into claimed select * from public.reminders_claim(10, '2036-06-16 10:00 Europe/Paris');
select results_eq(
  $$ select channel, slot, attempt, check_first, may_send, kind, structure_name, location, locale,
            idempotency_key = id::text || ':1'
       from claimed where appointment_id = 'ae100000-0000-4000-8000-000000000011' order by channel $$,
  $$ values ('email', 'd_minus_2', 1, false, true, 'diagnostic', 'Espace insertion test', 'Bureau 2', 'fr', true),
            ('sms', 'd_minus_2', 1, false, true, 'diagnostic', 'Espace insertion test', 'Bureau 2', 'fr', true) $$,
  'at 10:00 two days before, both D-2 reminders are claimed with what the message needs');
select is((select starts_at from claimed limit 1), '2036-06-18 12:00:00+00'::timestamptz,
  'the claim carries the appointment instant');
select tests.act_as('postgres');
select ok((select bool_and(status = 'sending' and claimed_at = '2036-06-16 10:00 Europe/Paris' and key_used
                            and about_starts_at = '2036-06-18 14:00 Europe/Paris')
             from public.reminders where appointment_id = 'ae100000-0000-4000-8000-000000000011' and slot = 'd_minus_2'),
  'claimed rows are leased (sending, claimed_at, key marked as used)');
select tests.act_as('service_role');
select is_empty($$ select * from public.reminders_claim(10, '2036-06-16 10:01 Europe/Paris') $$,
  'a leased reminder is not handed to another worker');

-- ---- sent ----
select ok(public.reminders_mark_sent((select id from claimed where channel = 'sms'), 'sms-42'),
  'mark_sent records the delivery');
select ok(not public.reminders_mark_sent((select id from claimed where channel = 'sms'), 'sms-43'),
  'a second mark_sent changes nothing');
select results_eq($$ select status, provider_id, sent_at is not null from public.reminders where id = (select id from claimed where channel = 'sms') $$,
  $$ values ('sent', 'sms-42', true) $$, 'the provider''s id is kept');

-- ---- failed, retried, then failed for good ----
select is(public.reminders_mark_failed((select id from claimed where channel = 'email'), 'boom',
                                       '2036-06-16 10:05 Europe/Paris', gen_random_uuid()),
  null, 'only the lease holder (claim token) may record a failure');
select is(public.reminders_mark_failed((select id from claimed where channel = 'email'), '421 try later',
                                       '2036-06-16 10:05 Europe/Paris', (select claim_token from claimed where channel = 'email')),
  'pending', 'a failure with a retry time puts the reminder back to pending');
select results_eq(
  $$ select status, attempts, next_attempt_at, last_error from public.reminders where id = (select id from claimed where channel = 'email') $$,
  $$ values ('pending', 1, '2036-06-16 08:05:00+00'::timestamptz, '421 try later') $$,
  'it waits for its retry time, the error is kept');
select is_empty($$ select * from public.reminders_claim(10, '2036-06-16 10:04 Europe/Paris') $$,
  'not before the retry time');

select is(tests.fail_once('2036-06-16 10:05 Europe/Paris'), '2:pending', 'second attempt fails, retry');
select is(tests.fail_once('2036-06-16 10:06 Europe/Paris'), '3:pending', 'third attempt fails, retry');
select is(tests.fail_once('2036-06-16 10:07 Europe/Paris'), '4:pending', 'fourth attempt fails, retry');
select is(tests.fail_once('2036-06-16 10:08 Europe/Paris'), '5:failed', 'after 5 attempts the reminder has failed');
select is(tests.fail_once('2036-06-16 10:09 Europe/Paris'), 'nothing claimed', 'a failed reminder is not retried');

-- ---- a crashed worker: lease expiry ----
select tests.act_as('postgres');
delete from claimed;
select tests.act_as('service_role');
insert into claimed select * from public.reminders_claim(10, '2036-06-18 08:00 Europe/Paris', 300)
  where appointment_id = 'ae100000-0000-4000-8000-000000000011';
select is((select count(*) from claimed), 2::bigint, 'the day-of reminders are claimed at 08:00');
-- The worker dies here. Within the lease nothing comes back.
select is_empty($$ select * from public.reminders_claim(10, '2036-06-18 08:04 Europe/Paris', 300) $$,
  'within the lease, nothing is handed out again');
create temporary table reclaimed on commit drop as
  select * from public.reminders_claim(10, '2036-06-18 08:06 Europe/Paris', 300);
select results_eq(
  $$ select channel, attempt, check_first, may_send, idempotency_key = (select idempotency_key from claimed where channel = 'sms')
       from reclaimed $$,
  $$ values ('sms', 2, true, true, true) $$,
  'after the lease, the SMS comes back flagged: ask the provider by the same key before sending');
select results_eq(
  $$ select status, last_error like '%not resent%' from public.reminders where id = (select id from claimed where channel = 'email') $$,
  $$ values ('unknown', true) $$,
  'after the lease, the email (SMTP cannot be asked) is recorded as unknown and never resent');
select is(public.reminders_mark_sent((select id from claimed where channel = 'email'), 'late-smtp-id'), true,
  'a late answer from the crashed worker still counts (the email did go)');
select is(public.reminders_mark_sent((select id from reclaimed), 'sms-found-by-key'), true,
  'the provider knew the key: recorded as sent without a second message');

-- ---- send window ----
select tests.act_as('postgres');
insert into public.appointments (id, allocataire_id, kind, starts_at)
values ('ae100000-0000-4000-8000-000000000012', 'ae000000-0000-4000-8000-000000000002', 'follow_up',
        '2036-06-25 14:00 Europe/Paris');
select tests.act_as('service_role');
select is_empty($$ select * from public.reminders_claim(10, '2036-06-23 20:00 Europe/Paris')
                    where appointment_id = 'ae100000-0000-4000-8000-000000000012' $$,
  'a D-2 not sent by 20:00 is not sent at all');
select tests.act_as('postgres');
select results_eq(
  $$ select channel, status, cancel_reason from public.reminders
      where appointment_id = 'ae100000-0000-4000-8000-000000000012' and slot = 'd_minus_2' order by channel $$,
  $$ values ('email', 'cancelled', 'expired'), ('sms', 'cancelled', 'expired') $$,
  'it is cancelled as expired');
-- A retry falling before 08:00 waits for the end of quiet hours.
update public.reminders set next_attempt_at = '2036-06-25 06:30 Europe/Paris'
 where appointment_id = 'ae100000-0000-4000-8000-000000000012' and slot = 'morning_of';
select tests.act_as('service_role');
select is_empty($$ select * from public.reminders_claim(10, '2036-06-25 07:59 Europe/Paris')
                    where appointment_id = 'ae100000-0000-4000-8000-000000000012' $$,
  'nothing is claimed during quiet hours, even when due');
select is((select count(*) from public.reminders_claim(10, '2036-06-25 08:00 Europe/Paris')
            where appointment_id = 'ae100000-0000-4000-8000-000000000012'), 2::bigint,
  'at 08:00 the due reminders go');

-- An SMS attempt that timed out, then the window closes: the worker may only ask the provider.
select tests.act_as('postgres');
insert into public.appointments (id, allocataire_id, kind, starts_at)
values ('ae100000-0000-4000-8000-000000000013', 'ae000000-0000-4000-8000-000000000002', 'follow_up',
        '2036-06-27 14:00 Europe/Paris');
select tests.act_as('service_role');
select is(public.reminders_mark_failed(c.id, 'timeout', '2036-06-27 13:30 Europe/Paris', c.claim_token), 'pending',
  'an SMS that timed out is retried later')
  from public.reminders_claim(10, '2036-06-27 08:00 Europe/Paris') c
 where c.appointment_id = 'ae100000-0000-4000-8000-000000000013' and c.channel = 'sms';
select results_eq(
  $$ select channel, check_first, may_send from public.reminders_claim(10, '2036-06-27 13:30 Europe/Paris')
      where appointment_id = 'ae100000-0000-4000-8000-000000000013' order by channel $$,
  $$ values ('sms', true, false) $$,
  'past its window (1 h before), the SMS is handed out only to ask the provider whether it went');

-- ---- arguments ----
select throws_ok($$ select * from public.reminders_claim(0) $$, '22023', null, 'batch must be positive');
select throws_ok($$ select * from public.reminders_claim(10, now(), 1) $$, '22023', null, 'the lease is bounded');

select * from finish();
rollback;

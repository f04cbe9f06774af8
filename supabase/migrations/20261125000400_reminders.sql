-- Repères: appointment reminders (SMS and email).
--
-- The database decides WHAT to send and WHEN; a worker (supabase/workers/reminders) only
-- delivers what it claims. Design notes, also in supabase/workers/reminders/README.md:
--
-- Slots (local time, Europe/Paris, computed with `at time zone`, so DST is handled):
--   d_minus_2   10:00 two calendar days before the appointment's day.
--   morning_of  08:00 on the appointment's day; for an appointment before 09:30 (less than
--               1 h 30 to cross Paris after an 08:00 message) it moves to 19:00 the evening
--               before. The slot keeps its name: it is "the last reminder".
--   A slot whose moment has already passed when the appointment is written is skipped (no
--   row): an appointment booked less than ~2 days ahead gets no D-2.
-- Quiet hours 20:00-08:00: never sent. Every slot lies in 08:00-20:00 and a reminder may only
--   go out on its own day, before 20:00 and at least 1 hour before the appointment (its
--   "send window"); a reminder that misses its window is dropped, never sent late at night.
-- Channels: sms when profiles.reminder_sms and a phone is known, email when
--   profiles.reminder_email and an email is known; recipient and locale are snapshots,
--   refreshed while the reminder is pending.
-- Statuses: pending -> sending (claimed, leased) -> sent | pending (retry) | failed | unknown;
--   pending -> cancelled. One row per (appointment, channel, slot), for life.
-- Moves: pending rows get the new time. A reminder already sent (or failed, or unknown) stays
--   so, unless the appointment moved to another day: the row is re-armed with a new
--   generation (so a new idempotency key) when its new moment is still ahead.
-- Cancelled, attended, missed, excused, deleted or past appointments cancel pending rows; an
--   appointment put back on the agenda re-arms its cancelled rows.
-- Delivery is AT MOST ONCE per (row, generation): see reminders_claim.

create schema reminders_private;
revoke all on schema reminders_private from public;

create table public.reminders (
  id uuid primary key default gen_random_uuid(),
  appointment_id uuid not null references public.appointments (id) on delete cascade,
  channel text not null check (channel in ('sms', 'email')),
  slot text not null check (slot in ('d_minus_2', 'morning_of')),
  recipient text not null check (length(recipient) between 3 and 254),
  locale public.locale_code not null default 'fr',
  -- The slot's moment; next_attempt_at is when the worker may try (later after a failure).
  scheduled_for timestamptz not null,
  next_attempt_at timestamptz not null,
  status text not null default 'pending'
    check (status in ('pending', 'sending', 'sent', 'failed', 'cancelled', 'unknown')),
  cancel_reason text check (cancel_reason in ('appointment_cancelled', 'appointment_closed',
    'appointment_deleted', 'appointment_past', 'opted_out', 'too_late', 'expired')),
  attempts integer not null default 0 check (attempts >= 0),
  -- Idempotency key sent to the provider: '<id>:<generation>'. A new generation is a new
  -- message (the appointment moved to another day); the same generation never is.
  generation integer not null default 1 check (generation >= 1),
  -- An attempt under the current key may have reached the provider: check before resending.
  key_used boolean not null default false,
  claimed_at timestamptz,
  claim_token uuid,
  -- The appointment instant the last claimed attempt announced.
  about_starts_at timestamptz,
  last_error text check (length(last_error) <= 500),
  provider_id text check (length(provider_id) <= 200),
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (appointment_id, channel, slot),
  check ((status = 'sent') = (sent_at is not null)),
  check ((status = 'sending') = (claimed_at is not null and claim_token is not null)),
  check ((status = 'cancelled') = (cancel_reason is not null))
);

comment on table public.reminders is
  'Appointment reminders, one per (appointment, channel, slot); written only by triggers and the reminders_* worker functions.';

create index reminders_due_idx on public.reminders (next_attempt_at) where status = 'pending';
create index reminders_leased_idx on public.reminders (claimed_at) where status = 'sending';

-- ---------------------------------------------------------------------------
-- Time rules (pure)
-- ---------------------------------------------------------------------------

create function reminders_private.local_date(t timestamptz) returns date
language sql stable
set search_path = ''
as $$
  select (t at time zone 'Europe/Paris')::date
$$;

create function reminders_private.at_local(d date, t time) returns timestamptz
language sql stable
set search_path = ''
as $$
  select (d + t) at time zone 'Europe/Paris'
$$;

create function reminders_private.slot_time(slot text, starts_at timestamptz) returns timestamptz
language sql stable
set search_path = ''
as $$
  select case slot
    when 'd_minus_2' then reminders_private.at_local(reminders_private.local_date(starts_at) - 2, time '10:00')
    when 'morning_of' then
      case when (starts_at at time zone 'Europe/Paris')::time >= time '09:30'
           then reminders_private.at_local(reminders_private.local_date(starts_at), time '08:00')
           else reminders_private.at_local(reminders_private.local_date(starts_at) - 1, time '19:00')
      end
  end
$$;

-- The last instant a reminder may go out: 20:00 of its own day (quiet hours start), and
-- never less than an hour before the appointment.
create function reminders_private.window_end(scheduled_for timestamptz, starts_at timestamptz)
returns timestamptz
language sql stable
set search_path = ''
as $$
  select least(reminders_private.at_local(reminders_private.local_date(scheduled_for), time '20:00'),
               starts_at - interval '1 hour')
$$;

create function reminders_private.quiet_hours(t timestamptz) returns boolean
language sql stable
set search_path = ''
as $$
  select (t at time zone 'Europe/Paris')::time not between time '08:00' and time '19:59:59.999999'
$$;

create function reminders_private.max_attempts() returns integer
language sql immutable
set search_path = ''
as $$ select 5 $$;

-- ---------------------------------------------------------------------------
-- Bringing an appointment's reminders in line with the appointment and the profile
-- ---------------------------------------------------------------------------

create function reminders_private.sync(appointment uuid, ref timestamptz) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  a public.appointments%rowtype;
  p public.profiles%rowtype;
  closed text;
  ch text;
  sl text;
  rcpt text;
  at_ timestamptz;
  r public.reminders%rowtype;
begin
  select * into a from public.appointments x where x.id = appointment;
  if not found then
    return;
  end if;
  select * into p from public.profiles x where x.id = a.allocataire_id;
  closed := case
    when a.deleted_at is not null then 'appointment_deleted'
    when a.status = 'cancelled' then 'appointment_cancelled'
    when a.status in ('attended', 'missed', 'excused') then 'appointment_closed'
    when a.starts_at <= ref then 'appointment_past'
  end;
  if closed is not null then
    -- The common case for bulk loads of past appointments: one indexed update, no inserts.
    update public.reminders x
       set status = 'cancelled', cancel_reason = closed
     where x.appointment_id = a.id and x.status = 'pending';
    return;
  end if;

  foreach ch in array array['sms', 'email'] loop
    rcpt := case
      when p.id is null or p.deleted_at is not null then null
      when ch = 'sms' and p.reminder_sms then p.phone
      when ch = 'email' and p.reminder_email then p.email
    end;
    foreach sl in array array['d_minus_2', 'morning_of'] loop
      at_ := reminders_private.slot_time(sl, a.starts_at);
      select * into r from public.reminders x
       where x.appointment_id = a.id and x.channel = ch and x.slot = sl
       for update;

      if rcpt is not null and at_ > ref then
        if r.id is null then
          insert into public.reminders (appointment_id, channel, slot, recipient, locale, scheduled_for,
                                        next_attempt_at)
          values (a.id, ch, sl, rcpt, p.preferred_locale, at_, at_);
        elsif r.status = 'pending' then
          update public.reminders x
             set recipient = rcpt, locale = p.preferred_locale, scheduled_for = at_,
                 next_attempt_at = case when x.scheduled_for = at_ then x.next_attempt_at else at_ end,
                 attempts = case when x.scheduled_for = at_ then x.attempts else 0 end
           where x.id = r.id
             and (x.recipient, x.locale, x.scheduled_for) is distinct from (rcpt, p.preferred_locale, at_);
        elsif r.status = 'cancelled' then
          -- Back on the agenda (or back in time to be reminded): same key, it never went out
          -- unless key_used says an attempt may have, which the worker then checks.
          update public.reminders x
             set status = 'pending', cancel_reason = null, recipient = rcpt, locale = p.preferred_locale,
                 scheduled_for = at_, next_attempt_at = at_, attempts = 0
           where x.id = r.id;
        elsif r.status in ('sent', 'failed', 'unknown')
              and reminders_private.local_date(r.about_starts_at) <> reminders_private.local_date(a.starts_at) then
          -- Moved to another day: the earlier message announced the wrong day. A new generation
          -- is a new idempotency key, hence a new message.
          update public.reminders x
             set status = 'pending', generation = x.generation + 1, key_used = false, attempts = 0,
                 recipient = rcpt, locale = p.preferred_locale, scheduled_for = at_, next_attempt_at = at_,
                 provider_id = null, sent_at = null, last_error = null, about_starts_at = null
           where x.id = r.id;
        end if;
        -- 'sending': the worker owns the row; reminders_mark_sent runs this again afterwards.
      elsif r.status = 'pending' then
        update public.reminders x
           set status = 'cancelled', cancel_reason = case when rcpt is null then 'opted_out' else 'too_late' end
         where x.id = r.id;
      end if;
    end loop;
  end loop;
end
$$;

create function reminders_private.on_appointment_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform reminders_private.sync(new.id, now());
  return null;
end
$$;

create function reminders_private.on_profile_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  appointment uuid;
begin
  for appointment in
    select a.id from public.appointments a
     where a.allocataire_id = new.id and a.starts_at > now() and a.deleted_at is null
  loop
    perform reminders_private.sync(appointment, now());
  end loop;
  return null;
end
$$;

create function reminders_private.touch() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create trigger touch before update on public.reminders
  for each row execute function reminders_private.touch();

create trigger reminders_on_insert after insert on public.appointments
  for each row execute function reminders_private.on_appointment_change();
create trigger reminders_on_update after update on public.appointments
  for each row
  when ((old.starts_at, old.status, old.deleted_at, old.allocataire_id)
        is distinct from (new.starts_at, new.status, new.deleted_at, new.allocataire_id))
  execute function reminders_private.on_appointment_change();

create trigger reminders after update on public.profiles
  for each row
  when ((old.phone, old.email, old.reminder_sms, old.reminder_email, old.preferred_locale, old.deleted_at)
        is distinct from (new.phone, new.email, new.reminder_sms, new.reminder_email, new.preferred_locale,
                          new.deleted_at))
  execute function reminders_private.on_profile_change();

-- ---------------------------------------------------------------------------
-- Worker functions (service_role only)
-- ---------------------------------------------------------------------------

-- Takes up to `batch` due reminders of the given channels (those the worker has a provider
-- for) and leases them to the caller for lease_seconds.
--
-- At most once: a claimed row is 'sending' with key_used set BEFORE any provider call, in
-- a transaction the worker commits first. If the worker dies after the provider accepted
-- the message but before reminders_mark_sent, the lease expires and:
--   sms    the row is handed out again with check_first: the worker asks the provider by
--          idempotency key and records the earlier message instead of sending (the
--          provider also deduplicates the key if asked to send it again);
--   email  SMTP has no lookup: the row becomes 'unknown' and is never resent.
-- Rows whose send window has passed are dropped ('cancelled', reason 'expired'), except an
-- sms whose key was used: it is handed out with may_send = false so the worker can still
-- find out whether it went.
create function public.reminders_claim(batch integer, now timestamptz default now(),
                                       lease_seconds integer default 300,
                                       channels text[] default array['sms', 'email'])
returns table (
  id uuid, idempotency_key text, claim_token uuid, channel text, slot text, recipient text,
  locale text, attempt integer, check_first boolean, may_send boolean, appointment_id uuid,
  kind text, title text, starts_at timestamptz, duration_min integer, mode text, location text,
  documents_to_bring text[], structure_name text, structure_address text, structure_phone text
)
language plpgsql security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  ref timestamptz := reminders_claim.now;
  lease interval;
  quiet boolean;
  token uuid;
  c record;
  taken uuid[] := '{}';     -- to send
  rechecks uuid[] := '{}';  -- to send, after asking the provider about an earlier attempt
  checks uuid[] := '{}';    -- only to ask the provider (send window passed)
begin
  if batch is null or batch not between 1 and 1000 then
    perform public.invalid('batch doit être compris entre 1 et 1000.');
  end if;
  if ref is null or lease_seconds is null or lease_seconds not between 10 and 3600 then
    perform public.invalid('now est requis et lease_seconds doit être compris entre 10 et 3600.');
  end if;
  if channels is null or not channels <@ array['sms', 'email'] then
    perform public.invalid('channels doit être une liste parmi sms et email.');
  end if;
  lease := make_interval(secs => lease_seconds);
  quiet := reminders_private.quiet_hours(ref);

  -- Leases of crashed workers.
  update public.reminders r
     set status = 'unknown', claimed_at = null, claim_token = null,
         last_error = 'Worker lease expired during an email send: delivery unknown, not resent.'
   where r.id in (select x.id from public.reminders x
                   where x.status = 'sending' and x.claimed_at < ref - lease and x.channel = 'email'
                   for update skip locked);
  update public.reminders r
     set status = 'pending', claimed_at = null, claim_token = null, next_attempt_at = ref,
         last_error = 'Worker lease expired: the provider is checked before any new send.'
   where r.id in (select x.id from public.reminders x
                   where x.status = 'sending' and x.claimed_at < ref - lease and x.channel = 'sms'
                   for update skip locked);

  for c in
    select r.id, r.channel, r.key_used, r.scheduled_for,
           a.starts_at, a.status as a_status, a.deleted_at as a_deleted
      from public.reminders r
      join public.appointments a on a.id = r.appointment_id
     where r.status = 'pending' and r.next_attempt_at <= ref and r.channel = any (channels)
     order by r.next_attempt_at, r.id
     limit batch
       for update of r skip locked
  loop
    if c.a_deleted is not null or c.a_status not in ('scheduled', 'confirmed', 'cancel_requested',
                                                     'reschedule_requested') then
      -- The triggers cancel these; a row caught mid-change is simply dropped here.
      update public.reminders r
         set status = 'cancelled', cancel_reason = case when c.a_deleted is not null then 'appointment_deleted'
                                                       when c.a_status = 'cancelled' then 'appointment_cancelled'
                                                       else 'appointment_closed' end
       where r.id = c.id;
    elsif ref >= reminders_private.window_end(c.scheduled_for, c.starts_at) then
      if c.channel = 'sms' and c.key_used then
        checks := checks || c.id;
      elsif c.key_used then
        update public.reminders r
           set status = 'failed',
               last_error = left('Send window passed after failed attempts. ' || coalesce(r.last_error, ''), 500)
         where r.id = c.id;
      else
        update public.reminders r set status = 'cancelled', cancel_reason = 'expired' where r.id = c.id;
      end if;
    elsif not quiet then
      taken := taken || c.id;
      if c.key_used and c.channel = 'sms' then
        rechecks := rechecks || c.id;
      end if;
    end if;
  end loop;

  token := gen_random_uuid();
  return query
    with claimed as (
      update public.reminders r
         set status = 'sending', claimed_at = ref, claim_token = token, attempts = r.attempts + 1,
             key_used = true, about_starts_at = a.starts_at
        from public.appointments a
       where a.id = r.appointment_id and (r.id = any (taken) or r.id = any (checks))
      returning r.id, r.generation, r.channel, r.slot, r.recipient, r.locale, r.attempts,
                r.appointment_id, r.id = any (taken) as may_send,
                r.id = any (rechecks) or r.id = any (checks) as check_first
    )
    select cl.id, cl.id::text || ':' || cl.generation, token, cl.channel, cl.slot, cl.recipient,
           cl.locale::text, cl.attempts, cl.check_first, cl.may_send,
           a.id, a.kind, a.title, a.starts_at, a.duration_min, a.mode, a.location,
           a.documents_to_bring, s.name, s.address, s.phone::text
      from claimed cl
      join public.appointments a on a.id = cl.appointment_id
      left join public.structures s on s.id = a.structure_id
     order by a.starts_at, cl.id;
end
$$;

comment on function public.reminders_claim(integer, timestamptz, integer, text[]) is
  'Worker: lease due reminders (for update skip locked) with their rendering context; service_role only.';

-- Records a delivery. Always believed, whatever the row's state (a slow worker whose lease
-- expired still tells the truth); a second call changes nothing.
create function public.reminders_mark_sent(id uuid, provider_id text) returns boolean
language plpgsql security definer
set search_path = ''
as $$
declare
  appointment uuid;
begin
  update public.reminders r
     set status = 'sent', provider_id = left(reminders_mark_sent.provider_id, 200), sent_at = now(),
         claimed_at = null, claim_token = null, cancel_reason = null, last_error = null
   where r.id = reminders_mark_sent.id and r.status <> 'sent'
  returning r.appointment_id into appointment;
  if appointment is null then
    return false;
  end if;
  -- One bump of the synced appointment per slot at most (sms and email go out together).
  update public.appointments a
     set reminded_at = now()
   where a.id = appointment and (a.reminded_at is null or a.reminded_at < now() - interval '1 hour');
  -- The appointment may have moved to another day while this message was on its way.
  perform reminders_private.sync(appointment, now());
  return true;
end
$$;

comment on function public.reminders_mark_sent(uuid, text) is
  'Worker: record that a reminder was accepted by its provider; service_role only.';

-- Records a failed attempt: retried at retry_at (the worker computes the backoff), or
-- 'failed' when retry_at is null (permanent error) or after max_attempts attempts. Only the
-- lease holder may do this (claim_token), so a late worker cannot undo a newer attempt.
create function public.reminders_mark_failed(id uuid, error text, retry_at timestamptz,
                                             claim_token uuid default null)
returns text
language plpgsql security definer
set search_path = ''
as $$
declare
  result text;
begin
  update public.reminders r
     set status = case when retry_at is null or r.attempts >= reminders_private.max_attempts()
                       then 'failed' else 'pending' end,
         next_attempt_at = case when retry_at is null then r.next_attempt_at
                                else greatest(retry_at, r.claimed_at) end,
         last_error = left(coalesce(error, 'unknown error'), 500),
         claimed_at = null, claim_token = null
   where r.id = reminders_mark_failed.id and r.status = 'sending'
     and (reminders_mark_failed.claim_token is null or r.claim_token = reminders_mark_failed.claim_token)
  returning r.status into result;
  return result;
end
$$;

comment on function public.reminders_mark_failed(uuid, text, timestamptz, uuid) is
  'Worker: record a failed attempt, to retry at retry_at or finally failed; service_role only.';

-- The provider may or may not have taken the message and cannot be asked (SMTP): never
-- retried, so never sent twice.
create function public.reminders_mark_unknown(id uuid, error text, claim_token uuid default null)
returns boolean
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.reminders r
     set status = 'unknown', last_error = left(coalesce(error, 'delivery unknown'), 500),
         claimed_at = null, claim_token = null
   where r.id = reminders_mark_unknown.id and r.status = 'sending'
     and (reminders_mark_unknown.claim_token is null or r.claim_token = reminders_mark_unknown.claim_token);
  return found;
end
$$;

comment on function public.reminders_mark_unknown(uuid, text, uuid) is
  'Worker: record an attempt whose outcome cannot be known; never retried; service_role only.';

-- ---------------------------------------------------------------------------
-- Access
-- ---------------------------------------------------------------------------

alter table public.reminders enable row level security;
revoke all on public.reminders from public, anon, authenticated, service_role;
grant select on public.reminders to authenticated, service_role;

-- Whoever may read the appointment reads its reminders: the allocataire their own, the
-- référents of the structure theirs, coordinators all (the appointments policies decide).
create policy "read reminders of readable appointments" on public.reminders
  for select to authenticated
  using (exists (select 1 from public.appointments a where a.id = appointment_id));

revoke all on function
  public.reminders_claim(integer, timestamptz, integer, text[]),
  public.reminders_mark_sent(uuid, text),
  public.reminders_mark_failed(uuid, text, timestamptz, uuid),
  public.reminders_mark_unknown(uuid, text, uuid)
  from public, anon, authenticated;
grant execute on function
  public.reminders_claim(integer, timestamptz, integer, text[]),
  public.reminders_mark_sent(uuid, text),
  public.reminders_mark_failed(uuid, text, timestamptz, uuid),
  public.reminders_mark_unknown(uuid, text, uuid)
  to service_role;

-- Reached only from the definer functions and triggers above (run as their owner).
revoke all on all functions in schema reminders_private from public, anon, authenticated, service_role;

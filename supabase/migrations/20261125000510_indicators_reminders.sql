-- Repères: reminders in the appointment indicators, now that public.reminders exists
-- (20261125000400_reminders.sql). Same signature and columns as in
-- 20261125000500_indicators.sql, so `create or replace` keeps the grants and the contract;
-- only reminders_sent changes from null to a count. Definitions: docs/indicators.md.
--
-- reminders_sent: reminder messages (one per appointment, channel and slot) in status 'sent'
-- at query time, for the appointments counted on the row (dated by the appointment's
-- starts_at, not by sent_at, so the row stays about one set of appointments).

-- Sent reminders by appointment, read with an index-only scan.
create index reminders_sent_appointment_idx on public.reminders (appointment_id) where status = 'sent';

create or replace function public.indicators_appointments(period_start date, period_end date)
returns table (
  structure_id uuid,
  structure_name text,
  is_total boolean,
  appointments bigint,
  attended bigint,
  missed bigint,
  excused bigint,
  cancelled bigint,
  pending bigint,
  responded bigint,
  reminded bigint,
  reminders_sent bigint,
  attendance_rate numeric,
  no_show_rate numeric,
  response_rate numeric
)
language plpgsql stable security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  period tstzrange := public.indicators_period(period_start, period_end);
  lo timestamptz := lower(period);
  hi timestamptz := upper(period);
begin
  return query
    with counts as (
      select a.structure_id, s.name, grouping(a.structure_id) = 1 as is_total,
             count(*) as appointments,
             count(*) filter (where a.status = 'attended') as attended,
             count(*) filter (where a.status = 'missed') as missed,
             count(*) filter (where a.status = 'excused') as excused,
             count(*) filter (where a.status = 'cancelled') as cancelled,
             count(*) filter (where a.status in ('scheduled', 'confirmed', 'cancel_requested',
                                                 'reschedule_requested')) as pending,
             count(*) filter (where a.response is not null) as responded,
             count(*) filter (where a.reminded_at is not null) as reminded
        from public.appointments a
        left join public.structures s on s.id = a.structure_id
       where a.deleted_at is null and a.starts_at >= lo and a.starts_at < hi
       group by grouping sets ((a.structure_id, s.name), ())
    ),
    -- Counted per structure in one hash join over the sent reminders rather than per
    -- appointment: a year of a large structure means hundreds of thousands of appointments.
    sent as (
      select a.structure_id, grouping(a.structure_id) = 1 as is_total, count(*) as n
        from public.reminders r
        join public.appointments a on a.id = r.appointment_id
       where r.status = 'sent'
         and a.deleted_at is null and a.starts_at >= lo and a.starts_at < hi
       group by grouping sets ((a.structure_id), ())
    )
    select k.structure_id, k.name, k.is_total, k.appointments, k.attended, k.missed, k.excused,
           k.cancelled, k.pending, k.responded, k.reminded, coalesce(x.n, 0),
           round(k.attended::numeric / nullif(k.attended + k.missed, 0), 4),
           round(k.missed::numeric / nullif(k.attended + k.missed, 0), 4),
           round(k.responded::numeric / nullif(k.appointments, 0), 4)
      from counts k
      left join sent x on x.is_total = k.is_total and x.structure_id is not distinct from k.structure_id
     order by k.is_total, k.name, k.structure_id;
end
$$;

comment on function public.indicators_appointments(date, date) is
  'Appointment indicators (attendance, responses, reminders) per structure and in total for appointments starting in a period of Paris dates; coordinators only.';

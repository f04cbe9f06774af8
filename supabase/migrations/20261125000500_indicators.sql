-- Repères: Action 41 indicators for the coordinators' back office (and Actions 12-13 for
-- outreach, Action 9 for appointments). Definitions, in French and English: docs/indicators.md.
--
-- Three read functions, one per screen and CSV export:
--   public.indicators_prestations(period_start date, period_end date)
--   public.indicators_outreach(period_start date, period_end date)
--   public.indicators_appointments(period_start date, period_end date)
--
-- Shared rules:
--   * Coordinators only. The functions are security definer (they count rows the caller may
--     not read, e.g. outreach contacts) and check the role themselves.
--   * Aggregates only: no row ever carries a person's id, name or contact. The only ids
--     returned are those of prestations, teams and structures.
--   * The period is a pair of inclusive calendar dates in Europe/Paris time:
--     [period_start 00:00 Paris, period_end + 1 day 00:00 Paris). Each indicator is dated by
--     one timestamp column, named in docs/indicators.md.
--   * Soft-deleted rows (deleted_at set) are not counted, except outreach contacts reduced
--     to statistics by the retention function (they are still people met).
--   * Counts are exact (no small-cell suppression here): suppression is applied when a table
--     leaves the Département, see docs/indicators.md.

-- ---------------------------------------------------------------------------
-- Indexes for period scans (the existing ones lead with allocataire, team or structure)
-- ---------------------------------------------------------------------------

create index prestation_offers_entered_at_idx on public.prestation_offers (entered_at)
  where deleted_at is null and entered_at is not null;
create index prestation_offers_exited_at_idx on public.prestation_offers (exited_at)
  where deleted_at is null and exited_at is not null;
create index appointments_starts_at_idx on public.appointments (starts_at)
  where deleted_at is null;
create index outreach_contacts_met_at_idx on public.outreach_contacts (met_at);

-- ---------------------------------------------------------------------------
-- The shared guard: caller and period
-- ---------------------------------------------------------------------------

-- Checks the caller is a coordinator and the period is valid; returns the period as a
-- half-open range of instants. Called only from the security-definer indicator functions
-- (as their owner), so nobody else needs to execute it.
create function public.indicators_period(period_start date, period_end date) returns tstzrange
language plpgsql stable
set search_path = ''
as $$
begin
  if not public.has_role('coordinator') then
    perform public.forbid('Les indicateurs sont réservés aux coordinateurs.');
  end if;
  if period_start is null or period_end is null then
    perform public.invalid('La période doit avoir une date de début et une date de fin.');
  end if;
  if period_end < period_start then
    perform public.invalid('La date de fin de la période précède sa date de début.');
  end if;
  if period_start < date '2000-01-01' or period_end > date '2100-12-31' then
    perform public.invalid('La période doit être comprise entre 2000 et 2100.');
  end if;
  -- Midnight always exists in Paris (clock changes happen at 02:00/03:00).
  return tstzrange(period_start::timestamp at time zone 'Europe/Paris',
                   (period_end + 1)::timestamp at time zone 'Europe/Paris', '[)');
end
$$;

comment on function public.indicators_period(date, date) is
  'Guard of the indicator functions: coordinator only, valid period; returns [start, end + 1 day) in Europe/Paris.';

-- ---------------------------------------------------------------------------
-- Prestations (Action 41): entries, priority publics, exits by family
-- ---------------------------------------------------------------------------

-- One row per prestation, then one total row (is_total, prestation columns null).
-- Rows: every published prestation (zeros included), plus any other prestation (archived,
-- draft or deleted) that has an entry or an exit in the period, so the rows always add up to
-- the total. Entries are dated by entered_at, exits by exited_at, independently: an exit is
-- counted even when its entry falls outside the period.
create function public.indicators_prestations(period_start date, period_end date)
returns table (
  prestation_id uuid,
  prestation_title text,
  registre text,
  prestation_status text,
  is_total boolean,
  entries bigint,
  entrants bigint,
  entries_rsa bigint,
  entries_qpv bigint,
  entries_woman bigint,
  entries_senior bigint,
  entries_under_26 bigint,
  entries_grand_exclu bigint,
  entries_priority_any bigint,
  exits bigint,
  exiters bigint,
  exits_new_prestation bigint,
  exits_abandon bigint,
  exits_employment_durable bigint,
  exits_employment_transition bigint,
  exits_positive bigint,
  exits_other bigint,
  exits_employment_total bigint,
  exits_rsa bigint,
  exits_qpv bigint,
  exits_woman bigint,
  exits_senior bigint,
  exits_under_26 bigint,
  exits_grand_exclu bigint,
  exits_priority_any bigint
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
    with flow as (
      -- One row per entry and one per exit in the period; an offer entered and exited in
      -- the period gives both.
      select o.prestation_id, o.allocataire_id, true as is_entry, null::text as exit_category,
             o.priority_rsa, o.priority_qpv, o.priority_woman, o.priority_senior,
             o.priority_under_26, o.priority_grand_exclu
        from public.prestation_offers o
       where o.deleted_at is null and o.entered_at >= lo and o.entered_at < hi
      union all
      select o.prestation_id, o.allocataire_id, false, o.exit_category,
             o.priority_rsa, o.priority_qpv, o.priority_woman, o.priority_senior,
             o.priority_under_26, o.priority_grand_exclu
        from public.prestation_offers o
       where o.deleted_at is null and o.exited_at >= lo and o.exited_at < hi
    ),
    f as (
      select flow.*,
             (flow.priority_rsa or flow.priority_qpv or flow.priority_woman or flow.priority_senior
              or flow.priority_under_26 or flow.priority_grand_exclu) as priority_any
        from flow
    ),
    scope as (
      select p.id, p.title, p.registre, p.status
        from public.prestations p
       where (p.status = 'published' and p.deleted_at is null)
          or p.id in (select f.prestation_id from f)
    )
    select s.id, s.title, s.registre, s.status, grouping(s.id) = 1,
           count(*) filter (where f.is_entry),
           count(distinct f.allocataire_id) filter (where f.is_entry),
           count(*) filter (where f.is_entry and f.priority_rsa),
           count(*) filter (where f.is_entry and f.priority_qpv),
           count(*) filter (where f.is_entry and f.priority_woman),
           count(*) filter (where f.is_entry and f.priority_senior),
           count(*) filter (where f.is_entry and f.priority_under_26),
           count(*) filter (where f.is_entry and f.priority_grand_exclu),
           count(*) filter (where f.is_entry and f.priority_any),
           count(*) filter (where not f.is_entry),
           count(distinct f.allocataire_id) filter (where not f.is_entry),
           count(*) filter (where f.exit_category = 'new_prestation'),
           count(*) filter (where f.exit_category = 'abandon'),
           count(*) filter (where f.exit_category = 'employment_durable'),
           count(*) filter (where f.exit_category = 'employment_transition'),
           count(*) filter (where f.exit_category = 'positive_exit'),
           count(*) filter (where f.exit_category = 'other'),
           count(*) filter (where f.exit_category in ('employment_durable', 'employment_transition',
                                                      'positive_exit')),
           count(*) filter (where not f.is_entry and f.priority_rsa),
           count(*) filter (where not f.is_entry and f.priority_qpv),
           count(*) filter (where not f.is_entry and f.priority_woman),
           count(*) filter (where not f.is_entry and f.priority_senior),
           count(*) filter (where not f.is_entry and f.priority_under_26),
           count(*) filter (where not f.is_entry and f.priority_grand_exclu),
           count(*) filter (where not f.is_entry and f.priority_any)
      from scope s
      left join f on f.prestation_id = s.id
     group by grouping sets ((s.id, s.title, s.registre, s.status), ())
     order by grouping(s.id), s.registre, s.title, s.id;
end
$$;

comment on function public.indicators_prestations(date, date) is
  'Action 41 indicators per prestation and in total for a period of Paris dates; coordinators only. See docs/indicators.md.';

-- ---------------------------------------------------------------------------
-- Outreach (Actions 12, 13): people met, oriented, entered a parcours
-- ---------------------------------------------------------------------------

-- One row per team and quartier: every quartier declared by a (non-deleted) team, zeros
-- included, plus any other quartier where the team met someone in the period. All counts
-- are about the contacts met in the period (met_at), in their state at the time of the
-- query: "of the people met in the period, how many were oriented, how many entered".
create function public.indicators_outreach(period_start date, period_end date)
returns table (
  team_id uuid,
  team_name text,
  team_kind text,
  quartier text,
  met bigint,
  with_consent bigint,
  anonymous bigint,
  oriented bigint,
  referral_pending bigint,
  referral_accepted bigint,
  appointment_planned bigint,
  referral_declined bigint,
  in_parcours bigint,
  rsa bigint,
  under_26 bigint,
  over_50 bigint,
  single_parent bigint
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
    with c as (
      select c.team_id, c.quartier, c.consent, c.oriented_structure_id, c.referral_status,
             c.status, c.rsa, c.under_26, c.over_50, c.single_parent
        from public.outreach_contacts c
       where c.met_at >= lo and c.met_at < hi
         -- Reduced to statistics by retention: still a person met. Deleted by hand: a mistake.
         and (c.deleted_at is null or c.reduced_at is not null)
    ),
    cells as (
      select t.id as team_id, q.quartier
        from public.teams t
       cross join lateral unnest(t.quartiers) as q(quartier)
       where t.deleted_at is null
      union
      select c.team_id, c.quartier from c
    )
    select cells.team_id, t.name, t.kind, cells.quartier,
           count(c.team_id),
           count(*) filter (where c.consent),
           count(*) filter (where not c.consent),
           count(*) filter (where c.oriented_structure_id is not null),
           count(*) filter (where c.referral_status = 'pending'),
           count(*) filter (where c.referral_status in ('accepted', 'appointment_planned')),
           count(*) filter (where c.referral_status = 'appointment_planned'),
           count(*) filter (where c.referral_status = 'declined'),
           count(*) filter (where c.status = 'in_parcours'),
           count(*) filter (where c.rsa = 'yes'),
           count(*) filter (where c.under_26),
           count(*) filter (where c.over_50),
           count(*) filter (where c.single_parent)
      from cells
      join public.teams t on t.id = cells.team_id
      left join c on c.team_id = cells.team_id and c.quartier = cells.quartier
     group by cells.team_id, t.name, t.kind, cells.quartier
     order by t.name, cells.team_id, cells.quartier;
end
$$;

comment on function public.indicators_outreach(date, date) is
  'Outreach indicators (Actions 12-13) per team and quartier for contacts met in a period of Paris dates; coordinators only.';

-- ---------------------------------------------------------------------------
-- Appointments: attendance, responses, reminders
-- ---------------------------------------------------------------------------

-- One row per structure that has appointments in the period (structure_id null: the
-- appointments without a structure), then one total row (is_total). Appointments are
-- dated by starts_at. Rates are fractions in [0, 1] rounded to 4 decimals, null when their
-- denominator is 0. reminded comes from appointments.reminded_at; reminders_sent is null
-- here and counted by 20261125000510_indicators_reminders.sql, which replaces this body once
-- public.reminders exists (this file does not depend on it).
create function public.indicators_appointments(period_start date, period_end date)
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
    )
    select k.structure_id, k.name, k.is_total, k.appointments, k.attended, k.missed, k.excused,
           k.cancelled, k.pending, k.responded, k.reminded, null::bigint,
           round(k.attended::numeric / nullif(k.attended + k.missed, 0), 4),
           round(k.missed::numeric / nullif(k.attended + k.missed, 0), 4),
           round(k.responded::numeric / nullif(k.appointments, 0), 4)
      from counts k
     order by k.is_total, k.name, k.structure_id;
end
$$;

comment on function public.indicators_appointments(date, date) is
  'Appointment indicators per structure and in total for appointments starting in a period of Paris dates; coordinators only.';

-- ---------------------------------------------------------------------------
-- Privileges: authenticated may call (the role is checked inside), nobody else
-- ---------------------------------------------------------------------------

revoke all on function
  public.indicators_period(date, date),
  public.indicators_prestations(date, date),
  public.indicators_outreach(date, date),
  public.indicators_appointments(date, date)
  from public, anon, authenticated;

grant execute on function
  public.indicators_prestations(date, date),
  public.indicators_outreach(date, date),
  public.indicators_appointments(date, date)
  to authenticated;

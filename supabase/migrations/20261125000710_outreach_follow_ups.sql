-- Outreach, part 2: follow-ups (relances) of a contact by the field team.
--
-- A follow-up is a date and a kind (call back, meet again, accompany to an appointment),
-- planned until the team records how it went: done, no answer, or person lost. It holds
-- no free text: nothing personal beyond the contact it belongs to. Team only: the
-- receiving structure never sees the team's follow-ups.
--
-- Sync mutations:
--   follow_up.upsert      {id, contact_id, due_on, kind}   plan or move a follow-up
--   follow_up.set_outcome {id, outcome}                    done | no_answer | lost | planned (undo)
--
-- Retention (public.apply_outreach_retention, replaced here): a planned or recent
-- follow-up is activity, so it keeps a consented contact; erasing a contact erases its
-- follow-ups (tombstones, so devices drop them). Scheduled daily with pg_cron where the
-- extension is installed (Supabase); locally, `npm run retention`.

create table public.outreach_follow_ups (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid not null references public.outreach_contacts (id) on delete cascade,
  team_id uuid not null references public.teams (id) on delete restrict,
  created_by uuid references public.profiles (id) on delete set null,
  due_on date not null,
  kind text not null check (kind in ('call_back', 'meet_again', 'accompany')),
  status text not null default 'planned' check (status in ('planned', 'done', 'no_answer', 'lost')),
  closed_at timestamptz,
  closed_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id(),
  check ((status = 'planned') = (closed_at is null))
);

create trigger sync_touch before insert or update on public.outreach_follow_ups
  for each row execute function public.sync_touch();
create index outreach_follow_ups_row_xid_idx on public.outreach_follow_ups (row_xid, id);
create index outreach_follow_ups_contact_id_idx on public.outreach_follow_ups (contact_id);
create index outreach_follow_ups_team_id_idx on public.outreach_follow_ups (team_id, due_on);
create index outreach_follow_ups_created_by_idx on public.outreach_follow_ups (created_by);
create index outreach_follow_ups_closed_by_idx on public.outreach_follow_ups (closed_by);

-- The team of a follow-up is its contact's; author and closing are the server's facts.
-- Security invoker: the contact must be one the caller can read.
create function public.outreach_follow_ups_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  contact_team uuid;
begin
  if public.is_trusted_context() then
    return new;
  end if;
  -- Deletion follows the contact's (outreach_contacts_cascade_deletion), whose row is
  -- already gone from the team's view by then.
  if tg_op = 'UPDATE' and old.deleted_at is null and new.deleted_at is not null then
    if public.changed_columns(to_jsonb(old), to_jsonb(new)) <> array['deleted_at'] then
      perform public.forbid('Une relance supprimée ne change pas en même temps.');
    end if;
    return new;
  end if;
  select c.team_id into contact_team
    from public.outreach_contacts c where c.id = new.contact_id and c.deleted_at is null;
  if contact_team is null or contact_team is distinct from public.my_team_id() then
    perform public.forbid('Ce contact n''est pas suivi par votre équipe.');
  end if;
  if tg_op = 'INSERT' then
    new.team_id := contact_team;
    new.created_by := auth.uid();
    new.status := 'planned';
    new.closed_at := null;
    new.closed_by := null;
  else
    if (new.contact_id, new.team_id, new.created_by) is distinct from (old.contact_id, old.team_id, old.created_by) then
      perform public.forbid('Une relance ne change pas de contact, d''équipe ni d''auteur.');
    end if;
    if new.status is distinct from old.status then
      new.closed_at := case when new.status = 'planned' then null else now() end;
      new.closed_by := case when new.status = 'planned' then null else auth.uid() end;
    else
      new.closed_at := old.closed_at;
      new.closed_by := old.closed_by;
    end if;
  end if;
  return new;
end
$$;

create trigger guard before insert or update on public.outreach_follow_ups
  for each row execute function public.outreach_follow_ups_guard();

-- Erasing or deleting a contact takes its follow-ups with it (security definer: the
-- retention run and a team member alike). A contact reduced to statistics keeps them:
-- they carry nothing personal.
create function public.outreach_contacts_cascade_deletion() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.outreach_follow_ups f
     set deleted_at = new.deleted_at
   where f.contact_id = new.id and f.deleted_at is null;
  return null;
end
$$;

create trigger cascade_deletion after update of deleted_at on public.outreach_contacts
  for each row when (old.deleted_at is null and new.deleted_at is not null)
  execute function public.outreach_contacts_cascade_deletion();

-- ---------------------------------------------------------------------------
-- Access
-- ---------------------------------------------------------------------------

alter table public.outreach_follow_ups enable row level security;
revoke all on table public.outreach_follow_ups from public, anon, authenticated;
grant select, insert, update on table public.outreach_follow_ups to authenticated;
grant all on table public.outreach_follow_ups to service_role;

create policy "outreach reads own team follow-ups" on public.outreach_follow_ups
  for select to authenticated
  using (team_id = (select public.my_team_id()) and (select public.has_role('outreach')));
create policy "outreach creates own team follow-ups" on public.outreach_follow_ups
  for insert to authenticated
  with check (team_id = (select public.my_team_id()) and (select public.has_role('outreach')));
create policy "outreach updates own team follow-ups" on public.outreach_follow_ups
  for update to authenticated
  using (team_id = (select public.my_team_id()) and (select public.has_role('outreach')))
  with check (team_id = (select public.my_team_id()) and (select public.has_role('outreach')));

revoke all on function public.outreach_follow_ups_guard(), public.outreach_contacts_cascade_deletion()
  from public, anon, authenticated;

insert into sync_private.pull_tables (name, relation, is_public, position) values
  ('outreach_follow_ups', 'public.outreach_follow_ups', false, 190);

-- ---------------------------------------------------------------------------
-- Mutations
-- ---------------------------------------------------------------------------

------------------------------------------------------------------------------
-- follow_up.upsert {id, contact_id, due_on, kind} — plans a follow-up or moves it
-- (date, kind); its outcome is follow_up.set_outcome's.
------------------------------------------------------------------------------
create function public.m_follow_up_upsert(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_contact uuid;
  v_due date;
  n int;
begin
  perform sync_private.args_only(args, array['id', 'contact_id', 'due_on', 'kind']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_contact := sync_private.arg_uuid(args, 'contact_id');
  v_due := sync_private.arg_date(args, 'due_on');
  if v_due < current_date - 366 or v_due > current_date + 366 then
    perform sync_private.reject('validation', 'La date de relance doit être dans l''année.', 'due_on');
  end if;
  insert into public.outreach_follow_ups as f (id, contact_id, team_id, due_on, kind)
  values (v_id, v_contact, coalesce(public.my_team_id(), '00000000-0000-0000-0000-000000000000'), v_due,
          sync_private.arg_enum(args, 'kind', array['call_back', 'meet_again', 'accompany']))
  on conflict (id) do update set
    due_on = excluded.due_on,
    kind = excluded.kind
  where f.contact_id = excluded.contact_id;
  get diagnostics n = row_count;
  if n = 0 then
    perform sync_private.reject('validation', 'Une relance ne change pas de contact.', 'contact_id');
  end if;
end
$$;

------------------------------------------------------------------------------
-- follow_up.set_outcome {id, outcome: done|no_answer|lost|planned}
------------------------------------------------------------------------------
create function public.m_follow_up_set_outcome(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_outcome text;
begin
  perform sync_private.args_only(args, array['id', 'outcome']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_outcome := sync_private.arg_enum(args, 'outcome', array['done', 'no_answer', 'lost', 'planned']);
  update public.outreach_follow_ups f set status = v_outcome where f.id = v_id and f.deleted_at is null;
  if not found then
    perform sync_private.reject('not_found', 'Cette relance est introuvable.');
  end if;
end
$$;

insert into sync_private.mutation_handlers (name, handler, target_table, target_id_arg) values
  ('follow_up.upsert',      'public.m_follow_up_upsert',      'public.outreach_follow_ups', 'id'),
  ('follow_up.set_outcome', 'public.m_follow_up_set_outcome', 'public.outreach_follow_ups', 'id');

revoke all on function public.m_follow_up_upsert(jsonb, bigint), public.m_follow_up_set_outcome(jsonb, bigint)
  from public, anon;
grant execute on function public.m_follow_up_upsert(jsonb, bigint), public.m_follow_up_set_outcome(jsonb, bigint)
  to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Retention, with follow-ups as activity
-- ---------------------------------------------------------------------------

-- Same rules as before (20261125000150_functions.sql); the last activity of a contact
-- now also counts its follow-ups (planned date, closing, last change).
create or replace function public.apply_outreach_retention(now timestamptz default now()) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  ref timestamptz := apply_outreach_retention.now;
  reduced integer;
  erased integer;
begin
  update public.outreach_contacts c
     set note = null, orientation_reason = null, referral_decline_reason = null, reduced_at = ref
   where not c.consent
     and c.reduced_at is null
     and c.met_at < ref - interval '3 months';
  get diagnostics reduced = row_count;

  update public.outreach_contacts c
     set deleted_at = ref, reduced_at = coalesce(c.reduced_at, ref),
         first_name_or_alias = null, phone = null, email = null, note = null,
         orientation_reason = null, referral_decline_reason = null
   where c.consent
     and c.deleted_at is null
     and c.status <> 'in_parcours'
     and greatest(c.met_at, c.consent_at, c.follow_up_at::timestamptz, c.updated_at,
                  (select max(greatest(f.due_on::timestamptz, f.closed_at, f.updated_at))
                     from public.outreach_follow_ups f
                    where f.contact_id = c.id and f.deleted_at is null))
         < ref - interval '12 months';
  get diagnostics erased = row_count;

  if reduced + erased > 0 then
    perform public.audit('outreach.retention', 'outreach_contacts', null,
      jsonb_build_object('reduced', reduced, 'erased', erased, 'reference', ref));
  end if;
  return jsonb_build_object('reduced', reduced, 'erased', erased);
end
$$;

revoke all on function public.apply_outreach_retention(timestamptz) from public, anon, authenticated;
grant execute on function public.apply_outreach_retention(timestamptz) to service_role;

-- Daily at 03:17 Paris-ish (pg_cron runs in UTC) where pg_cron is installed, as on
-- Supabase once the extension is enabled; elsewhere `npm run retention` does it.
do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_cron') then
    perform cron.schedule('outreach-retention', '17 2 * * *', 'select public.apply_outreach_retention()');
  end if;
end
$$;

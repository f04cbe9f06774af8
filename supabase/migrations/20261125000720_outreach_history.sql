-- Outreach, part 3: the edit history of a contact, for its team.
--
-- Every write to a contact or one of its follow-ups leaves one event: who (a team member,
-- the receiving structure, or the retention run), when, what kind of change, and which
-- fields changed — field names only, never their values, so the history keeps nothing
-- the retention rules would have to erase. Written by triggers only (security definer);
-- read by the contact's team through sync_pull. Erasing a contact erases its history.

create table public.outreach_contact_events (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid not null references public.outreach_contacts (id) on delete cascade,
  team_id uuid not null references public.teams (id) on delete restrict,
  follow_up_id uuid references public.outreach_follow_ups (id) on delete cascade,
  actor_id uuid references public.profiles (id) on delete set null,
  -- Copied when written: team members cannot read each other's profiles.
  actor_name text check (length(actor_name) <= 120),
  actor_side text not null check (actor_side in ('team', 'structure', 'system')),
  action text not null check (action in ('created', 'updated', 'oriented', 'consent_given', 'consent_withdrawn',
                                         'referral_answered', 'reduced', 'follow_up_planned', 'follow_up_moved',
                                         'follow_up_outcome')),
  fields text[] not null default '{}' check (cardinality(fields) <= 40),
  -- A status or kind value (e.g. "accepted", "call_back"), never free text.
  detail text check (detail ~ '^[a-z_]{1,40}$'),
  -- Clock time, not transaction time: one push applies many mutations in one transaction.
  at timestamptz not null default clock_timestamp(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  version bigint not null default 1,
  row_xid xid8 not null default pg_current_xact_id()
);

create trigger sync_touch before insert or update on public.outreach_contact_events
  for each row execute function public.sync_touch();
create index outreach_contact_events_row_xid_idx on public.outreach_contact_events (row_xid, id);
create index outreach_contact_events_contact_id_idx on public.outreach_contact_events (contact_id);
create index outreach_contact_events_team_id_idx on public.outreach_contact_events (team_id);
create index outreach_contact_events_follow_up_id_idx on public.outreach_contact_events (follow_up_id);
create index outreach_contact_events_actor_id_idx on public.outreach_contact_events (actor_id);

-- Who wrote: nobody (a maintenance run), the contact's team, or someone else allowed to
-- write it (the receiving structure's référent).
create function public.outreach_actor_side(team uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select case
    when auth.uid() is null then 'system'
    when public.has_role('outreach') and public.my_team_id() = team then 'team'
    else 'structure' end
$$;

create function public.outreach_record_event(
  p_contact uuid, p_team uuid, p_follow_up uuid, p_actor uuid, p_side text, p_action text, p_fields text[], p_detail text)
returns void
language sql security definer
set search_path = ''
as $$
  insert into public.outreach_contact_events (contact_id, team_id, follow_up_id, actor_id, actor_name, actor_side,
                                              action, fields, detail)
  values (p_contact, p_team, p_follow_up,
          (select p.id from public.profiles p where p.id = p_actor),
          (select p.display_name from public.profiles p where p.id = p_actor),
          p_side, p_action, coalesce(p_fields, '{}'), p_detail)
$$;

create function public.outreach_contacts_history() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  changed text[];
  side text;
  action text := 'updated';
  detail text;
begin
  if tg_op = 'INSERT' then
    perform public.outreach_record_event(new.id, new.team_id, null, coalesce(auth.uid(), new.created_by),
      case when auth.uid() is null and new.created_by is null then 'system' else 'team' end, 'created', '{}', null);
    return null;
  end if;
  -- Deletion and erasure remove the history with the contact (see below).
  if new.deleted_at is not null then
    return null;
  end if;
  changed := array(select c from unnest(public.changed_columns(to_jsonb(old), to_jsonb(new))) c
                    where c not in ('oriented_at', 'referral_answered_at', 'consent_at', 'reduced_at'));
  if old.reduced_at is null and new.reduced_at is not null then
    action := 'reduced';
    side := 'system';
  else
    if cardinality(changed) = 0 then
      return null;  -- the same row sent again: nothing happened
    end if;
    side := public.outreach_actor_side(new.team_id);
    if old.consent is distinct from new.consent then
      action := case when new.consent then 'consent_given' else 'consent_withdrawn' end;
    elsif old.oriented_structure_id is distinct from new.oriented_structure_id then
      action := 'oriented';
    elsif side = 'structure' and 'referral_status' = any (changed) then
      action := 'referral_answered';
      detail := new.referral_status;
    end if;
  end if;
  perform public.outreach_record_event(new.id, new.team_id, null, auth.uid(), side, action, changed, detail);
  return null;
end
$$;

create function public.outreach_follow_ups_history() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform public.outreach_record_event(new.contact_id, new.team_id, new.id, coalesce(auth.uid(), new.created_by),
      'team', 'follow_up_planned', '{}', new.kind);
  elsif new.deleted_at is not null then
    return null;
  elsif new.status is distinct from old.status then
    perform public.outreach_record_event(new.contact_id, new.team_id, new.id, auth.uid(),
      public.outreach_actor_side(new.team_id), 'follow_up_outcome', array['status'], new.status);
  elsif (new.due_on, new.kind) is distinct from (old.due_on, old.kind) then
    perform public.outreach_record_event(new.contact_id, new.team_id, new.id, auth.uid(),
      public.outreach_actor_side(new.team_id), 'follow_up_moved',
      array(select c from unnest(array['due_on', 'kind']) c
             where to_jsonb(old) -> c is distinct from to_jsonb(new) -> c), new.kind);
  end if;
  return null;
end
$$;

create function public.outreach_contacts_erase_history() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.outreach_contact_events e
     set deleted_at = new.deleted_at
   where e.contact_id = new.id and e.deleted_at is null;
  return null;
end
$$;

create trigger history after insert or update on public.outreach_contacts
  for each row execute function public.outreach_contacts_history();
create trigger history after insert or update on public.outreach_follow_ups
  for each row execute function public.outreach_follow_ups_history();
create trigger erase_history after update of deleted_at on public.outreach_contacts
  for each row when (old.deleted_at is null and new.deleted_at is not null)
  execute function public.outreach_contacts_erase_history();

-- ---------------------------------------------------------------------------
-- Access: the team reads; nobody writes but the triggers
-- ---------------------------------------------------------------------------

alter table public.outreach_contact_events enable row level security;
revoke all on table public.outreach_contact_events from public, anon, authenticated;
grant select on table public.outreach_contact_events to authenticated;
grant all on table public.outreach_contact_events to service_role;

create policy "outreach reads own team history" on public.outreach_contact_events
  for select to authenticated
  using (team_id = (select public.my_team_id()) and (select public.has_role('outreach')));

revoke all on function
  public.outreach_actor_side(uuid),
  public.outreach_record_event(uuid, uuid, uuid, uuid, text, text, text[], text),
  public.outreach_contacts_history(), public.outreach_follow_ups_history(),
  public.outreach_contacts_erase_history()
  from public, anon, authenticated;

insert into sync_private.pull_tables (name, relation, is_public, position) values
  ('outreach_contact_events', 'public.outreach_contact_events', false, 200);

-- Contacts already recorded get their "created" event, so every history starts somewhere.
insert into public.outreach_contact_events (contact_id, team_id, actor_id, actor_side, action, at)
select c.id, c.team_id, c.created_by, 'team', 'created', c.created_at
  from public.outreach_contacts c
 where c.deleted_at is null
   and not exists (select 1 from public.outreach_contact_events e where e.contact_id = c.id);

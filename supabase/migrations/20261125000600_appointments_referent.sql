-- Repères: what the référent's scheduling needs from the database.
--
-- 1. appointments.referent_name: who the allocataire meets. Allocataires cannot read
--    their référent's profile (row-level security on profiles), so the name is copied
--    onto the appointment when it is written or given to another référent, and kept in
--    step with the référent's display name for appointments still ahead.
-- 2. Reassignment: when an allocataire changes référent, structure or roles, the rows
--    that follow them (appointments, prestation offers) become visible to someone new
--    whose pull cursor is already past them. Touching them (sync_touch moves version and
--    row_xid) makes the new référent's next pull deliver them.
-- 3. Sync mutation appointment.mark_seen {id, responded_at}: the référent says they read
--    the allocataire's answer, which the allocataire's app shows as "seen".

-- ---------------------------------------------------------------------------
-- 1. The person to meet
-- ---------------------------------------------------------------------------

alter table public.appointments
  add column referent_name text check (length(referent_name) <= 120);

-- Security definer: the writer may be a colleague of the structure who cannot read the
-- named référent's profile.
create function public.appointments_referent_name() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.referent_id is distinct from old.referent_id then
    new.referent_name := (select p.display_name from public.profiles p
                           where p.id = new.referent_id and p.deleted_at is null);
  end if;
  return new;
end
$$;

-- Named to run after the "guard" trigger and before "sync_touch" (alphabetical order).
create trigger referent_name before insert or update on public.appointments
  for each row execute function public.appointments_referent_name();

update public.appointments a
   set referent_name = p.display_name
  from public.profiles p
 where p.id = a.referent_id and a.referent_name is distinct from p.display_name;

-- ---------------------------------------------------------------------------
-- 2. Rows that follow a person, touched when who may see them changes
-- ---------------------------------------------------------------------------

-- The touch is a maintenance write: it runs as a trusted context (no user claims), so
-- the column guards, written for what a user may change, do not refuse it — e.g. a
-- coordinator who is also an allocataire changing their own référent would otherwise
-- hit the allocataire's "answer only" guard on their past appointments. The claims are
-- restored before returning; on error the transaction (or savepoint) restores them.
create function public.profiles_touch_followed_rows() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  claims text := coalesce(current_setting('request.jwt.claims', true), '');
  claim_sub text := coalesce(current_setting('request.jwt.claim.sub', true), '');
begin
  perform set_config('request.jwt.claims', '', true);
  perform set_config('request.jwt.claim.sub', '', true);

  if (old.referent_id, old.structure_id, old.roles) is distinct from (new.referent_id, new.structure_id, new.roles) then
    update public.appointments a set updated_at = now() where a.allocataire_id = new.id;
    update public.prestation_offers o set updated_at = now() where o.allocataire_id = new.id;
  end if;

  if old.display_name is distinct from new.display_name then
    update public.appointments a
       set referent_name = new.display_name
     where a.referent_id = new.id and a.starts_at > now() and a.deleted_at is null
       and a.referent_name is distinct from new.display_name;
  end if;

  perform set_config('request.jwt.claims', claims, true);
  perform set_config('request.jwt.claim.sub', claim_sub, true);
  return null;
end
$$;

create trigger touch_followed_rows after update on public.profiles
  for each row
  when ((old.referent_id, old.structure_id, old.roles, old.display_name)
        is distinct from (new.referent_id, new.structure_id, new.roles, new.display_name))
  execute function public.profiles_touch_followed_rows();

-- ---------------------------------------------------------------------------
-- 3. appointment.mark_seen {id, responded_at}
-- ---------------------------------------------------------------------------

-- responded_at is the answer the référent read (as pulled). If the allocataire answered
-- again since, that newer answer was not seen: nothing changes, and the mutation is
-- still applied (the référent's device will pull the newer answer).
create function public.m_appointment_mark_seen(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_seen timestamptz;
  v_owner uuid;
  v_responded timestamptz;
begin
  perform sync_private.args_only(args, array['id', 'responded_at']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_seen := sync_private.arg_timestamptz(args, 'responded_at');
  select a.allocataire_id, a.responded_at into v_owner, v_responded
    from public.appointments a where a.id = v_id and a.deleted_at is null;
  if not found then
    perform sync_private.reject('not_found', 'Ce rendez-vous est introuvable.');
  end if;
  if v_owner = auth.uid() or not public.has_role('referent') then
    perform sync_private.reject('forbidden', 'Seul le référent indique avoir lu une réponse.');
  end if;
  if v_responded is null or v_responded > v_seen then
    return;
  end if;
  update public.appointments a set seen_by_referent_at = now() where a.id = v_id;
  if not found then
    perform sync_private.reject('forbidden', 'Vous ne pouvez pas modifier ce rendez-vous.');
  end if;
end
$$;

insert into sync_private.mutation_handlers (name, handler, target_table, target_id_arg) values
  ('appointment.mark_seen', 'public.m_appointment_mark_seen', 'public.appointments', 'id');

revoke all on function public.m_appointment_mark_seen(jsonb, bigint) from public, anon;
grant execute on function public.m_appointment_mark_seen(jsonb, bigint) to authenticated, service_role;

-- Trigger functions only: nobody calls them.
revoke all on function public.appointments_referent_name(), public.profiles_touch_followed_rows()
  from public, anon, authenticated;

-- Outreach, part 1: the referral hand-off between a field team and the receiving structure.
--
-- 1. The structure's answer is dated (referral_answered_at, stamped by the database) and,
--    when the référent plans an appointment, says when (referral_appointment_at).
-- 2. The guard of 20261125000150_functions.sql is replaced: the same rules, plus
--    - the référent may also set referral_appointment_at;
--    - orienting a contact to another structure starts a new referral: the previous
--      structure's answer never carries over to the new one;
--    - the answer time is the server's, never the device's.
-- 3. Sync mutation referral.respond {id, response, reason?, appointment_at?}, by a référent
--    of the receiving structure.
-- 4. public.outreach_orientation_counts(): how many people were oriented to a structure,
--    with or without consent, as counts only. Without consent this count is all the
--    structure ever learns.

-- ---------------------------------------------------------------------------
-- 1. Columns
-- ---------------------------------------------------------------------------

alter table public.outreach_contacts
  add column referral_answered_at timestamptz,
  add column referral_appointment_at timestamptz,
  add constraint outreach_contacts_referral_appointment_check
    check (referral_appointment_at is null or referral_status = 'appointment_planned');

-- ---------------------------------------------------------------------------
-- 2. Guard
-- ---------------------------------------------------------------------------

create or replace function public.outreach_contacts_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  changed text[];
  own_team boolean;
  trusted boolean := public.is_trusted_context();
begin
  if not trusted then
    if tg_op = 'INSERT' then
      new.created_by := auth.uid();
      new.reduced_at := null;
    else
      changed := public.changed_columns(to_jsonb(old), to_jsonb(new));
      own_team := public.has_role('outreach') and old.team_id = public.my_team_id();
      if own_team then
        if changed && array['id', 'team_id', 'created_by', 'reduced_at'] then
          perform public.forbid('L''équipe ou l''auteur d''un contact ne changent pas.');
        end if;
      else
        if not changed <@ array['referral_status', 'referral_decline_reason', 'referral_appointment_at',
                                'referral_answered_at'] then
          perform public.forbid('Vous pouvez seulement répondre à l''orientation.');
        end if;
        if new.referral_status not in ('accepted', 'declined', 'appointment_planned') then
          perform public.invalid('Réponse à l''orientation invalide.');
        end if;
      end if;
    end if;
  end if;

  if new.oriented_structure_id is null then
    new.referral_status := 'none';
    new.referral_decline_reason := null;
    new.oriented_at := null;
  elsif tg_op = 'UPDATE' and not trusted
        and new.oriented_structure_id is distinct from old.oriented_structure_id then
    -- A new orientation: the new structure has not answered yet.
    new.oriented_at := now();
    new.referral_status := 'pending';
    new.referral_decline_reason := null;
    new.referral_appointment_at := null;
  elsif tg_op = 'INSERT' or new.oriented_structure_id is distinct from old.oriented_structure_id then
    new.oriented_at := coalesce(new.oriented_at, now());
    if new.referral_status = 'none' then
      new.referral_status := 'pending';
    end if;
  end if;
  if new.referral_status <> 'declined' then
    new.referral_decline_reason := null;
  end if;
  if new.referral_status <> 'appointment_planned' then
    new.referral_appointment_at := null;
  end if;
  if not trusted and (tg_op = 'INSERT' or new.referral_status is distinct from old.referral_status) then
    new.referral_answered_at := case when new.referral_status in ('accepted', 'declined', 'appointment_planned')
                                     then now() end;
  elsif tg_op = 'UPDATE' and not trusted then
    new.referral_answered_at := old.referral_answered_at;
  end if;

  if tg_op = 'UPDATE' and old.consent and not new.consent then
    new.first_name_or_alias := null;
    new.phone := null;
    new.email := null;
  end if;
  if new.deleted_at is not null then
    new.first_name_or_alias := null;
    new.phone := null;
    new.email := null;
    new.note := null;
    new.orientation_reason := null;
    new.referral_decline_reason := null;
  end if;
  return new;
end
$$;

-- ---------------------------------------------------------------------------
-- 3. Mutations
-- ---------------------------------------------------------------------------

------------------------------------------------------------------------------
-- referral.respond {id, response: accepted|declined|appointment_planned, reason?, appointment_at?}
-- Only a référent of the structure the contact was oriented to, and only with consent
-- (row-level security hides the others). Declining needs a reason.
------------------------------------------------------------------------------
create function public.m_referral_respond(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_response text;
  v_reason text;
  v_at timestamptz;
  v_structure uuid;
begin
  perform sync_private.args_only(args, array['id', 'response', 'reason', 'appointment_at']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_response := sync_private.arg_enum(args, 'response', array['accepted', 'declined', 'appointment_planned']);
  v_reason := sync_private.arg_text(args, 'reason', false, 300, true);
  v_at := sync_private.arg_timestamptz(args, 'appointment_at', false);
  if v_response = 'declined' and v_reason is null then
    perform sync_private.reject('validation', 'Indiquez pourquoi l''orientation est refusée.', 'reason');
  end if;
  if v_response <> 'declined' and v_reason is not null then
    perform sync_private.reject('validation', 'Un motif ne se donne que pour un refus.', 'reason');
  end if;
  if v_at is not null and v_response <> 'appointment_planned' then
    perform sync_private.reject('validation', 'Une date de rendez-vous ne se donne qu''avec un rendez-vous planifié.',
      'appointment_at');
  end if;
  select c.oriented_structure_id into v_structure
    from public.outreach_contacts c where c.id = v_id and c.deleted_at is null;
  if not found then
    perform sync_private.reject('not_found', 'Cette orientation est introuvable.');
  end if;
  if not public.has_role('referent') or v_structure is distinct from public.my_structure_id() then
    perform sync_private.reject('forbidden', 'Seuls les référents de la structure répondent à cette orientation.');
  end if;
  update public.outreach_contacts c
     set referral_status = v_response,
         referral_decline_reason = v_reason,
         referral_appointment_at = v_at
   where c.id = v_id;
end
$$;

insert into sync_private.mutation_handlers (name, handler, target_table, target_id_arg) values
  ('referral.respond', 'public.m_referral_respond', 'public.outreach_contacts', 'id');

revoke all on function public.m_referral_respond(jsonb, bigint) from public, anon;
grant execute on function public.m_referral_respond(jsonb, bigint) to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- 4. Orientation counts for the receiving structures
-- ---------------------------------------------------------------------------

-- Per structure and month (Paris): people oriented, of whom without consent (anonymous:
-- the structure never sees them otherwise) and the answers given. A référent gets their
-- own structure; a coordinator every structure. Counts only, never a row.
create function public.outreach_orientation_counts(from_date date default null, to_date date default null)
returns table (structure_id uuid, month date, oriented bigint, anonymous bigint, with_consent bigint,
               pending bigint, accepted bigint, appointment_planned bigint, declined bigint)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  coordinator boolean := public.has_role('coordinator');
  structure uuid := case when public.has_role('referent') then public.my_structure_id() end;
begin
  if not coordinator and structure is null then
    perform public.forbid('Réservé aux référents d''une structure et aux coordinateurs.');
  end if;
  return query
    select c.oriented_structure_id,
           date_trunc('month', c.oriented_at at time zone 'Europe/Paris')::date,
           count(*),
           count(*) filter (where not c.consent),
           count(*) filter (where c.consent),
           count(*) filter (where c.consent and c.referral_status = 'pending'),
           count(*) filter (where c.referral_status = 'accepted'),
           count(*) filter (where c.referral_status = 'appointment_planned'),
           count(*) filter (where c.referral_status = 'declined')
      from public.outreach_contacts c
     where c.oriented_structure_id is not null
       and (coordinator or c.oriented_structure_id = structure)
       and (c.deleted_at is null or c.reduced_at is not null)
       and (from_date is null or c.oriented_at >= from_date::timestamp at time zone 'Europe/Paris')
       and (to_date is null or c.oriented_at < (to_date + 1)::timestamp at time zone 'Europe/Paris')
     group by 1, 2
     order by 2, 1;
end
$$;

revoke all on function public.outreach_orientation_counts(date, date) from public, anon;
grant execute on function public.outreach_orientation_counts(date, date) to authenticated;

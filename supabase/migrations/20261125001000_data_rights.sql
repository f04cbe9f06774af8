-- Repères: data rights (GDPR art. 15, 17 and 20) — export, account deletion, and deletion of
-- an outreach contact on request. Decisions and their reasons: docs/threat-model.md, "Data rights".
--
--   public.account_export()                        everything the app holds about the caller, as JSON
--   public.account_delete(confirm_user_id, keep_shared)
--                                                  erase the caller's account (allocataires only)
--   sync mutation contact.delete {id}              the team erases a person met in the street
--
-- What account deletion does, table by table:
--   profiles, auth.users      deleted (auth sessions and refresh tokens go with the user; the
--                             sync log, sync_mutations, cascades from auth.users)
--   appointments              kept for the référent's records, detached from the person
--                             (allocataire_id null, their answer's reason, proposed slots and the
--                             note wiped); those still ahead are cancelled: nobody can be reminded
--                             or answer any more. Their reminders (phone, e-mail) are deleted.
--   prestation_offers         entered or exited: kept detached (Action 41 indicators count them);
--                             the others are deleted. Messages and exit details are wiped.
--   feedback, evaluations     deleted (words wiped, tombstone kept for devices), except, when the
--                             person asks for it (keep_shared), feedback already shared with the
--                             groupe ressource and submitted evaluations, kept without author.
--   invitations               the person's accepted invitation (their e-mail, phone, name) deleted
--   sync_conflicts            overwritten copies of the person's rows deleted
--   audit_log                 kept for accountability, with the person's id replaced by a new
--                             random id that leads nowhere
-- Self-service deletion is for allocataires (and groupe ressource members): staff accounts are
-- closed by a coordinator, since their rows are other people's records.

-- ---------------------------------------------------------------------------
-- Rows that outlive their author, detached from identity
-- ---------------------------------------------------------------------------

alter table public.appointments alter column allocataire_id drop not null;
alter table public.prestation_offers alter column allocataire_id drop not null;
alter table public.feedback alter column author_id drop not null;
alter table public.evaluations alter column author_id drop not null;

comment on column public.appointments.allocataire_id is
  'The person convened; null once they deleted their account (the row stays in the référent''s records).';
comment on column public.prestation_offers.allocataire_id is
  'The person the offer was made to; null once they deleted their account (entries and exits stay counted).';
comment on column public.feedback.author_id is
  'The author; null once they deleted their account and chose to leave their shared feedback, or for tombstones.';
comment on column public.evaluations.author_id is
  'The author; null once they deleted their account (submitted answers may stay, anonymous).';

-- ---------------------------------------------------------------------------
-- Export (right of access and portability): invoker, so row-level security decides, and
-- every section is limited to rows about the caller (a référent sees other people's rows).
-- ---------------------------------------------------------------------------

create function public.account_export() returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  uid uuid := auth.uid();
begin
  if uid is null then
    perform public.forbid('Connexion requise.');
  end if;
  return jsonb_build_object(
    'format', 'reperes.account_export',
    'version', 1,
    'generated_at', now(),
    'user_id', uid,
    'profile', (
      select to_jsonb(p) - 'row_xid'
             || jsonb_build_object('structure_name', s.name)
        from public.profiles p
        left join public.structures s on s.id = p.structure_id
       where p.id = uid),
    'appointments', coalesce((
      select jsonb_agg(to_jsonb(a) - 'row_xid' || jsonb_build_object('structure_name', s.name)
                       order by a.starts_at, a.id)
        from public.appointments a
        left join public.structures s on s.id = a.structure_id
       where a.allocataire_id = uid), '[]'),
    'reminders', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', r.id, 'appointment_id', r.appointment_id, 'channel', r.channel, 'slot', r.slot,
               'recipient', r.recipient, 'locale', r.locale, 'scheduled_for', r.scheduled_for,
               'status', r.status, 'sent_at', r.sent_at, 'cancel_reason', r.cancel_reason)
             order by r.scheduled_for, r.id)
        from public.reminders r
        join public.appointments a on a.id = r.appointment_id
       where a.allocataire_id = uid), '[]'),
    'prestation_offers', coalesce((
      select jsonb_agg(to_jsonb(o) - 'row_xid' || jsonb_build_object('prestation_title', pr.title)
                       order by o.proposed_at, o.id)
        from public.prestation_offers o
        left join public.prestations pr on pr.id = o.prestation_id
       where o.allocataire_id = uid), '[]'),
    'feedback', coalesce((
      select jsonb_agg(to_jsonb(f) - 'row_xid' order by f.created_at, f.id)
        from public.feedback f
       where f.author_id = uid), '[]'),
    'evaluations', coalesce((
      select jsonb_agg(to_jsonb(e) - 'row_xid' || jsonb_build_object('consultation_title', c.title)
                       order by e.created_at, e.id)
        from public.evaluations e
        left join public.consultations c on c.id = e.consultation_id
       where e.author_id = uid), '[]'),
    'invitation', (
      select jsonb_build_object('id', i.id, 'email', i.email, 'phone', i.phone, 'display_name', i.display_name,
                                'roles', i.roles, 'accepted_at', i.accepted_at, 'created_at', i.created_at)
        from public.invitations i
       where i.accepted_by = uid
       order by i.accepted_at desc
       limit 1),
    -- What the server recorded of the person's devices: a summary, not thousands of rows.
    'sync', jsonb_build_object(
      'mutations', (select count(*) from public.sync_mutations m where m.user_id = uid),
      'devices', coalesce((
        select jsonb_agg(jsonb_build_object('device_id', d.device_id, 'mutations', d.n,
                                            'first_at', d.first_at, 'last_at', d.last_at)
                         order by d.first_at)
          from (select m.device_id, count(*) as n, min(m.received_at) as first_at, max(m.updated_at) as last_at
                  from public.sync_mutations m
                 where m.user_id = uid and m.device_id is not null
                 group by m.device_id) d), '[]'))
  );
end
$$;

comment on function public.account_export() is
  'Right of access: every row the app holds about the caller, as one JSON document.';

-- ---------------------------------------------------------------------------
-- Account deletion (right to erasure)
-- ---------------------------------------------------------------------------

-- Security definer: the person cannot write the rows that must be detached (appointments are
-- the référent's) nor delete their auth user. The caller is checked first, then the work runs
-- as a trusted maintenance write (claims cleared, as in profiles_touch_followed_rows) so the
-- column guards, written for what a user may change, do not refuse it.
create function public.account_delete(confirm_user_id uuid, keep_shared boolean default false)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  uid uuid := auth.uid();
  claims text := coalesce(current_setting('request.jwt.claims', true), '');
  claim_sub text := coalesce(current_setting('request.jwt.claim.sub', true), '');
  my_roles text[];
  pseudonym uuid := gen_random_uuid();
  appointment_ids uuid[];
  offer_ids uuid[];
  feedback_ids uuid[];
  evaluation_ids uuid[];
  n_appointments int;
  n_cancelled int;
  n_offers_kept int;
  n_offers_deleted int;
  n_feedback_kept int;
  n_feedback_deleted int;
  n_evaluations_kept int;
  n_evaluations_deleted int;
begin
  if uid is null then
    perform public.forbid('Connexion requise.');
  end if;
  -- The app names the account it means to delete: a session that changed hands in another
  -- tab never deletes the wrong one.
  if confirm_user_id is distinct from uid then
    perform public.invalid('La confirmation ne correspond pas au compte connecté.');
  end if;
  select p.roles into my_roles from public.profiles p where p.id = uid and p.deleted_at is null;
  if not found then
    perform public.invalid('Ce compte n''existe plus.');
  end if;
  if not my_roles <@ array['allocataire', 'groupe_ressource'] then
    perform public.forbid('Un compte professionnel est fermé par un coordinateur.');
  end if;
  keep_shared := coalesce(keep_shared, false);

  perform set_config('request.jwt.claims', '', true);
  perform set_config('request.jwt.claim.sub', '', true);

  select coalesce(array_agg(a.id), '{}') into appointment_ids from public.appointments a where a.allocataire_id = uid;
  select coalesce(array_agg(o.id), '{}') into offer_ids from public.prestation_offers o where o.allocataire_id = uid;
  select coalesce(array_agg(f.id), '{}') into feedback_ids from public.feedback f where f.author_id = uid;
  select coalesce(array_agg(e.id), '{}') into evaluation_ids from public.evaluations e where e.author_id = uid;

  -- Appointments: the référent keeps the record, without the person.
  update public.appointments a
     set status = 'cancelled'
   where a.id = any (appointment_ids) and a.starts_at > now() and a.deleted_at is null
     and a.status in ('scheduled', 'confirmed', 'cancel_requested', 'reschedule_requested');
  get diagnostics n_cancelled = row_count;
  update public.appointments a
     set allocataire_id = null, response_reason = null, preferred_slots = null, note = null
   where a.id = any (appointment_ids);
  get diagnostics n_appointments = row_count;
  -- After the detach: the reminder triggers have run; what is left holds a phone or e-mail.
  delete from public.reminders r where r.appointment_id = any (appointment_ids);

  update public.prestation_offers o
     set allocataire_id = null, message = null, exit_detail = null
   where o.id = any (offer_ids) and o.status in ('entered', 'exited') and o.deleted_at is null;
  get diagnostics n_offers_kept = row_count;
  update public.prestation_offers o
     set allocataire_id = null, message = null, exit_detail = null, deleted_at = coalesce(o.deleted_at, now())
   where o.id = any (offer_ids) and o.allocataire_id is not null;
  get diagnostics n_offers_deleted = row_count;

  update public.feedback f
     set author_id = null, contact_back = false
   where f.id = any (feedback_ids) and keep_shared and f.share_with_groupe and f.deleted_at is null;
  get diagnostics n_feedback_kept = row_count;
  -- The guard wipes the words of a deleted feedback; the answer written to the person goes too.
  update public.feedback f
     set author_id = null, contact_back = false, deleted_at = coalesce(f.deleted_at, now()),
         subject_id = null, rating = null, themes = '{}', answer = null, answered_at = null,
         status = 'closed'
   where f.id = any (feedback_ids) and f.author_id is not null;
  get diagnostics n_feedback_deleted = row_count;

  update public.evaluations e
     set author_id = null
   where e.id = any (evaluation_ids) and keep_shared and e.submitted_at is not null and e.deleted_at is null;
  get diagnostics n_evaluations_kept = row_count;
  update public.evaluations e
     set author_id = null, answers = '{}', deleted_at = coalesce(e.deleted_at, now())
   where e.id = any (evaluation_ids) and e.author_id is not null;
  get diagnostics n_evaluations_deleted = row_count;

  delete from public.invitations i where i.accepted_by = uid;
  delete from public.sync_conflicts c
   where c.user_id = uid
      or (c.table_name = 'profiles' and c.row_id = uid)
      or (c.table_name = 'appointments' and c.row_id = any (appointment_ids))
      or (c.table_name = 'prestation_offers' and c.row_id = any (offer_ids))
      or (c.table_name = 'feedback' and c.row_id = any (feedback_ids))
      or (c.table_name = 'evaluations' and c.row_id = any (evaluation_ids));

  -- The audit trail stays consistent (one pseudonym for all of the person's entries) but no
  -- longer leads to anyone.
  update public.audit_log l
     set target_id = case when l.target_id = uid then pseudonym else l.target_id end,
         details = replace(l.details::text, uid::text, pseudonym::text)::jsonb
   where l.target_id = uid or l.details::text like '%' || uid::text || '%';

  -- The profile (and every row that cascades from it) goes with the auth user; on the
  -- platform this also ends the user's sessions and refresh tokens.
  delete from public.profiles p where p.id = uid;
  delete from auth.users u where u.id = uid;

  perform public.audit('account.deleted', 'profiles', pseudonym, jsonb_build_object(
    'kept_shared', keep_shared,
    'appointments_detached', n_appointments, 'appointments_cancelled', n_cancelled,
    'offers_kept', n_offers_kept, 'offers_deleted', n_offers_deleted,
    'feedback_kept', n_feedback_kept, 'feedback_deleted', n_feedback_deleted,
    'evaluations_kept', n_evaluations_kept, 'evaluations_deleted', n_evaluations_deleted));

  perform set_config('request.jwt.claims', claims, true);
  perform set_config('request.jwt.claim.sub', claim_sub, true);

  return jsonb_build_object(
    'deleted', true,
    'appointments_detached', n_appointments,
    'feedback_kept', n_feedback_kept,
    'evaluations_kept', n_evaluations_kept);
end
$$;

comment on function public.account_delete(uuid, boolean) is
  'Right to erasure: deletes the caller''s (allocataire) account; see the header of 20261125001000_data_rights.sql.';

-- ---------------------------------------------------------------------------
-- contact.delete {id} — the team erases a person met, on their request
-- ---------------------------------------------------------------------------

-- A soft delete: the guard wipes identity and free text, and every device holding the row
-- (the team's, and the référent's of a consented referral) receives a tombstone. The row is
-- no longer counted in outreach statistics (public.outreach_stats counts only what retention
-- reduced): the person asked to be forgotten.
-- `or replace` and `on conflict`: the outreach screens rely on this name too; whichever file
-- defines it first, this definition is the one that holds.
create or replace function public.m_contact_delete(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_team uuid;
  v_deleted timestamptz;
begin
  perform sync_private.args_only(args, array['id']);
  v_id := sync_private.arg_uuid(args, 'id');
  select c.team_id, c.deleted_at into v_team, v_deleted from public.outreach_contacts c where c.id = v_id;
  if not found then
    perform sync_private.reject('not_found', 'Ce contact est introuvable.');
  end if;
  if not (public.has_role('outreach') and v_team is not distinct from public.my_team_id()) then
    perform sync_private.reject('forbidden', 'Seule l''équipe qui a rencontré cette personne peut l''effacer.');
  end if;
  if v_deleted is not null then
    return;  -- already erased: the state asked for holds
  end if;
  update public.outreach_contacts c
     set deleted_at = now(), follow_up_at = null
   where c.id = v_id;
end
$$;

insert into sync_private.mutation_handlers (name, handler, target_table, target_id_arg) values
  ('contact.delete', 'public.m_contact_delete', 'public.outreach_contacts', 'id')
on conflict (name) do update
  set handler = excluded.handler, target_table = excluded.target_table, target_id_arg = excluded.target_id_arg;

-- ---------------------------------------------------------------------------
-- Privileges
-- ---------------------------------------------------------------------------

revoke all on function public.account_export(), public.account_delete(uuid, boolean),
  public.m_contact_delete(jsonb, bigint)
  from public, anon;
grant execute on function public.account_export(), public.account_delete(uuid, boolean),
  public.m_contact_delete(jsonb, bigint)
  to authenticated;
grant execute on function public.m_contact_delete(jsonb, bigint) to service_role;

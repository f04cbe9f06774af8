-- Repères: helper functions, business-rule triggers, account provisioning, audit,
-- retention and the aggregated read functions.
--
-- Errors raised for the app use two SQLSTATEs so callers (sync_push) can classify them:
--   42501 insufficient_privilege  -> "forbidden"
--   22023 invalid_parameter_value -> "validation"
-- Messages are short French sentences meant to be shown to the user.
--
-- Trusted context: migrations, the seed, service_role and security-definer maintenance
-- functions run without a user (auth.uid() is null) and as a role other than anon or
-- authenticated; column guards do not apply there. Any request made for a user (claims
-- set), even through a security-definer function, is checked.

-- ---------------------------------------------------------------------------
-- Role helpers (security definer: they read profiles without re-entering its policies)
-- ---------------------------------------------------------------------------

create function public.has_role(role_name text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(
    (select role_name = any (p.roles)
       from public.profiles p
      where p.id = auth.uid() and p.deleted_at is null),
    false)
$$;

create function public.my_team_id() returns uuid
language sql stable security definer
set search_path = ''
as $$
  select p.team_id from public.profiles p where p.id = auth.uid() and p.deleted_at is null
$$;

create function public.my_structure_id() returns uuid
language sql stable security definer
set search_path = ''
as $$
  select p.structure_id from public.profiles p where p.id = auth.uid() and p.deleted_at is null
$$;

-- The allocataires a référent follows: those whose référent they are, and those attached
-- to the référent's structure. Empty for anyone who is not a référent.
create function public.my_allocataire_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select a.id
    from public.profiles me
    join public.profiles a
      on a.referent_id = me.id
      or (me.structure_id is not null and a.structure_id = me.structure_id)
   where me.id = auth.uid()
     and me.deleted_at is null
     and 'referent' = any (me.roles)
     and 'allocataire' = any (a.roles)
$$;

create function public.consultation_accepts_answers(consultation uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.consultations c
     where c.id = consultation
       and c.status = 'open'
       and c.deleted_at is null
       and (c.opens_at is null or c.opens_at <= now())
       and (c.closes_at is null or c.closes_at > now()))
$$;

create function public.is_trusted_context() returns boolean
language sql stable
set search_path = ''
as $$
  select auth.uid() is null and current_user not in ('anon', 'authenticated')
$$;

-- Column names whose value differs between two versions of a row, tracking columns aside.
create function public.changed_columns(old_row jsonb, new_row jsonb) returns text[]
language sql immutable
set search_path = ''
as $$
  select coalesce(array_agg(n.key order by n.key), '{}')
    from jsonb_each(new_row) as n(key, value)
   where n.key not in ('updated_at', 'version', 'row_xid')
     and old_row -> n.key is distinct from n.value
$$;

create function public.forbid(message text) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = '42501', message = message;
end
$$;

create function public.invalid(message text) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = '22023', message = message;
end
$$;

-- ---------------------------------------------------------------------------
-- Column guards: who may change what, beyond what row-level security can say
-- ---------------------------------------------------------------------------

-- Only a coordinator changes roles, team, structure or référent, and never their own
-- roles, team or structure; everyone else edits only their own display preferences.
create function public.profiles_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  changed text[];
  coordinator boolean;
begin
  if public.is_trusted_context() then
    return new;
  end if;
  changed := public.changed_columns(to_jsonb(old), to_jsonb(new));
  coordinator := public.has_role('coordinator');
  if old.id = auth.uid() and changed && array['roles', 'team_id', 'structure_id'] then
    perform public.forbid('Personne ne peut modifier ses propres rôles, équipe ou structure.');
  end if;
  if not coordinator
     and not changed <@ array['display_name', 'preferred_locale', 'reminder_sms', 'reminder_email'] then
    perform public.forbid('Seul un coordinateur peut modifier ces informations du profil.');
  end if;
  if 'id' = any (changed) then
    perform public.forbid('L''identifiant d''un profil ne change pas.');
  end if;
  return new;
end
$$;

create function public.invitations_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  changed text[];
begin
  -- Depth > 1: fired by our own account trigger (handle_new_user) accepting the invitation.
  if public.is_trusted_context() or pg_trigger_depth() > 1 then
    return new;
  end if;
  if tg_op = 'INSERT' then
    new.invited_by := auth.uid();
    new.accepted_at := null;
    new.accepted_by := null;
    return new;
  end if;
  changed := public.changed_columns(to_jsonb(old), to_jsonb(new));
  if changed && array['id', 'invited_by', 'accepted_at', 'accepted_by'] then
    perform public.forbid('Une invitation acceptée ou son auteur ne se modifient pas.');
  end if;
  if old.accepted_at is not null and changed && array['roles', 'team_id', 'structure_id', 'email', 'phone'] then
    perform public.invalid('Cette invitation a déjà été acceptée.');
  end if;
  return new;
end
$$;

-- The allocataire answers an appointment; staff manage the rest.
create function public.appointments_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  changed text[];
begin
  if public.is_trusted_context() or old.allocataire_id is distinct from auth.uid() then
    return new;
  end if;
  changed := public.changed_columns(to_jsonb(old), to_jsonb(new));
  if not changed <@ array['response', 'response_reason', 'preferred_slots', 'responded_at', 'status'] then
    perform public.forbid('Vous pouvez seulement répondre à ce rendez-vous.');
  end if;
  if old.status not in ('scheduled', 'confirmed', 'cancel_requested', 'reschedule_requested') then
    perform public.invalid('Ce rendez-vous ne peut plus recevoir de réponse.');
  end if;
  if old.starts_at < now() then
    perform public.invalid('Ce rendez-vous est déjà passé.');
  end if;
  if new.status is distinct from old.status
     and new.status not in ('confirmed', 'cancel_requested', 'reschedule_requested') then
    perform public.forbid('Seul votre référent peut donner ce statut au rendez-vous.');
  end if;
  if 'response' = any (changed) then
    new.responded_at := now();
  end if;
  return new;
end
$$;

-- The allocataire says interested / not interested while the offer is still open.
create function public.prestation_offers_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  changed text[];
begin
  if public.is_trusted_context() or old.allocataire_id is distinct from auth.uid() then
    return new;
  end if;
  changed := public.changed_columns(to_jsonb(old), to_jsonb(new));
  if not changed <@ array['status', 'responded_at'] then
    perform public.forbid('Vous pouvez seulement dire si cette prestation vous intéresse.');
  end if;
  if new.status not in ('interested', 'not_interested') then
    perform public.forbid('Seul votre référent peut enregistrer une entrée ou une sortie.');
  end if;
  if old.status not in ('proposed', 'interested', 'not_interested') then
    perform public.invalid('Cette proposition ne peut plus recevoir de réponse.');
  end if;
  new.responded_at := now();
  return new;
end
$$;

-- Authors write and delete their feedback; coordinators read it and answer.
create function public.feedback_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  changed text[];
  allowed text[] := '{}';
begin
  if not public.is_trusted_context() then
    if tg_op = 'INSERT' then
      new.status := 'received';
      new.answer := null;
      new.answered_at := null;
      new.answered_by := null;
      new.themes := '{}';
      new.deleted_at := null;
    else
      changed := public.changed_columns(to_jsonb(old), to_jsonb(new));
      if old.author_id = auth.uid() then
        allowed := allowed || array['share_with_groupe', 'contact_back', 'deleted_at'];
      end if;
      if public.has_role('coordinator') then
        allowed := allowed || array['status', 'answer', 'answered_at', 'answered_by', 'themes'];
      end if;
      if not changed <@ allowed then
        perform public.forbid('Vous ne pouvez pas modifier cet avis.');
      end if;
      if old.deleted_at is not null and new.deleted_at is distinct from old.deleted_at then
        perform public.invalid('Un avis supprimé ne peut pas être restauré.');
      end if;
      if 'answer' = any (changed) then
        new.answered_by := auth.uid();
        new.answered_at := case when new.answer is null then null else now() end;
        if new.answer is not null and new.status in ('received', 'read') then
          new.status := 'answered';
        end if;
      end if;
    end if;
  end if;
  -- A deleted feedback keeps only its id (a tombstone for devices): the words go.
  if new.deleted_at is not null then
    new.body := '';
    new.quote := null;
    new.expected := null;
    new.obtained := null;
    new.changed := null;
    new.share_with_groupe := false;
  end if;
  return new;
end
$$;

create function public.evaluations_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  changed text[];
begin
  if public.is_trusted_context() or tg_op = 'INSERT' then
    return new;
  end if;
  changed := public.changed_columns(to_jsonb(old), to_jsonb(new));
  if not changed <@ array['answers', 'submitted_at', 'deleted_at'] then
    perform public.forbid('Seules vos réponses peuvent être modifiées.');
  end if;
  return new;
end
$$;

-- Outreach: the team edits its contacts; the receiving structure's référent only answers
-- the referral. Withdrawn consent or deletion erases identity on the spot.
create function public.outreach_contacts_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  changed text[];
  own_team boolean;
begin
  if not public.is_trusted_context() then
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
        if not changed <@ array['referral_status', 'referral_decline_reason'] then
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
  elsif tg_op = 'INSERT' or new.oriented_structure_id is distinct from old.oriented_structure_id then
    new.oriented_at := coalesce(new.oriented_at, now());
    if new.referral_status = 'none' then
      new.referral_status := 'pending';
    end if;
  end if;
  if new.referral_status <> 'declined' then
    new.referral_decline_reason := null;
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

-- Catalogue rows (structures, prestations, events): published_at is stamped on first
-- publication, and a row once public is withdrawn by archiving, never by going back to
-- draft (devices that hold it would never hear of the change).
create function public.publication_guard() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'draft' then
    if tg_op = 'UPDATE' and old.published_at is not null then
      perform public.invalid('Un contenu déjà publié s''archive ; il ne redevient pas brouillon.');
    end if;
    new.published_at := null;
  elsif new.status = 'published' and new.published_at is null then
    new.published_at := now();
  end if;
  return new;
end
$$;

-- Booklet versions: published text is frozen (edit = new revision); publishing a revision
-- archives the one it replaces, so exactly one is live per section, language and variant.
create function public.booklet_sections_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  changed text[];
begin
  if tg_op = 'UPDATE' then
    changed := public.changed_columns(to_jsonb(old), to_jsonb(new));
    if old.status in ('published', 'archived') then
      if changed && array['id', 'slug', 'locale', 'variant', 'title', 'body', 'revision'] then
        perform public.invalid('Un texte publié ne se modifie pas : créez une nouvelle version.');
      end if;
      if new.status in ('draft', 'in_review') then
        perform public.invalid('Un texte publié ne redevient pas brouillon : créez une nouvelle version.');
      end if;
    end if;
  end if;
  if not public.is_trusted_context() then
    new.edited_by := auth.uid();
  end if;
  if new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
    new.published_at := now();
    update public.booklet_sections s
       set status = 'archived'
     where s.slug = new.slug and s.locale = new.locale and s.variant = new.variant
       and s.status = 'published' and s.id <> new.id;
  elsif new.status in ('draft', 'in_review') then
    new.published_at := null;
  end if;
  return new;
end
$$;

-- ---------------------------------------------------------------------------
-- Audit (security definer: nobody writes audit_log directly)
-- ---------------------------------------------------------------------------

create function public.audit(action text, target_table text, target_id uuid, details jsonb)
returns void
language sql security definer
set search_path = ''
as $$
  insert into public.audit_log (actor_id, action, target_table, target_id, details)
  values ((select p.id from public.profiles p where p.id = auth.uid()), action, target_table,
          target_id, coalesce(details, '{}'::jsonb))
$$;

create function public.profiles_audit() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if new.roles <> '{allocataire}' or new.team_id is not null or new.structure_id is not null then
      perform public.audit('profile.created', 'profiles', new.id,
        jsonb_build_object('roles', new.roles, 'team_id', new.team_id, 'structure_id', new.structure_id));
    end if;
  elsif (old.roles, old.team_id, old.structure_id, old.referent_id)
        is distinct from (new.roles, new.team_id, new.structure_id, new.referent_id) then
    perform public.audit('profile.access_changed', 'profiles', new.id,
      jsonb_build_object(
        'old', jsonb_build_object('roles', old.roles, 'team_id', old.team_id,
                                  'structure_id', old.structure_id, 'referent_id', old.referent_id),
        'new', jsonb_build_object('roles', new.roles, 'team_id', new.team_id,
                                  'structure_id', new.structure_id, 'referent_id', new.referent_id)));
  end if;
  return null;
end
$$;

create function public.invitations_audit() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  action text;
begin
  if tg_op = 'INSERT' then
    action := 'invitation.created';
  elsif old.accepted_at is null and new.accepted_at is not null then
    action := 'invitation.accepted';
  elsif old.revoked_at is null and new.revoked_at is not null then
    action := 'invitation.revoked';
  elsif old.deleted_at is null and new.deleted_at is not null then
    action := 'invitation.deleted';
  else
    action := 'invitation.updated';
  end if;
  -- Roles and scope only: the invitee's email or phone stays in the invitation.
  perform public.audit(action, 'invitations', new.id,
    jsonb_build_object('roles', new.roles, 'team_id', new.team_id, 'structure_id', new.structure_id,
                       'accepted_by', new.accepted_by));
  return null;
end
$$;

-- ---------------------------------------------------------------------------
-- Accounts: every auth user gets a profile; an open invitation decides its roles
-- ---------------------------------------------------------------------------

create function public.digits(value text) returns text
language sql immutable
set search_path = ''
as $$
  select nullif(regexp_replace(value, '[^0-9]', '', 'g'), '')
$$;

create function public.handle_new_user() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  inv public.invitations%rowtype;
  meta_locale text := new.raw_user_meta_data ->> 'locale';
  meta_name text := left(coalesce(new.raw_user_meta_data ->> 'display_name',
                                  new.raw_user_meta_data ->> 'full_name'), 120);
begin
  select i.* into inv
    from public.invitations i
   where i.accepted_at is null and i.revoked_at is null and i.deleted_at is null
     and i.expires_at > now()
     and ((new.email is not null and lower(i.email) = lower(new.email))
          or (new.phone is not null and public.digits(i.phone) = public.digits(new.phone)))
   order by i.created_at desc
   limit 1
   for update;

  -- Roles never come from user_metadata (users can edit it); only the locale and name may.
  if meta_locale is null
     or meta_locale not in ('fr', 'en', 'ar', 'es', 'pt', 'zh', 'ro', 'ru', 'uk', 'tr', 'ta', 'bn',
                            'fa', 'ps', 'ti', 'so', 'wo', 'ff', 'bm', 'sw', 'ln', 'kab') then
    meta_locale := 'fr';
  end if;

  insert into public.profiles (id, display_name, preferred_locale, phone, email, roles, team_id,
                               structure_id, referent_id)
  values (new.id,
          coalesce(inv.display_name, meta_name),
          coalesce(inv.preferred_locale, meta_locale::public.locale_code),
          new.phone,
          new.email,
          coalesce(inv.roles, '{allocataire}'),
          inv.team_id,
          inv.structure_id,
          inv.referent_id)
  on conflict (id) do nothing;

  if inv.id is not null then
    update public.invitations
       set accepted_at = now(), accepted_by = new.id
     where id = inv.id;
  end if;
  return new;
end
$$;

create function public.handle_user_contact_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.profiles
     set email = new.email, phone = new.phone
   where id = new.id;
  return new;
end
$$;

-- ---------------------------------------------------------------------------
-- Retention (DESIGN §9), run daily by the platform scheduler with the service role
-- ---------------------------------------------------------------------------

-- Contacts met without consent more than 3 months ago keep only their statistics;
-- contacts with consent are erased 12 months after their last activity unless the person
-- is in a parcours. Erased rows stay as statistics-only tombstones so devices drop them.
create function public.apply_outreach_retention(now timestamptz default now()) returns jsonb
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
     and greatest(c.met_at, c.consent_at, c.follow_up_at::timestamptz, c.updated_at)
         < ref - interval '12 months';
  get diagnostics erased = row_count;

  if reduced + erased > 0 then
    perform public.audit('outreach.retention', 'outreach_contacts', null,
      jsonb_build_object('reduced', reduced, 'erased', erased, 'reference', ref));
  end if;
  return jsonb_build_object('reduced', reduced, 'erased', erased);
end
$$;

-- ---------------------------------------------------------------------------
-- Read functions that must not expose rows
-- ---------------------------------------------------------------------------

-- Feedback shared with the groupe ressource, without any author identity. The table
-- itself stays closed to the groupe: this is the only way in.
create function public.groupe_shared_feedback()
returns table (
  id uuid, kind text, subject_id uuid, body text, quote text, rating smallint, themes text[],
  status text, answer text, answered_at timestamptz, created_on date, updated_at timestamptz,
  version bigint, row_xid xid8
)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not (public.has_role('groupe_ressource') or public.has_role('coordinator')) then
    perform public.forbid('Réservé au groupe ressource.');
  end if;
  return query
    select f.id, f.kind, f.subject_id, f.body, f.quote, f.rating, f.themes, f.status, f.answer,
           f.answered_at, (f.created_at at time zone 'Europe/Paris')::date, f.updated_at,
           f.version, f.row_xid
      from public.feedback f
     where f.share_with_groupe and f.deleted_at is null
     order by f.created_at desc;
end
$$;

-- Outreach indicators (Actions 12, 13): counts per team, quartier and month. Coordinators
-- see every team, outreach workers their own; nobody gets rows through this.
create function public.outreach_stats(from_date date default null, to_date date default null)
returns table (
  team_id uuid, quartier text, month date, met bigint, with_consent bigint, oriented bigint,
  referral_accepted bigint, appointment_planned bigint, in_parcours bigint, rsa bigint,
  under_26 bigint, over_50 bigint, single_parent bigint
)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  coordinator boolean := public.has_role('coordinator');
  team uuid := case when public.has_role('outreach') then public.my_team_id() end;
begin
  if not coordinator and team is null then
    perform public.forbid('Réservé aux coordinateurs et aux équipes de terrain.');
  end if;
  return query
    select c.team_id, c.quartier,
           date_trunc('month', c.met_at at time zone 'Europe/Paris')::date,
           count(*),
           count(*) filter (where c.consent),
           count(*) filter (where c.oriented_structure_id is not null),
           count(*) filter (where c.referral_status in ('accepted', 'appointment_planned')),
           count(*) filter (where c.referral_status = 'appointment_planned'),
           count(*) filter (where c.status = 'in_parcours'),
           count(*) filter (where c.rsa = 'yes'),
           count(*) filter (where c.under_26),
           count(*) filter (where c.over_50),
           count(*) filter (where c.single_parent)
      from public.outreach_contacts c
     where (coordinator or c.team_id = team)
       -- Erased by retention still counts as a person met; deleted by hand (a mistake) does not.
       and (c.deleted_at is null or c.reduced_at is not null)
       and (from_date is null or c.met_at >= from_date::timestamp at time zone 'Europe/Paris')
       and (to_date is null or c.met_at < (to_date + 1)::timestamp at time zone 'Europe/Paris')
     group by 1, 2, 3
     order by 3, 1, 2;
end
$$;

-- ---------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------

create trigger guard before update on public.profiles
  for each row execute function public.profiles_guard();
create trigger audit after insert or update on public.profiles
  for each row execute function public.profiles_audit();

create trigger guard before insert or update on public.invitations
  for each row execute function public.invitations_guard();
create trigger audit after insert or update on public.invitations
  for each row execute function public.invitations_audit();

create trigger guard before update on public.appointments
  for each row execute function public.appointments_guard();
create trigger guard before update on public.prestation_offers
  for each row execute function public.prestation_offers_guard();
create trigger guard before insert or update on public.feedback
  for each row execute function public.feedback_guard();
create trigger guard before update on public.evaluations
  for each row execute function public.evaluations_guard();
create trigger guard before insert or update on public.outreach_contacts
  for each row execute function public.outreach_contacts_guard();
create trigger guard before insert or update on public.booklet_sections
  for each row execute function public.booklet_sections_guard();
create trigger guard before insert or update on public.structures
  for each row execute function public.publication_guard();
create trigger guard before insert or update on public.prestations
  for each row execute function public.publication_guard();
create trigger guard before insert or update on public.events
  for each row execute function public.publication_guard();

create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_user();
create trigger on_auth_user_contact_changed after update of email, phone on auth.users
  for each row execute function public.handle_user_contact_change();

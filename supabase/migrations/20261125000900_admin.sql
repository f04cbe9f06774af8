-- Repères: the coordinators' back office.
--
--   1. Columns: feedback assignment and the language of an answer; the French revision a
--      translated booklet section follows; a "last checked" date on events.
--   2. Feedback inbox: feedback.answer, feedback.assign, feedback.set_status (themes are tagged
--      with feedback.tag_themes, 20261125000800_groupe_consultations.sql)
--   3. Accounts: invitation.create, invitation.revoke, profile.set_access
--   4. Booklet: booklet_section.save (new revision or draft edit), booklet_section.set_status
--      (draft -> in review, optionally opening a groupe ressource review -> published)
--   5. Catalogue: structure.upsert, prestation.upsert, event.upsert (with "checked today")
--   6. admin_audit_log(): the audit log, read by coordinators only
--
-- Every handler is SECURITY INVOKER like those of 20261125000320_sync_mutations.sql: it
-- checks the coordinator role first (a clear "forbidden"), validates its arguments, then
-- writes under row-level security and the schema's guards.

-- ---------------------------------------------------------------------------
-- 1. Columns
-- ---------------------------------------------------------------------------

alter table public.feedback
  -- The coordinator following this feedback (inbox assignment).
  add column assigned_to uuid references public.profiles (id) on delete set null,
  -- The language the answer was written in: the author's app shows it as written, marked
  -- with this language (no machine translation).
  add column answer_locale public.locale_code;
create index feedback_assigned_to_idx on public.feedback (assigned_to);

alter table public.booklet_sections
  -- For a translation: the revision of the French text (same slug and variant) it was
  -- translated from. A newer French revision makes the translation "outdated".
  add column source_revision integer check (source_revision >= 1);

alter table public.events
  add column last_checked_at timestamptz;

-- The feedback guard of 20261125000150_functions.sql, unchanged but for the two new
-- coordinator columns (assigned_to, answer_locale).
create or replace function public.feedback_guard() returns trigger
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
      new.assigned_to := null;
      new.answer_locale := null;
    else
      changed := public.changed_columns(to_jsonb(old), to_jsonb(new));
      if old.author_id = auth.uid() then
        allowed := allowed || array['share_with_groupe', 'contact_back', 'deleted_at'];
      end if;
      if public.has_role('coordinator') then
        allowed := allowed || array['status', 'answer', 'answered_at', 'answered_by', 'themes',
                                    'assigned_to', 'answer_locale'];
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

-- ---------------------------------------------------------------------------
-- Shared checks
-- ---------------------------------------------------------------------------

create function sync_private.require_coordinator()
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if not public.has_role('coordinator') then
    perform sync_private.reject('forbidden', 'Réservé aux coordinateurs.');
  end if;
end
$$;

-- Roles of an account or invitation: a non-empty set of known roles, with the team an
-- outreach worker belongs to and the structure a référent works in.
create function sync_private.arg_roles(args jsonb, v_team uuid, v_structure uuid)
returns text[]
language plpgsql
stable
set search_path = ''
as $$
declare
  v_roles text[] := sync_private.arg_text_array(args, 'roles',
    array['allocataire', 'groupe_ressource', 'outreach', 'referent', 'coordinator'], 5, 40);
begin
  if cardinality(v_roles) = 0 then
    perform sync_private.reject('validation', 'Choisissez au moins un rôle.', 'roles');
  end if;
  if 'outreach' = any (v_roles) and v_team is null then
    perform sync_private.reject('validation', 'Une personne de l''équipe de terrain doit avoir une équipe.', 'team_id');
  end if;
  if 'referent' = any (v_roles) and v_structure is null then
    perform sync_private.reject('validation', 'Un référent doit avoir une structure.', 'structure_id');
  end if;
  if v_team is not null and not exists (select 1 from public.teams t where t.id = v_team and t.deleted_at is null) then
    perform sync_private.reject('validation', 'Cette équipe est introuvable.', 'team_id');
  end if;
  if v_structure is not null
     and not exists (select 1 from public.structures s where s.id = v_structure and s.deleted_at is null) then
    perform sync_private.reject('validation', 'Cette structure est introuvable.', 'structure_id');
  end if;
  -- A group member is also an allocataire (DESIGN §4).
  if 'groupe_ressource' = any (v_roles) and not 'allocataire' = any (v_roles) then
    v_roles := v_roles || 'allocataire'::text;
  end if;
  return (select array_agg(r order by r) from unnest(v_roles) r);
end
$$;

create function sync_private.arg_int_array(args jsonb, key text, min_value int, max_value int, max_items int)
returns smallint[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  result smallint[];
begin
  if not sync_private.arg_present(args, key) then
    return '{}';
  end if;
  if jsonb_typeof(args -> key) <> 'array' or jsonb_array_length(args -> key) > max_items
     or exists (select 1 from jsonb_array_elements(args -> key) e
                where jsonb_typeof(e) <> 'number' or (e #>> '{}')::numeric not between min_value and max_value
                   or (e #>> '{}')::numeric <> trunc((e #>> '{}')::numeric)) then
    perform sync_private.reject('validation',
      format('Le champ « %s » doit être une liste de nombres entre %s et %s.', key, min_value, max_value), key);
  end if;
  select coalesce(array_agg(distinct (e #>> '{}')::smallint order by (e #>> '{}')::smallint), '{}')
    into result from jsonb_array_elements(args -> key) e;
  return result;
end
$$;

-- Weekly opening hours: {"mon": [["09:00","12:30"], ["13:30","17:00"]], …}, at most four
-- ranges a day, each opening before it closes.
create function sync_private.arg_opening_hours(args jsonb, key text)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  v jsonb;
  day record;
  range jsonb;
begin
  if not sync_private.arg_present(args, key) then
    return '{}'::jsonb;
  end if;
  v := args -> key;
  if jsonb_typeof(v) <> 'object' or (v - array['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) <> '{}'::jsonb then
    perform sync_private.reject('validation', 'Les horaires sont mal formés.', key);
  end if;
  for day in select * from jsonb_each(v) loop
    if jsonb_typeof(day.value) <> 'array' or jsonb_array_length(day.value) > 4 then
      perform sync_private.reject('validation', 'Les horaires sont mal formés.', key);
    end if;
    for range in select e from jsonb_array_elements(day.value) e loop
      if jsonb_typeof(range) <> 'array' or jsonb_array_length(range) <> 2
         or jsonb_typeof(range -> 0) <> 'string' or jsonb_typeof(range -> 1) <> 'string'
         or (range ->> 0) !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
         or (range ->> 1) !~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'
         or (range ->> 0) >= (range ->> 1) then
        perform sync_private.reject('validation', 'Une plage horaire est invalide (ouverture avant fermeture, HH:MM).', key);
      end if;
    end loop;
  end loop;
  return v;
end
$$;

create function sync_private.arg_url(args jsonb, key text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v text := sync_private.arg_text(args, key, false, 300);
begin
  if v is not null and v !~ '^https?://[^[:space:]]+$' then
    perform sync_private.reject('validation', 'L''adresse du site doit commencer par http:// ou https://.', key);
  end if;
  return v;
end
$$;

-- ---------------------------------------------------------------------------
-- 2. Feedback inbox
-- ---------------------------------------------------------------------------

create function sync_private.open_feedback(v_id uuid)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if not exists (select 1 from public.feedback f where f.id = v_id and f.deleted_at is null) then
    perform sync_private.reject('not_found', 'Cet avis est introuvable ou a été supprimé par son auteur.');
  end if;
end
$$;

-- feedback.answer {id, answer, answer_locale?} — stored as written; answering marks it answered.
create function public.m_feedback_answer(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
begin
  perform sync_private.require_coordinator();
  perform sync_private.args_only(args, array['id', 'answer', 'answer_locale']);
  v_id := sync_private.arg_uuid(args, 'id');
  perform sync_private.open_feedback(v_id);
  update public.feedback f
     set answer = sync_private.arg_text(args, 'answer', true, 4000, true),
         answer_locale = sync_private.arg_enum(args, 'answer_locale', array['fr', 'en', 'ar', 'es', 'pt', 'zh', 'ro',
           'ru', 'uk', 'tr', 'ta', 'bn', 'fa', 'ps', 'ti', 'so', 'wo', 'ff', 'bm', 'sw', 'ln', 'kab'], false)
   where f.id = v_id;
end
$$;

-- feedback.assign {id, assigned_to?} — to a coordinator, or to nobody.
create function public.m_feedback_assign(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_to uuid;
begin
  perform sync_private.require_coordinator();
  perform sync_private.args_only(args, array['id', 'assigned_to']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_to := sync_private.arg_uuid(args, 'assigned_to', false);
  perform sync_private.open_feedback(v_id);
  if v_to is not null and not exists (
    select 1 from public.profiles p where p.id = v_to and p.deleted_at is null and 'coordinator' = any (p.roles)) then
    perform sync_private.reject('validation', 'Un avis ne peut être confié qu''à un coordinateur.', 'assigned_to');
  end if;
  update public.feedback f set assigned_to = v_to where f.id = v_id;
end
$$;

-- feedback.set_status {id, status: received|read|answered|closed}
create function public.m_feedback_set_status(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_status text;
begin
  perform sync_private.require_coordinator();
  perform sync_private.args_only(args, array['id', 'status']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_status := sync_private.arg_enum(args, 'status', array['received', 'read', 'answered', 'closed']);
  perform sync_private.open_feedback(v_id);
  if v_status = 'answered' and exists (select 1 from public.feedback f where f.id = v_id and f.answer is null) then
    perform sync_private.reject('validation', 'Répondez d''abord : un avis sans réponse ne peut pas être « répondu ».', 'status');
  end if;
  update public.feedback f set status = v_status where f.id = v_id;
end
$$;

-- ---------------------------------------------------------------------------
-- 3. Accounts
-- ---------------------------------------------------------------------------

-- invitation.create {id, email?, phone?, display_name?, roles[], team_id?, structure_id?,
--                    preferred_locale?} — the person then signs in with that email or phone
-- and their new account receives these roles (public.handle_new_user).
create function public.m_invitation_create(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_email text;
  v_phone text;
  v_team uuid;
  v_structure uuid;
  v_roles text[];
begin
  perform sync_private.require_coordinator();
  perform sync_private.args_only(args, array['id', 'email', 'phone', 'display_name', 'roles', 'team_id',
    'structure_id', 'preferred_locale']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_email := lower(sync_private.arg_email(args, 'email'));
  v_phone := sync_private.arg_phone(args, 'phone');
  -- A French national number is stored in international form, the form phone sign-in
  -- gives (accounts are matched to invitations on the digits).
  if regexp_replace(v_phone, '[^0-9]', '', 'g') ~ '^0[1-9][0-9]{8}$' then
    v_phone := '+33' || substr(regexp_replace(v_phone, '[^0-9]', '', 'g'), 2);
  end if;
  if v_email is null and v_phone is null then
    perform sync_private.reject('validation', 'Indiquez une adresse e-mail ou un numéro de téléphone.', 'email');
  end if;
  v_team := sync_private.arg_uuid(args, 'team_id', false);
  v_structure := sync_private.arg_uuid(args, 'structure_id', false);
  v_roles := sync_private.arg_roles(args, v_team, v_structure);
  if exists (select 1 from public.invitations i where i.id = v_id) then
    perform sync_private.reject('conflict', 'Cette invitation existe déjà.');
  end if;
  if exists (select 1 from public.profiles p
              where p.deleted_at is null
                and ((v_email is not null and lower(p.email) = v_email)
                     or (v_phone is not null
                         and regexp_replace(p.phone, '[^0-9]', '', 'g') = regexp_replace(v_phone, '[^0-9]', '', 'g')))) then
    perform sync_private.reject('conflict',
      'Cette personne a déjà un compte : modifiez ses rôles dans la liste des comptes.', 'email');
  end if;
  if exists (select 1 from public.invitations i
              where i.accepted_at is null and i.revoked_at is null and i.deleted_at is null and i.expires_at > now()
                and ((v_email is not null and lower(i.email) = v_email)
                     or (v_phone is not null
                         and regexp_replace(i.phone, '[^0-9]', '', 'g') = regexp_replace(v_phone, '[^0-9]', '', 'g')))) then
    perform sync_private.reject('conflict',
      'Une invitation est déjà en attente pour cette personne : révoquez-la avant d''en envoyer une autre.', 'email');
  end if;
  insert into public.invitations (id, email, phone, display_name, roles, team_id, structure_id, preferred_locale)
  values (v_id, v_email, v_phone, sync_private.arg_text(args, 'display_name', false, 120), v_roles,
          v_team, v_structure,
          coalesce(sync_private.arg_enum(args, 'preferred_locale', array['fr', 'en', 'ar', 'es', 'pt', 'zh', 'ro',
            'ru', 'uk', 'tr', 'ta', 'bn', 'fa', 'ps', 'ti', 'so', 'wo', 'ff', 'bm', 'sw', 'ln', 'kab'], false), 'fr'));
end
$$;

-- invitation.revoke {id} — a pending invitation can no longer be accepted.
create function public.m_invitation_revoke(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_inv record;
begin
  perform sync_private.require_coordinator();
  perform sync_private.args_only(args, array['id']);
  v_id := sync_private.arg_uuid(args, 'id');
  select i.accepted_at, i.revoked_at into v_inv from public.invitations i where i.id = v_id and i.deleted_at is null;
  if not found then
    perform sync_private.reject('not_found', 'Cette invitation est introuvable.');
  end if;
  if v_inv.accepted_at is not null then
    perform sync_private.reject('validation',
      'Cette invitation a déjà été acceptée : retirez plutôt les rôles du compte.');
  end if;
  if v_inv.revoked_at is null then
    update public.invitations i set revoked_at = now() where i.id = v_id;
  end if;
end
$$;

-- profile.set_access {id, roles[], team_id?, structure_id?} — roles and scope of someone
-- else's account (nobody changes their own). An empty role list is refused: to remove
-- every professional access, keep "allocataire" or the role the person still holds.
create function public.m_profile_set_access(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_team uuid;
  v_structure uuid;
  v_roles text[];
begin
  perform sync_private.require_coordinator();
  perform sync_private.args_only(args, array['id', 'roles', 'team_id', 'structure_id']);
  v_id := sync_private.arg_uuid(args, 'id');
  if v_id = auth.uid() then
    perform sync_private.reject('forbidden', 'Personne ne peut modifier ses propres rôles : demandez à un autre coordinateur.');
  end if;
  v_team := sync_private.arg_uuid(args, 'team_id', false);
  v_structure := sync_private.arg_uuid(args, 'structure_id', false);
  v_roles := sync_private.arg_roles(args, v_team, v_structure);
  update public.profiles p
     set roles = v_roles,
         team_id = v_team,
         structure_id = v_structure
   where p.id = v_id and p.deleted_at is null;
  if not found then
    perform sync_private.reject('not_found', 'Ce compte est introuvable.');
  end if;
end
$$;

-- ---------------------------------------------------------------------------
-- 4. Booklet
-- ---------------------------------------------------------------------------

-- booklet_section.save {id, slug, locale, variant, title, body, position, source_revision?}
-- A new id starts the next revision of that section (a draft); a known id edits its draft
-- or text in review. Published text never changes: editing it means a new revision, and
-- one open draft per section at a time keeps the history linear.
create function public.m_booklet_section_save(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_slug text;
  v_locale text;
  v_variant text;
  v_source int;
  v_title text;
  v_body text;
  v_position int;
  v_row record;
begin
  perform sync_private.require_coordinator();
  perform sync_private.args_only(args, array['id', 'slug', 'locale', 'variant', 'title', 'body', 'position',
    'source_revision']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_slug := sync_private.arg_text(args, 'slug', true, 80);
  if v_slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' then
    perform sync_private.reject('validation',
      'L''identifiant de section s''écrit en minuscules, chiffres et tirets (ex. : changer-referent).', 'slug');
  end if;
  v_locale := sync_private.arg_enum(args, 'locale', array['fr', 'en', 'ar', 'es', 'pt', 'zh', 'ro', 'ru', 'uk', 'tr',
    'ta', 'bn', 'fa', 'ps', 'ti', 'so', 'wo', 'ff', 'bm', 'sw', 'ln', 'kab']);
  v_variant := sync_private.arg_enum(args, 'variant', array['easy', 'full']);
  v_title := sync_private.arg_text(args, 'title', true, 200);
  -- An empty body is allowed while drafting.
  v_body := coalesce(sync_private.arg_text(args, 'body', false, 20000, true), '');
  v_position := sync_private.arg_int(args, 'position', 0, 10000);
  v_source := sync_private.arg_int(args, 'source_revision', 1, 1000000, false);
  if v_locale = 'fr' then
    v_source := null;  -- French is the source, it follows nothing
  elsif v_source is not null and not exists (
    select 1 from public.booklet_sections s
     where s.slug = v_slug and s.locale = 'fr' and s.variant = v_variant and s.revision = v_source) then
    perform sync_private.reject('validation', 'La version française indiquée n''existe pas.', 'source_revision');
  end if;

  select s.slug, s.locale, s.variant, s.status, s.deleted_at into v_row from public.booklet_sections s where s.id = v_id;
  if found then
    if (v_row.slug, v_row.locale, v_row.variant) is distinct from (v_slug, v_locale, v_variant) then
      perform sync_private.reject('validation', 'Une version ne change pas de section, de langue ni de variante.', 'slug');
    end if;
    if v_row.deleted_at is not null or v_row.status not in ('draft', 'in_review') then
      perform sync_private.reject('validation', 'Un texte publié ne se modifie pas : créez une nouvelle version.');
    end if;
    update public.booklet_sections s
       set title = v_title, body = v_body, position = v_position, source_revision = v_source
     where s.id = v_id;
    return;
  end if;

  if exists (select 1 from public.booklet_sections s
              where s.slug = v_slug and s.locale = v_locale and s.variant = v_variant
                and s.status in ('draft', 'in_review') and s.deleted_at is null) then
    perform sync_private.reject('conflict',
      'Une version de cette section est déjà en cours d''écriture : reprenez-la plutôt que d''en créer une autre.');
  end if;
  insert into public.booklet_sections (id, slug, locale, variant, title, body, position, revision, status,
                                       source_revision)
  values (v_id, v_slug, v_locale, v_variant, v_title, v_body, v_position,
          coalesce((select max(s.revision) from public.booklet_sections s
                     where s.slug = v_slug and s.locale = v_locale and s.variant = v_variant), 0) + 1,
          'draft', v_source);
end
$$;

-- booklet_section.set_status {id, status, open_consultation?}
--   draft -> in_review (optionally opening a document-review consultation of the groupe
--   ressource on this text), in_review -> draft (back to writing), draft|in_review ->
--   published (archives the revision it replaces), published -> archived (withdrawn).
create function public.m_booklet_section_set_status(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_status text;
  v_open boolean;
  v_row record;
  v_definition jsonb;
begin
  perform sync_private.require_coordinator();
  perform sync_private.args_only(args, array['id', 'status', 'open_consultation']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_status := sync_private.arg_enum(args, 'status', array['draft', 'in_review', 'published', 'archived']);
  v_open := coalesce(sync_private.arg_bool(args, 'open_consultation', false), false);
  select s.* into v_row from public.booklet_sections s where s.id = v_id and s.deleted_at is null;
  if not found then
    perform sync_private.reject('not_found', 'Cette version du livret est introuvable.');
  end if;
  if v_row.status = v_status then
    return;  -- already so (a replay from another device)
  end if;
  if not (v_row.status, v_status) in (('draft', 'in_review'), ('in_review', 'draft'), ('draft', 'published'),
                                      ('in_review', 'published'), ('published', 'archived')) then
    perform sync_private.reject('validation', format('Passage impossible de « %s » à « %s ».', v_row.status, v_status), 'status');
  end if;
  if v_status = 'published' and btrim(v_row.body) = '' then
    perform sync_private.reject('validation', 'Un texte vide ne se publie pas.', 'status');
  end if;
  if v_open and v_status <> 'in_review' then
    perform sync_private.reject('validation', 'Une relecture par le groupe ressource s''ouvre au passage en relecture.',
      'open_consultation');
  end if;
  if v_open then
    -- The consultation is about this revision (subject_id); the same checks as a
    -- consultation written by hand (consultation.upsert).
    v_definition := jsonb_build_object('questions', jsonb_build_array(
      jsonb_build_object('key', 'clarte', 'type', 'scale', 'label', 'Le texte est-il facile à comprendre ?'),
      jsonb_build_object('key', 'manque', 'type', 'text', 'label', 'Qu''est-ce qui manque ou n''est pas clair ?')));
    if sync_private.definition_error('document_review', v_definition, true) is not null then
      perform sync_private.reject('validation', sync_private.definition_error('document_review', v_definition, true));
    end if;
  end if;

  update public.booklet_sections s set status = v_status where s.id = v_id;

  if v_open then
    insert into public.consultations (kind, title, body, definition, subject_id, opens_at, closes_at, status,
                                      created_by)
    values ('document_review', left('Relecture du livret : ' || v_row.title, 200),
            'Lisez ce texte du livret d''accueil et dites-nous ce qui n''est pas clair ou ce qui manque.',
            v_definition,
            v_id, now(), now() + interval '21 days', 'open', auth.uid());
  end if;
end
$$;

-- Publishing changes what every allocataire reads: recorded in the audit log, whoever does it.
create function public.booklet_sections_audit() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and old.status = 'published' then
    return null;
  end if;
  perform public.audit('booklet.published', 'booklet_sections', new.id,
    jsonb_build_object('slug', new.slug, 'locale', new.locale, 'variant', new.variant, 'revision', new.revision));
  return null;
end
$$;

create trigger audit after insert or update of status on public.booklet_sections
  for each row when (new.status = 'published') execute function public.booklet_sections_audit();

-- ---------------------------------------------------------------------------
-- 5. Catalogue: whole-row upserts; "checked": someone verified the sheet today
-- ---------------------------------------------------------------------------

create function sync_private.arg_publication(args jsonb)
returns text
language sql
immutable
set search_path = ''
as $$ select sync_private.arg_enum(args, 'status', array['draft', 'published', 'archived']) $$;

-- structure.upsert {id, kind, name, summary?, address?, postcode?, arrondissement?, opening_hours?,
--                   phone?, email?, website?, accessibility?, status, checked?}
create function public.m_structure_upsert(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_checked boolean;
  v_postcode text;
begin
  perform sync_private.require_coordinator();
  perform sync_private.args_only(args, array['id', 'kind', 'name', 'summary', 'address', 'postcode', 'arrondissement',
    'opening_hours', 'phone', 'email', 'website', 'accessibility', 'status', 'checked']);
  v_checked := coalesce(sync_private.arg_bool(args, 'checked', false), false);
  v_postcode := sync_private.arg_text(args, 'postcode', false, 5);
  if v_postcode is not null and v_postcode !~ '^75[0-9]{3}$' then
    perform sync_private.reject('validation', 'Le code postal doit être un code parisien (75xxx).', 'postcode');
  end if;
  insert into public.structures as s (id, kind, name, summary, address, postcode, arrondissement, opening_hours,
                                      phone, email, website, accessibility, status, last_checked_at)
  values (
    sync_private.arg_uuid(args, 'id'),
    sync_private.arg_enum(args, 'kind', array['EI', 'CAPI', 'SSDP', 'PSA', 'MDEE', 'PLIE', 'MISSION_LOCALE', 'E2C',
      'POLE_EMPLOI', 'ASSOCIATION']),
    sync_private.arg_text(args, 'name', true, 160),
    sync_private.arg_text(args, 'summary', false, 1000, true),
    sync_private.arg_text(args, 'address', false, 200),
    v_postcode,
    sync_private.arg_int(args, 'arrondissement', 1, 20, false),
    sync_private.arg_opening_hours(args, 'opening_hours'),
    sync_private.arg_phone(args, 'phone'),
    sync_private.arg_email(args, 'email'),
    sync_private.arg_url(args, 'website'),
    sync_private.arg_text(args, 'accessibility', false, 500, true),
    sync_private.arg_publication(args),
    case when v_checked then now() end)
  on conflict (id) do update set
    kind = excluded.kind, name = excluded.name, summary = excluded.summary, address = excluded.address,
    postcode = excluded.postcode, arrondissement = excluded.arrondissement, opening_hours = excluded.opening_hours,
    phone = excluded.phone, email = excluded.email, website = excluded.website,
    accessibility = excluded.accessibility, status = excluded.status,
    last_checked_at = case when v_checked then now() else s.last_checked_at end,
    deleted_at = null;
end
$$;

-- prestation.upsert {id, registre, title, summary, publics[], eligibility?, how_to_access?,
--   access_mode, operator?, structure_id?, duration?, cost?, locale?, arrondissements[]?,
--   source_ref?, status, checked?}
create function public.m_prestation_upsert(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_checked boolean;
  v_structure uuid;
  v_publics text[];
begin
  perform sync_private.require_coordinator();
  perform sync_private.args_only(args, array['id', 'registre', 'title', 'summary', 'publics', 'eligibility',
    'how_to_access', 'access_mode', 'operator', 'structure_id', 'duration', 'cost', 'locale', 'arrondissements',
    'source_ref', 'status', 'checked']);
  v_checked := coalesce(sync_private.arg_bool(args, 'checked', false), false);
  v_structure := sync_private.arg_uuid(args, 'structure_id', false);
  if v_structure is not null and not exists (select 1 from public.structures s where s.id = v_structure) then
    perform sync_private.reject('validation', 'Cette structure est introuvable.', 'structure_id');
  end if;
  v_publics := sync_private.arg_text_array(args, 'publics', array['jeunes', 'seniors', 'artistes', 'createurs',
    'parents_isoles', 'sans_domicile', 'rsa', 'femmes', 'tous'], 9, 40);
  if cardinality(v_publics) = 0 then
    perform sync_private.reject('validation', 'Choisissez au moins un public.', 'publics');
  end if;
  insert into public.prestations as p (id, registre, title, summary, publics, eligibility, how_to_access, access_mode,
                                       operator, structure_id, duration, cost, locale, arrondissements, source_ref,
                                       status, last_checked_at)
  values (
    sync_private.arg_uuid(args, 'id'),
    sync_private.arg_enum(args, 'registre', array['formation', 'projet_professionnel', 'emploi_durable', 'ess',
      'intermediation', 'creation_activite']),
    sync_private.arg_text(args, 'title', true, 160),
    coalesce(sync_private.arg_text(args, 'summary', false, 1000, true), ''),
    v_publics,
    sync_private.arg_text(args, 'eligibility', false, 1000, true),
    sync_private.arg_text(args, 'how_to_access', false, 1000, true),
    sync_private.arg_enum(args, 'access_mode', array['referent', 'direct']),
    sync_private.arg_text(args, 'operator', false, 160),
    v_structure,
    sync_private.arg_text(args, 'duration', false, 120),
    sync_private.arg_text(args, 'cost', false, 120),
    coalesce(sync_private.arg_enum(args, 'locale', array['fr', 'en', 'ar', 'es', 'pt', 'zh', 'ro', 'ru', 'uk', 'tr',
      'ta', 'bn', 'fa', 'ps', 'ti', 'so', 'wo', 'ff', 'bm', 'sw', 'ln', 'kab'], false), 'fr'),
    sync_private.arg_int_array(args, 'arrondissements', 1, 20, 20),
    sync_private.arg_text(args, 'source_ref', false, 120),
    sync_private.arg_publication(args),
    case when v_checked then now() end)
  on conflict (id) do update set
    registre = excluded.registre, title = excluded.title, summary = excluded.summary, publics = excluded.publics,
    eligibility = excluded.eligibility, how_to_access = excluded.how_to_access, access_mode = excluded.access_mode,
    operator = excluded.operator, structure_id = excluded.structure_id, duration = excluded.duration,
    cost = excluded.cost, locale = excluded.locale, arrondissements = excluded.arrondissements,
    source_ref = excluded.source_ref, status = excluded.status,
    last_checked_at = case when v_checked then now() else p.last_checked_at end,
    deleted_at = null;
end
$$;

-- event.upsert {id, kind, title, description?, starts_at, ends_at?, structure_id?, place?,
--   address?, arrondissement?, seats?, registration?, registration_url?, publics[]?, locale?,
--   status, checked?}
create function public.m_event_upsert(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_checked boolean;
  v_starts timestamptz;
  v_ends timestamptz;
  v_structure uuid;
  v_publics text[];
begin
  perform sync_private.require_coordinator();
  perform sync_private.args_only(args, array['id', 'kind', 'title', 'description', 'starts_at', 'ends_at',
    'structure_id', 'place', 'address', 'arrondissement', 'seats', 'registration', 'registration_url', 'publics',
    'locale', 'status', 'checked']);
  v_checked := coalesce(sync_private.arg_bool(args, 'checked', false), false);
  v_starts := sync_private.arg_timestamptz(args, 'starts_at');
  v_ends := sync_private.arg_timestamptz(args, 'ends_at', false);
  if v_ends is not null and v_ends < v_starts then
    perform sync_private.reject('validation', 'L''événement finit avant de commencer.', 'ends_at');
  end if;
  v_structure := sync_private.arg_uuid(args, 'structure_id', false);
  if v_structure is not null and not exists (select 1 from public.structures s where s.id = v_structure) then
    perform sync_private.reject('validation', 'Cette structure est introuvable.', 'structure_id');
  end if;
  v_publics := coalesce(sync_private.arg_text_array(args, 'publics', array['jeunes', 'seniors', 'artistes',
    'createurs', 'parents_isoles', 'sans_domicile', 'rsa', 'femmes', 'tous'], 9, 40, false), '{tous}');
  if cardinality(v_publics) = 0 then
    v_publics := '{tous}';
  end if;
  insert into public.events as e (id, kind, title, description, starts_at, ends_at, structure_id, place, address,
                                  arrondissement, seats, registration, registration_url, publics, locale, status,
                                  last_checked_at)
  values (
    sync_private.arg_uuid(args, 'id'),
    sync_private.arg_enum(args, 'kind', array['forum', 'information_collective', 'pre_recrutement', 'atelier']),
    sync_private.arg_text(args, 'title', true, 160),
    sync_private.arg_text(args, 'description', false, 2000, true),
    v_starts, v_ends, v_structure,
    sync_private.arg_text(args, 'place', false, 160),
    sync_private.arg_text(args, 'address', false, 200),
    sync_private.arg_int(args, 'arrondissement', 1, 20, false),
    sync_private.arg_int(args, 'seats', 0, 100000, false),
    sync_private.arg_text(args, 'registration', false, 500, true),
    sync_private.arg_url(args, 'registration_url'),
    v_publics,
    coalesce(sync_private.arg_enum(args, 'locale', array['fr', 'en', 'ar', 'es', 'pt', 'zh', 'ro', 'ru', 'uk', 'tr',
      'ta', 'bn', 'fa', 'ps', 'ti', 'so', 'wo', 'ff', 'bm', 'sw', 'ln', 'kab'], false), 'fr'),
    sync_private.arg_publication(args),
    case when v_checked then now() end)
  on conflict (id) do update set
    kind = excluded.kind, title = excluded.title, description = excluded.description,
    starts_at = excluded.starts_at, ends_at = excluded.ends_at, structure_id = excluded.structure_id,
    place = excluded.place, address = excluded.address, arrondissement = excluded.arrondissement,
    seats = excluded.seats, registration = excluded.registration, registration_url = excluded.registration_url,
    publics = excluded.publics, locale = excluded.locale, status = excluded.status,
    last_checked_at = case when v_checked then now() else e.last_checked_at end,
    deleted_at = null;
end
$$;

-- ---------------------------------------------------------------------------
-- 6. The audit log, for coordinators: who did what, when, to whom
-- ---------------------------------------------------------------------------

create function public.admin_audit_log(before timestamptz default null, lim int default 50,
                                       action_prefix text default null)
returns table (
  id uuid, at timestamptz, action text, actor_id uuid, actor_name text, target_table text, target_id uuid,
  target_name text, details jsonb
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  if not public.has_role('coordinator') then
    perform public.forbid('Le journal est réservé aux coordinateurs.');
  end if;
  return query
    select a.id, a.at, a.action, a.actor_id, actor.display_name,
           a.target_table, a.target_id,
           case a.target_table
             when 'profiles' then (select p.display_name from public.profiles p where p.id = a.target_id)
             when 'invitations' then (select coalesce(i.display_name, i.email, i.phone) from public.invitations i
                                       where i.id = a.target_id)
             when 'booklet_sections' then (select s.title from public.booklet_sections s where s.id = a.target_id)
           end,
           a.details
      from public.audit_log a
      left join public.profiles actor on actor.id = a.actor_id
     where a.deleted_at is null
       and (admin_audit_log.before is null or a.at < admin_audit_log.before)
       and (action_prefix is null or starts_with(a.action, action_prefix))
     order by a.at desc, a.id desc
     limit greatest(1, least(coalesce(lim, 50), 500));
end
$$;

-- ---------------------------------------------------------------------------
-- Registry and privileges
-- ---------------------------------------------------------------------------

insert into sync_private.mutation_handlers (name, handler, target_table, target_id_arg) values
  ('feedback.answer',            'public.m_feedback_answer',            'public.feedback',         'id'),
  ('feedback.assign',            'public.m_feedback_assign',            'public.feedback',         'id'),
  ('feedback.set_status',        'public.m_feedback_set_status',        'public.feedback',         'id'),
  ('invitation.create',          'public.m_invitation_create',          'public.invitations',      'id'),
  ('invitation.revoke',          'public.m_invitation_revoke',          'public.invitations',      'id'),
  ('profile.set_access',         'public.m_profile_set_access',         'public.profiles',         'id'),
  ('booklet_section.save',       'public.m_booklet_section_save',       'public.booklet_sections', 'id'),
  ('booklet_section.set_status', 'public.m_booklet_section_set_status', 'public.booklet_sections', 'id'),
  ('structure.upsert',           'public.m_structure_upsert',           'public.structures',       'id'),
  ('prestation.upsert',          'public.m_prestation_upsert',          'public.prestations',      'id'),
  ('event.upsert',               'public.m_event_upsert',               'public.events',           'id');

revoke all on function
  public.m_feedback_answer(jsonb, bigint), public.m_feedback_assign(jsonb, bigint),
  public.m_feedback_set_status(jsonb, bigint),
  public.m_invitation_create(jsonb, bigint), public.m_invitation_revoke(jsonb, bigint),
  public.m_profile_set_access(jsonb, bigint), public.m_booklet_section_save(jsonb, bigint),
  public.m_booklet_section_set_status(jsonb, bigint), public.m_structure_upsert(jsonb, bigint),
  public.m_prestation_upsert(jsonb, bigint), public.m_event_upsert(jsonb, bigint),
  public.admin_audit_log(timestamptz, int, text)
  from public, anon;
grant execute on function
  public.m_feedback_answer(jsonb, bigint), public.m_feedback_assign(jsonb, bigint),
  public.m_feedback_set_status(jsonb, bigint),
  public.m_invitation_create(jsonb, bigint), public.m_invitation_revoke(jsonb, bigint),
  public.m_profile_set_access(jsonb, bigint), public.m_booklet_section_save(jsonb, bigint),
  public.m_booklet_section_set_status(jsonb, bigint), public.m_structure_upsert(jsonb, bigint),
  public.m_prestation_upsert(jsonb, bigint), public.m_event_upsert(jsonb, bigint),
  public.admin_audit_log(timestamptz, int, text)
  to authenticated, service_role;

revoke all on function public.booklet_sections_audit() from public, anon, authenticated;

revoke all on function
  sync_private.require_coordinator(), sync_private.arg_roles(jsonb, uuid, uuid),
  sync_private.arg_int_array(jsonb, text, int, int, int), sync_private.arg_opening_hours(jsonb, text),
  sync_private.arg_url(jsonb, text), sync_private.open_feedback(uuid), sync_private.arg_publication(jsonb)
  from public;
grant execute on function
  sync_private.require_coordinator(), sync_private.arg_roles(jsonb, uuid, uuid),
  sync_private.arg_int_array(jsonb, text, int, int, int), sync_private.arg_opening_hours(jsonb, text),
  sync_private.arg_url(jsonb, text), sync_private.open_feedback(uuid), sync_private.arg_publication(jsonb)
  to authenticated, service_role;

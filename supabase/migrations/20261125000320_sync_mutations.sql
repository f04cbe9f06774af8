-- Sync mutations v1 (docs/sync-protocol.md, "Mutation names").
--
-- One SECURITY INVOKER function per mutation, m_<name>(args jsonb, base_version bigint):
-- it validates args explicitly, then writes under the caller's row-level security and the
-- schema's guards. It rejects by raising (sync_private.reject or the schema's own
-- forbid/invalid); sync_push turns that into {reason, message}. sync_push alone handles
-- idempotency and base_version conflicts, so a handler only says what the write is.
-- Adding a mutation = one function + one row in sync_private.mutation_handlers.
--
-- Upserts replace every editable field with what the device sent (last write wins per
-- row); absent optional fields take their default.

------------------------------------------------------------------------------
-- Validation helpers specific to these mutations
------------------------------------------------------------------------------

-- Preferred slots for a reschedule request: up to 10 items, each a short free text or
-- {"from": timestamptz, "to"?: timestamptz}.
create function sync_private.arg_slots(args jsonb, key text)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  item jsonb;
  bad boolean;
begin
  if not sync_private.arg_present(args, key) then
    return null;
  end if;
  if jsonb_typeof(args -> key) <> 'array' or jsonb_array_length(args -> key) > 10 then
    perform sync_private.reject('validation', 'Les créneaux proposés doivent être une liste de 10 au plus.', key);
  end if;
  for item in select e from jsonb_array_elements(args -> key) e loop
    if jsonb_typeof(item) = 'string' then
      bad := length(item #>> '{}') not between 1 and 200 or (item #>> '{}') ~ '[\x01-\x1f\x7f]';
    elsif jsonb_typeof(item) = 'object' then
      bad := (item - array['from', 'to']) <> '{}'::jsonb;
      if not bad then
        bad := sync_private.arg_timestamptz(item, 'from') >= coalesce(sync_private.arg_timestamptz(item, 'to', false), 'infinity');
      end if;
    else
      bad := true;
    end if;
    if bad then
      perform sync_private.reject('validation', 'Un créneau proposé est invalide.', key);
    end if;
  end loop;
  return args -> key;
end
$$;

-- Evaluation answers: {"pertinence": 4, "comment": "…", "choices": ["a", "b"]} — flat,
-- scalar or list-of-scalar values, bounded.
create function sync_private.arg_answers(args jsonb, key text)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  answers jsonb := sync_private.arg_object(args, key, true, 16000);
begin
  if (select count(*) from jsonb_object_keys(answers)) > 60
     or exists (
       select 1 from jsonb_each(answers) a
       where length(a.key) not between 1 and 60
          or a.key ~ '[\x01-\x1f\x7f]'
          or jsonb_typeof(a.value) = 'object'
          or (jsonb_typeof(a.value) = 'string' and length(a.value #>> '{}') > 4000)
          or (jsonb_typeof(a.value) = 'array' and (
                jsonb_array_length(a.value) > 50
                or exists (select 1 from jsonb_array_elements(a.value) v
                           where jsonb_typeof(v) in ('object', 'array')
                              or (jsonb_typeof(v) = 'string' and length(v #>> '{}') > 200))))) then
    perform sync_private.reject('validation', 'Les réponses sont mal formées.', key);
  end if;
  return answers;
end
$$;

create function sync_private.arg_phone(args jsonb, key text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v text := sync_private.arg_text(args, key, false, 20);
begin
  if v is not null and v !~ '^\+?[0-9 .-]{6,20}$' then
    perform sync_private.reject('validation', 'Le numéro de téléphone est invalide.', key);
  end if;
  return v;
end
$$;

create function sync_private.arg_email(args jsonb, key text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v text := sync_private.arg_text(args, key, false, 254);
begin
  if v is not null and v !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' then
    perform sync_private.reject('validation', 'L''adresse e-mail est invalide.', key);
  end if;
  return v;
end
$$;

------------------------------------------------------------------------------
-- feedback.create {id, kind, subject_id?, body, rating?, share_with_groupe, contact_back,
--                  quote?, expected?, obtained?, changed?}
------------------------------------------------------------------------------
create function public.m_feedback_create(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_kind text;
  v_share boolean;
  v_expected text;
  v_obtained text;
  v_changed text;
begin
  perform sync_private.args_only(args, array['id', 'kind', 'subject_id', 'body', 'rating',
    'share_with_groupe', 'contact_back', 'quote', 'expected', 'obtained', 'changed']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_kind := sync_private.arg_enum(args, 'kind', array['prestation', 'appointment', 'document', 'booklet',
    'other', 'change_referent', 'fiche_liaison']);
  v_share := sync_private.arg_bool(args, 'share_with_groupe');
  v_expected := sync_private.arg_text(args, 'expected', false, 2000, true);
  v_obtained := sync_private.arg_text(args, 'obtained', false, 2000, true);
  v_changed := sync_private.arg_text(args, 'changed', false, 2000, true);
  if v_kind = 'change_referent' and v_share then
    perform sync_private.reject('validation',
      'Une demande de changement de référent reste personnelle : elle n''est pas partagée avec le groupe.',
      'share_with_groupe');
  end if;
  if v_kind <> 'fiche_liaison' and coalesce(v_expected, v_obtained, v_changed) is not null then
    perform sync_private.reject('validation', 'Ces champs ne concernent que la fiche de liaison.', 'expected');
  end if;
  if exists (select 1 from public.feedback f where f.id = v_id) then
    perform sync_private.reject('conflict', 'Cet avis existe déjà.');
  end if;
  insert into public.feedback (id, author_id, kind, subject_id, body, quote, rating, share_with_groupe,
                               contact_back, expected, obtained, changed)
  values (v_id, auth.uid(), v_kind,
          sync_private.arg_uuid(args, 'subject_id', false),
          sync_private.arg_text(args, 'body', true, 4000, true),
          sync_private.arg_text(args, 'quote', false, 300, true),
          sync_private.arg_int(args, 'rating', 1, 5, false),
          v_share,
          sync_private.arg_bool(args, 'contact_back'),
          v_expected, v_obtained, v_changed);
end
$$;

------------------------------------------------------------------------------
-- feedback.delete {id} — soft delete by the author (the guard wipes the words).
------------------------------------------------------------------------------
create function public.m_feedback_delete(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
begin
  perform sync_private.args_only(args, array['id']);
  v_id := sync_private.arg_uuid(args, 'id');
  update public.feedback f set deleted_at = now() where f.id = v_id and f.deleted_at is null;
  if not found and not exists (select 1 from public.feedback f where f.id = v_id) then
    perform sync_private.reject('not_found', 'Cet avis est introuvable.');
  end if;
  -- Found but already deleted: the state asked for already holds.
end
$$;

------------------------------------------------------------------------------
-- appointment.respond {id, response: confirmed|cannot_come|reschedule, reason?, preferred_slots?}
------------------------------------------------------------------------------
create function public.m_appointment_respond(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_response text;
  v_reason text;
  v_slots jsonb;
  v_owner uuid;
begin
  perform sync_private.args_only(args, array['id', 'response', 'reason', 'preferred_slots']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_response := sync_private.arg_enum(args, 'response', array['confirmed', 'cannot_come', 'reschedule']);
  v_reason := sync_private.arg_text(args, 'reason', false, 500, true);
  v_slots := sync_private.arg_slots(args, 'preferred_slots');
  if v_slots is not null and v_response <> 'reschedule' then
    perform sync_private.reject('validation', 'Des créneaux ne se proposent que pour déplacer un rendez-vous.',
      'preferred_slots');
  end if;
  select a.allocataire_id into v_owner from public.appointments a where a.id = v_id and a.deleted_at is null;
  if not found then
    perform sync_private.reject('not_found', 'Ce rendez-vous est introuvable.');
  end if;
  if v_owner is distinct from auth.uid() then
    perform sync_private.reject('forbidden', 'Seule la personne convoquée peut répondre à ce rendez-vous.');
  end if;
  update public.appointments a
     set response = v_response,
         response_reason = v_reason,
         preferred_slots = v_slots,
         responded_at = now(),
         status = case v_response when 'confirmed' then 'confirmed'
                                  when 'cannot_come' then 'cancel_requested'
                                  else 'reschedule_requested' end
   where a.id = v_id;
end
$$;

------------------------------------------------------------------------------
-- appointment.upsert {id, allocataire_id, kind, starts_at, structure_id?, referent_id?,
--   duration_min?, title?, event_id?, mode?, location?, documents_to_bring?, note?}
-- Moving starts_at clears the allocataire's previous answer.
------------------------------------------------------------------------------
create function public.m_appointment_upsert(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_allocataire uuid;
  v_referent uuid;
  v_starts timestamptz;
  n int;
begin
  perform sync_private.args_only(args, array['id', 'allocataire_id', 'structure_id', 'referent_id', 'kind',
    'title', 'event_id', 'starts_at', 'duration_min', 'mode', 'location', 'documents_to_bring', 'note']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_allocataire := sync_private.arg_uuid(args, 'allocataire_id');
  v_referent := sync_private.arg_uuid(args, 'referent_id', false);
  v_starts := sync_private.arg_timestamptz(args, 'starts_at');
  insert into public.appointments as a
    (id, allocataire_id, referent_id, structure_id, kind, title, event_id, starts_at, duration_min,
     mode, location, documents_to_bring, note)
  values (
    v_id, v_allocataire, coalesce(v_referent, auth.uid()),
    sync_private.arg_uuid(args, 'structure_id', false),
    sync_private.arg_enum(args, 'kind', array['first_reception', 'diagnostic', 'follow_up', 'bilan_sante',
      'mdee_session', 'pre_recrutement', 'forum_preparation', 'information_collective']),
    sync_private.arg_text(args, 'title', false, 160),
    sync_private.arg_uuid(args, 'event_id', false),
    v_starts,
    coalesce(sync_private.arg_int(args, 'duration_min', 5, 600, false), 45),
    coalesce(sync_private.arg_enum(args, 'mode', array['in_person', 'phone', 'video'], false), 'in_person'),
    sync_private.arg_text(args, 'location', false, 300, true),
    coalesce(sync_private.arg_text_array(args, 'documents_to_bring', null, 20, 200, false), '{}'),
    sync_private.arg_text(args, 'note', false, 1000, true))
  on conflict (id) do update set
    referent_id = coalesce(v_referent, a.referent_id),
    structure_id = excluded.structure_id,
    kind = excluded.kind,
    title = excluded.title,
    event_id = excluded.event_id,
    starts_at = excluded.starts_at,
    duration_min = excluded.duration_min,
    mode = excluded.mode,
    location = excluded.location,
    documents_to_bring = excluded.documents_to_bring,
    note = excluded.note,
    response = case when a.starts_at = excluded.starts_at then a.response end,
    response_reason = case when a.starts_at = excluded.starts_at then a.response_reason end,
    preferred_slots = case when a.starts_at = excluded.starts_at then a.preferred_slots end,
    responded_at = case when a.starts_at = excluded.starts_at then a.responded_at end,
    status = case when a.starts_at <> excluded.starts_at
                   and a.status in ('confirmed', 'cancel_requested', 'reschedule_requested')
                  then 'scheduled' else a.status end
  where a.allocataire_id = excluded.allocataire_id;
  get diagnostics n = row_count;
  if n = 0 then
    perform sync_private.reject('validation', 'Un rendez-vous ne change pas de personne convoquée.',
      'allocataire_id');
  end if;
end
$$;

------------------------------------------------------------------------------
-- appointment.set_status {id, status} — by staff, not by the allocataire.
------------------------------------------------------------------------------
create function public.m_appointment_set_status(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_status text;
  v_owner uuid;
begin
  perform sync_private.args_only(args, array['id', 'status']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_status := sync_private.arg_enum(args, 'status',
    array['scheduled', 'confirmed', 'cancelled', 'attended', 'missed', 'excused']);
  select a.allocataire_id into v_owner from public.appointments a where a.id = v_id and a.deleted_at is null;
  if not found then
    perform sync_private.reject('not_found', 'Ce rendez-vous est introuvable.');
  end if;
  if v_owner = auth.uid() then
    perform sync_private.reject('forbidden', 'Seul le référent change le statut d''un rendez-vous.');
  end if;
  update public.appointments a set status = v_status where a.id = v_id;
  if not found then
    perform sync_private.reject('forbidden', 'Vous ne pouvez pas modifier ce rendez-vous.');
  end if;
end
$$;

------------------------------------------------------------------------------
-- offer.respond {id, interest: interested|not_interested}
------------------------------------------------------------------------------
create function public.m_offer_respond(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_interest text;
  v_owner uuid;
begin
  perform sync_private.args_only(args, array['id', 'interest']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_interest := sync_private.arg_enum(args, 'interest', array['interested', 'not_interested']);
  select o.allocataire_id into v_owner from public.prestation_offers o where o.id = v_id and o.deleted_at is null;
  if not found then
    perform sync_private.reject('not_found', 'Cette proposition est introuvable.');
  end if;
  if v_owner is distinct from auth.uid() then
    perform sync_private.reject('forbidden', 'Seule la personne concernée peut répondre à cette proposition.');
  end if;
  update public.prestation_offers o set status = v_interest, responded_at = now() where o.id = v_id;
end
$$;

------------------------------------------------------------------------------
-- contact.upsert {id, team_id, quartier, met_at, met_how, age_band?, needs?, rsa?, under_26?,
--   over_50?, single_parent?, consent?, consent_version?, consent_at?, first_name_or_alias?,
--   phone?, email?, note?, follow_up_at?, oriented_structure_id?, orientation_reason?, status?}
------------------------------------------------------------------------------
create function public.m_contact_upsert(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_met_at timestamptz;
  v_consent boolean;
  v_consent_version text;
  v_consent_at timestamptz;
  v_name text;
  v_phone text;
  v_email text;
  v_under_26 boolean;
  v_over_50 boolean;
begin
  perform sync_private.args_only(args, array['id', 'team_id', 'quartier', 'met_at', 'met_how', 'age_band',
    'needs', 'rsa', 'under_26', 'over_50', 'single_parent', 'consent', 'consent_version', 'consent_at',
    'first_name_or_alias', 'phone', 'email', 'note', 'follow_up_at', 'oriented_structure_id',
    'orientation_reason', 'status']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_met_at := sync_private.arg_timestamptz(args, 'met_at');
  if v_met_at > now() + interval '1 day' then
    perform sync_private.reject('validation', 'La date de rencontre est dans le futur.', 'met_at');
  end if;
  v_consent := coalesce(sync_private.arg_bool(args, 'consent', false), false);
  v_consent_version := sync_private.arg_text(args, 'consent_version', false, 40);
  v_consent_at := sync_private.arg_timestamptz(args, 'consent_at', false);
  v_name := sync_private.arg_text(args, 'first_name_or_alias', false, 60);
  v_phone := sync_private.arg_phone(args, 'phone');
  v_email := sync_private.arg_email(args, 'email');
  v_under_26 := coalesce(sync_private.arg_bool(args, 'under_26', false), false);
  v_over_50 := coalesce(sync_private.arg_bool(args, 'over_50', false), false);
  if v_consent and v_consent_version is null then
    perform sync_private.reject('validation', 'La version du texte de consentement est obligatoire.',
      'consent_version');
  end if;
  if not v_consent and coalesce(v_name, v_phone, v_email) is not null then
    perform sync_private.reject('validation',
      'Sans consentement, aucun nom ni coordonnée ne peut être enregistré.', 'consent');
  end if;
  if v_under_26 and v_over_50 then
    perform sync_private.reject('validation', 'Une personne ne peut pas avoir moins de 26 ans et plus de 50 ans.',
      'over_50');
  end if;
  insert into public.outreach_contacts as c
    (id, team_id, quartier, met_at, met_how, age_band, needs, rsa, under_26, over_50, single_parent,
     consent, consent_version, consent_at, first_name_or_alias, phone, email, note, follow_up_at,
     oriented_structure_id, orientation_reason, status)
  values (
    v_id,
    sync_private.arg_uuid(args, 'team_id'),
    sync_private.arg_text(args, 'quartier', true, 80),
    v_met_at,
    sync_private.arg_enum(args, 'met_how', array['street', 'market', 'association', 'event', 'partner']),
    coalesce(sync_private.arg_enum(args, 'age_band',
      array['16_17', '18_25', '26_34', '35_49', '50_64', '65_plus', 'unknown'], false), 'unknown'),
    coalesce(sync_private.arg_text_array(args, 'needs', array['emploi', 'formation', 'francais', 'numerique',
      'droits', 'logement', 'garde_enfants', 'mobilite', 'creation_activite', 'budget', 'autre'], 11, 40, false), '{}'),
    coalesce(sync_private.arg_enum(args, 'rsa', array['yes', 'no', 'unknown'], false), 'unknown'),
    v_under_26,
    v_over_50,
    coalesce(sync_private.arg_bool(args, 'single_parent', false), false),
    v_consent,
    case when v_consent then v_consent_version end,
    case when v_consent then coalesce(v_consent_at, now()) end,
    v_name, v_phone, v_email,
    sync_private.arg_text(args, 'note', false, 500, true),
    sync_private.arg_date(args, 'follow_up_at', false),
    sync_private.arg_uuid(args, 'oriented_structure_id', false),
    sync_private.arg_text(args, 'orientation_reason', false, 300, true),
    coalesce(sync_private.arg_enum(args, 'status',
      array['new', 'follow_up', 'oriented', 'in_parcours', 'closed'], false), 'new'))
  on conflict (id) do update set
    team_id = excluded.team_id,  -- a change is refused by the guard, never ignored
    quartier = excluded.quartier,
    met_at = excluded.met_at,
    met_how = excluded.met_how,
    age_band = excluded.age_band,
    needs = excluded.needs,
    rsa = excluded.rsa,
    under_26 = excluded.under_26,
    over_50 = excluded.over_50,
    single_parent = excluded.single_parent,
    consent = excluded.consent,
    consent_version = excluded.consent_version,
    consent_at = case when excluded.consent then coalesce(v_consent_at, c.consent_at, now()) end,
    first_name_or_alias = excluded.first_name_or_alias,
    phone = excluded.phone,
    email = excluded.email,
    note = excluded.note,
    follow_up_at = excluded.follow_up_at,
    oriented_structure_id = excluded.oriented_structure_id,
    orientation_reason = excluded.orientation_reason,
    status = excluded.status;
end
$$;

------------------------------------------------------------------------------
-- evaluation.upsert {id, consultation_id, answers, submitted}
------------------------------------------------------------------------------
create function public.m_evaluation_upsert(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_consultation uuid;
  v_answers jsonb;
  v_submitted boolean;
  n int;
begin
  perform sync_private.args_only(args, array['id', 'consultation_id', 'answers', 'submitted']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_consultation := sync_private.arg_uuid(args, 'consultation_id');
  v_answers := sync_private.arg_answers(args, 'answers');
  v_submitted := sync_private.arg_bool(args, 'submitted');
  if not exists (select 1 from public.consultations c where c.id = v_consultation and c.deleted_at is null) then
    perform sync_private.reject('not_found', 'Cette consultation est introuvable.');
  end if;
  if not public.consultation_accepts_answers(v_consultation) then
    perform sync_private.reject('forbidden', 'Cette consultation n''accepte pas de réponses en ce moment.');
  end if;
  if exists (select 1 from public.evaluations e
             where e.consultation_id = v_consultation and e.author_id = auth.uid() and e.id <> v_id) then
    perform sync_private.reject('conflict', 'Vous avez déjà répondu à cette consultation.');
  end if;
  insert into public.evaluations as e (id, consultation_id, author_id, answers, submitted_at)
  values (v_id, v_consultation, auth.uid(), v_answers, case when v_submitted then now() end)
  on conflict (id) do update set
    answers = excluded.answers,
    submitted_at = case when v_submitted then coalesce(e.submitted_at, now()) end
  where e.consultation_id = excluded.consultation_id;
  get diagnostics n = row_count;
  if n = 0 then
    perform sync_private.reject('validation', 'Une évaluation ne change pas de consultation.', 'consultation_id');
  end if;
end
$$;

------------------------------------------------------------------------------
-- profile.update {display_name?, preferred_locale?, reminder_sms?, reminder_email?}
-- Only the keys present change; display_name null or "" clears it.
------------------------------------------------------------------------------
create function public.m_profile_update(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_name text;
  v_locale text;
  v_sms boolean;
  v_email boolean;
begin
  perform sync_private.args_only(args, array['display_name', 'preferred_locale', 'reminder_sms', 'reminder_email']);
  v_name := sync_private.arg_text(args, 'display_name', false, 120);
  v_locale := sync_private.arg_enum(args, 'preferred_locale', array['fr', 'en', 'ar', 'es', 'pt', 'zh', 'ro',
    'ru', 'uk', 'tr', 'ta', 'bn', 'fa', 'ps', 'ti', 'so', 'wo', 'ff', 'bm', 'sw', 'ln', 'kab'], false);
  v_sms := sync_private.arg_bool(args, 'reminder_sms', false);
  v_email := sync_private.arg_bool(args, 'reminder_email', false);
  update public.profiles p set
    display_name = case when args ? 'display_name' then v_name else p.display_name end,
    preferred_locale = coalesce(v_locale, p.preferred_locale),
    reminder_sms = coalesce(v_sms, p.reminder_sms),
    reminder_email = coalesce(v_email, p.reminder_email)
  where p.id = auth.uid() and p.deleted_at is null;
  if not found then
    perform sync_private.reject('not_found', 'Votre profil est introuvable.');
  end if;
end
$$;

------------------------------------------------------------------------------
-- Registry and privileges
------------------------------------------------------------------------------
insert into sync_private.mutation_handlers (name, handler, target_table, target_id_arg) values
  ('feedback.create',        'public.m_feedback_create',        'public.feedback',          'id'),
  ('feedback.delete',        'public.m_feedback_delete',        'public.feedback',          'id'),
  ('appointment.respond',    'public.m_appointment_respond',    'public.appointments',      'id'),
  ('appointment.upsert',     'public.m_appointment_upsert',     'public.appointments',      'id'),
  ('appointment.set_status', 'public.m_appointment_set_status', 'public.appointments',      'id'),
  ('offer.respond',          'public.m_offer_respond',          'public.prestation_offers', 'id'),
  ('contact.upsert',         'public.m_contact_upsert',         'public.outreach_contacts', 'id'),
  ('evaluation.upsert',      'public.m_evaluation_upsert',      'public.evaluations',       'id'),
  ('profile.update',         'public.m_profile_update',         'public.profiles',          null);

-- sync_push is SECURITY INVOKER, so signed-in users need EXECUTE on the handlers; a direct
-- call runs the same checks under the same row-level security (only the log is skipped).
revoke all on function
  public.m_feedback_create(jsonb, bigint), public.m_feedback_delete(jsonb, bigint),
  public.m_appointment_respond(jsonb, bigint), public.m_appointment_upsert(jsonb, bigint),
  public.m_appointment_set_status(jsonb, bigint), public.m_offer_respond(jsonb, bigint),
  public.m_contact_upsert(jsonb, bigint), public.m_evaluation_upsert(jsonb, bigint),
  public.m_profile_update(jsonb, bigint)
  from public, anon;
grant execute on function
  public.m_feedback_create(jsonb, bigint), public.m_feedback_delete(jsonb, bigint),
  public.m_appointment_respond(jsonb, bigint), public.m_appointment_upsert(jsonb, bigint),
  public.m_appointment_set_status(jsonb, bigint), public.m_offer_respond(jsonb, bigint),
  public.m_contact_upsert(jsonb, bigint), public.m_evaluation_upsert(jsonb, bigint),
  public.m_profile_update(jsonb, bigint)
  to authenticated, service_role;

revoke all on function
  sync_private.arg_slots(jsonb, text), sync_private.arg_answers(jsonb, text),
  sync_private.arg_phone(jsonb, text), sync_private.arg_email(jsonb, text)
  from public;
grant execute on function
  sync_private.arg_slots(jsonb, text), sync_private.arg_answers(jsonb, text),
  sync_private.arg_phone(jsonb, text), sync_private.arg_email(jsonb, text)
  to authenticated, service_role;

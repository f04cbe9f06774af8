-- Repères: the groupe ressource workspace and the coordinators' consultations
-- (PDIE Actions 34 and 40).
--
-- 1. consultations: what came of it (outcome_section_id, outcome_at) and a guard on the
--    life cycle draft -> open <-> closed -> published.
-- 2. Definition checks: the questions a coordinator writes (mirrors src/domain/survey.ts).
-- 3. Sync mutations: consultation.upsert, consultation.set_status, consultation.publish
--    (coordinators), feedback.tag_themes (groupe ressource, coordinators), meeting.respond
--    (groupe ressource).
-- 4. Read functions: consultation_evaluations (coordinators; authors as pseudonyms) and
--    consultation_results (counts per question; the groupe once the outcome is published).
--
-- Evaluations stay personal: no policy here gives a member another member's answers, and
-- the read functions return neither author ids nor, for the groupe, anything before the
-- outcome is published.

-- ---------------------------------------------------------------------------
-- 1. What came of it
-- ---------------------------------------------------------------------------

alter table public.consultations
  -- The new version of what was consulted on (e.g. the booklet section's next revision).
  add column outcome_section_id uuid references public.booklet_sections (id) on delete set null,
  -- When the outcome was last published: "what came of it" lists newest first.
  add column outcome_at timestamptz;

create index consultations_outcome_section_id_idx on public.consultations (outcome_section_id);

-- Devices of the groupe hold every consultation that left draft: one never goes back to
-- draft (it would linger on those devices), and a published outcome is not withdrawn by
-- reopening. created_by and outcome_at are the server's, never the client's.
create function public.consultations_guard() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if not public.is_trusted_context() then
      new.created_by := auth.uid();
    end if;
    if new.status = 'published' then
      new.outcome_at := coalesce(new.outcome_at, now());
    end if;
    return new;
  end if;
  new.created_by := old.created_by;
  if old.status <> 'draft' and new.status = 'draft' then
    perform public.invalid('Une consultation ouverte ne redevient pas un brouillon.');
  end if;
  if old.status = 'published' and new.status in ('open', 'closed') then
    perform public.invalid('Le résultat est publié : la consultation ne peut plus être rouverte.');
  end if;
  if old.status <> 'draft' and new.kind <> old.kind then
    perform public.invalid('Le type d''une consultation ouverte ne change pas.');
  end if;
  if new.status = 'published'
     and (old.status <> 'published' or new.outcome is distinct from old.outcome
          or new.outcome_section_id is distinct from old.outcome_section_id) then
    new.outcome_at := now();
  end if;
  return new;
end
$$;

create trigger guard before insert or update on public.consultations
  for each row execute function public.consultations_guard();

revoke all on function public.consultations_guard() from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- 2. Definitions
--
-- {"questions": [{"key", "type": single|multiple|scale|text, "label", "options"?, "min"?,
--   "max"?, "required"?, "help"?}], "document"?: {"title"?, "text"}, "meeting"?:
--   {"starts_at", "ends_at"?, "place", "agenda"?: [text]}}
-- The six Action 40 criteria are scales from 1 to 4 whose wording is the app's (plain
-- language, translated): their label may be left out.
-- ---------------------------------------------------------------------------

create function sync_private.criteria() returns text[]
language sql immutable
set search_path = ''
as $$ select array['pertinence', 'coherence', 'effectivite', 'efficacite', 'efficience', 'impact'] $$;

-- The first problem of a definition, as a sentence for the coordinator; null when valid.
create function sync_private.definition_error(kind text, def jsonb, has_subject boolean)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  q jsonb;
  i int := 0;
  qkey text;
  qtype text;
  keys text[] := '{}';
  opts jsonb;
  lo numeric;
  hi numeric;
  doc jsonb;
  meeting jsonb;
begin
  if jsonb_typeof(def) is distinct from 'object' then
    return 'La définition doit être un objet.';
  end if;
  if (def - array['questions', 'document', 'meeting']) <> '{}'::jsonb then
    return 'La définition contient une rubrique inconnue.';
  end if;
  if def ? 'questions' then
    if jsonb_typeof(def -> 'questions') <> 'array' then
      return 'Les questions doivent être une liste.';
    end if;
    if jsonb_array_length(def -> 'questions') > 30 then
      return 'Une consultation compte 30 questions au plus.';
    end if;
    for q in select e from jsonb_array_elements(def -> 'questions') e loop
      i := i + 1;
      if jsonb_typeof(q) <> 'object'
         or (q - array['key', 'type', 'label', 'options', 'min', 'max', 'required', 'help']) <> '{}'::jsonb then
        return format('Question %s : elle est mal formée.', i);
      end if;
      qkey := q ->> 'key';
      qtype := q ->> 'type';
      if jsonb_typeof(q -> 'key') is distinct from 'string' or qkey !~ '^[a-z][a-z0-9_]{0,39}$' then
        return format('Question %s : l''identifiant doit être en minuscules, sans espace (40 caractères au plus).', i);
      end if;
      if qkey in ('comment', 'approve', 'attending', 'note') or qkey ~ '^passage_' or qkey ~ '_comment$' then
        return format('Question %s : l''identifiant « %s » est réservé.', i, qkey);
      end if;
      if qkey = any (keys) then
        return format('Question %s : l''identifiant « %s » est déjà utilisé.', i, qkey);
      end if;
      keys := keys || qkey;
      if qtype is null or qtype not in ('single', 'multiple', 'scale', 'text') then
        return format('Question %s : le type doit être choix unique, choix multiple, échelle ou texte libre.', i);
      end if;
      if q ? 'label' and (jsonb_typeof(q -> 'label') <> 'string' or length(btrim(q ->> 'label')) not between 1 and 300) then
        return format('Question %s : l''intitulé doit faire de 1 à 300 caractères.', i);
      end if;
      if not q ? 'label' and not (qtype = 'scale' and qkey = any (sync_private.criteria())) then
        return format('Question %s : l''intitulé est obligatoire.', i);
      end if;
      if q ? 'help' and (jsonb_typeof(q -> 'help') <> 'string' or length(q ->> 'help') > 500) then
        return format('Question %s : l''aide fait 500 caractères au plus.', i);
      end if;
      if q ? 'required' and jsonb_typeof(q -> 'required') <> 'boolean' then
        return format('Question %s : « obligatoire » vaut vrai ou faux.', i);
      end if;
      opts := q -> 'options';
      if qtype in ('single', 'multiple') then
        if jsonb_typeof(opts) is distinct from 'array' or jsonb_array_length(opts) not between 2 and 12 then
          return format('Question %s : proposez de 2 à 12 réponses.', i);
        end if;
        if exists (select 1 from jsonb_array_elements(opts) o
                    where jsonb_typeof(o) <> 'string' or length(btrim(o #>> '{}')) not between 1 and 100) then
          return format('Question %s : chaque réponse proposée fait de 1 à 100 caractères.', i);
        end if;
        if (select count(distinct lower(btrim(o))) from jsonb_array_elements_text(opts) o) <> jsonb_array_length(opts) then
          return format('Question %s : deux réponses proposées sont identiques.', i);
        end if;
      elsif opts is not null then
        return format('Question %s : seules les questions à choix ont des réponses proposées.', i);
      end if;
      if qtype = 'scale' then
        if (q ? 'min' and jsonb_typeof(q -> 'min') <> 'number') or (q ? 'max' and jsonb_typeof(q -> 'max') <> 'number') then
          return format('Question %s : les bornes de l''échelle sont des nombres.', i);
        end if;
        lo := coalesce((q ->> 'min')::numeric, 1);
        hi := coalesce((q ->> 'max')::numeric, 4);
        if lo <> trunc(lo) or hi <> trunc(hi) or lo < 0 or hi > 10 or lo >= hi then
          return format('Question %s : l''échelle va d''un entier à un entier plus grand, entre 0 et 10.', i);
        end if;
        if qkey = any (sync_private.criteria()) and (lo <> 1 or hi <> 4) then
          return format('Question %s : les critères d''évaluation se notent de 1 à 4.', i);
        end if;
      elsif q ? 'min' or q ? 'max' then
        return format('Question %s : seules les échelles ont des bornes.', i);
      end if;
    end loop;
  end if;

  doc := def -> 'document';
  if doc is not null then
    if jsonb_typeof(doc) <> 'object' or (doc - array['title', 'text']) <> '{}'::jsonb
       or jsonb_typeof(doc -> 'text') is distinct from 'string'
       or length(btrim(doc ->> 'text')) not between 1 and 20000
       or (doc ? 'title' and (jsonb_typeof(doc -> 'title') <> 'string' or length(doc ->> 'title') > 200)) then
      return 'Le document à relire doit avoir un texte (20 000 caractères au plus) et un titre court.';
    end if;
  end if;

  meeting := def -> 'meeting';
  if meeting is not null then
    if jsonb_typeof(meeting) <> 'object' or (meeting - array['starts_at', 'ends_at', 'place', 'agenda']) <> '{}'::jsonb then
      return 'La réunion est mal décrite.';
    end if;
    if sync_private.definition_instant(meeting ->> 'starts_at') is null then
      return 'La réunion doit avoir une date et une heure de début.';
    end if;
    if meeting ? 'ends_at' and (sync_private.definition_instant(meeting ->> 'ends_at') is null
                                or sync_private.definition_instant(meeting ->> 'ends_at')
                                   <= sync_private.definition_instant(meeting ->> 'starts_at')) then
      return 'La réunion finit après avoir commencé.';
    end if;
    if jsonb_typeof(meeting -> 'place') is distinct from 'string' or length(btrim(meeting ->> 'place')) not between 1 and 200 then
      return 'La réunion doit avoir un lieu (200 caractères au plus).';
    end if;
    if meeting ? 'agenda' and (jsonb_typeof(meeting -> 'agenda') <> 'array' or jsonb_array_length(meeting -> 'agenda') > 20
        or exists (select 1 from jsonb_array_elements(meeting -> 'agenda') a
                    where jsonb_typeof(a) <> 'string' or length(btrim(a #>> '{}')) not between 1 and 200)) then
      return 'L''ordre du jour compte 20 points au plus, de 200 caractères chacun.';
    end if;
  end if;

  case kind
    when 'document_review' then
      if doc is null and not has_subject then
        return 'Une relecture porte sur une section du livret ou sur un texte à coller.';
      end if;
    when 'prestation_evaluation' then
      if not (sync_private.criteria() <@ keys) then
        return 'Une évaluation de prestation comporte les six critères de l''Action 40.';
      end if;
    when 'survey' then
      if cardinality(keys) = 0 then
        return 'Un questionnaire compte au moins une question.';
      end if;
    when 'meeting' then
      if meeting is null then
        return 'Une réunion a une date, une heure et un lieu.';
      end if;
    else
      return 'Type de consultation inconnu.';
  end case;
  if kind <> 'meeting' and meeting is not null then
    return 'Seule une réunion a une date et un lieu.';
  end if;
  if kind <> 'document_review' and doc is not null then
    return 'Seule une relecture a un document à relire.';
  end if;
  return null;
end
$$;

-- ISO 8601 with an explicit offset, or null.
create function sync_private.definition_instant(value text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
begin
  if value is null or value !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$' then
    return null;
  end if;
  return value::timestamptz;
exception when others then
  return null;
end
$$;

-- ---------------------------------------------------------------------------
-- 3. Sync mutations
-- ---------------------------------------------------------------------------

------------------------------------------------------------------------------
-- consultation.upsert {id, kind, title, body?, definition, subject_id?, opens_at?, closes_at?}
-- A new consultation is a draft; set_status opens it. Once members have answered, the
-- questions are frozen (their answers would no longer match); a closed or published
-- consultation is not edited.
------------------------------------------------------------------------------
create function public.m_consultation_upsert(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_kind text;
  v_definition jsonb;
  v_subject uuid;
  v_opens timestamptz;
  v_closes timestamptz;
  v_error text;
  old public.consultations%rowtype;
begin
  perform sync_private.args_only(args, array['id', 'kind', 'title', 'body', 'definition', 'subject_id',
    'opens_at', 'closes_at']);
  if not public.has_role('coordinator') then
    perform sync_private.reject('forbidden', 'Seuls les coordinateurs préparent les consultations.');
  end if;
  v_id := sync_private.arg_uuid(args, 'id');
  v_kind := sync_private.arg_enum(args, 'kind', array['document_review', 'prestation_evaluation', 'survey', 'meeting']);
  v_definition := sync_private.arg_object(args, 'definition', true, 32000);
  v_subject := sync_private.arg_uuid(args, 'subject_id', false);
  v_opens := sync_private.arg_timestamptz(args, 'opens_at', false);
  v_closes := sync_private.arg_timestamptz(args, 'closes_at', false);
  if v_opens is not null and v_closes is not null and v_closes <= v_opens then
    perform sync_private.reject('validation', 'La clôture vient après l''ouverture.', 'closes_at');
  end if;
  if v_subject is not null then
    if v_kind = 'document_review'
       and not exists (select 1 from public.booklet_sections s where s.id = v_subject and s.deleted_at is null) then
      perform sync_private.reject('validation', 'Cette section du livret est introuvable.', 'subject_id');
    elsif v_kind = 'prestation_evaluation'
       and not exists (select 1 from public.prestations p where p.id = v_subject and p.deleted_at is null) then
      perform sync_private.reject('validation', 'Cette prestation est introuvable.', 'subject_id');
    elsif v_kind in ('survey', 'meeting') then
      perform sync_private.reject('validation', 'Ce type de consultation ne porte pas sur un document ou une prestation.', 'subject_id');
    end if;
  end if;
  v_error := sync_private.definition_error(v_kind, v_definition, v_subject is not null);
  if v_error is not null then
    perform sync_private.reject('validation', v_error, 'definition');
  end if;

  select * into old from public.consultations c where c.id = v_id;
  if found then
    if old.deleted_at is not null then
      perform sync_private.reject('not_found', 'Cette consultation a été supprimée.');
    end if;
    if old.status in ('closed', 'published') then
      perform sync_private.reject('conflict', 'Cette consultation est close : elle ne se modifie plus.');
    end if;
    if old.status <> 'draft' and old.kind <> v_kind then
      perform sync_private.reject('validation', 'Le type d''une consultation ouverte ne change pas.', 'kind');
    end if;
    if old.definition is distinct from v_definition
       and exists (select 1 from public.evaluations e where e.consultation_id = v_id and e.deleted_at is null) then
      perform sync_private.reject('conflict',
        'Des membres ont déjà répondu : les questions ne peuvent plus changer.', 'definition');
    end if;
  end if;

  insert into public.consultations as c (id, kind, title, body, definition, subject_id, opens_at, closes_at, status)
  values (v_id, v_kind,
          sync_private.arg_text(args, 'title', true, 200),
          coalesce(sync_private.arg_text(args, 'body', false, 8000, true), ''),
          v_definition, v_subject, v_opens, v_closes, 'draft')
  on conflict (id) do update set
    kind = excluded.kind,
    title = excluded.title,
    body = excluded.body,
    definition = excluded.definition,
    subject_id = excluded.subject_id,
    opens_at = excluded.opens_at,
    closes_at = excluded.closes_at;
end
$$;

------------------------------------------------------------------------------
-- consultation.set_status {id, status: open|closed, closes_at?}
-- Opening starts now unless an opening date is set; reopening a closed consultation
-- takes a new closing date (or none). Closing stamps the real closing time.
------------------------------------------------------------------------------
create function public.m_consultation_set_status(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_status text;
  v_closes timestamptz;
  old public.consultations%rowtype;
begin
  perform sync_private.args_only(args, array['id', 'status', 'closes_at']);
  if not public.has_role('coordinator') then
    perform sync_private.reject('forbidden', 'Seuls les coordinateurs ouvrent et ferment les consultations.');
  end if;
  v_id := sync_private.arg_uuid(args, 'id');
  v_status := sync_private.arg_enum(args, 'status', array['open', 'closed']);
  v_closes := sync_private.arg_timestamptz(args, 'closes_at', false);
  select * into old from public.consultations c where c.id = v_id and c.deleted_at is null;
  if not found then
    perform sync_private.reject('not_found', 'Cette consultation est introuvable.');
  end if;
  if old.status = 'published' then
    perform sync_private.reject('conflict', 'Le résultat est publié : la consultation ne peut plus être rouverte.');
  end if;
  if v_status = 'open' then
    if v_closes is not null and v_closes <= now() then
      perform sync_private.reject('validation', 'La date de clôture est déjà passée.', 'closes_at');
    end if;
    if v_closes is null and old.status = 'draft' then
      v_closes := old.closes_at;
    end if;
    if v_closes is not null and v_closes <= now() then
      perform sync_private.reject('validation', 'La date de clôture est déjà passée : choisissez-en une nouvelle.', 'closes_at');
    end if;
    update public.consultations c
       set status = 'open',
           opens_at = case when old.status = 'draft' then coalesce(c.opens_at, now()) else c.opens_at end,
           closes_at = v_closes
     where c.id = v_id;
  else
    if v_closes is not null then
      perform sync_private.reject('validation', 'Une consultation se ferme maintenant.', 'closes_at');
    end if;
    if old.status = 'draft' then
      perform sync_private.reject('validation', 'Un brouillon n''a pas été ouvert : il n''y a rien à fermer.', 'status');
    end if;
    update public.consultations c
       set status = 'closed',
           opens_at = case when c.opens_at >= now() then now() - interval '1 second' else c.opens_at end,
           closes_at = case when c.closes_at is null or c.closes_at > now() then now() else c.closes_at end
     where c.id = v_id;
  end if;
end
$$;

------------------------------------------------------------------------------
-- consultation.publish {id, outcome, outcome_section_id?}
-- What the coordinators did with the groupe's input. Publishing closes the consultation;
-- the outcome can be corrected later (outcome_at moves).
------------------------------------------------------------------------------
create function public.m_consultation_publish(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_section uuid;
  v_outcome text;
  old public.consultations%rowtype;
begin
  perform sync_private.args_only(args, array['id', 'outcome', 'outcome_section_id']);
  if not public.has_role('coordinator') then
    perform sync_private.reject('forbidden', 'Seuls les coordinateurs publient le résultat d''une consultation.');
  end if;
  v_id := sync_private.arg_uuid(args, 'id');
  v_section := sync_private.arg_uuid(args, 'outcome_section_id', false);
  v_outcome := sync_private.arg_text(args, 'outcome', true, 8000, true);
  select * into old from public.consultations c where c.id = v_id and c.deleted_at is null;
  if not found then
    perform sync_private.reject('not_found', 'Cette consultation est introuvable.');
  end if;
  if old.status = 'draft' then
    perform sync_private.reject('validation', 'Une consultation s''ouvre avant d''avoir un résultat.', 'status');
  end if;
  if v_section is not null
     and not exists (select 1 from public.booklet_sections s where s.id = v_section and s.deleted_at is null) then
    perform sync_private.reject('validation', 'Cette section du livret est introuvable.', 'outcome_section_id');
  end if;
  update public.consultations c
     set status = 'published',
         outcome = v_outcome,
         outcome_section_id = v_section,
         opens_at = case when c.opens_at >= now() then now() - interval '1 second' else c.opens_at end,
         closes_at = case when c.closes_at is null or c.closes_at > now() then now() else c.closes_at end
   where c.id = v_id;
end
$$;

------------------------------------------------------------------------------
-- feedback.tag_themes {id, themes}
-- The groupe ressource sorts the feedback shared with it into themes. The groupe has no
-- row access to feedback (authors stay anonymous), so the write goes through a
-- security-definer helper that checks the feedback is shared and touches only `themes`.
------------------------------------------------------------------------------
create function sync_private.set_feedback_themes(p_id uuid, p_themes text[])
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  claims text := coalesce(current_setting('request.jwt.claims', true), '');
  claim_sub text := coalesce(current_setting('request.jwt.claim.sub', true), '');
  coordinator boolean := public.has_role('coordinator');
  groupe boolean := public.has_role('groupe_ressource');
  found_row boolean;
begin
  if not (coordinator or groupe) then
    return false;
  end if;
  perform 1 from public.feedback f
   where f.id = p_id and f.deleted_at is null and (coordinator or f.share_with_groupe)
   for no key update;
  found_row := found;
  if not found_row then
    return false;
  end if;
  -- A maintenance write of one column, checked above: run it as a trusted context so the
  -- author/coordinator column guard lets it through; the claims come back right after
  -- (and on error the transaction or savepoint restores them).
  perform set_config('request.jwt.claims', '', true);
  perform set_config('request.jwt.claim.sub', '', true);
  update public.feedback f set themes = p_themes where f.id = p_id;
  perform set_config('request.jwt.claims', claims, true);
  perform set_config('request.jwt.claim.sub', claim_sub, true);
  return true;
end
$$;

create function public.m_feedback_tag_themes(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_themes text[];
begin
  perform sync_private.args_only(args, array['id', 'themes']);
  if not (public.has_role('groupe_ressource') or public.has_role('coordinator')) then
    perform sync_private.reject('forbidden', 'Seul le groupe ressource classe les avis partagés.');
  end if;
  v_id := sync_private.arg_uuid(args, 'id');
  v_themes := sync_private.arg_text_array(args, 'themes', null, 10, 40);
  select coalesce(array_agg(distinct lower(btrim(t)) order by lower(btrim(t))), '{}')
    into v_themes from unnest(v_themes) t where btrim(t) <> '';
  if length(array_to_string(v_themes, '')) > 400 then
    perform sync_private.reject('validation', 'Les thèmes sont trop longs.', 'themes');
  end if;
  if not sync_private.set_feedback_themes(v_id, v_themes) then
    perform sync_private.reject('not_found', 'Cet avis n''est pas (ou plus) partagé avec le groupe.');
  end if;
end
$$;

------------------------------------------------------------------------------
-- meeting.respond {id, consultation_id, attending, note?}
-- "Je viens / je ne peux pas": the member's answer to a meeting, kept as their
-- evaluation of that consultation (answers {attending, note}), submitted at once.
------------------------------------------------------------------------------
create function public.m_meeting_respond(args jsonb, base_version bigint)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_consultation uuid;
  v_answers jsonb;
  v_note text;
  n int;
begin
  perform sync_private.args_only(args, array['id', 'consultation_id', 'attending', 'note']);
  v_id := sync_private.arg_uuid(args, 'id');
  v_consultation := sync_private.arg_uuid(args, 'consultation_id');
  v_note := sync_private.arg_text(args, 'note', false, 500, true);
  v_answers := jsonb_build_object('attending', sync_private.arg_bool(args, 'attending'));
  if v_note is not null then
    v_answers := v_answers || jsonb_build_object('note', v_note);
  end if;
  if not exists (select 1 from public.consultations c
                  where c.id = v_consultation and c.deleted_at is null and c.kind = 'meeting') then
    perform sync_private.reject('not_found', 'Cette réunion est introuvable.');
  end if;
  if not public.consultation_accepts_answers(v_consultation) then
    perform sync_private.reject('forbidden', 'Les réponses à cette réunion sont closes.');
  end if;
  if exists (select 1 from public.evaluations e
              where e.consultation_id = v_consultation and e.author_id = auth.uid() and e.id <> v_id) then
    perform sync_private.reject('conflict', 'Vous avez déjà répondu à cette réunion.');
  end if;
  insert into public.evaluations as e (id, consultation_id, author_id, answers, submitted_at)
  values (v_id, v_consultation, auth.uid(), v_answers, now())
  on conflict (id) do update set answers = excluded.answers, submitted_at = now()
  where e.consultation_id = excluded.consultation_id;
  get diagnostics n = row_count;
  if n = 0 then
    perform sync_private.reject('validation', 'Une réponse ne change pas de réunion.', 'consultation_id');
  end if;
end
$$;

insert into sync_private.mutation_handlers (name, handler, target_table, target_id_arg) values
  ('consultation.upsert',     'public.m_consultation_upsert',     'public.consultations', 'id'),
  ('consultation.set_status', 'public.m_consultation_set_status', 'public.consultations', 'id'),
  ('consultation.publish',    'public.m_consultation_publish',    'public.consultations', 'id'),
  ('feedback.tag_themes',     'public.m_feedback_tag_themes',     'public.feedback',      'id'),
  ('meeting.respond',         'public.m_meeting_respond',         'public.evaluations',   'id');

-- ---------------------------------------------------------------------------
-- 4. Read functions
-- ---------------------------------------------------------------------------

-- Submitted evaluations of one consultation, for coordinators: each author appears as
-- "member n", numbered in an order proper to this consultation (the same person gets
-- unrelated numbers in two consultations). Drafts stay their authors' own.
create function public.consultation_evaluations(consultation uuid)
returns table (member integer, answers jsonb, submitted_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not public.has_role('coordinator') then
    perform public.forbid('Réservé aux coordinateurs.');
  end if;
  return query
    select (row_number() over (order by md5(e.consultation_id::text || ':' || e.author_id::text)))::integer,
           e.answers, e.submitted_at
      from public.evaluations e
     where e.consultation_id = consultation_evaluations.consultation
       and e.submitted_at is not null and e.deleted_at is null
     order by 1;
end
$$;

-- Counts per question and answer over the submitted evaluations:
--   {"respondents": n, "hidden": false, "counts": {"pertinence": {"3": 2, "4": 1}, "approve": {"true": 2}}}
-- Numbers and yes/no answers are counted for every key, choices for the definition's
-- single/multiple questions; free text never is. Coordinators read it at any time; the
-- groupe once the outcome is published, and only with at least 3 respondents (below that,
-- counts would tell who answered what).
create function public.consultation_results(consultation uuid)
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  c public.consultations%rowtype;
  coordinator boolean := public.has_role('coordinator');
  choice_keys text[];
  respondents bigint;
  counts jsonb;
begin
  select * into c from public.consultations x
   where x.id = consultation_results.consultation and x.deleted_at is null;
  if not coordinator then
    if not public.has_role('groupe_ressource') then
      perform public.forbid('Réservé au groupe ressource et aux coordinateurs.');
    end if;
    if not found or c.status <> 'published' then
      perform public.forbid('Les résultats sont partagés quand le résultat de la consultation est publié.');
    end if;
  elsif not found then
    -- PT404: PostgREST's "404 Not Found" (P0002 would be a 500 the client retries forever).
    raise exception using errcode = 'PT404', message = 'Cette consultation est introuvable.';
  end if;

  select coalesce(array_agg(q ->> 'key'), '{}') into choice_keys
    from jsonb_array_elements(case when jsonb_typeof(c.definition -> 'questions') = 'array'
                                   then c.definition -> 'questions' else '[]' end) q
   where q ->> 'type' in ('single', 'multiple');

  select count(*) into respondents from public.evaluations e
   where e.consultation_id = c.id and e.submitted_at is not null and e.deleted_at is null;

  if not coordinator and respondents < 3 then
    return jsonb_build_object('respondents', respondents, 'hidden', true, 'counts', '{}'::jsonb);
  end if;

  with answers as (
    select a.key, a.value
      from public.evaluations e, jsonb_each(e.answers) a
     where e.consultation_id = c.id and e.submitted_at is not null and e.deleted_at is null
  ), atoms as (
    select key, value #>> '{}' as v from answers
     where jsonb_typeof(value) in ('number', 'boolean')
        or (jsonb_typeof(value) = 'string' and key = any (choice_keys))
    union all
    select a.key, x #>> '{}' from answers a, jsonb_array_elements(a.value) x
     where jsonb_typeof(a.value) = 'array' and a.key = any (choice_keys) and jsonb_typeof(x) = 'string'
  ), per_value as (
    select key, v, count(*) as n from atoms group by key, v
  )
  select coalesce(jsonb_object_agg(key, vals), '{}') into counts
    from (select key, jsonb_object_agg(v, n) as vals from per_value group by key) per_key;

  return jsonb_build_object('respondents', respondents, 'hidden', false, 'counts', counts);
end
$$;

-- Shared feedback, as before, plus the fiche de liaison's three answers (what the person
-- expected, obtained, and what changed): the author chose to share them with the groupe,
-- which evaluates prestations from exactly that point of view. Still no author column.
drop function public.groupe_shared_feedback();
create function public.groupe_shared_feedback()
returns table (
  id uuid, kind text, subject_id uuid, body text, quote text, rating smallint, themes text[],
  status text, answer text, answered_at timestamptz, created_on date, updated_at timestamptz,
  version bigint, row_xid xid8, expected text, obtained text, changed text
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
           f.version, f.row_xid, f.expected, f.obtained, f.changed
      from public.feedback f
     where f.share_with_groupe and f.deleted_at is null
     order by f.created_at desc;
end
$$;
revoke all on function public.groupe_shared_feedback() from public, anon, authenticated;
grant execute on function public.groupe_shared_feedback() to authenticated;

-- ---------------------------------------------------------------------------
-- Privileges
-- ---------------------------------------------------------------------------

revoke all on function
  public.m_consultation_upsert(jsonb, bigint), public.m_consultation_set_status(jsonb, bigint),
  public.m_consultation_publish(jsonb, bigint), public.m_feedback_tag_themes(jsonb, bigint),
  public.m_meeting_respond(jsonb, bigint),
  public.consultation_evaluations(uuid), public.consultation_results(uuid)
  from public, anon;
grant execute on function
  public.m_consultation_upsert(jsonb, bigint), public.m_consultation_set_status(jsonb, bigint),
  public.m_consultation_publish(jsonb, bigint), public.m_feedback_tag_themes(jsonb, bigint),
  public.m_meeting_respond(jsonb, bigint)
  to authenticated, service_role;
grant execute on function public.consultation_evaluations(uuid), public.consultation_results(uuid)
  to authenticated;

revoke all on function
  sync_private.criteria(), sync_private.definition_error(text, jsonb, boolean),
  sync_private.definition_instant(text), sync_private.set_feedback_themes(uuid, text[])
  from public;
grant execute on function
  sync_private.criteria(), sync_private.definition_error(text, jsonb, boolean),
  sync_private.definition_instant(text), sync_private.set_feedback_themes(uuid, text[])
  to authenticated, service_role;

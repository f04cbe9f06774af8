-- Evaluations stay with their authors: a coordinator reads them under pseudonyms only.
--
-- consultation_evaluations() numbers the groupe members who answered ("member 1,
-- 2…") so that the back office reads answers without names; but row-level security
-- also let coordinators select the evaluations table itself, and sync_pull copied
-- every evaluation, author_id included, to their devices. Coordinators now read
-- evaluations only through the functions (consultation_evaluations, consultation_results,
-- consultation_submission_counts below); their devices drop the rows they hold at the
-- next reconcile (the first sync of a session).

drop policy "coordinators read evaluations" on public.evaluations;
delete from sync_private.pull_arms where table_name = 'evaluations' and role = 'coordinator';

-- Whether a consultation has answers (a definition no longer changes once it has),
-- whoever asks: m_consultation_upsert runs as the coordinator, who no longer reads
-- the evaluations themselves.
create function sync_private.consultation_has_answers(consultation uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.evaluations e
                  where e.consultation_id = consultation_has_answers.consultation and e.deleted_at is null)
$$;
revoke all on function sync_private.consultation_has_answers(uuid) from public, anon;
grant execute on function sync_private.consultation_has_answers(uuid) to authenticated, service_role;

create or replace function public.m_consultation_upsert(args jsonb, base_version bigint)
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
       and sync_private.consultation_has_answers(v_id) then
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

-- Submitted evaluations per consultation, for the back office's list
-- ({"<consultation id>": n}); consultations without any are left out.
create function public.consultation_submission_counts()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not public.has_role('coordinator') then
    perform public.forbid('Réservé aux coordinateurs.');
  end if;
  return coalesce((
    select jsonb_object_agg(e.consultation_id, e.n)
      from (select consultation_id, count(*)::int as n from public.evaluations
             where submitted_at is not null and deleted_at is null
             group by consultation_id) e), '{}');
end
$$;
revoke all on function public.consultation_submission_counts() from public, anon;
grant execute on function public.consultation_submission_counts() to authenticated;

-- The inbox's archive filtered by a theme, through an index.
--
-- admin_feedback_archive runs as the coordinator (security invoker), and under row-level
-- security the planner may only use leakproof operators as index conditions: `themes @>`
-- is not, so no index on themes could serve the theme filter, and a theme few items have
-- read the whole archive in created_at order to fill its page (≈ 60–120 ms at Paris scale,
-- 88,000 archived items). The page's ids are now found by a helper that reads the table as
-- its owner, through a GIN index on the archived items' themes; admin_feedback_archive
-- still reads the rows themselves as the coordinator, under row-level security.

create index feedback_done_themes_idx on public.feedback using gin (themes)
  where status in ('answered', 'closed') and deleted_at is null;

-- The ids of one archive page with a theme, newest first. Private (not in the API's
-- schema), for coordinators only: they may read every feedback item, so the ids it
-- returns are ids they could list anyway. EXECUTE plans each call with its values, so
-- the planner picks the theme's index for a rare theme and the date order for a common one.
create function sync_private.feedback_archive_ids(
  f_theme text, f_kind text, f_status text, f_prestation uuid, f_assigned text,
  before_created timestamptz, before_id uuid, lim int
)
returns setof uuid
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if f_theme is null or not public.has_role('coordinator') then
    return;
  end if;
  return query execute $q$
    select f.id from public.feedback f
     where f.status in ('answered', 'closed') and f.deleted_at is null
       and f.themes @> array[$1]
       and f.updated_at < sync_private.feedback_window_start()
       and ($2::text is null or f.kind = $2)
       and ($3::text is null or f.status = $3)
       and ($4::uuid is null or (f.kind in ('prestation', 'fiche_liaison') and f.subject_id = $4))
       and ($5::text is null or ($5 = 'me' and f.assigned_to = auth.uid())
            or ($5 = 'nobody' and f.assigned_to is null))
       and ($6::timestamptz is null or (f.created_at, f.id) < ($6, $7))
     order by f.created_at desc, f.id desc
     limit $8 $q$
    using f_theme, f_kind, f_status, f_prestation, f_assigned, before_created, before_id, lim;
end
$$;
revoke all on function sync_private.feedback_archive_ids(text, text, text, uuid, text, timestamptz, uuid, int) from public, anon;
grant execute on function sync_private.feedback_archive_ids(text, text, text, uuid, text, timestamptz, uuid, int) to authenticated;

-- As in 20261125001800_feedback_window.sql, but a theme's page comes from the helper's ids.
create or replace function public.admin_feedback_archive(
  kind text default null,
  prestation uuid default null,
  status text default null,
  assigned text default null,
  theme text default null,
  before_created timestamptz default null,
  before_id uuid default null,
  lim int default 50
)
returns setof public.feedback
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  f_kind text := admin_feedback_archive.kind;
  f_status text := admin_feedback_archive.status;
  f_assigned text := admin_feedback_archive.assigned;
  f_theme text := admin_feedback_archive.theme;
  f_prestation uuid := admin_feedback_archive.prestation;
  f_lim int := greatest(1, least(coalesce(admin_feedback_archive.lim, 50), 200));
  me uuid := auth.uid();
  window_start timestamptz := sync_private.feedback_window_start();
begin
  if not public.has_role('coordinator') then
    perform public.forbid('Réservé aux coordinateurs.');
  end if;
  if f_kind is not null and f_kind <> all (array['prestation', 'appointment', 'document', 'booklet', 'other',
                                                 'change_referent', 'fiche_liaison']) then
    raise exception 'Type de retour inconnu.' using errcode = '22023';
  end if;
  if f_status is not null and f_status <> all (array['answered', 'closed']) then
    raise exception 'Seuls les retours répondus ou clos sont archivés.' using errcode = '22023';
  end if;
  if f_assigned is not null and f_assigned <> all (array['me', 'nobody']) then
    raise exception 'Filtre de suivi inconnu.' using errcode = '22023';
  end if;
  if length(f_theme) > 80 then
    raise exception 'Thème trop long (80 caractères au plus).' using errcode = '22023';
  end if;
  if (before_created is null) <> (before_id is null) then
    raise exception 'La page précédente se donne par sa date et son identifiant.' using errcode = '22023';
  end if;
  if f_theme is not null then
    -- The rows are read here, as the coordinator: row-level security still decides.
    return query
      select f.* from public.feedback f
       where f.id = any (array(select sync_private.feedback_archive_ids(
               f_theme, f_kind, f_status, f_prestation, f_assigned, before_created, before_id, f_lim)))
       order by f.created_at desc, f.id desc;
    return;
  end if;
  return query
    select f.* from public.feedback f
     where f.status in ('answered', 'closed') and f.deleted_at is null
       and f.updated_at < window_start
       and (f_kind is null or f.kind = f_kind)
       and (f_status is null or f.status = f_status)
       and (f_prestation is null or (f.kind in ('prestation', 'fiche_liaison') and f.subject_id = f_prestation))
       and (f_assigned is null or (f_assigned = 'me' and f.assigned_to = me)
            or (f_assigned = 'nobody' and f.assigned_to is null))
       and (before_created is null or (f.created_at, f.id) < (before_created, before_id))
     order by f.created_at desc, f.id desc
     limit f_lim;
end
$$;

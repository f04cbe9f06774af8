-- Coordinators' devices hold a window of the feedback, not all of it.
--
-- Row-level security lets coordinators read every feedback item, and until now
-- sync_pull copied all of them to the coordinator's device: at Paris scale, 100,000
-- items over three years, most of them answered or closed long ago, and each one
-- written by an allocataire about their own situation. A coordinator's device now pulls:
--   - every item still waiting (received or read), whatever its age: the inbox, the
--     counts of the back office's home and assignment all work offline;
--   - every item that changed in the last 90 days (answered, closed, reopened,
--     deleted): what the coordinators worked on lately, readable offline.
-- Older answered and closed items stay on the server and are read on demand:
--   admin_feedback_archive(...)  the inbox's "older items" pages, with the inbox's filters
--   admin_feedback_get(id)       one item by id (an address bookmarked or shared)
-- Items age out of the window without being written, so without a tombstone: devices
-- drop them at their next reconcile (the first sync of a session). A write to an
-- archived item (reopening it, answering it again) moves its updated_at, which brings
-- it back into the window and onto every coordinator's device.

-- The window's start. A function, so the arm, the archive and the tests agree.
create function sync_private.feedback_window_start() returns timestamptz
language sql stable parallel safe
set search_path = ''
as $$ select now() - interval '90 days' $$;
comment on function sync_private.feedback_window_start() is
  'Answered and closed feedback older than this (updated_at) is not pulled by coordinators'' devices.';
revoke all on function sync_private.feedback_window_start() from public, anon;
grant execute on function sync_private.feedback_window_start() to authenticated, service_role;

delete from sync_private.pull_arms where table_name = 'feedback' and role = 'coordinator';
insert into sync_private.pull_arms (table_name, role, predicate) values
  ('feedback', 'coordinator', $a$s.status in ('received', 'read')$a$),
  -- `(select …)`: the window's start is computed once per statement, not for each row.
  ('feedback', 'coordinator',
   $a$s.status in ('answered', 'closed') and s.updated_at >= (select sync_private.feedback_window_start())$a$);

-- Each arm reads its own index in (row_xid, id) order. The recent arm's holds updated_at
-- as a key column, so the window is checked on the index entries: old items cost an
-- index entry each on a first pull (they come first in row_xid order), and no table
-- row; an incremental pull reads only what changed since the cursor.
create index feedback_open_sync_idx on public.feedback (row_xid, id) where status in ('received', 'read');
create index feedback_done_sync_idx on public.feedback (row_xid, id, updated_at) where status in ('answered', 'closed');
-- sync_reconcile reads the window at once, by updated_at.
create index feedback_done_updated_idx on public.feedback (updated_at) where status in ('answered', 'closed');
-- The archive's order (newest first) among answered and closed items; updated_at as a key
-- column lets the scan skip the recent items (the newest, ≈ 8,500) on the index alone.
create index feedback_done_created_idx on public.feedback (created_at, id, updated_at)
  where status in ('answered', 'closed') and deleted_at is null;
-- No index serves the archive's theme filter: under row-level security the planner cannot
-- test `themes @> …` (not leakproof) before the policy, so a GIN index on themes is never
-- used for a coordinator. A theme few items have reads the archive in created_at order
-- (≈ 60 ms at Paris scale), on request only.

-- ---------------------------------------------------------------------------
-- sync_reconcile: the arms as one condition. Before, `deleted_at is null and (a) or (b)`
-- applied the deleted check to the first arm only: a soft-deleted row matching another
-- arm was listed as visible (its tombstone still reached devices through sync_pull).
-- Unchanged otherwise (20261125001500_followed_columns.sql).
-- ---------------------------------------------------------------------------
create or replace function public.sync_reconcile(tables text[])
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  uid uuid := auth.uid();
  result jsonb := '{}';
  tname text;
  rel text;
  arms text[];
  all_arms text[];
  ids jsonb;
  my_roles text[];
  my_team uuid;
  my_structure uuid;
  followed uuid[] := '{}';  -- $9 of the arms: no arm reads it any more
begin
  if tables is null or cardinality(tables) > 50 then
    raise exception 'Liste de tables invalide.' using errcode = '22023';
  end if;
  select coalesce(p.roles, '{}'), p.team_id, p.structure_id into my_roles, my_team, my_structure
    from public.profiles p where p.id = uid and p.deleted_at is null;
  my_roles := coalesce(my_roles, '{}');
  foreach tname in array tables loop
    select pt.relation,
           (select array_agg(a.predicate) from sync_private.pull_arms a where a.table_name = pt.name),
           (select array_agg(a.predicate) from sync_private.pull_arms a
             where a.table_name = pt.name and (a.role is null or a.role = any (my_roles)))
      into rel, all_arms, arms
      from sync_private.pull_tables pt
     where pt.name = tname and pt.reconcilable and (pt.is_public or uid is not null);
    if rel is null then
      raise exception 'Table inconnue : %', left(tname, 40) using errcode = '22023';
    end if;
    if all_arms is null or 'true' = any (arms) then
      execute format('select coalesce(jsonb_agg(s.id), ''[]'') from %s s where s.deleted_at is null', rel) into ids;
    elsif arms is null then
      ids := '[]';
    else
      -- $1…$5 are sync_pull's cursor parameters: here from the start, no horizon, no limit.
      execute format('select coalesce(jsonb_agg(s.id), ''[]'') from %s s where s.deleted_at is null and ((%s))',
                     rel, array_to_string(arms, ') or ('))
        into ids
        using '0'::xid8, '00000000-0000-0000-0000-000000000000'::uuid, '18446744073709551615'::xid8,
              2147483646, null::text[], uid, my_team, my_structure, followed;
    end if;
    result := result || jsonb_build_object(tname, ids);
    rel := null;
  end loop;
  return result;
end
$$;

-- The inbox's older items: answered or closed, unchanged for 90 days, newest first, with
-- the inbox's filters (null: any). Paging: the (created_at, id) of the last item read.
create function public.admin_feedback_archive(
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
  return query
    select f.* from public.feedback f
     where f.status in ('answered', 'closed') and f.deleted_at is null
       and f.updated_at < window_start
       and (f_kind is null or f.kind = f_kind)
       and (f_status is null or f.status = f_status)
       and (f_prestation is null or (f.kind in ('prestation', 'fiche_liaison') and f.subject_id = f_prestation))
       and (f_assigned is null or (f_assigned = 'me' and f.assigned_to = me)
            or (f_assigned = 'nobody' and f.assigned_to is null))
       and (f_theme is null or f.themes @> array[f_theme])
       and (before_created is null or (f.created_at, f.id) < (before_created, before_id))
     order by f.created_at desc, f.id desc
     limit greatest(1, least(coalesce(lim, 50), 200));
end
$$;
revoke all on function public.admin_feedback_archive(text, uuid, text, text, text, timestamptz, uuid, int) from public, anon;
grant execute on function public.admin_feedback_archive(text, uuid, text, text, text, timestamptz, uuid, int) to authenticated;

-- One item, in the window or not (an inbox address opened on a device that does not hold it).
create function public.admin_feedback_get(id uuid)
returns setof public.feedback
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  if not public.has_role('coordinator') then
    perform public.forbid('Réservé aux coordinateurs.');
  end if;
  return query
    select f.* from public.feedback f where f.id = admin_feedback_get.id and f.deleted_at is null;
end
$$;
revoke all on function public.admin_feedback_get(uuid) from public, anon;
grant execute on function public.admin_feedback_get(uuid) to authenticated;

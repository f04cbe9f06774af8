-- Scale (DESIGN §7: sync_pull p95 ≤ 30 ms with 75,000 allocataires, 1,000,000
-- appointments, 200,000 outreach contacts). Measured in bench/scale/.
--
-- Before this file, sync_pull read each personal table in (row_xid, id) order and let
-- row-level security filter: a caller who may see 13 appointments out of a million had
-- the whole table scanned on their first pull (row-level security is an OR of one
-- policy per role, which no index can serve). Now each personal table declares
-- "arms": index-friendly predicates, each tied to a role, whose union contains every
-- row the table's policies can show a holder of those roles. sync_pull reads each arm
-- the caller holds in (row_xid, id) order through a matching index and merges them;
-- row-level security still applies to every arm, so an arm can only narrow the read,
-- never widen what a caller sees. A caller holding no arm of a table sees none of its
-- rows and the table is not read at all; an arm of `true` reads the table as before.
--
-- The arms restate the select policies: a policy that widens what a role sees needs
-- its arm here, or sync_pull and sync_reconcile would miss those rows
-- (bench/scale/run.ts --verify compares pulls with plain reads under row-level
-- security, at scale).

-- ---------------------------------------------------------------------------
-- 1. Arms
-- ---------------------------------------------------------------------------

create table sync_private.pull_arms (
  table_name text not null references sync_private.pull_tables (name) on delete cascade,
  -- The role the caller must hold (profiles.roles); null: every signed-in caller.
  role text,
  -- SQL over the table aliased `s`; $6 = the caller's id, $7 their team, $8 their
  -- structure, $9 the allocataires they follow (public.my_allocataire_ids()); $1, $2
  -- the cursor's (row_xid, id), $3 the horizon, $4 the page size.
  predicate text not null,
  primary key (table_name, predicate)
);
grant select on sync_private.pull_arms to anon, authenticated, service_role;

-- Coordinators read appointments and prestation offers through the indicator
-- functions, never on a device: row-level security still lets them read the
-- rows, but no arm pulls them (1.5 million rows at Paris scale, none of which a
-- back-office screen shows, and personal data a phone should not carry).
insert into sync_private.pull_arms (table_name, role, predicate) values
  ('profiles',                null,          's.id = $6'),
  ('profiles',                'referent',    $a$s.id = any (array(
      select f.id from public.profiles f
       where f.id = any ($9) and (f.row_xid, f.id) > ($1, $2) and f.row_xid < $3
       order by f.row_xid, f.id limit $4 + 1))$a$),
  ('profiles',                'coordinator', 'true'),
  ('invitations',             null,          's.accepted_by = $6'),
  ('invitations',             'referent',    's.invited_by = $6'),
  ('invitations',             'coordinator', 'true'),
  ('appointments',            null,          's.allocataire_id = $6'),
  ('appointments',            'referent',    's.structure_id = $8'),
  ('appointments',            'referent',    's.referent_id = $6'),
  -- The followed allocataires' rows: only those the two arms above do not bring,
  -- found in the covering index alone (an index cannot merge 1,250 allocataires'
  -- ranges in row_xid order, and fetching their ≈ 16,000 rows for each page cost more
  -- than the page).
  ('appointments',            'referent',    $a$s.id = any (array(
      select f.id from public.appointments f
       where f.allocataire_id = any ($9) and (f.structure_id = $8) is not true and (f.referent_id = $6) is not true
         and (f.row_xid, f.id) > ($1, $2) and f.row_xid < $3
       order by f.row_xid, f.id limit $4 + 1))$a$),
  ('prestation_offers',       null,          's.allocataire_id = $6'),
  ('prestation_offers',       'referent',    's.referent_id = $6'),
  ('prestation_offers',       'referent',    $a$s.id = any (array(
      select f.id from public.prestation_offers f
       where f.allocataire_id = any ($9) and (f.referent_id = $6) is not true
         and (f.row_xid, f.id) > ($1, $2) and f.row_xid < $3
       order by f.row_xid, f.id limit $4 + 1))$a$),
  ('feedback',                null,          's.author_id = $6'),
  ('feedback',                'coordinator', 'true'),
  ('evaluations',             null,          's.author_id = $6'),
  ('evaluations',             'coordinator', 'true'),
  ('outreach_contacts',       'outreach',    's.team_id = $7'),
  ('outreach_contacts',       'referent',    's.oriented_structure_id = $8'),
  ('outreach_follow_ups',     'outreach',    's.team_id = $7'),
  ('outreach_contact_events', 'outreach',    's.team_id = $7');

-- ---------------------------------------------------------------------------
-- 2. Indexes: each arm is a range of (column, row_xid, id). They replace the
-- single-column indexes on the same leading column (foreign keys stay indexed). The
-- included columns let the followed-allocataires arms and the policies they pass
-- through run on the index alone.
-- ---------------------------------------------------------------------------

create index appointments_allocataire_sync_idx on public.appointments (allocataire_id, row_xid, id)
  include (structure_id, referent_id);
create index appointments_structure_sync_idx on public.appointments (structure_id, row_xid, id);
create index appointments_referent_sync_idx on public.appointments (referent_id, row_xid, id);
drop index public.appointments_structure_id_idx;
drop index public.appointments_referent_id_idx;

create index prestation_offers_allocataire_sync_idx on public.prestation_offers (allocataire_id, row_xid, id)
  include (referent_id);
create index prestation_offers_referent_sync_idx on public.prestation_offers (referent_id, row_xid, id);
drop index public.prestation_offers_allocataire_id_idx;
drop index public.prestation_offers_referent_id_idx;

create index profiles_id_sync_idx on public.profiles (id) include (row_xid);

create index feedback_author_sync_idx on public.feedback (author_id, row_xid, id);
drop index public.feedback_author_id_idx;

create index evaluations_author_sync_idx on public.evaluations (author_id, row_xid, id);
drop index public.evaluations_author_id_idx;

create index outreach_contacts_team_sync_idx on public.outreach_contacts (team_id, row_xid, id);
create index outreach_contacts_oriented_sync_idx on public.outreach_contacts (oriented_structure_id, row_xid, id);
drop index public.outreach_contacts_oriented_structure_id_idx;

create index outreach_follow_ups_team_sync_idx on public.outreach_follow_ups (team_id, row_xid, id);
create index outreach_contact_events_team_sync_idx on public.outreach_contact_events (team_id, row_xid, id);
drop index public.outreach_contact_events_team_id_idx;

-- ---------------------------------------------------------------------------
-- 3. public.my_allocataire_ids(): same rows, two index lookups instead of a join on
-- an OR (which read every profile for each statement of a référent).
-- ---------------------------------------------------------------------------

create or replace function public.my_allocataire_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  with me as (
    select p.id, p.structure_id from public.profiles p
     where p.id = auth.uid() and p.deleted_at is null and 'referent' = any (p.roles)
  )
  select a.id from public.profiles a, me where a.referent_id = me.id and 'allocataire' = any (a.roles)
  union
  select a.id from public.profiles a, me where a.structure_id = me.structure_id and 'allocataire' = any (a.roles)
$$;

-- ---------------------------------------------------------------------------
-- 4. sync_private.scope_key(): the caller's id as an init plan. Compared with the bare
-- auth.uid() call, a clause row-level security may not push under its own policies,
-- the profile was found by a sequential scan that parsed the JWT claims once per
-- profile (200 ms for a coordinator, on every pull).
-- ---------------------------------------------------------------------------

create or replace function sync_private.scope_key()
returns text
language sql
stable
set search_path = ''
as $$
  select coalesce((select md5(p.roles::text || '|' || coalesce(p.team_id::text, '') || '|'
                              || coalesce(p.structure_id::text, ''))
                     from public.profiles p
                    where p.id = (select auth.uid()) and p.deleted_at is null), '')
$$;

-- ---------------------------------------------------------------------------
-- 5. sync_pull, reading through the arms (contract unchanged: docs/sync-protocol.md)
-- ---------------------------------------------------------------------------

create or replace function public.sync_pull(cursor text default null, lim int default 500, schema_version int default 1)
returns jsonb
language plpgsql
stable  -- one snapshot for every table of the answer
security invoker
set search_path = ''
as $$
declare
  p_cursor alias for $1;
  p_lim alias for $2;
  p_schema_version alias for $3;
  uid uuid := auth.uid();
  snap pg_snapshot := pg_current_snapshot();
  horizon xid8 := pg_snapshot_xmin(snap);
  page_size int := least(greatest(coalesce(p_lim, 500), 1), 1000);
  scope text;
  positions jsonb;
  changes jsonb := '{}';
  tombstones jsonb := '{}';
  has_more boolean := false;
  t record;
  from_xid xid8;
  from_id uuid;
  n int;
  rows_json jsonb;
  dead_ids jsonb;
  more boolean;
  last_xid xid8;
  last_id uuid;
  my_roles text[] := '{}';
  my_team uuid;
  my_structure uuid;
  followed uuid[] := '{}';
  arms text[];
  source text;
begin
  if p_schema_version is distinct from 1 then
    return jsonb_build_object('error', 'unsupported_schema_version', 'min_version', 1);
  end if;
  scope := case when uid is null then null else sync_private.scope_key() end;
  positions := sync_private.read_cursor(p_cursor, uid, scope, pg_snapshot_xmax(snap));
  if uid is not null then
    -- The caller's facts as the policies' helpers read them (has_role, my_team_id…).
    select coalesce(p.roles, '{}'), p.team_id, p.structure_id into my_roles, my_team, my_structure
      from public.profiles p where p.id = uid and p.deleted_at is null;
    my_roles := coalesce(my_roles, '{}');
    if 'referent' = any (my_roles) then
      followed := array(select public.my_allocataire_ids());
    end if;
  end if;

  for t in
    select pt.*,
           (select array_agg(a.predicate order by a.predicate) from sync_private.pull_arms a
             where a.table_name = pt.name) as all_arms,
           (select array_agg(a.predicate order by a.predicate) from sync_private.pull_arms a
             where a.table_name = pt.name and (a.role is null or a.role = any (my_roles))) as my_arms
      from sync_private.pull_tables pt
     where pt.is_public or uid is not null
     order by pt.position
  loop
    from_xid := coalesce(positions #>> array[t.name, '0'], '0')::xid8;
    from_id := coalesce(positions #>> array[t.name, '1'], '00000000-0000-0000-0000-000000000000')::uuid;
    arms := case when t.all_arms is null or 'true' = any (t.my_arms) then null
                 else coalesce(t.my_arms, '{}') end;
    if arms is null then
      source := format('select * from %s s where (s.row_xid, s.id) > ($1, $2) and s.row_xid < $3
                        order by s.row_xid, s.id limit $4 + 1', t.relation);
    elsif cardinality(arms) = 0 then
      source := null;  -- no arm: none of the table's rows is visible to this caller
    else
      select 'select distinct on (u.row_xid, u.id) u.* from ('
             || string_agg(format('(select * from %s s where (s.row_xid, s.id) > ($1, $2) and s.row_xid >= $1
                                     and s.row_xid < $3 and (%s) order by s.row_xid, s.id limit $4 + 1)',
                                  t.relation, a), ' union all ')
             || ') u order by u.row_xid, u.id limit $4 + 1'
        into source
        from unnest(arms) a;
    end if;

    if source is null then
      n := 0; rows_json := '[]'; dead_ids := '[]'; more := false;
    else
      execute format($q$
        with page as (
          select t.row_xid, t.id, t.deleted_at is not null as dead,
                 case when t.deleted_at is null then to_jsonb(t) end as doc,
                 row_number() over (order by t.row_xid, t.id) as n
          from (%s) t
        )
        select count(*) filter (where n <= $4)::int,
               coalesce(jsonb_agg(doc - $5 order by n) filter (where n <= $4 and not dead), '[]'),
               coalesce(jsonb_agg(id order by n) filter (where n <= $4 and dead), '[]'),
               coalesce(bool_or(n > $4), false),
               (array_agg(row_xid order by n desc) filter (where n <= $4))[1],
               (array_agg(id order by n desc) filter (where n <= $4))[1]
        from page
      $q$, source)
      into n, rows_json, dead_ids, more, last_xid, last_id
      using from_xid, from_id, horizon, page_size, array['row_xid'] || t.exclude_columns,
            uid, my_team, my_structure, followed;
    end if;

    if jsonb_array_length(rows_json) > 0 then
      changes := changes || jsonb_build_object(t.name, rows_json);
    end if;
    if jsonb_array_length(dead_ids) > 0 then
      tombstones := tombstones || jsonb_build_object(t.name, dead_ids);
    end if;
    if more then
      has_more := true;
      positions := positions || jsonb_build_object(t.name, jsonb_build_array(last_xid::text, last_id));
    else
      -- Read to the horizon: everything older than it has been seen.
      positions := positions || jsonb_build_object(t.name, jsonb_build_array(
        (horizon::text::numeric - 1)::text, 'ffffffff-ffff-ffff-ffff-ffffffffffff'));
    end if;
  end loop;

  return jsonb_build_object(
    'schema_version', 1,
    'changes', changes,
    'tombstones', tombstones,
    'cursor', jsonb_build_object('v', 1, 'i', (select i.id from sync_private.instance i),
                                 'u', uid, 's', scope, 'p', positions)::text,
    'has_more', has_more);
end
$$;

-- ---------------------------------------------------------------------------
-- 6. sync_reconcile through the same arms (one bitmap scan per table instead of a
-- full read filtered by row-level security)
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
  followed uuid[] := '{}';
begin
  if tables is null or cardinality(tables) > 50 then
    raise exception 'Liste de tables invalide.' using errcode = '22023';
  end if;
  select coalesce(p.roles, '{}'), p.team_id, p.structure_id into my_roles, my_team, my_structure
    from public.profiles p where p.id = uid and p.deleted_at is null;
  my_roles := coalesce(my_roles, '{}');
  if 'referent' = any (my_roles) then
    followed := array(select public.my_allocataire_ids());
  end if;
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
      execute format('select coalesce(jsonb_agg(s.id), ''[]'') from %s s where s.deleted_at is null and (%s)',
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

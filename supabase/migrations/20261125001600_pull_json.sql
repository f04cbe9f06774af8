-- sync_pull writes its answer as json text instead of building jsonb (DESIGN §7:
-- sync_pull p95 ≤ 30 ms at Paris scale; bench/scale/README.md).
--
-- Measured on a page of 500 appointments: building the rows as jsonb (to_jsonb, then
-- removing the columns never sent, then jsonb_agg) and printing the tree as text took
-- ≈ 20 ms, more than finding the rows; json_agg over the same rows, columns chosen
-- upfront, takes ≈ 3.5 ms. The answer is only ever sent as text (PostgREST prints a
-- json result as it is), so nothing reads the tree that jsonb built.
--
-- The contract is unchanged (docs/sync-protocol.md): the same keys and values; only
-- the SQL return type is json instead of jsonb, and keys keep the table's column order.
-- The caller's list of followed allocataires is no longer built either: no arm reads
-- it since 20261125001500_followed_columns.sql. And the arms are read as ordered index
-- ranges, never as bitmaps (see the function's settings).

drop function public.sync_pull(text, int, int);

create function public.sync_pull(cursor text default null, lim int default 500, schema_version int default 1)
returns json
language plpgsql
stable  -- one snapshot for every table of the answer
security invoker
set search_path = ''
-- Every arm is a range of an index in (row_xid, id) order, read until the page is full.
-- Row-level security adds an OR of policies, which the planner may answer with a bitmap
-- of every row of the range, sorted afterwards: an outreach worker's page then read all
-- 5,000 contacts of the team to keep 500 (p95 36–44 ms instead of 26–32 ms, measured
-- side by side in bench/scale).
set enable_bitmapscan = off
as $$
declare
  p_cursor alias for $1;
  p_lim alias for $2;
  p_schema_version alias for $3;
  uid uuid := auth.uid();
  snap pg_snapshot := pg_current_snapshot();
  horizon xid8 := pg_snapshot_xmin(snap);
  page_size int := least(greatest(coalesce(p_lim, 500), 1), 1000);
  budget int := page_size;  -- rows this page may still take
  scope text;
  positions jsonb;
  -- The answer's pieces, kept as json values: json_build_object and json_object_agg
  -- copy a json argument's text as it is, where a cast from text would parse it again.
  change_tables text[] := '{}';
  change_rows json[] := '{}';
  tombstone_tables text[] := '{}';
  tombstone_ids json[] := '{}';
  has_more boolean := false;
  t record;
  from_xid xid8;
  from_id uuid;
  n int;
  rows_json json;
  dead_ids json;
  more boolean;
  last_xid xid8;
  last_id uuid;
  my_roles text[] := '{}';
  my_team uuid;
  my_structure uuid;
  arms text[];
  source text;
  columns text;
begin
  if p_schema_version is distinct from 1 then
    return json_build_object('error', 'unsupported_schema_version', 'min_version', 1);
  end if;
  scope := case when uid is null then null else sync_private.scope_key() end;
  positions := sync_private.read_cursor(p_cursor, uid, scope, pg_snapshot_xmax(snap));
  if uid is not null then
    -- The caller's facts as the policies' helpers read them (has_role, my_team_id…).
    select coalesce(p.roles, '{}'), p.team_id, p.structure_id into my_roles, my_team, my_structure
      from public.profiles p where p.id = uid and p.deleted_at is null;
    my_roles := coalesce(my_roles, '{}');
  end if;

  for t in
    select pt.*,
           (select array_agg(a.predicate order by a.predicate) from sync_private.pull_arms a
             where a.table_name = pt.name) as all_arms,
           (select array_agg(a.predicate order by a.predicate) from sync_private.pull_arms a
             where a.table_name = pt.name and (a.role is null or a.role = any (my_roles))) as my_arms,
           -- The columns sent: all but row_xid and the table's exclude_columns.
           (select string_agg(format('t.%I', at.attname), ', ' order by at.attnum)
              from pg_catalog.pg_attribute at
             where at.attrelid = pt.relation::regclass and at.attnum > 0 and not at.attisdropped
               and at.attname <> all (array['row_xid'] || pt.exclude_columns)) as sent_columns
      from sync_private.pull_tables pt
     where pt.is_public or uid is not null
     order by pt.position
  loop
    -- Budget spent and more to come anyway: this table keeps its position.
    continue when budget = 0 and has_more;

    from_xid := coalesce(positions #>> array[t.name, '0'], '0')::xid8;
    from_id := coalesce(positions #>> array[t.name, '1'], '00000000-0000-0000-0000-000000000000')::uuid;
    arms := case when t.all_arms is null or 'true' = any (t.my_arms) then null
                 else coalesce(t.my_arms, '{}') end;
    if arms is null then
      source := format('select * from %s s where (s.row_xid, s.id) > ($1, $2) and s.row_xid < $3
                        order by s.row_xid, s.id limit $10 + 1', t.relation);
    elsif cardinality(arms) = 0 then
      source := null;  -- no arm: none of the table's rows is visible to this caller
    else
      select 'select distinct on (u.row_xid, u.id) u.* from ('
             || string_agg(format('(select * from %s s where (s.row_xid, s.id) > ($1, $2) and s.row_xid >= $1
                                     and s.row_xid < $3 and (%s) order by s.row_xid, s.id limit $10 + 1)',
                                  t.relation, a), ' union all ')
             || ') u order by u.row_xid, u.id limit $10 + 1'
        into source
        from unnest(arms) a;
    end if;

    if source is null then
      n := 0; rows_json := null; dead_ids := null; more := false;
    else
      -- $10, the budget left, limits the rows taken; with 0 it reads one row at most:
      -- whether the table has more. $4 stays the page size, which the arms may read.
      execute format($q$
        with page as (
          select t.row_xid, t.id, t.deleted_at is not null as dead,
                 case when t.deleted_at is null then (select row_to_json(d) from (select %s) d) end as doc,
                 row_number() over (order by t.row_xid, t.id) as n
          from (%s) t
        )
        select count(*) filter (where n <= $10)::int,
               json_agg(doc order by n) filter (where n <= $10 and not dead),
               json_agg(id order by n) filter (where n <= $10 and dead),
               coalesce(bool_or(n > $10), false),
               (array_agg(row_xid order by n desc) filter (where n <= $10))[1],
               (array_agg(id order by n desc) filter (where n <= $10))[1]
        from page
      $q$, t.sent_columns, source)
      into n, rows_json, dead_ids, more, last_xid, last_id
      using from_xid, from_id, horizon, page_size, null::text[],
            uid, my_team, my_structure, '{}'::uuid[], budget;
    end if;
    budget := budget - n;

    if rows_json is not null then
      change_tables := change_tables || t.name;
      change_rows := change_rows || rows_json;
    end if;
    if dead_ids is not null then
      tombstone_tables := tombstone_tables || t.name;
      tombstone_ids := tombstone_ids || dead_ids;
    end if;
    if more then
      has_more := true;
      if n > 0 then
        positions := positions || jsonb_build_object(t.name, jsonb_build_array(last_xid::text, last_id));
      end if;
    else
      -- Read to the horizon: everything older than it has been seen.
      positions := positions || jsonb_build_object(t.name, jsonb_build_array(
        (horizon::text::numeric - 1)::text, 'ffffffff-ffff-ffff-ffff-ffffffffffff'));
    end if;
  end loop;

  return json_build_object(
    'schema_version', 1,
    'changes', (select coalesce(json_object_agg(k, v), '{}') from unnest(change_tables, change_rows) x (k, v)),
    'tombstones', (select coalesce(json_object_agg(k, v), '{}') from unnest(tombstone_tables, tombstone_ids) x (k, v)),
    'cursor', jsonb_build_object('v', 1, 'i', (select i.id from sync_private.instance i),
                                 'u', uid, 's', scope, 'p', positions)::text,
    'has_more', has_more);
end
$$;

revoke all on function public.sync_pull(text, int, int) from public;
grant execute on function public.sync_pull(text, int, int) to anon, authenticated, service_role;

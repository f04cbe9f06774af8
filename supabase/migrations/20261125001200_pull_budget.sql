-- A page of sync_pull holds at most `lim` rows in all, not `lim` rows per table
-- (DESIGN §7: sync_pull p95 ≤ 30 ms at Paris scale; bench/scale/README.md).
--
-- With `lim` per table, a page of a référent's first pull carried up to 500 rows of
-- each of four tables (2,000 rows, p95 61 ms at Paris scale), an outreach worker's up
-- to 500 contacts and 500 history events (p95 41 ms): the cost of a page had become
-- the rows themselves, and its size grew with the number of tables a role reads. A
-- page now fills the tables in their order until `lim` rows are taken; the tables
-- left over keep their position and are read by the next page. A page's cost and
-- size are bounded whatever the role, and a page lost to a dropped connection on a
-- phone costs at most `lim` rows to fetch again.
--
-- `has_more` stays exact: once the budget is spent, the next table is probed for
-- one row (through the same arms) only if no earlier table already had more.
--
-- The budget left ($10) limits the rows read; $4 stays the page size, which the arms
-- of sync_private.pull_arms use for their inner id lookups. Those lookups must not
-- see the budget: with a small limit (the 200 rows left, or the probe's one row), the
-- planner chose to walk the whole (row_xid, id) index of appointments looking for
-- rows of 1,250 followed allocataires, which may all have been brought by the other
-- arms already — 335 ms for no row, once per référent's first pull (bench/scale,
-- results/explain-probe-ref.txt).

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
  budget int := page_size;  -- rows this page may still take
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
      n := 0; rows_json := '[]'; dead_ids := '[]'; more := false;
    else
      -- $10, the budget left, limits the rows taken; with 0 it reads one row at most:
      -- whether the table has more.
      execute format($q$
        with page as (
          select t.row_xid, t.id, t.deleted_at is not null as dead,
                 case when t.deleted_at is null then to_jsonb(t) end as doc,
                 row_number() over (order by t.row_xid, t.id) as n
          from (%s) t
        )
        select count(*) filter (where n <= $10)::int,
               coalesce(jsonb_agg(doc - $5 order by n) filter (where n <= $10 and not dead), '[]'),
               coalesce(jsonb_agg(id order by n) filter (where n <= $10 and dead), '[]'),
               coalesce(bool_or(n > $10), false),
               (array_agg(row_xid order by n desc) filter (where n <= $10))[1],
               (array_agg(id order by n desc) filter (where n <= $10))[1]
        from page
      $q$, source)
      into n, rows_json, dead_ids, more, last_xid, last_id
      using from_xid, from_id, horizon, page_size, array['row_xid'] || t.exclude_columns,
            uid, my_team, my_structure, followed, budget;
    end if;
    budget := budget - n;

    if jsonb_array_length(rows_json) > 0 then
      changes := changes || jsonb_build_object(t.name, rows_json);
    end if;
    if jsonb_array_length(dead_ids) > 0 then
      tombstones := tombstones || jsonb_build_object(t.name, dead_ids);
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

  return jsonb_build_object(
    'schema_version', 1,
    'changes', changes,
    'tombstones', tombstones,
    'cursor', jsonb_build_object('v', 1, 'i', (select i.id from sync_private.instance i),
                                 'u', uid, 's', scope, 'p', positions)::text,
    'has_more', has_more);
end
$$;

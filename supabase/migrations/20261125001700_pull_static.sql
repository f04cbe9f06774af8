-- sync_pull without planning on every call (DESIGN §7: sync_pull p95 ≤ 30 ms at Paris
-- scale; bench/scale/README.md, "Plans kept per connection").
--
-- Where a référent's or an outreach worker's page went (bench/scale, perf on the
-- server): about a quarter of it was planning and parsing. sync_pull built each table's
-- query as text and ran it with EXECUTE, which plans it again on every call: ≈ 1.4 ms
-- for the five arms of appointments under row-level security (reading them: ≈ 1.3 ms),
-- 0.2–0.5 ms for each of the other tables, and the loop that assembled the queries read
-- pull_arms and pg_attribute each time. The policies' helpers (has_role(),
-- my_structure_id(), my_team_id()) are SQL functions that cannot be inlined (security
-- definer), so each call parsed and planned their body again: ≈ 70 µs, some twenty
-- times per page. Planning also allocated and freed megabytes on every call, which on
-- the benchmark's virtual machine came back as page faults (≈ 10 µs each, hundreds per
-- call).
--
-- Now:
-- 1. public.sync_pull is generated from the registry (sync_private.pull_tables,
--    sync_private.pull_arms) and the tables' columns, with static statements, whose
--    plans PL/pgSQL keeps for the connection (plan_cache_mode = force_generic_plan:
--    planned once, when first used; roles, ids and cursor positions are parameters).
--    Each table has one statement per set of roles holding arms on it (2^roles, at
--    most four today), which reads exactly the arms sync_pull read for such a caller;
--    the caller's roles choose the statement. The arms read at most 1,001 rows each (a
--    page never takes more than 1,000) and the statement stops at the page budget, so
--    each arm's plan is for a known number of rows whatever the budget left.
--    The answer, the rows, the cursor and the pages are unchanged (docs/sync-protocol.md;
--    bench/scale/run.ts --verify, and the same pages compared byte for byte with the
--    previous function at Paris scale).
-- 2. Changing the registry (a table, an arm, exclude_columns) regenerates sync_pull
--    (triggers on the registry). A migration that adds or drops a column of a synced
--    table calls sync_private.build_sync_pull() itself: the pgTAP test
--    sync_pull_generated.sql fails when the installed sync_pull is not what the registry
--    and the columns give.
-- 3. has_role(), my_team_id() and my_structure_id() are PL/pgSQL (same queries, same
--    security definer), so their plans are kept too (≈ 8 µs a call instead of ≈ 70 µs),
--    in every statement under row-level security, not only in pulls. scope_key() too.

-- ---------------------------------------------------------------------------
-- 1. The policies' helpers, with kept plans
-- ---------------------------------------------------------------------------

create or replace function public.has_role(role_name text) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return coalesce(
    (select role_name = any (p.roles)
       from public.profiles p
      where p.id = auth.uid() and p.deleted_at is null),
    false);
end
$$;

create or replace function public.my_team_id() returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (select p.team_id from public.profiles p where p.id = auth.uid() and p.deleted_at is null);
end
$$;

create or replace function public.my_structure_id() returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (select p.structure_id from public.profiles p where p.id = auth.uid() and p.deleted_at is null);
end
$$;

create or replace function sync_private.scope_key()
returns text
language plpgsql
stable
set search_path = ''
as $$
begin
  return coalesce((select md5(p.roles::text || '|' || coalesce(p.team_id::text, '') || '|'
                              || coalesce(p.structure_id::text, ''))
                     from public.profiles p
                    where p.id = (select auth.uid()) and p.deleted_at is null), '');
end
$$;

-- ---------------------------------------------------------------------------
-- 2. The generator
-- ---------------------------------------------------------------------------

-- The body of public.sync_pull for the current registry and columns. Deterministic
-- (tables by position, arms by predicate, columns by number): the pgTAP test compares
-- it with the installed function.
--
-- The arms' parameters become the function's variables: $1, $2 the cursor's
-- (row_xid, id), $3 the horizon, $4 the page size, $6 the caller's id, $7 their team,
-- $8 their structure, $10 the page budget left; $5 and $9 are no longer read by any
-- arm (null, an empty array).
create function sync_private.sync_pull_body() returns text
language plpgsql stable
set search_path = ''
as $gen$
declare
  t record;
  a record;
  decls text := '';
  blocks text := '';
  changes_values text[] := '{}';
  tombstones_values text[] := '{}';
  releases text := '';
  arm_roles text[];    -- the roles holding arms of the table (besides everyone's arms)
  held text[];         -- the roles of one variant
  cond text;
  branches text;
  branch text;
  arm_sources text[];
  reads_all boolean;
  pred text;
  cv text;
  dv text;
begin
  for t in
    select pt.name, pt.relation::regclass::text as rel, pt.is_public,
           (select string_agg(format('t.%I', at.attname), ', ' order by at.attnum)
              from pg_catalog.pg_attribute at
             where at.attrelid = pt.relation::regclass and at.attnum > 0 and not at.attisdropped
               and at.attname <> all (array['row_xid'] || pt.exclude_columns)) as sent_columns,
           exists (select 1 from sync_private.pull_arms x where x.table_name = pt.name) as has_arms
      from sync_private.pull_tables pt
     order by pt.position, pt.name
  loop
    cv := 'pc_' || t.name;
    dv := 'pd_' || t.name;
    decls := decls || format(E'  %I json;\n  %I json;\n', cv, dv);
    changes_values := changes_values || format('(%L, %I)', t.name, cv);
    tombstones_values := tombstones_values || format('(%L, %I)', t.name, dv);
    releases := releases || format(E'  %I := null;\n', cv);

    -- One statement per set of roles the caller may hold among those with arms on the
    -- table (2^roles: at most four today), each reading that set's arms only: it is
    -- planned once per connection, when first used, and plans no arm it never reads.
    arm_roles := case when t.has_arms
                      then array(select distinct x.role from sync_private.pull_arms x
                                  where x.table_name = t.name and x.role is not null order by x.role)
                      else '{}' end;
    branches := '';
    for mask in 0 .. (1 << cardinality(arm_roles)) - 1 loop
      held := array(select arm_roles[i] from generate_subscripts(arm_roles, 1) i
                     where mask & (1 << (i - 1)) <> 0 order by i);
      cond := (select string_agg(case when arm_roles[i] = any (held) then format('%L = any (pv_roles)', arm_roles[i])
                                      else format('not %L = any (pv_roles)', arm_roles[i]) end,
                                 ' and ' order by i)
                 from generate_subscripts(arm_roles, 1) i);
      -- No arm at all, or an arm of `true`: the table as a whole, under row-level security.
      reads_all := not t.has_arms or exists (
        select 1 from sync_private.pull_arms x
         where x.table_name = t.name and x.predicate = 'true' and (x.role is null or x.role = any (held)));
      arm_sources := '{}';
      if not reads_all then
        for a in
          select x.predicate from sync_private.pull_arms x
           where x.table_name = t.name and (x.role is null or x.role = any (held)) order by x.predicate
        loop
          pred := a.predicate;
          pred := regexp_replace(pred, '\$10(?![0-9])', 'pv_budget', 'g');
          pred := regexp_replace(pred, '\$9(?![0-9])', '''{}''::uuid[]', 'g');
          pred := regexp_replace(pred, '\$8(?![0-9])', 'pv_structure', 'g');
          pred := regexp_replace(pred, '\$7(?![0-9])', 'pv_team', 'g');
          pred := regexp_replace(pred, '\$6(?![0-9])', 'pv_uid', 'g');
          pred := regexp_replace(pred, '\$5(?![0-9])', 'null::text[]', 'g');
          pred := regexp_replace(pred, '\$4(?![0-9])', 'pv_page_size', 'g');
          pred := regexp_replace(pred, '\$3(?![0-9])', 'pv_horizon', 'g');
          pred := regexp_replace(pred, '\$2(?![0-9])', 'pv_from_id', 'g');
          pred := regexp_replace(pred, '\$1(?![0-9])', 'pv_from_xid', 'g');
          if pred ~ '\$[0-9]' then
            raise exception 'pull arm of % uses an unknown parameter: %', t.name, a.predicate;
          end if;
          arm_sources := arm_sources || format($s$(select * from %s s
                    where (s.row_xid, s.id) > (pv_from_xid, pv_from_id) and s.row_xid >= pv_from_xid
                      and s.row_xid < pv_horizon and (%s)
                    order by s.row_xid, s.id limit 1001)$s$, t.rel, pred);
        end loop;
      end if;

      if not reads_all and cardinality(arm_sources) = 0 then
        -- No arm for these roles: none of the table's rows is visible to the caller.
        branch := E'pv_n := 0;\n      pv_more := false;';
      else
        branch := format($s$select count(*) filter (where page.n <= pv_budget)::int,
             json_agg(page.doc order by page.n) filter (where page.n <= pv_budget and not page.dead),
             json_agg(page.id order by page.n) filter (where page.n <= pv_budget and page.dead),
             coalesce(bool_or(page.n > pv_budget), false),
             (array_agg(page.row_xid order by page.n desc) filter (where page.n <= pv_budget))[1],
             (array_agg(page.id order by page.n desc) filter (where page.n <= pv_budget))[1]
        into pv_n, %I, %I, pv_more, pv_last_xid, pv_last_id
        from (select t.row_xid, t.id, t.deleted_at is not null as dead,
                     case when t.deleted_at is null then (select row_to_json(d) from (select %s) d) end as doc,
                     row_number() over (order by t.row_xid, t.id) as n
                from (%s) t) page;$s$,
          cv, dv, t.sent_columns,
          case when reads_all
               then format($s$select * from (select * from %s s
                    where (s.row_xid, s.id) > (pv_from_xid, pv_from_id) and s.row_xid < pv_horizon
                    order by s.row_xid, s.id limit 1001) s0
           order by s0.row_xid, s0.id limit pv_budget + 1$s$, t.rel)
               else format($s$select distinct on (u.row_xid, u.id) u.* from (
                  %s) u
           order by u.row_xid, u.id limit pv_budget + 1$s$,
                      array_to_string(arm_sources, E'\n                  union all\n                  '))
          end);
      end if;
      if cardinality(arm_roles) = 0 then
        branches := branch;
      else
        branches := branches || format(E'%s %s then\n      %s\n    ',
          case when mask = 0 then 'if' else 'elsif' end, cond, branch);
      end if;
    end loop;
    if cardinality(arm_roles) > 0 then
      branches := branches || 'end if;';
    end if;

    blocks := blocks || format($b$
  -- %1$s
  if %2$s not (pv_budget = 0 and pv_has_more) then
    pv_from_xid := coalesce(pv_positions #>> '{%1$s,0}', '0')::xid8;
    pv_from_id := coalesce(pv_positions #>> '{%1$s,1}', '00000000-0000-0000-0000-000000000000')::uuid;
    %3$s
    pv_budget := pv_budget - pv_n;
    if pv_more then
      pv_has_more := true;
      if pv_n > 0 then
        pv_positions := pv_positions || jsonb_build_object(%1$L, jsonb_build_array(pv_last_xid::text, pv_last_id));
      end if;
    else
      pv_positions := pv_positions || jsonb_build_object(%1$L, pv_end);
    end if;
  end if;
$b$, t.name, case when t.is_public then '' else 'pv_uid is not null and' end, branches);
  end loop;

  return format($body$
-- Generated by sync_private.build_sync_pull() from sync_private.pull_tables,
-- sync_private.pull_arms and the tables' columns: do not edit, regenerate
-- (20261125001700_pull_static.sql).
declare
  p_cursor alias for $1;
  p_lim alias for $2;
  p_schema_version alias for $3;
  pv_uid uuid := auth.uid();
  pv_snap pg_snapshot := pg_current_snapshot();
  pv_horizon xid8 := pg_snapshot_xmin(pv_snap);
  -- A table read to the horizon: everything older than it has been seen.
  pv_end jsonb := jsonb_build_array((pg_snapshot_xmin(pv_snap)::text::numeric - 1)::text,
                                    'ffffffff-ffff-ffff-ffff-ffffffffffff');
  pv_page_size int := least(greatest(coalesce(p_lim, 500), 1), 1000);
  pv_budget int := pv_page_size;  -- rows this page may still take
  pv_scope text;
  pv_positions jsonb;
  pv_has_more boolean := false;
  pv_roles text[] := '{}';
  pv_team uuid;
  pv_structure uuid;
  pv_instance uuid;
  pv_from_xid xid8;
  pv_from_id uuid;
  pv_n int;
  pv_more boolean;
  pv_last_xid xid8;
  pv_last_id uuid;
  pv_changes json;
  pv_tombstones json;
%s
begin
  if p_schema_version is distinct from 1 then
    return json_build_object('error', 'unsupported_schema_version', 'min_version', 1);
  end if;
  pv_scope := case when pv_uid is null then null else sync_private.scope_key() end;
  pv_positions := sync_private.read_cursor(p_cursor, pv_uid, pv_scope, pg_snapshot_xmax(pv_snap));
  if pv_uid is not null then
    -- The caller's facts as the policies' helpers read them (has_role, my_team_id…).
    select coalesce(p.roles, '{}'), p.team_id, p.structure_id into pv_roles, pv_team, pv_structure
      from public.profiles p where p.id = pv_uid and p.deleted_at is null;
    pv_roles := coalesce(pv_roles, '{}');
  end if;
%s
  -- The answer. Each table's rows are copied once into "changes", then released
  -- before the answer copies "changes" in turn.
  select json_object_agg(x.k, x.v) into pv_changes from (values %s) x (k, v) where x.v is not null;
%s  select json_object_agg(x.k, x.v) into pv_tombstones from (values %s) x (k, v) where x.v is not null;
  select i.id into pv_instance from sync_private.instance i;
  return json_build_object(
    'schema_version', 1,
    'changes', coalesce(pv_changes, '{}'::json),
    'tombstones', coalesce(pv_tombstones, '{}'::json),
    'cursor', jsonb_build_object('v', 1, 'i', pv_instance, 'u', pv_uid, 's', pv_scope, 'p', pv_positions)::text,
    'has_more', pv_has_more);
end
$body$,
    decls, blocks,
    array_to_string(changes_values, E',\n    '), releases, array_to_string(tombstones_values, E',\n    '));
end
$gen$;

-- (Re)creates public.sync_pull from sync_private.sync_pull_body(). Grants are kept by
-- create or replace.
create function sync_private.build_sync_pull() returns void
language plpgsql
set search_path = ''
as $gen$
begin
  execute format($f$
create or replace function public.sync_pull(cursor text default null, lim int default 500, schema_version int default 1)
returns json
language plpgsql
stable  -- one snapshot for every table of the answer
security invoker
set search_path = ''
-- Every arm is a range of an index in (row_xid, id) order, read until the page is full
-- (20261125001600_pull_json.sql: no bitmap of a whole team, sorted afterwards).
set enable_bitmapscan = off
-- Plans kept for the connection from their first use: a statement does not depend on
-- who calls (the caller's roles choose among a table's statements; ids and cursor
-- positions are parameters; row-level security's helpers run with the plan), and each
-- arm's plan is a range of its index.
set plan_cache_mode = force_generic_plan
as %L$f$, sync_private.sync_pull_body());
end
$gen$;

revoke all on function sync_private.sync_pull_body(), sync_private.build_sync_pull() from public, anon, authenticated;

-- Registering a table or an arm regenerates sync_pull.
create function sync_private.rebuild_sync_pull() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform sync_private.build_sync_pull();
  return null;
end
$$;
revoke all on function sync_private.rebuild_sync_pull() from public, anon, authenticated;

create trigger rebuild_sync_pull after insert or update or delete or truncate on sync_private.pull_tables
  for each statement execute function sync_private.rebuild_sync_pull();
create trigger rebuild_sync_pull after insert or update or delete or truncate on sync_private.pull_arms
  for each statement execute function sync_private.rebuild_sync_pull();

select sync_private.build_sync_pull();

-- sync_pull is generated from the registry and the tables' columns
-- (20261125001700_pull_static.sql): it must be what sync_private.sync_pull_body() gives
-- now, registering tables or arms regenerates it, and a column added to a synced table
-- is sent once the migration that adds it calls sync_private.build_sync_pull().
begin;
set local client_min_messages = warning;
create extension if not exists pgtap;
select plan(12);

create function pg_temp.installed() returns text language sql as $$
  select prosrc from pg_catalog.pg_proc where oid = 'public.sync_pull(text,int,int)'::regprocedure
$$;

select is(pg_temp.installed(), sync_private.sync_pull_body(),
  'sync_pull is what the registry and the columns give: a migration that adds or drops a column of a synced table calls sync_private.build_sync_pull()');

select ok((select not p.prosecdef and p.provolatile = 's'
                  and p.proconfig @> array['search_path=""', 'enable_bitmapscan=off', 'plan_cache_mode=force_generic_plan']
             from pg_catalog.pg_proc p where p.oid = 'public.sync_pull(text,int,int)'::regprocedure),
  'sync_pull stays security invoker and stable, with an empty search_path, no bitmaps and kept plans');
select ok(has_function_privilege('anon', 'public.sync_pull(text,int,int)', 'execute')
          and has_function_privilege('authenticated', 'public.sync_pull(text,int,int)', 'execute'),
  'anon and authenticated may still call it');
select ok(not has_function_privilege('authenticated', 'sync_private.build_sync_pull()', 'execute')
          and not has_function_privilege('anon', 'sync_private.build_sync_pull()', 'execute'),
  'the API roles cannot regenerate it');

-- Every arm of the registry is in the generated body, every table has its block.
-- An arm as the generator writes it: its parameters replaced by the function's variables.
create function pg_temp.substituted(predicate text) returns text language plpgsql as $$
declare
  p text := predicate;
  r text[];
begin
  foreach r slice 1 in array array[['9', '''{}''::uuid[]'], ['8', 'pv_structure'], ['7', 'pv_team'], ['6', 'pv_uid'],
                                   ['4', 'pv_page_size'], ['3', 'pv_horizon'], ['2', 'pv_from_id'], ['1', 'pv_from_xid']] loop
    p := regexp_replace(p, '\$' || r[1] || '(?![0-9])', r[2], 'g');
  end loop;
  return p;
end $$;
select is_empty($$ select a.table_name, a.predicate from sync_private.pull_arms a
                    where a.predicate <> 'true'
                      and strpos(pg_temp.installed(), pg_temp.substituted(a.predicate)) = 0 $$,
  'every arm is read by the generated function');
select is_empty($$ select t.name from sync_private.pull_tables t
                    where strpos(pg_temp.installed(), format('into pv_n, pc_%s, pd_%s,', t.name, t.name)) = 0 $$,
  'every synced table has its statement');

-- A new arm regenerates the function at once.
insert into sync_private.pull_arms (table_name, role, predicate) values
  ('teams', 'groupe_ressource', 's.id = $7');
select ok(strpos(pg_temp.installed(), '(s.id = pv_team)') > 0 and pg_temp.installed() = sync_private.sync_pull_body(),
  'registering an arm regenerates sync_pull');
delete from sync_private.pull_arms where table_name = 'teams' and predicate = 's.id = $7';
select ok(strpos(pg_temp.installed(), '(s.id = pv_team)') = 0, '... and so does removing it');

-- A new column: not sent until the function is regenerated, sent afterwards. The
-- structure is stamped with an old, finished transaction id (sync_pull.sql's settle():
-- rows of this still running transaction are held back).
insert into public.structures (id, kind, name, status) values
  ('5a000000-0000-4000-9e57-000000000001', 'EI', 'Structure de test', 'published');
select set_config('session_replication_role', 'replica', true);
update public.structures set row_xid = '3' where id = '5a000000-0000-4000-9e57-000000000001';
select set_config('session_replication_role', 'origin', true);
alter table public.structures add column probe_column text;
select isnt(pg_temp.installed(), sync_private.sync_pull_body(),
  'a column added without regenerating is detected (the first test of this file fails)');
select sync_private.build_sync_pull();
select is(pg_temp.installed(), sync_private.sync_pull_body(), 'build_sync_pull() brings it up to date');
select ok((select bool_and(r ? 'probe_column') and bool_or(r ->> 'id' = '5a000000-0000-4000-9e57-000000000001')
             from jsonb_array_elements(public.sync_pull()::jsonb -> 'changes' -> 'structures') r),
  'the new column is sent');

-- An arm with a parameter the generator does not know is refused.
select throws_like($$ insert into sync_private.pull_arms (table_name, role, predicate)
                      values ('teams', 'outreach', 's.id = $11') $$,
  '%unknown parameter%', 'an arm with an unknown parameter is refused');

select * from finish();
rollback;

-- Structural guarantees: row-level security everywhere, pinned search paths, tight grants,
-- change tracking on every table.
begin;
\ir helpers/setup.psql
select plan(17);

-- The tables this schema owns; later migrations add their own (the checks below that are
-- not limited to this list cover them too).
create temporary table own_tables (name text primary key) on commit drop;
insert into own_tables values ('teams'), ('structures'), ('profiles'), ('invitations'), ('prestations'),
  ('events'), ('booklet_sections'), ('appointments'), ('prestation_offers'), ('feedback'),
  ('consultations'), ('evaluations'), ('outreach_contacts'), ('audit_log');

select is_empty(
  $$ select c.relname::text from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and not c.relrowsecurity $$,
  'every table in public has row-level security enabled');

select ok(
  (select count(*) from own_tables o
     join pg_class c on c.relname = o.name and c.relnamespace = 'public'::regnamespace
    where c.relrowsecurity) = 14,
  'the 14 tables of the schema exist with row-level security');

-- Every security definer function in public, each with search_path pinned to ''.
select is_empty(
  $$ select p.oid::regprocedure::text
       from pg_proc p
      where p.pronamespace = 'public'::regnamespace and p.prosecdef
        and not coalesce('search_path=""' = any (p.proconfig), false) $$,
  'every security definer function in public pins search_path to an empty path');

select is(
  (select array_agg(p.proname::text order by p.proname) from pg_proc p
    where p.pronamespace = 'public'::regnamespace and p.prosecdef
      and p.proname in ('has_role', 'my_team_id', 'my_structure_id', 'my_allocataire_ids',
                        'consultation_accepts_answers', 'audit', 'profiles_audit', 'invitations_audit',
                        'handle_new_user', 'handle_user_contact_change', 'apply_outreach_retention',
                        'groupe_shared_feedback', 'outreach_stats')),
  array['apply_outreach_retention', 'audit', 'consultation_accepts_answers', 'groupe_shared_feedback',
        'handle_new_user', 'handle_user_contact_change', 'has_role', 'invitations_audit',
        'my_allocataire_ids', 'my_structure_id', 'my_team_id', 'outreach_stats', 'profiles_audit'],
  'the security definer functions of the schema are the expected ones');

-- anon may execute nothing in public but the allow-list (extension functions aside).
select is_empty(
  $$ select p.oid::regprocedure::text
       from pg_proc p
      where p.pronamespace = 'public'::regnamespace
        and has_function_privilege('anon', p.oid, 'execute')
        and not exists (select 1 from pg_depend d
                         where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
        and p.proname not in ('sync_pull') $$,
  'anon can execute no function in public except sync_pull');

select ok(
  not has_function_privilege('authenticated', 'public.apply_outreach_retention(timestamptz)', 'execute')
  and not has_function_privilege('anon', 'public.apply_outreach_retention(timestamptz)', 'execute')
  and has_function_privilege('service_role', 'public.apply_outreach_retention(timestamptz)', 'execute'),
  'only service_role may run the retention function');

select is_empty(
  $$ select p.oid::regprocedure::text from pg_proc p
      where p.pronamespace = 'public'::regnamespace
        and p.prorettype = 'trigger'::regtype
        and (has_function_privilege('anon', p.oid, 'execute')
             or has_function_privilege('authenticated', p.oid, 'execute')) $$,
  'trigger functions are not executable by API roles');

select is_empty(
  $$ select schemaname || '.' || tablename || ': ' || policyname from pg_policies
      where schemaname = 'public' and 'public' = any (roles) $$,
  'every policy names its roles (to anon / to authenticated)');

select is_empty(
  $$ select c.relname::text || ' ' || r.role || ' ' || pr.priv
       from pg_class c
      cross join (values ('anon'), ('authenticated')) r(role)
      cross join (values ('TRUNCATE'), ('REFERENCES'), ('TRIGGER')) pr(priv)
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and has_table_privilege(r.role, c.oid, pr.priv) $$,
  'API roles hold no TRUNCATE, REFERENCES or TRIGGER privilege (TRUNCATE ignores RLS)');

select is(
  (select array_agg(c.relname::text order by c.relname) from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
      and has_table_privilege('anon', c.oid, 'SELECT')
      and c.relname in (select name from own_tables)),
  array['booklet_sections', 'events', 'prestations', 'structures'],
  'anon may select only the public content tables');

select is_empty(
  $$ select c.relname::text from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
        and (has_table_privilege('anon', c.oid, 'INSERT') or has_table_privilege('anon', c.oid, 'UPDATE')
             or has_table_privilege('anon', c.oid, 'DELETE')) $$,
  'anon may write no table');

select ok(
  not has_table_privilege('authenticated', 'public.audit_log', 'INSERT')
  and not has_table_privilege('authenticated', 'public.audit_log', 'UPDATE')
  and not has_table_privilege('authenticated', 'public.audit_log', 'DELETE'),
  'nobody writes the audit log through the API');

-- Change tracking.
select is_empty(
  $$ select o.name || '.' || col.name
       from own_tables o
      cross join (values ('id', 'uuid'), ('created_at', 'timestamp with time zone'),
                         ('updated_at', 'timestamp with time zone'), ('deleted_at', 'timestamp with time zone'),
                         ('version', 'bigint'), ('row_xid', 'xid8')) col(name, type)
      where not exists (select 1 from information_schema.columns c
                         where c.table_schema = 'public' and c.table_name = o.name
                           and c.column_name = col.name and c.data_type = col.type) $$,
  'every table has id, created_at, updated_at, deleted_at, version and row_xid');

select is_empty(
  $$ select o.name from own_tables o
      where not exists (select 1 from pg_trigger t
                         where t.tgrelid = ('public.' || o.name)::regclass
                           and t.tgfoid = 'public.sync_touch()'::regprocedure and not t.tgisinternal) $$,
  'every table runs public.sync_touch() on write');

select is_empty(
  $$ select o.name from own_tables o
      where not exists (select 1 from pg_index i
                         where i.indrelid = ('public.' || o.name)::regclass
                           and pg_get_indexdef(i.indexrelid) like '%(row_xid, id)') $$,
  'every table has an index on (row_xid, id) for sync_pull');

select is_empty(
  $$ select con.conrelid::regclass::text || '.' || a.attname
       from pg_constraint con
       join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
      where con.contype = 'f' and con.connamespace = 'public'::regnamespace
        and not exists (select 1 from pg_index i
                         where i.indrelid = con.conrelid and i.indkey[0] = con.conkey[1]) $$,
  'every foreign key column is indexed');

select ok(
  exists (select 1 from pg_trigger where tgname = 'on_auth_user_created' and tgrelid = 'auth.users'::regclass),
  'auth.users has the account trigger');

select * from finish();
rollback;

-- sync_pull, sync_reconcile (docs/sync-protocol.md): row-level security per role, tombstones,
-- pages and cursors, reconcile after reassignment, change of scope.
begin;
set local client_min_messages = warning;
create extension if not exists pgtap;
select plan(51);

-- Fixture: two structures, two teams, one person per role (ids are readable on purpose).
--   A  aaaaaaaa-…-01 allocataire (structure S1, référent R1)    B  bbbbbbbb-…-02 allocataire (S2, R2)
--   G  cccccccc-…-03 allocataire + groupe_ressource            O1 dddddddd-…-04 outreach, team T1
--   O2 dddddddd-…-05 outreach, team T2                         R1 eeeeeeee-…-06 référent S1
--   R2 eeeeeeee-…-07 référent S2                               C  ffffffff-…-08 coordinator
insert into public.structures (id, kind, name, status) values
  ('51000000-0000-4000-9e57-000000000001', 'EI', 'Espace insertion test 1', 'published'),
  ('52000000-0000-4000-9e57-000000000002', 'CAPI', 'CAPI test 2', 'published'),
  ('53000000-0000-4000-9e57-000000000003', 'EI', 'Brouillon test', 'draft');
insert into public.teams (id, kind, name) values
  ('71000000-0000-4000-9e57-000000000001', 'EDL', 'EDL test 1'),
  ('72000000-0000-4000-9e57-000000000002', 'EDL', 'EDL test 2');
insert into auth.users (id, email) values
  ('aaaaaaaa-0000-4000-9e57-000000000001', 'alloc.a@test.invalid'),
  ('bbbbbbbb-0000-4000-9e57-000000000002', 'alloc.b@test.invalid'),
  ('cccccccc-0000-4000-9e57-000000000003', 'groupe@test.invalid'),
  ('dddddddd-0000-4000-9e57-000000000004', 'terrain1@test.invalid'),
  ('dddddddd-0000-4000-9e57-000000000005', 'terrain2@test.invalid'),
  ('eeeeeeee-0000-4000-9e57-000000000006', 'ref1@test.invalid'),
  ('eeeeeeee-0000-4000-9e57-000000000007', 'ref2@test.invalid'),
  ('ffffffff-0000-4000-9e57-000000000008', 'coord@test.invalid');
update public.profiles p set roles = f.roles::text[], structure_id = f.structure_id::uuid,
       team_id = f.team_id::uuid, referent_id = f.referent_id::uuid
  from (values
    ('aaaaaaaa-0000-4000-9e57-000000000001', '{allocataire}', '51000000-0000-4000-9e57-000000000001', null, 'eeeeeeee-0000-4000-9e57-000000000006'),
    ('bbbbbbbb-0000-4000-9e57-000000000002', '{allocataire}', '52000000-0000-4000-9e57-000000000002', null, 'eeeeeeee-0000-4000-9e57-000000000007'),
    ('cccccccc-0000-4000-9e57-000000000003', '{allocataire,groupe_ressource}', null, null, null),
    ('dddddddd-0000-4000-9e57-000000000004', '{outreach}', null, '71000000-0000-4000-9e57-000000000001', null),
    ('dddddddd-0000-4000-9e57-000000000005', '{outreach}', null, '72000000-0000-4000-9e57-000000000002', null),
    ('eeeeeeee-0000-4000-9e57-000000000006', '{referent}', '51000000-0000-4000-9e57-000000000001', null, null),
    ('eeeeeeee-0000-4000-9e57-000000000007', '{referent}', '52000000-0000-4000-9e57-000000000002', null, null),
    ('ffffffff-0000-4000-9e57-000000000008', '{coordinator}', null, null, null)
  ) as f (id, roles, structure_id, team_id, referent_id)
 where p.id = f.id::uuid;
insert into public.prestations (id, registre, title, status) values
  ('91000000-0000-4000-9e57-000000000001', 'formation', 'Passerelle linguistique test', 'published');
insert into public.appointments (id, allocataire_id, referent_id, structure_id, kind, starts_at) values
  ('a1000000-0000-4000-9e57-000000000001', 'aaaaaaaa-0000-4000-9e57-000000000001',
   'eeeeeeee-0000-4000-9e57-000000000006', '51000000-0000-4000-9e57-000000000001', 'follow_up', now() + interval '7 days'),
  ('a2000000-0000-4000-9e57-000000000002', 'bbbbbbbb-0000-4000-9e57-000000000002',
   'eeeeeeee-0000-4000-9e57-000000000007', '52000000-0000-4000-9e57-000000000002', 'diagnostic', now() + interval '8 days');
insert into public.prestation_offers (id, allocataire_id, prestation_id, referent_id) values
  ('0f100000-0000-4000-9e57-000000000001', 'aaaaaaaa-0000-4000-9e57-000000000001',
   '91000000-0000-4000-9e57-000000000001', 'eeeeeeee-0000-4000-9e57-000000000006');
insert into public.consultations (id, kind, title, status) values
  ('c1000000-0000-4000-9e57-000000000001', 'prestation_evaluation', 'Consultation ouverte', 'open'),
  ('c2000000-0000-4000-9e57-000000000002', 'survey', 'Consultation close', 'closed');
insert into public.outreach_contacts (id, team_id, quartier, met_how) values
  ('0c100000-0000-4000-9e57-000000000001', '71000000-0000-4000-9e57-000000000001', 'Goutte d''Or', 'street'),
  ('0c200000-0000-4000-9e57-000000000002', '72000000-0000-4000-9e57-000000000002', 'Belleville', 'market');

-- Switch the caller as PostgREST does (role + claims, transaction-local).
create function pg_temp.as_user(uid text) returns void language plpgsql as $$
begin
  perform set_config('request.jwt.claims', json_build_object('sub', uid, 'role', 'authenticated')::text, true);
  perform set_config('role', 'authenticated', true);
end $$;
create function pg_temp.as_anon() returns void language plpgsql as $$
begin
  perform set_config('request.jwt.claims', '{"role":"anon"}', true);
  perform set_config('role', 'anon', true);
end $$;
create function pg_temp.as_admin() returns void language plpgsql as $$
begin
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', '', true);
end $$;
-- Push one mutation as the current caller; answer its result object.
create function pg_temp.push1(mid text, name text, args jsonb, base bigint default null, device text default null)
returns jsonb language sql as $$
  select public.sync_push(jsonb_build_array(jsonb_build_object('mutation_id', mid, 'name', name, 'args', args)
           || case when base is null then '{}'::jsonb else jsonb_build_object('base_version', base) end),
         1, device::uuid) -> 'results' -> 0
$$;

-- pgTAP runs in one transaction, whose own writes are by definition still in flight:
-- sync_pull rightly holds them back. settle() stamps them with an old, finished
-- transaction id — what committing and waiting would do. (Late commits on two real
-- connections are tested in tests/integration/sync-server.)
create function pg_temp.settle() returns void language plpgsql as $$
declare
  t text;
begin
  perform set_config('session_replication_role', 'replica', true);
  for t in select relation from sync_private.pull_tables loop
    execute format('update %s set row_xid = %L::xid8 where row_xid = pg_current_xact_id()', t, '3');
  end loop;
  perform set_config('session_replication_role', 'origin', true);
end $$;
-- The ids of one table in a pull answer, sorted.
create function pg_temp.ids(answer jsonb, tbl text) returns uuid[] language sql as $$
  select coalesce(array_agg((r ->> 'id')::uuid order by r ->> 'id'), '{}')
    from jsonb_array_elements(coalesce(answer -> 'changes' -> tbl, '[]')) r
$$;
create function pg_temp.has(answer jsonb, tbl text, id text) returns boolean language sql as $$
  select id::uuid = any (pg_temp.ids(answer, tbl))
$$;
-- Rows and tombstones of every table in one answer.
create function pg_temp.page_rows(answer jsonb) returns int language sql as $$
  select (select coalesce(sum(jsonb_array_length(t.value)), 0) from jsonb_each(answer -> 'changes') t)::int
       + (select coalesce(sum(jsonb_array_length(t.value)), 0) from jsonb_each(answer -> 'tombstones') t)::int
$$;
-- Pull until has_more is false; every (table, id) served, with repeats.
create function pg_temp.pull_all(lim int) returns table (tbl text, id text, pages int) language plpgsql as $$
declare
  c text;
  a jsonb;
  n int := 0;
begin
  loop
    a := public.sync_pull(c, lim)::jsonb;
    n := n + 1;
    return query select t.key, r ->> 'id', n from jsonb_each(a -> 'changes') t, jsonb_array_elements(t.value) r;
    return query select t.key, r #>> '{}', n from jsonb_each(a -> 'tombstones') t, jsonb_array_elements(t.value) r;
    c := a ->> 'cursor';
    exit when not (a -> 'has_more')::boolean or n > 500;
  end loop;
end $$;

select pg_temp.settle();

-- ===========================================================================
-- Shape, schema version, anon
-- ===========================================================================
select pg_temp.as_anon();
select is((select array_agg(k order by k) from jsonb_object_keys(public.sync_pull()::jsonb) k),
  array['changes', 'cursor', 'has_more', 'schema_version', 'tombstones'], 'the answer has the contract''s keys');
select is(public.sync_pull(null, 500, 2)::jsonb, '{"error":"unsupported_schema_version","min_version":1}'::jsonb,
  'an unsupported schema version answers an error and no changes');
select ok(pg_temp.has(public.sync_pull()::jsonb, 'structures', '51000000-0000-4000-9e57-000000000001'),
  'anon pulls published structures');
select ok(not pg_temp.has(public.sync_pull()::jsonb, 'structures', '53000000-0000-4000-9e57-000000000003'),
  '... but not drafts');
select ok(pg_temp.has(public.sync_pull()::jsonb, 'prestations', '91000000-0000-4000-9e57-000000000001'),
  'anon pulls published prestations');
select ok(not (public.sync_pull()::jsonb -> 'changes' ?| array['profiles', 'appointments', 'prestation_offers', 'feedback',
  'consultations', 'evaluations', 'outreach_contacts', 'teams', 'invitations']), 'anon pulls no personal table');
select ok(not exists (select 1 from jsonb_each(public.sync_pull()::jsonb -> 'changes') t, jsonb_array_elements(t.value) r
                      where r ? 'row_xid'), 'rows never carry row_xid');
select ok((select bool_and(r ? 'version' and r ? 'updated_at' and r ? 'deleted_at')
             from jsonb_each(public.sync_pull()::jsonb -> 'changes') t, jsonb_array_elements(t.value) r),
  'rows carry version, updated_at and deleted_at');

-- ===========================================================================
-- Row-level security per role
-- ===========================================================================
select pg_temp.as_user('aaaaaaaa-0000-4000-9e57-000000000001');
select is(pg_temp.ids(public.sync_pull()::jsonb, 'appointments'), array['a1000000-0000-4000-9e57-000000000001'::uuid],
  'allocataire A pulls their own appointment only');
select is(pg_temp.ids(public.sync_pull()::jsonb, 'profiles'), array['aaaaaaaa-0000-4000-9e57-000000000001'::uuid],
  '... their own profile only');
select is(pg_temp.ids(public.sync_pull()::jsonb, 'prestation_offers'), array['0f100000-0000-4000-9e57-000000000001'::uuid],
  '... their own offers');
select ok(not (public.sync_pull()::jsonb -> 'changes' ?| array['outreach_contacts', 'teams', 'evaluations', 'consultations']),
  '... and nothing of outreach, teams or consultations');
select pg_temp.as_user('bbbbbbbb-0000-4000-9e57-000000000002');
select is(pg_temp.ids(public.sync_pull()::jsonb, 'appointments'), array['a2000000-0000-4000-9e57-000000000002'::uuid],
  'allocataire B never sees A''s appointment');
select ok(not pg_temp.has(public.sync_pull()::jsonb, 'prestation_offers', '0f100000-0000-4000-9e57-000000000001'),
  '... nor A''s offers');
select pg_temp.as_user('eeeeeeee-0000-4000-9e57-000000000006');
select ok(pg_temp.has(public.sync_pull()::jsonb, 'appointments', 'a1000000-0000-4000-9e57-000000000001')
          and not pg_temp.has(public.sync_pull()::jsonb, 'appointments', 'a2000000-0000-4000-9e57-000000000002'),
  'référent R1 pulls the appointments of their structure only');
select ok(pg_temp.has(public.sync_pull()::jsonb, 'profiles', 'aaaaaaaa-0000-4000-9e57-000000000001')
          and not pg_temp.has(public.sync_pull()::jsonb, 'profiles', 'bbbbbbbb-0000-4000-9e57-000000000002'),
  '... the profiles of their allocataires only');
select pg_temp.as_user('dddddddd-0000-4000-9e57-000000000004');
select is(pg_temp.ids(public.sync_pull()::jsonb, 'outreach_contacts'), array['0c100000-0000-4000-9e57-000000000001'::uuid],
  'outreach O1 pulls their team''s contacts, never another team''s');
select is(pg_temp.ids(public.sync_pull()::jsonb, 'teams'), array['71000000-0000-4000-9e57-000000000001'::uuid],
  '... and their own team');
select pg_temp.as_user('cccccccc-0000-4000-9e57-000000000003');
select ok(pg_temp.has(public.sync_pull()::jsonb, 'consultations', 'c1000000-0000-4000-9e57-000000000001'),
  'the groupe ressource pulls consultations');
select pg_temp.as_user('ffffffff-0000-4000-9e57-000000000008');
select ok(pg_temp.has(public.sync_pull()::jsonb, 'structures', '53000000-0000-4000-9e57-000000000003'),
  'a coordinator pulls drafts');
select ok(not (public.sync_pull()::jsonb -> 'changes' ? 'appointments') and not (public.sync_pull()::jsonb -> 'changes' ? 'prestation_offers'),
  '... but no appointment nor offer: the back office reads them through the indicators');
select ok(not (public.sync_pull()::jsonb -> 'changes' ? 'outreach_contacts'), '... but no outreach contact (aggregates only)');

-- ===========================================================================
-- Tombstones
-- ===========================================================================
select pg_temp.as_user('aaaaaaaa-0000-4000-9e57-000000000001');
select is(public.sync_push('[
  {"mutation_id":"10000000-0000-4000-9e57-000000000101","name":"feedback.create","args":{"id":"fb000000-0000-4000-9e57-000000000101","kind":"other","body":"Gardé","share_with_groupe":false,"contact_back":false}},
  {"mutation_id":"10000000-0000-4000-9e57-000000000102","name":"feedback.create","args":{"id":"fb000000-0000-4000-9e57-000000000102","kind":"other","body":"Effacé","share_with_groupe":false,"contact_back":false}},
  {"mutation_id":"10000000-0000-4000-9e57-000000000103","name":"feedback.delete","args":{"id":"fb000000-0000-4000-9e57-000000000102"}}
]') #>> '{results,2,status}', 'applied', 'A writes two feedbacks and deletes one');
select is(pg_temp.ids(public.sync_pull()::jsonb, 'feedback'), '{}'::uuid[], 'writes still in flight are not served');
select pg_temp.as_admin();
select pg_temp.settle();
select pg_temp.as_user('aaaaaaaa-0000-4000-9e57-000000000001');
select is(pg_temp.ids(public.sync_pull()::jsonb, 'feedback'), array['fb000000-0000-4000-9e57-000000000101'::uuid],
  'once finished, the live feedback is served as a row');
select is(public.sync_pull()::jsonb -> 'tombstones' -> 'feedback', '["fb000000-0000-4000-9e57-000000000102"]'::jsonb,
  '... and the deleted one as a tombstone only');

-- ===========================================================================
-- Cursor and pages
-- ===========================================================================
select is((select count(*)::int from pg_temp.pull_all(500) where pages > 1), 0, 'with a large page, one pull is enough');
select ok((public.sync_pull(null, 1)::jsonb -> 'has_more')::boolean, 'a page of 1 row has more');
select is(pg_temp.page_rows(public.sync_pull(null, 1)::jsonb), 1, '... and holds 1 row in all tables together');
select is((select max(n) from (select pages, count(*)::int as n from pg_temp.pull_all(7) group by pages) p), 7,
  'a page of 7 holds at most 7 rows, rows and tombstones of every table counted');
select is((select count(distinct tbl)::int from pg_temp.pull_all(1000)), (select count(distinct tbl)::int from pg_temp.pull_all(7)),
  '... and pages go on through the tables left over');
-- has_more is exact when a page's budget ends exactly with the last row.
do $$ begin perform set_config('test.all_rows', (select count(*) from pg_temp.pull_all(1000))::text, true); end $$;
select ok(not (public.sync_pull(null, current_setting('test.all_rows')::int)::jsonb -> 'has_more')::boolean,
  'a page exactly as large as everything there is has no more');
select ok((public.sync_pull(null, current_setting('test.all_rows')::int - 1)::jsonb -> 'has_more')::boolean,
  '... one row fewer has more');
select results_eq($$select tbl, id from pg_temp.pull_all(1) order by 1, 2$$,
                  $$select tbl, id from pg_temp.pull_all(1000) order by 1, 2$$,
  'paging by 1 serves exactly the rows of one large page');
select is((select count(*)::int from (select tbl, id from pg_temp.pull_all(2) group by 1, 2 having count(*) > 1) d), 0,
  '... each exactly once');
select is((public.sync_pull(public.sync_pull()::jsonb ->> 'cursor')::jsonb) -> 'changes', '{}'::jsonb,
  'after a full pull, the cursor serves nothing new');
select is(public.sync_pull('not a cursor')::jsonb - 'cursor', public.sync_pull(null)::jsonb - 'cursor',
  'an unreadable cursor starts over');
select is(public.sync_pull(jsonb_set((public.sync_pull()::jsonb ->> 'cursor')::jsonb, '{i}', '"00000000-0000-4000-9e57-000000000000"')::text)::jsonb - 'cursor',
          public.sync_pull(null)::jsonb - 'cursor', 'a cursor from another database starts over');
select is(public.sync_pull(jsonb_set((public.sync_pull()::jsonb ->> 'cursor')::jsonb, '{p,feedback}', '["999999999999", "00000000-0000-4000-9e57-000000000000"]')::text)::jsonb - 'cursor',
          public.sync_pull(null)::jsonb - 'cursor', 'a cursor from the future starts over');
-- A cursor minted for A, presented by B: B still gets every personal row of theirs.
do $$ begin perform set_config('test.cursor_a', public.sync_pull()::jsonb ->> 'cursor', true); end $$;
select pg_temp.as_user('bbbbbbbb-0000-4000-9e57-000000000002');
select is(pg_temp.ids(public.sync_pull(current_setting('test.cursor_a'))::jsonb, 'appointments'),
  array['a2000000-0000-4000-9e57-000000000002'::uuid], 'another user''s cursor keeps no personal position');
select ok(not (public.sync_pull(current_setting('test.cursor_a'))::jsonb -> 'changes' ? 'structures'),
  '... but keeps the public ones');

-- ===========================================================================
-- Reconcile
-- ===========================================================================
select pg_temp.as_user('aaaaaaaa-0000-4000-9e57-000000000001');
select is(public.sync_reconcile(array['appointments', 'feedback']),
  '{"appointments":["a1000000-0000-4000-9e57-000000000001"],"feedback":["fb000000-0000-4000-9e57-000000000101"]}'::jsonb,
  'reconcile lists the ids the caller sees now, deleted rows aside');
select pg_temp.as_admin();
update public.appointments set allocataire_id = 'bbbbbbbb-0000-4000-9e57-000000000002'
 where id = 'a1000000-0000-4000-9e57-000000000001';
select pg_temp.as_user('aaaaaaaa-0000-4000-9e57-000000000001');
select is(public.sync_reconcile(array['appointments']), '{"appointments":[]}'::jsonb,
  'after reassignment, the appointment is gone from the former allocataire''s ids');
select pg_temp.as_user('bbbbbbbb-0000-4000-9e57-000000000002');
select ok(public.sync_reconcile(array['appointments']) -> 'appointments' ? 'a1000000-0000-4000-9e57-000000000001',
  '... and listed for the new one');
select throws_ok($$select public.sync_reconcile(array['sync_mutations'])$$, '22023', null, 'reconcile refuses other tables');
select throws_ok($$select public.sync_reconcile(array['appointments; drop table x'])$$, '22023', null, '... and any odd name');
select ok(public.sync_reconcile(array['structures']) -> 'structures' ? '51000000-0000-4000-9e57-000000000001',
  'public content may be reconciled too');
select pg_temp.as_anon();
select throws_ok($$select public.sync_reconcile(array['structures'])$$, '42501', null, 'anon cannot reconcile');

-- ===========================================================================
-- A change of scope (roles, team, structure) restarts the personal tables
-- ===========================================================================
select pg_temp.as_user('eeeeeeee-0000-4000-9e57-000000000006');
do $$ begin perform set_config('test.cursor_r1', public.sync_pull()::jsonb ->> 'cursor', true); end $$;
select is(public.sync_pull(current_setting('test.cursor_r1'))::jsonb -> 'changes', '{}'::jsonb, 'référent R1 is up to date');
select pg_temp.as_admin();
update public.profiles set structure_id = '52000000-0000-4000-9e57-000000000002' where id = 'eeeeeeee-0000-4000-9e57-000000000006';
select pg_temp.settle();
select pg_temp.as_user('eeeeeeee-0000-4000-9e57-000000000006');
select ok(pg_temp.has(public.sync_pull(current_setting('test.cursor_r1'))::jsonb, 'appointments', 'a2000000-0000-4000-9e57-000000000002'),
  'after moving to another structure, R1 gets its appointments though they did not change');
select ok(not (public.sync_pull(current_setting('test.cursor_r1'))::jsonb -> 'changes' ? 'structures'),
  '... while public content is not served again');

select * from finish();
rollback;

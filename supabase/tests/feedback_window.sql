-- A coordinator's device holds the feedback still waiting and what changed in the last
-- 90 days (20261125001800_feedback_window.sql); older answered and closed items are read
-- through admin_feedback_archive / admin_feedback_get. The seed holds one such item
-- (fb…06, closed about 190 days ago).
begin;
\ir helpers/setup.psql
select plan(42);

-- Stamp this transaction's writes as committed long ago (sync_pull serves only finished
-- transactions; a pgTAP file is one transaction still running).
create function pg_temp.settle() returns void language plpgsql as $$
begin
  perform set_config('session_replication_role', 'replica', true);
  update public.feedback set row_xid = '3'::xid8 where row_xid = pg_current_xact_id();
  perform set_config('session_replication_role', 'origin', true);
end $$;
-- Moves an item's last change back in time, as if nobody had touched it since.
create function pg_temp.age(fid uuid, days int) returns void language plpgsql as $$
begin
  perform set_config('session_replication_role', 'replica', true);
  update public.feedback set updated_at = now() - make_interval(days => days) where id = fid;
  perform set_config('session_replication_role', 'origin', true);
end $$;
-- Every feedback id (rows and tombstones) a first pull serves the caller.
create function pg_temp.pulled(tombstones boolean default true) returns uuid[] language plpgsql as $$
declare
  cur text;
  answer jsonb;
  got uuid[] := '{}';
begin
  loop
    answer := public.sync_pull(cur, 1000, 1);
    got := got || array(select (r ->> 'id')::uuid from jsonb_array_elements(coalesce(answer -> 'changes' -> 'feedback', '[]')) r)
               || array(select t::uuid from jsonb_array_elements_text(coalesce(answer -> 'tombstones' -> 'feedback', '[]')) t
                         where tombstones);
    cur := answer ->> 'cursor';
    exit when not (answer ->> 'has_more')::boolean;
  end loop;
  return got;
end $$;
create function pg_temp.reconciled() returns uuid[] language sql as $$
  select array(select value::uuid from jsonb_array_elements_text(public.sync_reconcile(array['feedback']) -> 'feedback'))
$$;
create function pg_temp.archive(args jsonb default '{}') returns uuid[] language sql as $$
  select array(select f.id from public.admin_feedback_archive(
    kind => args ->> 'kind', prestation => (args ->> 'prestation')::uuid, status => args ->> 'status',
    assigned => args ->> 'assigned', theme => args ->> 'theme',
    before_created => (args ->> 'before_created')::timestamptz, before_id => (args ->> 'before_id')::uuid,
    lim => coalesce((args ->> 'lim')::int, 50)) f)
$$;
grant execute on all functions in schema pg_temp to public;

-- ---- privileges ----
select ok(
  (select bool_and(not has_function_privilege('anon', p.oid, 'execute') and not p.prosecdef
                   and p.proconfig @> array['search_path=""'])
     from pg_proc p where p.oid in ('public.admin_feedback_archive(text,uuid,text,text,text,timestamptz,uuid,int)'::regprocedure,
       'public.admin_feedback_get(uuid)'::regprocedure, 'sync_private.feedback_window_start()'::regprocedure)),
  'window functions: no anon execute, security invoker, empty search_path');

-- ---- what a coordinator's device pulls ----
select tests.act_as('coordinator');
select ok(not ('fb000000-0000-4000-8000-000000000006' = any (pg_temp.pulled())),
  'an item closed 190 days ago is not pulled by a coordinator''s device');
select ok(array['fb000000-0000-4000-8000-000000000001', 'fb000000-0000-4000-8000-000000000002',
                'fb000000-0000-4000-8000-000000000003', 'fb000000-0000-4000-8000-000000000005']::uuid[] <@ pg_temp.pulled(),
  'open items and the item answered two days ago are pulled');
select ok(not ('fb000000-0000-4000-8000-000000000006' = any (pg_temp.reconciled()))
          and 'fb000000-0000-4000-8000-000000000001' = any (pg_temp.reconciled()),
  'reconcile agrees: a device holding the old item drops it');
select is((select count(*)::int from public.feedback where id = 'fb000000-0000-4000-8000-000000000006'), 1,
  'row-level security still lets the coordinator read it (the archive does)');

select tests.act_as('groupe');
select ok('fb000000-0000-4000-8000-000000000006' = any (pg_temp.pulled()),
  'its author''s device still holds it: an author keeps all their feedback');

-- Aging: an answered item leaves the window when untouched for 90 days, an open one never does.
select tests.act_as('postgres');
select pg_temp.age('fb000000-0000-4000-8000-000000000001', 91);
select pg_temp.age('fb000000-0000-4000-8000-000000000003', 700);
select tests.act_as('coordinator');
select ok(not ('fb000000-0000-4000-8000-000000000001' = any (pg_temp.reconciled())),
  'an answered item untouched for 91 days leaves the coordinator''s device at the next reconcile');
select ok('fb000000-0000-4000-8000-000000000003' = any (pg_temp.pulled())
          and 'fb000000-0000-4000-8000-000000000003' = any (pg_temp.reconciled()),
  'an item still waiting after 700 days stays on the device');
select tests.act_as('postgres');
select pg_temp.age('fb000000-0000-4000-8000-000000000001', 89);
select tests.act_as('coordinator');
select ok('fb000000-0000-4000-8000-000000000001' = any (pg_temp.pulled()),
  'one answered 89 days ago is still pulled');

select is((select array_agg(i order by i) from unnest(pg_temp.reconciled()) i),
          (select array_agg(i order by i) from unnest(pg_temp.pulled(false)) i),
  'reconcile (its own form of the recent arm) lists exactly the rows a first pull brings');

-- Soft-deleted items, one still waiting and one answered lately: a coordinator holds three
-- arms of the table (theirs as an author, open, recent), and the deleted check applies to all.
select tests.act_as('postgres');
set local session_replication_role = replica;
update public.feedback set deleted_at = now()
 where id in ('fb000000-0000-4000-8000-000000000001', 'fb000000-0000-4000-8000-000000000002');
set local session_replication_role = origin;
select tests.act_as('coordinator');
select ok(not (array['fb000000-0000-4000-8000-000000000001', 'fb000000-0000-4000-8000-000000000002']::uuid[]
               && pg_temp.reconciled()),
  'reconcile leaves out deleted items, whichever arm matches them');
select tests.act_as('postgres');
set local session_replication_role = replica;
update public.feedback set deleted_at = null
 where id in ('fb000000-0000-4000-8000-000000000001', 'fb000000-0000-4000-8000-000000000002');
set local session_replication_role = origin;
select tests.act_as('coordinator');

-- ---- the archive ----
select is(pg_temp.archive(), array['fb000000-0000-4000-8000-000000000006']::uuid[],
  'the archive lists the answered and closed items outside the window only');
select is(pg_temp.archive('{"kind":"prestation","status":"closed","theme":"horaires","assigned":"nobody"}'),
  array['fb000000-0000-4000-8000-000000000006']::uuid[], 'with every filter it matches');
select is(pg_temp.archive('{"prestation":"b0000000-0000-4000-8000-000000000006"}'),
  array['fb000000-0000-4000-8000-000000000006']::uuid[], 'by prestation');
select is(pg_temp.archive('{"kind":"booklet"}'), '{}'::uuid[], 'another type: nothing');
select is(pg_temp.archive('{"status":"answered"}'), '{}'::uuid[], 'another status: nothing');
select is(pg_temp.archive('{"theme":"numerique"}'), '{}'::uuid[], 'another theme: nothing');
select is(pg_temp.archive('{"assigned":"me"}'), '{}'::uuid[], 'assigned to me: nothing');
select is(pg_temp.archive('{"prestation":"b0000000-0000-4000-8000-000000000014"}'), '{}'::uuid[], 'another prestation: nothing');

-- Paging: a dozen more archived items, newest first, 5 at a time, none twice.
select tests.act_as('postgres');
insert into public.feedback (id, author_id, kind, body, status, answer, answered_at)
select ('fb900000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'de000000-0000-4000-8000-000000000001',
       'other', format('Retour %s', g), 'answered', 'Merci.', now() - interval '300 days'
  from generate_series(1, 12) g;
select pg_temp.settle();
set local session_replication_role = replica;
update public.feedback set created_at = now() - make_interval(days => 300 + right(id::text, 2)::int),
                           updated_at = now() - interval '250 days'
 where id::text like 'fb900000-%';
set local session_replication_role = origin;
select tests.act_as('coordinator');
create temp table pages (n int, ids uuid[]);
grant all on pages to public;
create function pg_temp.next_page(n int) returns void language sql as $$
  insert into pages select n, pg_temp.archive(case when n = 1 then '{"lim":5}'::jsonb else jsonb_build_object('lim', 5,
    'before_created', (select f.created_at from public.feedback f where f.id = p.ids[5]), 'before_id', p.ids[5]) end)
    from (select (select ids from pages where pages.n = next_page.n - 1) as ids) p
$$;
grant execute on function pg_temp.next_page(int) to public;
select pg_temp.next_page(1);
select pg_temp.next_page(2);
select pg_temp.next_page(3);
select is((select array_agg(cardinality(ids) order by n) from pages), array[5, 5, 3],
  'pages of 5: 5, 5, then the 3 left');
select is((select array_agg(i order by n, o) from pages, unnest(ids) with ordinality u(i, o)),
  (select array_agg(f.id order by f.created_at desc, f.id desc) from public.feedback f
    where f.id::text like 'fb900000-%' or f.id = 'fb000000-0000-4000-8000-000000000006'),
  'every archived item once, newest first across pages');
select is(cardinality(pg_temp.archive('{"lim":0}')), 1, 'lim is clamped to at least 1');
select is(cardinality(pg_temp.archive('{"lim":100000}')), 13, 'and to at most 200');

-- A theme's pages come through the theme index and its helper (20261125001900_feedback_archive_theme.sql).
select tests.act_as('postgres');
set local session_replication_role = replica;
update public.feedback set themes = '{transport,horaires}'
 where id::text like 'fb900000-%' and right(id::text, 2)::int % 2 = 0;
update public.feedback set deleted_at = now() where id = 'fb900000-0000-4000-8000-000000000012';
set local session_replication_role = origin;
create temp table themed as
  select f.id, f.created_at, row_number() over (order by f.created_at desc, f.id desc) as n
    from public.feedback f
   where f.themes @> '{transport}' and f.deleted_at is null;
grant all on themed to public;
select tests.act_as('coordinator');
select is(pg_temp.archive('{"theme":"transport"}'), (select array_agg(id order by n) from themed),
  'a theme: its archived items, newest first, without the deleted one');
select is(cardinality(pg_temp.archive('{"theme":"transport"}')), 5, 'five of the six so themed are left');
select is(pg_temp.archive(jsonb_build_object('theme', 'transport', 'lim', 3,
            'before_created', (select created_at from themed where n = 3), 'before_id', (select id from themed where n = 3))),
  (select array_agg(id order by n) from themed where n > 3), 'its second page starts after the first one''s last item');
select is(pg_temp.archive('{"theme":"horaires","kind":"prestation"}'), array['fb000000-0000-4000-8000-000000000006']::uuid[],
  'a theme with the other filters');
select is(pg_temp.archive('{"theme":"transport","kind":"booklet"}'), '{}'::uuid[], 'a theme and another type: nothing');
select is(pg_temp.archive('{"theme":"aucun-avis"}'), '{}'::uuid[], 'a theme no item has: nothing');
select ok((select p.prosecdef and p.proconfig @> array['search_path=""'] and not has_function_privilege('anon', p.oid, 'execute')
             from pg_proc p where p.oid = 'sync_private.feedback_archive_ids(text,text,text,uuid,text,timestamptz,uuid,int)'::regprocedure),
  'the theme helper: security definer, empty search_path, no anon execute');
select tests.act_as('referent');
select is((select count(*)::int from sync_private.feedback_archive_ids('horaires', null, null, null, null, null, null, 50)), 0,
  'the theme helper gives anyone but a coordinator nothing');
select tests.act_as('coordinator');

-- ---- bad input ----
select throws_ok($$ select pg_temp.archive('{"status":"received"}') $$, '22023',
  'Seuls les retours répondus ou clos sont archivés.', 'open statuses are never archived');
select throws_ok($$ select pg_temp.archive('{"kind":"nope"}') $$, '22023', 'Type de retour inconnu.', 'unknown type');
select throws_ok($$ select pg_temp.archive('{"assigned":"them"}') $$, '22023', 'Filtre de suivi inconnu.', 'unknown assignment filter');
select throws_ok($$ select pg_temp.archive(jsonb_build_object('theme', repeat('x', 81))) $$, '22023',
  'Thème trop long (80 caractères au plus).', 'a theme over 80 characters');
select throws_ok($$ select pg_temp.archive('{"before_created":"2026-01-01T00:00:00Z"}') $$, '22023',
  'La page précédente se donne par sa date et son identifiant.', 'a page needs both its date and id');

-- ---- one item by id ----
select is((select body from public.admin_feedback_get('fb000000-0000-4000-8000-000000000006')),
  'Les horaires de l''atelier CV tombent à l''heure de la sortie d''école.', 'a coordinator opens an archived item by id');
select is((select count(*)::int from public.admin_feedback_get('fb000000-0000-4000-8000-0000000000ff')), 0,
  'an unknown id: no row');

-- ---- only coordinators ----
select tests.act_as('referent');
select throws_ok($$ select pg_temp.archive() $$, '42501', 'Réservé aux coordinateurs.', 'a référent cannot read the archive');
select tests.act_as('groupe');
select throws_ok($$ select * from public.admin_feedback_get('fb000000-0000-4000-8000-000000000006') $$, '42501',
  'Réservé aux coordinateurs.', 'not even the author, through this function (their device holds it)');

-- ---- a write to an archived item brings it back ----
select tests.act_as('coordinator');
select is(tests.push('feedback.set_status', '{"id":"fb000000-0000-4000-8000-000000000006","status":"read"}') ->> 'status',
  'applied', 'a coordinator reopens an archived item');
select tests.act_as('postgres');
select pg_temp.settle();
select tests.act_as('coordinator');
select ok('fb000000-0000-4000-8000-000000000006' = any (pg_temp.pulled()),
  'reopened, it is pulled again by coordinators'' devices');

select * from finish();
rollback;

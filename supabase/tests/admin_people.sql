-- Coordinators' devices hold the staff's profiles only; anybody else is looked up on the
-- server (admin_people_search, admin_people) and never synced to the device.
begin;
\ir helpers/setup.psql
select plan(24);

create function pg_temp.pulled(who text) returns uuid[] language plpgsql as $$
declare
  page jsonb;
  cur text := null;
  ids uuid[] := '{}';
begin
  perform tests.act_as(who);
  loop
    page := public.sync_pull(cur, 1000)::jsonb;
    ids := ids || array(select (r ->> 'id')::uuid from jsonb_array_elements(coalesce(page #> '{changes,profiles}', '[]')) r);
    exit when not (page ->> 'has_more')::boolean;
    cur := page ->> 'cursor';
  end loop;
  return ids;
end
$$;
grant execute on function pg_temp.pulled(text) to public;

-- ---- privileges ----
select ok(
  (select bool_and(not has_function_privilege('anon', p.oid, 'execute') and not p.prosecdef
                   and p.proconfig @> array['search_path=""'])
     from pg_proc p where p.oid in ('public.admin_people_search(text,int)'::regprocedure,
                                    'public.admin_people(uuid[])'::regprocedure)),
  'the look-ups: no anon execute, security invoker, empty search_path');

-- ---- what a coordinator's device receives ----
select ok(tests.uid('referent') = any (pg_temp.pulled('coordinator'))
          and tests.uid('outreach') = any (pg_temp.pulled('coordinator'))
          and tests.uid('coordinator') = any (pg_temp.pulled('coordinator')),
  'a coordinator pulls the référents, outreach workers and coordinators');
select ok(tests.uid('groupe') = any (pg_temp.pulled('coordinator')),
  '... and the groupe ressource members (a role beyond allocataire)');
select ok(not (tests.uid('allocataire') = any (pg_temp.pulled('coordinator')))
          and not (tests.uid('allocataire2') = any (pg_temp.pulled('coordinator'))),
  '... but no plain allocataire''s profile');
select tests.act_as('coordinator');
select ok((select bool_and(sync_private.is_staff_roles(p.roles)) from public.profiles p
            where p.id in (select jsonb_array_elements_text(public.sync_reconcile(array['profiles']) -> 'profiles')::uuid)),
  'reconcile lists staff profiles only, so a device drops the allocataires it held');
select ok((select count(*) from public.profiles where 'allocataire' = all (roles)) > 0,
  'row-level security still lets coordinators read allocataires (the look-ups below rely on it)');

-- The other roles' pulls are unchanged.
select is(pg_temp.pulled('allocataire'), array[tests.uid('allocataire')], 'an allocataire pulls their own profile only');
select ok(tests.uid('allocataire') = any (pg_temp.pulled('referent')), 'a référent still pulls their allocataires');

-- ---- admin_people_search ----
select tests.act_as('coordinator');
select results_eq($$ select id from public.admin_people_search('amina') $$,
  array[tests.uid('allocataire')], 'finds an allocataire by first name');
select results_eq($$ select id from public.admin_people_search('  KONÉ  ') $$,
  array[tests.uid('allocataire')], '... without case or accents, spaces trimmed');
select results_eq($$ select id from public.admin_people_search('robert jean') $$,
  array[tests.uid('allocataire2')], '... every word, in any order');
select is_empty($$ select id from public.admin_people_search('amina robert') $$, '... all the words must match');
select results_eq($$ select id from public.admin_people_search('allocataire2@demo') $$,
  array[tests.uid('allocataire2')], '... by email');
select results_eq($$ select id from public.admin_people_search('06 00 00 00 01') $$,
  array[tests.uid('allocataire')], '... by phone digits, a leading 0 read as +33');
select results_eq($$ select display_name, roles, structure_id from public.admin_people_search('amina') $$,
  $$ select display_name, roles, structure_id from public.profiles where id = tests.uid('allocataire') $$,
  'answers with the name, roles and structure the accounts screen shows');
select is((select count(*) from public.admin_people_search('demo', 2))::int, 2, 'at most lim rows');
select throws_ok($$ select * from public.admin_people_search('   ') $$, '22023', null, 'an empty search is refused');
select throws_ok($$ select * from public.admin_people_search(repeat('a', 201)) $$, '22023', null, 'a search of 201 characters is refused');
select tests.act_as('referent');
select throws_ok($$ select * from public.admin_people_search('amina') $$, '42501', null, 'a référent cannot search accounts');
select tests.act_as('allocataire');
select throws_ok($$ select * from public.admin_people_search('amina') $$, '42501', null, '... nor an allocataire');

-- ---- admin_people ----
select tests.act_as('coordinator');
select results_eq($$ select id, display_name from public.admin_people(array[tests.uid('allocataire'), gen_random_uuid()]) $$,
  $$ values (tests.uid('allocataire'), 'Amina Kone') $$, 'names the ids asked for, unknown ids left out');
select throws_ok($$ select * from public.admin_people(array(select gen_random_uuid() from generate_series(1, 501))) $$,
  '22023', null, 'at most 500 ids at a time');
select tests.act_as('outreach');
select throws_ok($$ select * from public.admin_people(array[tests.uid('allocataire')]) $$, '42501', null,
  'an outreach worker cannot look anybody up');

-- ---- a staff member who becomes a plain allocataire leaves the coordinator's device ----
select tests.act_as('coordinator');
select tests.push('profile.set_access', jsonb_build_object('id', tests.uid('groupe'), 'roles', array['allocataire'],
  'structure_id', '5e000000-0000-4000-8000-000000000001'));
select ok(not (public.sync_reconcile(array['profiles']) -> 'profiles' ? tests.uid('groupe')::text),
  'a groupe member whose role is withdrawn is no longer among the coordinator''s profiles');

select * from finish();
rollback;

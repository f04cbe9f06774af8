-- Catalogue editing (structure.upsert, prestation.upsert, event.upsert): coordinators only,
-- every field checked, "checked today" stamps last_checked_at, public content is archived
-- rather than sent back to draft.
begin;
\ir helpers/setup.psql
select plan(30);

create function pg_temp.structure(patch jsonb default '{}') returns jsonb language sql as $$
  select jsonb_build_object('id', '5e000000-0000-4000-8000-0000000000a1', 'kind', 'ASSOCIATION',
    'name', 'Association Emploi Belleville', 'summary', 'Accueil et ateliers emploi.', 'address', '12 rue de Belleville',
    'postcode', '75020', 'arrondissement', 20,
    'opening_hours', '{"mon":[["09:00","12:30"],["13:30","17:00"]],"sat":[]}'::jsonb,
    'phone', '01 40 00 00 20', 'email', 'contact@example.org', 'website', 'https://example.org',
    'status', 'draft') || patch
$$;
create function pg_temp.prestation(patch jsonb default '{}') returns jsonb language sql as $$
  select jsonb_build_object('id', 'b0000000-0000-4000-8000-0000000000a1', 'registre', 'formation',
    'title', 'Atelier CV', 'summary', 'Écrire son CV en deux séances.', 'publics', '["rsa","jeunes"]'::jsonb,
    'access_mode', 'direct', 'structure_id', '5e000000-0000-4000-8000-000000000001',
    'arrondissements', '[19, 18, 18]'::jsonb, 'status', 'published') || patch
$$;
create function pg_temp.event(patch jsonb default '{}') returns jsonb language sql as $$
  select jsonb_build_object('id', 'e0000000-0000-4000-8000-0000000000a1', 'kind', 'forum', 'title', 'Forum emploi 19e',
    'starts_at', '2027-03-10T09:00:00+01:00', 'ends_at', '2027-03-10T13:00:00+01:00', 'place', 'Mairie du 19e',
    'status', 'published') || patch
$$;
grant execute on function pg_temp.structure(jsonb), pg_temp.prestation(jsonb), pg_temp.event(jsonb) to public;

select ok(
  (select bool_and(not has_function_privilege('anon', p.oid, 'execute') and not p.prosecdef
                   and p.proconfig @> array['search_path=""'])
     from pg_proc p where p.oid in ('public.m_structure_upsert(jsonb,bigint)'::regprocedure,
       'public.m_prestation_upsert(jsonb,bigint)'::regprocedure, 'public.m_event_upsert(jsonb,bigint)'::regprocedure)),
  'catalogue handlers: no anon execute, security invoker, empty search_path');

-- ---- only coordinators ----
select tests.act_as('referent');
select is(tests.push('structure.upsert', pg_temp.structure()) ->> 'reason', 'forbidden', 'a référent cannot edit structures');
select tests.act_as('allocataire');
select is(tests.push('prestation.upsert', pg_temp.prestation()) ->> 'reason', 'forbidden', 'an allocataire cannot edit prestations');
select tests.act_as('outreach');
select is(tests.push('event.upsert', pg_temp.event()) ->> 'reason', 'forbidden', 'an outreach worker cannot edit events');

-- ---- structures ----
select tests.act_as('coordinator');
select is(tests.push('structure.upsert', pg_temp.structure('{"postcode":"93100"}')) ->> 'field', 'postcode',
  'a postcode outside Paris is refused');
select is(tests.push('structure.upsert', pg_temp.structure('{"opening_hours":{"mon":[["17:00","09:00"]]}}')) ->> 'field',
  'opening_hours', 'a range that closes before it opens is refused');
select is(tests.push('structure.upsert', pg_temp.structure('{"opening_hours":{"lundi":[]}}')) ->> 'field',
  'opening_hours', 'unknown days are refused');
select is(tests.push('structure.upsert', pg_temp.structure('{"website":"javascript:alert(1)"}')) ->> 'field',
  'website', 'a website is an http(s) address');
select is(tests.push('structure.upsert', pg_temp.structure('{"email":"contact"}')) ->> 'field', 'email',
  'a malformed email is refused');
select is(tests.push('structure.upsert', pg_temp.structure('{"arrondissement":21}')) ->> 'field', 'arrondissement',
  'Paris has 20 arrondissements');
select is(tests.push('structure.upsert', pg_temp.structure()) ->> 'status', 'applied', 'a coordinator creates a structure');
select tests.act_as('postgres');
select results_eq(
  $$ select status, last_checked_at, opening_hours -> 'mon' -> 1 ->> 1 from public.structures where id = '5e000000-0000-4000-8000-0000000000a1' $$,
  $$ values ('draft', null::timestamptz, '17:00') $$, 'a draft, never checked, with its opening hours');
select tests.act_as('anon');
select is((select count(*)::int from public.structures where id = '5e000000-0000-4000-8000-0000000000a1'), 0,
  'a draft stays out of public sight');

select tests.act_as('coordinator');
select is(tests.push('structure.upsert', pg_temp.structure('{"status":"published","checked":true}')) ->> 'status', 'applied',
  'published and checked today');
select tests.act_as('postgres');
select results_eq(
  $$ select status, last_checked_at = now(), published_at is not null from public.structures where id = '5e000000-0000-4000-8000-0000000000a1' $$,
  $$ values ('published', true, true) $$, 'publication and check are stamped');
update public.structures set last_checked_at = '2025-01-01' where id = '5e000000-0000-4000-8000-0000000000a1';
select tests.act_as('coordinator');
select is(tests.push('structure.upsert', pg_temp.structure('{"status":"published","name":"Association Emploi Belleville (20e)"}')) ->> 'status',
  'applied', 'an edit without a check');
select tests.act_as('postgres');
select results_eq(
  $$ select name, last_checked_at from public.structures where id = '5e000000-0000-4000-8000-0000000000a1' $$,
  $$ values ('Association Emploi Belleville (20e)', '2025-01-01'::timestamptz) $$,
  'an edit alone does not pretend the sheet was checked');
select tests.act_as('coordinator');
select is(tests.push('structure.upsert', pg_temp.structure('{"status":"draft"}')) ->> 'message',
  'Un contenu déjà publié s''archive ; il ne redevient pas brouillon.', 'published content is archived, not sent back to draft');

-- ---- prestations ----
select is(tests.push('prestation.upsert', pg_temp.prestation('{"publics":[]}')) ->> 'field', 'publics', 'at least one public');
select is(tests.push('prestation.upsert', pg_temp.prestation('{"registre":"loisirs"}')) ->> 'field', 'registre',
  'one of the six registres');
select is(tests.push('prestation.upsert', pg_temp.prestation('{"structure_id":"5e000000-0000-4000-8000-0000000000ff"}')) ->> 'field',
  'structure_id', 'an unknown structure is refused');
select is(tests.push('prestation.upsert', pg_temp.prestation('{"arrondissements":[0]}')) ->> 'field', 'arrondissements',
  'arrondissements run from 1 to 20');
select is(tests.push('prestation.upsert', pg_temp.prestation('{"checked":true}')) ->> 'status', 'applied',
  'a coordinator publishes a prestation');
select tests.act_as('anon');
select results_eq(
  $$ select arrondissements, publics, last_checked_at is not null from public.prestations where id = 'b0000000-0000-4000-8000-0000000000a1' $$,
  $$ values ('{18,19}'::smallint[], '{jeunes,rsa}'::text[], true) $$, 'published for everyone, lists cleaned');
select tests.act_as('coordinator');
select is(tests.push('prestation.upsert', pg_temp.prestation('{"status":"archived"}')) ->> 'status', 'applied',
  'a coordinator archives a prestation');

-- ---- events ----
select is(tests.push('event.upsert', pg_temp.event('{"ends_at":"2027-03-10T08:00:00+01:00"}')) ->> 'field', 'ends_at',
  'an event ends after it starts');
select is(tests.push('event.upsert', pg_temp.event('{"starts_at":"2027-03-10 09:00"}')) ->> 'field', 'starts_at',
  'a start without a time zone is refused');
select is(tests.push('event.upsert', pg_temp.event('{"registration_url":"ftp://x"}')) ->> 'field', 'registration_url',
  'a registration link is an http(s) address');
select is(tests.push('event.upsert', pg_temp.event('{"checked":true,"seats":120}')) ->> 'status', 'applied',
  'a coordinator publishes an event, checked today');
select tests.act_as('postgres');
select results_eq(
  $$ select seats, publics, last_checked_at is not null from public.events where id = 'e0000000-0000-4000-8000-0000000000a1' $$,
  $$ values (120, '{tous}'::text[], true) $$, 'events have a "last checked" date too');

select * from finish();
rollback;

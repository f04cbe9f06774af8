-- sync_push and the v1 mutations (docs/sync-protocol.md): idempotency, rejection reasons,
-- atomicity per mutation, isolation between users, conflicts log, mutation log, sync_stats.
begin;
set local client_min_messages = warning;
create extension if not exists pgtap;
select plan(85);

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

-- ===========================================================================
-- Privileges
-- ===========================================================================
select pg_temp.as_anon();
select throws_ok($$select public.sync_push('[]')$$, '42501', null, 'anon cannot call sync_push');
select throws_ok($$select public.m_feedback_create('{}', null)$$, '42501', null, 'anon cannot call a mutation handler');
select throws_ok($$select public.sync_stats(gen_random_uuid())$$, '42501', null, 'anon cannot call sync_stats');
select pg_temp.as_admin();
select pg_temp.as_user(null);  -- a token without a subject
select throws_ok($$select public.sync_push('[]')$$, '42501', 'Connexion requise.', 'a token without a user cannot push');

select pg_temp.as_user('aaaaaaaa-0000-4000-9e57-000000000001');
select throws_ok($$select public.sync_push('{"not":"an array"}')$$, '22023', null, 'mutations must be an array');
select is(public.sync_push('[{"mutation_id":"10000000-0000-4000-9e57-0000000000f0","name":"feedback.create","args":{}}]', 99),
          '{"error":"unsupported_schema_version","min_version":1}'::jsonb,
          'an unsupported schema version is refused as a whole');
select is((select count(*)::int from public.sync_mutations where mutation_id = '10000000-0000-4000-9e57-0000000000f0'), 0,
          '... and records nothing');

-- ===========================================================================
-- Applied, then replayed
-- ===========================================================================
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000001', 'feedback.create',
  '{"id":"fb000000-0000-4000-9e57-000000000001","kind":"prestation","subject_id":"91000000-0000-4000-9e57-000000000001",
    "body":"Atelier utile","rating":4,"share_with_groupe":true,"contact_back":false}') ->> 'status',
  'applied', 'feedback.create is applied');
select results_eq($$select author_id, body, version from public.feedback where id = 'fb000000-0000-4000-9e57-000000000001'$$,
  $$values ('aaaaaaaa-0000-4000-9e57-000000000001'::uuid, 'Atelier utile'::text, 1::bigint)$$,
  'the row belongs to the caller');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000001', 'feedback.create',
  '{"id":"fb000000-0000-4000-9e57-000000000001","kind":"prestation","body":"Autre texte","share_with_groupe":true,"contact_back":false}'),
  '{"mutation_id":"10000000-0000-4000-9e57-000000000001","status":"duplicate"}'::jsonb,
  'a replayed mutation_id answers duplicate');
select results_eq($$select body, version from public.feedback where id = 'fb000000-0000-4000-9e57-000000000001'$$,
  $$values ('Atelier utile'::text, 1::bigint)$$, '... and changes nothing');
select results_eq($$select status, attempts from public.sync_mutations where mutation_id = '10000000-0000-4000-9e57-000000000001'$$,
  $$values ('applied'::text, 1)$$, '... and the log keeps one applied entry');

-- ===========================================================================
-- Rejection reasons
-- ===========================================================================
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000002', 'feedback.create',
  '{"id":"fb000000-0000-4000-9e57-000000000002","kind":"other","body":"x","rating":9,"share_with_groupe":false,"contact_back":false}')
  - 'message',
  '{"mutation_id":"10000000-0000-4000-9e57-000000000002","status":"rejected","reason":"validation","field":"rating"}'::jsonb,
  'validation: a rating out of range names the field');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000003', 'feedback.create',
  '{"id":"fb000000-0000-4000-9e57-000000000003","kind":"other","share_with_groupe":false,"contact_back":false}'),
  '{"mutation_id":"10000000-0000-4000-9e57-000000000003","status":"rejected","reason":"validation","field":"body",
    "message":"Le champ « body » est obligatoire."}'::jsonb,
  'validation: a missing field, with a French message');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000004', 'feedback.create',
  '{"id":"fb000000-0000-4000-9e57-000000000004","kind":"bogus","body":"x","share_with_groupe":false,"contact_back":false}') ->> 'reason',
  'validation', 'validation: a value outside the enumeration');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000005', 'feedback.create',
  '{"id":"fb000000-0000-4000-9e57-000000000005","kind":"other","body":"x","share_with_groupe":false,"contact_back":false,"author_id":"bbbbbbbb-0000-4000-9e57-000000000002"}') ->> 'field',
  'author_id', 'validation: unknown keys are refused, not ignored');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000006', 'appointment.set_status',
  '{"id":"a1000000-0000-4000-9e57-000000000001","status":"attended"}') ->> 'reason',
  'forbidden', 'forbidden: an allocataire cannot set the status of their appointment');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000007', 'appointment.upsert',
  '{"id":"a1000000-0000-4000-9e57-000000000001","allocataire_id":"aaaaaaaa-0000-4000-9e57-000000000001","kind":"follow_up","starts_at":"2030-01-01T10:00:00Z"}')
  - 'mutation_id',
  '{"status":"rejected","reason":"forbidden","message":"Vous n''avez pas le droit de faire cette modification."}'::jsonb,
  'forbidden: a row-level security refusal, with a generic French message');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000008', 'appointment.respond',
  '{"id":"a2000000-0000-4000-9e57-000000000002","response":"confirmed"}') ->> 'reason',
  'not_found', 'not_found: another person''s appointment is invisible');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000009', 'feedback.create',
  '{"id":"fb000000-0000-4000-9e57-000000000001","kind":"other","body":"encore","share_with_groupe":false,"contact_back":false}') ->> 'reason',
  'conflict', 'conflict: creating a row that already exists under a new mutation');
select is(pg_temp.push1('10000000-0000-4000-9e57-00000000000a', 'nothing.here', '{}') ->> 'reason',
  'unknown_mutation', 'unknown_mutation');
select is(public.sync_push('[{"name":"feedback.create","args":{}}]') -> 'results' -> 0,
  '{"mutation_id":null,"status":"rejected","reason":"validation","message":"Modification mal formée : identifiant manquant ou invalide."}'::jsonb,
  'a mutation without a valid mutation_id is rejected, not recorded');

-- Ids owned by someone else: never overwritten.
select pg_temp.as_user('bbbbbbbb-0000-4000-9e57-000000000002');
select is(pg_temp.push1('20000000-0000-4000-9e57-000000000001', 'feedback.create',
  '{"id":"fb000000-0000-4000-9e57-0000000000b1","kind":"other","body":"Avis de B","share_with_groupe":false,"contact_back":false}') ->> 'status',
  'applied', 'B writes a feedback');
select pg_temp.as_user('aaaaaaaa-0000-4000-9e57-000000000001');
select is(pg_temp.push1('10000000-0000-4000-9e57-00000000000b', 'feedback.create',
  '{"id":"fb000000-0000-4000-9e57-0000000000b1","kind":"other","body":"pris","share_with_groupe":false,"contact_back":false}') - 'mutation_id',
  '{"status":"rejected","reason":"forbidden","message":"Cet identifiant est déjà utilisé."}'::jsonb,
  'forbidden: creating with an id another user owns');
select is(pg_temp.push1('10000000-0000-4000-9e57-00000000000c', 'feedback.delete',
  '{"id":"fb000000-0000-4000-9e57-0000000000b1"}') ->> 'reason',
  'not_found', 'A cannot delete B''s feedback');

select pg_temp.as_user('dddddddd-0000-4000-9e57-000000000005');
select is(pg_temp.push1('50000000-0000-4000-9e57-000000000001', 'contact.upsert',
  '{"id":"0c100000-0000-4000-9e57-000000000001","team_id":"72000000-0000-4000-9e57-000000000002","quartier":"Ailleurs","met_at":"2026-11-20T10:00:00+01:00","met_how":"street"}') ->> 'reason',
  'forbidden', 'an outreach worker cannot upsert over another team''s contact');
select pg_temp.as_user('eeeeeeee-0000-4000-9e57-000000000007');
select is(pg_temp.push1('70000000-0000-4000-9e57-000000000001', 'appointment.upsert',
  '{"id":"a1000000-0000-4000-9e57-000000000001","allocataire_id":"aaaaaaaa-0000-4000-9e57-000000000001","kind":"diagnostic","starts_at":"2030-01-01T10:00:00Z"}') ->> 'reason',
  'forbidden', 'a référent cannot upsert over another structure''s appointment');
select pg_temp.as_admin();
select results_eq($$select (select quartier from public.outreach_contacts where id = '0c100000-0000-4000-9e57-000000000001'),
                          (select kind from public.appointments where id = 'a1000000-0000-4000-9e57-000000000001'),
                          (select body || coalesce(deleted_at::text, '') from public.feedback where id = 'fb000000-0000-4000-9e57-0000000000b1')$$,
  $$values ('Goutte d''Or'::text, 'follow_up'::text, 'Avis de B'::text)$$,
  '... and none of those rows changed');

-- ===========================================================================
-- One rejection does not stop the others; a mutation is applied whole or not at all
-- ===========================================================================
select pg_temp.as_user('aaaaaaaa-0000-4000-9e57-000000000001');
select is((select jsonb_agg(r ->> 'status') from jsonb_array_elements(public.sync_push('[
    {"mutation_id":"10000000-0000-4000-9e57-000000000020","name":"feedback.create","args":{"id":"fb000000-0000-4000-9e57-000000000020","kind":"other","body":"un","share_with_groupe":false,"contact_back":false}},
    {"mutation_id":"10000000-0000-4000-9e57-000000000021","name":"feedback.create","args":{"id":"fb000000-0000-4000-9e57-000000000021","kind":"other","body":"deux","rating":0,"share_with_groupe":false,"contact_back":false}},
    {"mutation_id":"10000000-0000-4000-9e57-000000000022","name":"feedback.create","args":{"id":"fb000000-0000-4000-9e57-000000000022","kind":"other","body":"trois","share_with_groupe":false,"contact_back":false}}
  ]') -> 'results') r),
  '["applied","rejected","applied"]'::jsonb, 'results come in order, one per mutation');
select is((select array_agg(body order by body) from public.feedback
           where id in ('fb000000-0000-4000-9e57-000000000020', 'fb000000-0000-4000-9e57-000000000021', 'fb000000-0000-4000-9e57-000000000022')),
          array['trois', 'un'], 'the mutations around a rejected one are applied');

-- A handler that writes, then fails: its write must vanish with it.
select pg_temp.as_admin();
create function public.m_test_half(args jsonb, base_version bigint) returns void
language plpgsql security invoker set search_path = '' as $$
begin
  insert into public.feedback (id, author_id, kind, body)
  values ('fb000000-0000-4000-9e57-0000000000ff', auth.uid(), 'other', 'à moitié');
  perform sync_private.reject('validation', 'Échec après écriture.');
end $$;
grant execute on function public.m_test_half(jsonb, bigint) to authenticated;
insert into sync_private.mutation_handlers (name, handler, target_table) values ('test.half', 'public.m_test_half', null);
select pg_temp.as_user('aaaaaaaa-0000-4000-9e57-000000000001');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000030', 'test.half', '{}') ->> 'message',
  'Échec après écriture.', 'a handler failing after a write is rejected');
select is((select count(*)::int from public.feedback where id = 'fb000000-0000-4000-9e57-0000000000ff'), 0,
  '... and its write is rolled back (no partial mutation)');
select is((select status from public.sync_mutations where mutation_id = '10000000-0000-4000-9e57-000000000030'),
  'rejected', '... and it is logged as rejected, not applied');

-- A rejected mutation is re-evaluated on replay (nothing was written; the user may retry).
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000002', 'feedback.create',
  '{"id":"fb000000-0000-4000-9e57-000000000002","kind":"other","body":"x","rating":5,"share_with_groupe":false,"contact_back":false}') ->> 'status',
  'applied', 'a rejected mutation_id retried with fixed args is applied');
select results_eq($$select status, reason, attempts from public.sync_mutations where mutation_id = '10000000-0000-4000-9e57-000000000002'$$,
  $$values ('applied'::text, null::text, 2)$$, '... and its log entry says so');

-- ===========================================================================
-- The mutation log is private and read-only
-- ===========================================================================
select ok((select count(*) from public.sync_mutations) > 0, 'a user reads their own log');
select is((select count(*)::int from public.sync_mutations where user_id <> auth.uid()), 0, '... and nobody else''s');
select throws_ok($$insert into public.sync_mutations (user_id, mutation_id, name, status)
                   values (auth.uid(), gen_random_uuid(), 'x', 'applied')$$, '42501', null, 'the log is not writable directly');
select throws_ok($$update public.sync_mutations set status = 'rejected'$$, '42501', null, '... nor updatable');
select throws_ok($$insert into public.sync_conflicts (table_name, row_id, overwritten, base_version, mutation_id, mutation_name)
                   values ('feedback', gen_random_uuid(), '{}', 1, gen_random_uuid(), 'x')$$, '42501', null,
                 'the conflicts log is not writable directly');

-- ===========================================================================
-- sync_stats: mutations received from one device
-- ===========================================================================
select is((select count(*)::int from jsonb_array_elements(public.sync_push('[
    {"mutation_id":"10000000-0000-4000-9e57-000000000040","name":"profile.update","args":{"reminder_sms":false}},
    {"mutation_id":"10000000-0000-4000-9e57-000000000041","name":"nothing.here","args":{}},
    {"mutation_id":"10000000-0000-4000-9e57-000000000040","name":"profile.update","args":{"reminder_sms":false}}
  ]', 1, 'de000000-0000-4000-9e57-0000000000d1') -> 'results')), 3, 'three results for three entries');
select is(public.sync_stats('de000000-0000-4000-9e57-0000000000d1'), '{"mutations_received":2}'::jsonb,
  'sync_stats counts distinct mutations received from the device, rejected ones included');
select pg_temp.as_user('bbbbbbbb-0000-4000-9e57-000000000002');
select is(public.sync_stats('de000000-0000-4000-9e57-0000000000d1'), '{"mutations_received":0}'::jsonb,
  '... for the caller only');

-- ===========================================================================
-- Each v1 mutation
-- ===========================================================================
select pg_temp.as_user('aaaaaaaa-0000-4000-9e57-000000000001');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000050', 'appointment.respond',
  '{"id":"a1000000-0000-4000-9e57-000000000001","response":"confirmed","preferred_slots":["lundi"]}') ->> 'field',
  'preferred_slots', 'appointment.respond: slots only come with a reschedule request');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000051', 'appointment.respond',
  '{"id":"a1000000-0000-4000-9e57-000000000001","response":"reschedule","reason":"Rendez-vous médical",
    "preferred_slots":[{"from":"2030-01-07T09:00:00+01:00","to":"2030-01-07T12:00:00+01:00"},"mardi après-midi"]}') ->> 'status',
  'applied', 'appointment.respond: reschedule with preferred slots');
select results_eq($$select status, response, response_reason, jsonb_array_length(preferred_slots), responded_at is not null, version
                    from public.appointments where id = 'a1000000-0000-4000-9e57-000000000001'$$,
  $$values ('reschedule_requested'::text, 'reschedule'::text, 'Rendez-vous médical'::text, 2, true, 2::bigint)$$,
  '... recorded on the appointment');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000052', 'offer.respond',
  '{"id":"0f100000-0000-4000-9e57-000000000001","interest":"interested"}') ->> 'status', 'applied', 'offer.respond');
select results_eq($$select status, responded_at is not null from public.prestation_offers where id = '0f100000-0000-4000-9e57-000000000001'$$,
  $$values ('interested'::text, true)$$, '... the offer is marked interested');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000053', 'profile.update',
  '{"display_name":"Amina","preferred_locale":"ar"}') ->> 'status', 'applied', 'profile.update');
select results_eq($$select display_name, preferred_locale::text, roles from public.profiles where id = auth.uid()$$,
  $$values ('Amina'::text, 'ar'::text, '{allocataire}'::text[])$$, '... changes only the given fields');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000054', 'profile.update', '{"roles":["coordinator"]}') ->> 'field',
  'roles', 'profile.update cannot touch roles');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000055', 'feedback.delete',
  '{"id":"fb000000-0000-4000-9e57-000000000020"}') ->> 'status', 'applied', 'feedback.delete');
select results_eq($$select deleted_at is not null, body from public.feedback where id = 'fb000000-0000-4000-9e57-000000000020'$$,
  $$values (true, ''::text)$$, '... soft-deletes the row and wipes its words');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000056', 'feedback.delete',
  '{"id":"fb000000-0000-4000-9e57-000000000020"}') ->> 'status', 'applied', '... deleting again is harmless');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000057', 'offer.respond',
  '{"id":"0f100000-0000-4000-9e57-000000000001","interest":"maybe"}') ->> 'field', 'interest', 'offer.respond validates interest');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000058', 'evaluation.upsert',
  '{"id":"e0000000-0000-4000-9e57-0000000000a1","consultation_id":"c1000000-0000-4000-9e57-000000000001","answers":{},"submitted":false}') ->> 'reason',
  'not_found', 'evaluation.upsert: a consultation outside the groupe is not visible to an allocataire');

select pg_temp.as_user('eeeeeeee-0000-4000-9e57-000000000006');
select is(pg_temp.push1('60000000-0000-4000-9e57-000000000001', 'appointment.upsert',
  '{"id":"a3000000-0000-4000-9e57-000000000003","allocataire_id":"aaaaaaaa-0000-4000-9e57-000000000001",
    "structure_id":"51000000-0000-4000-9e57-000000000001","kind":"bilan_sante","starts_at":"2030-02-01T09:30:00+01:00",
    "duration_min":60,"mode":"in_person","location":"4 rue Affre","documents_to_bring":["Carte Vitale","Carte Vitale"]}') ->> 'status',
  'applied', 'appointment.upsert creates an appointment');
select results_eq($$select referent_id, duration_min, documents_to_bring, status from public.appointments
                    where id = 'a3000000-0000-4000-9e57-000000000003'$$,
  $$values ('eeeeeeee-0000-4000-9e57-000000000006'::uuid, 60, '{"Carte Vitale"}'::text[], 'scheduled'::text)$$,
  '... with the caller as référent by default');
select is(pg_temp.push1('60000000-0000-4000-9e57-000000000002', 'appointment.upsert',
  '{"id":"a1000000-0000-4000-9e57-000000000001","allocataire_id":"aaaaaaaa-0000-4000-9e57-000000000001",
    "structure_id":"51000000-0000-4000-9e57-000000000001","kind":"follow_up","starts_at":"2030-01-07T10:00:00+01:00"}') ->> 'status',
  'applied', 'appointment.upsert moves an appointment');
select results_eq($$select status, response, preferred_slots, responded_at from public.appointments
                    where id = 'a1000000-0000-4000-9e57-000000000001'$$,
  $$values ('scheduled'::text, null::text, null::jsonb, null::timestamptz)$$,
  '... which clears the previous answer');
select is(pg_temp.push1('60000000-0000-4000-9e57-000000000003', 'appointment.upsert',
  '{"id":"a1000000-0000-4000-9e57-000000000001","allocataire_id":"bbbbbbbb-0000-4000-9e57-000000000002",
    "structure_id":"51000000-0000-4000-9e57-000000000001","kind":"follow_up","starts_at":"2030-01-07T10:00:00+01:00"}') ->> 'reason',
  'forbidden', 'appointment.upsert cannot hand an appointment to someone the référent does not follow');
select is(pg_temp.push1('60000000-0000-4000-9e57-000000000004', 'appointment.upsert',
  '{"id":"a4000000-0000-4000-9e57-000000000004","allocataire_id":"aaaaaaaa-0000-4000-9e57-000000000001",
    "structure_id":"51000000-0000-4000-9e57-000000000001","kind":"follow_up","starts_at":"2030-01-07T10:00:00+01:00",
    "event_id":"0e000000-0000-4000-9e57-000000000000"}') - 'mutation_id',
  '{"status":"rejected","reason":"validation","message":"Un élément lié est introuvable."}'::jsonb,
  'a foreign key error becomes a generic validation message');
select is(pg_temp.push1('60000000-0000-4000-9e57-000000000005', 'appointment.upsert',
  '{"id":"a4000000-0000-4000-9e57-000000000004","allocataire_id":"aaaaaaaa-0000-4000-9e57-000000000001",
    "kind":"follow_up","starts_at":"demain"}') ->> 'field',
  'starts_at', 'appointment.upsert validates starts_at');
select is(pg_temp.push1('60000000-0000-4000-9e57-000000000006', 'appointment.set_status',
  '{"id":"a1000000-0000-4000-9e57-000000000001","status":"excused"}') ->> 'status', 'applied', 'appointment.set_status');
select is((select status from public.appointments where id = 'a1000000-0000-4000-9e57-000000000001'), 'excused',
  '... sets the status');

select pg_temp.as_user('dddddddd-0000-4000-9e57-000000000004');
select is(pg_temp.push1('40000000-0000-4000-9e57-000000000001', 'contact.upsert',
  '{"id":"0c300000-0000-4000-9e57-000000000003","team_id":"71000000-0000-4000-9e57-000000000001","quartier":"Goutte d''Or",
    "met_at":"2026-11-20T10:00:00+01:00","met_how":"market","age_band":"26_34","needs":["emploi","francais"],"rsa":"yes",
    "consent":true,"consent_version":"v1","first_name_or_alias":"Sam","phone":"06 12 34 56 78",
    "oriented_structure_id":"51000000-0000-4000-9e57-000000000001","orientation_reason":"Demande d''accompagnement"}') ->> 'status',
  'applied', 'contact.upsert creates a contact');
select results_eq($$select created_by, referral_status, consent_at is not null, needs from public.outreach_contacts
                    where id = '0c300000-0000-4000-9e57-000000000003'$$,
  $$values ('dddddddd-0000-4000-9e57-000000000004'::uuid, 'pending'::text, true, '{emploi,francais}'::text[])$$,
  '... recorded for the caller, referral pending');
select is(pg_temp.push1('40000000-0000-4000-9e57-000000000002', 'contact.upsert',
  '{"id":"0c100000-0000-4000-9e57-000000000001","team_id":"71000000-0000-4000-9e57-000000000001","quartier":"La Chapelle",
    "met_at":"2026-11-20T10:00:00+01:00","met_how":"street"}') ->> 'status', 'applied', 'contact.upsert updates an own-team contact');
select results_eq($$select quartier, version from public.outreach_contacts where id = '0c100000-0000-4000-9e57-000000000001'$$,
  $$values ('La Chapelle'::text, 2::bigint)$$, '... in place');
select is(pg_temp.push1('40000000-0000-4000-9e57-000000000003', 'contact.upsert',
  '{"id":"0c400000-0000-4000-9e57-000000000004","team_id":"71000000-0000-4000-9e57-000000000001","quartier":"Flandre",
    "met_at":"2026-11-20T10:00:00+01:00","met_how":"street","phone":"0612345678"}') ->> 'field',
  'consent', 'contact.upsert: no identity without consent');
select is(pg_temp.push1('40000000-0000-4000-9e57-000000000004', 'contact.upsert',
  '{"id":"0c400000-0000-4000-9e57-000000000004","team_id":"71000000-0000-4000-9e57-000000000001","quartier":"Flandre",
    "met_at":"2026-11-20T10:00:00+01:00","met_how":"street","needs":["sante"]}') ->> 'field',
  'needs', 'contact.upsert: needs come from a closed list (no health data)');

select pg_temp.as_user('cccccccc-0000-4000-9e57-000000000003');
select is(pg_temp.push1('30000000-0000-4000-9e57-000000000001', 'evaluation.upsert',
  '{"id":"e0000000-0000-4000-9e57-000000000001","consultation_id":"c1000000-0000-4000-9e57-000000000001",
    "answers":{"pertinence":4,"impact":3,"comment":"Utile"},"submitted":true}') ->> 'status',
  'applied', 'evaluation.upsert by the groupe ressource');
select results_eq($$select author_id, answers ->> 'comment', submitted_at is not null from public.evaluations
                    where id = 'e0000000-0000-4000-9e57-000000000001'$$,
  $$values ('cccccccc-0000-4000-9e57-000000000003'::uuid, 'Utile'::text, true)$$, '... recorded as submitted');
select is(pg_temp.push1('30000000-0000-4000-9e57-000000000002', 'evaluation.upsert',
  '{"id":"e0000000-0000-4000-9e57-000000000002","consultation_id":"c1000000-0000-4000-9e57-000000000001","answers":{},"submitted":false}') ->> 'reason',
  'conflict', 'evaluation.upsert: one evaluation per consultation and person');
select is(pg_temp.push1('30000000-0000-4000-9e57-000000000003', 'evaluation.upsert',
  '{"id":"e0000000-0000-4000-9e57-000000000003","consultation_id":"c2000000-0000-4000-9e57-000000000002","answers":{},"submitted":false}') ->> 'reason',
  'forbidden', 'evaluation.upsert: a closed consultation takes no answers');

-- ===========================================================================
-- Conflicts: last write wins, the overwritten row is kept for coordinators
-- ===========================================================================
select pg_temp.as_user('aaaaaaaa-0000-4000-9e57-000000000001');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000060', 'appointment.respond',
  '{"id":"a3000000-0000-4000-9e57-000000000003","response":"confirmed"}', 1) ->> 'status',
  'applied', 'the allocataire confirms (base_version 1 = current: no conflict)');
select pg_temp.as_user('eeeeeeee-0000-4000-9e57-000000000006');
select is(pg_temp.push1('60000000-0000-4000-9e57-000000000010', 'appointment.upsert',
  '{"id":"a3000000-0000-4000-9e57-000000000003","allocataire_id":"aaaaaaaa-0000-4000-9e57-000000000001",
    "structure_id":"51000000-0000-4000-9e57-000000000001","kind":"bilan_sante","starts_at":"2030-02-01T09:30:00+01:00","duration_min":90}', 1) ->> 'status',
  'applied', 'a write based on an older version is still applied (last write wins)');
select results_eq($$select duration_min, response, version from public.appointments where id = 'a3000000-0000-4000-9e57-000000000003'$$,
  $$values (90, 'confirmed'::text, 3::bigint)$$, '... on top of the newer row');
select is((select count(*)::int from public.sync_conflicts), 0, 'a référent cannot read the conflicts log');
select pg_temp.as_user('ffffffff-0000-4000-9e57-000000000008');
select results_eq($$select table_name, row_id, base_version, overwritten_version, overwritten ->> 'response',
                           overwritten ? 'row_xid', mutation_id, user_id
                      from public.sync_conflicts$$,
  $$values ('appointments'::text, 'a3000000-0000-4000-9e57-000000000003'::uuid, 1::bigint, 2::bigint, 'confirmed'::text,
            false, '60000000-0000-4000-9e57-000000000010'::uuid, 'eeeeeeee-0000-4000-9e57-000000000006'::uuid)$$,
  'a coordinator reads the overwritten row, its versions and who overwrote it');
select pg_temp.as_user('eeeeeeee-0000-4000-9e57-000000000006');
select is(pg_temp.push1('60000000-0000-4000-9e57-000000000011', 'appointment.set_status',
  '{"id":"a3000000-0000-4000-9e57-000000000003","status":"confirmed"}', 3) ->> 'status', 'applied', 'an up-to-date write');
select pg_temp.as_user('ffffffff-0000-4000-9e57-000000000008');
select is((select count(*)::int from public.sync_conflicts), 1, '... logs no conflict');
select pg_temp.as_user('eeeeeeee-0000-4000-9e57-000000000006');
select is(pg_temp.push1('60000000-0000-4000-9e57-000000000012', 'appointment.set_status',
  '{"id":"a3000000-0000-4000-9e57-000000000003","status":"confirmed"}', -1) ->> 'field', 'base_version',
  'base_version must be a non-negative integer');

-- ===========================================================================
-- The schema's own business rules come back with their French message
-- ===========================================================================
select pg_temp.as_admin();
insert into public.appointments (id, allocataire_id, referent_id, structure_id, kind, starts_at) values
  ('a5000000-0000-4000-9e57-000000000005', 'aaaaaaaa-0000-4000-9e57-000000000001', 'eeeeeeee-0000-4000-9e57-000000000006',
   '51000000-0000-4000-9e57-000000000001', 'follow_up', now() - interval '1 day');
select pg_temp.as_user('aaaaaaaa-0000-4000-9e57-000000000001');
select is(pg_temp.push1('10000000-0000-4000-9e57-000000000070', 'appointment.respond',
  '{"id":"a5000000-0000-4000-9e57-000000000005","response":"confirmed"}') - 'mutation_id',
  '{"status":"rejected","reason":"validation","message":"Ce rendez-vous est déjà passé."}'::jsonb,
  'a past appointment takes no answer (the schema''s rule, its message)');
select pg_temp.as_user('ffffffff-0000-4000-9e57-000000000008');
select is(pg_temp.push1('80000000-0000-4000-9e57-000000000001', 'feedback.delete',
  '{"id":"fb000000-0000-4000-9e57-000000000022"}') - 'mutation_id',
  '{"status":"rejected","reason":"forbidden","message":"Vous ne pouvez pas modifier cet avis."}'::jsonb,
  'a coordinator reads feedback but cannot delete it');

select * from finish();
rollback;

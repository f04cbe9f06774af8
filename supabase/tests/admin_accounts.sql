-- Accounts in the back office: invitations (invitation.create, invitation.revoke), roles
-- (profile.set_access) and the audit log (admin_audit_log) — coordinators only, every
-- change recorded with who, when and what.
begin;
\ir helpers/setup.psql
select plan(42);

-- ---- privileges ----
select ok(
  (select bool_and(not has_function_privilege('anon', p.oid, 'execute') and not p.prosecdef
                   and p.proconfig @> array['search_path=""'])
     from pg_proc p where p.oid in ('public.m_invitation_create(jsonb,bigint)'::regprocedure,
       'public.m_invitation_revoke(jsonb,bigint)'::regprocedure, 'public.m_profile_set_access(jsonb,bigint)'::regprocedure,
       'public.admin_audit_log(timestamptz,int,text)'::regprocedure)),
  'account handlers and the audit reader: no anon execute, security invoker, empty search_path');

-- ---- invitations: who ----
select tests.act_as('referent');
select is(tests.push('invitation.create', $j${"id":"1e000000-0000-4000-8000-000000000001","email":"nouvelle@example.org","roles":["allocataire"],"structure_id":"5e000000-0000-4000-8000-000000000001"}$j$) ->> 'reason',
  'forbidden', 'a référent cannot use the coordinators'' invitation');
select tests.act_as('allocataire');
select is(tests.push('invitation.create', '{"id":"1e000000-0000-4000-8000-000000000001","email":"x@example.org","roles":["coordinator"]}') ->> 'reason',
  'forbidden', 'an allocataire cannot invite anyone');

-- ---- invitations: what ----
select tests.act_as('coordinator');
select is(tests.push('invitation.create', '{"id":"1e000000-0000-4000-8000-000000000002","roles":["referent"],"structure_id":"5e000000-0000-4000-8000-000000000001"}') ->> 'field',
  'email', 'an invitation needs an email or a phone');
select is(tests.push('invitation.create', '{"id":"1e000000-0000-4000-8000-000000000002","email":"terrain@example.org","roles":["outreach"]}') ->> 'field',
  'team_id', 'an outreach worker needs a team');
select is(tests.push('invitation.create', '{"id":"1e000000-0000-4000-8000-000000000002","email":"ref@example.org","roles":["referent"]}') ->> 'field',
  'structure_id', 'a référent needs a structure');
select is(tests.push('invitation.create', '{"id":"1e000000-0000-4000-8000-000000000002","email":"ref@example.org","roles":["referent"],"structure_id":"5e000000-0000-4000-8000-0000000000ff"}') ->> 'field',
  'structure_id', 'an unknown structure is refused');
select is(tests.push('invitation.create', '{"id":"1e000000-0000-4000-8000-000000000002","email":"ref@example.org","roles":[]}') ->> 'field',
  'roles', 'at least one role');
select is(tests.push('invitation.create', '{"id":"1e000000-0000-4000-8000-000000000002","email":"ref@example.org","roles":["admin"]}') ->> 'field',
  'roles', 'only known roles');
select is(tests.push('invitation.create', '{"id":"1e000000-0000-4000-8000-000000000002","email":"pas-une-adresse","roles":["coordinator"]}') ->> 'field',
  'email', 'a malformed email is refused');
select is(tests.push('invitation.create', '{"id":"1e000000-0000-4000-8000-000000000002","email":"Allocataire@Demo.Reperes.Paris","roles":["groupe_ressource"]}') ->> 'reason',
  'conflict', 'someone who already has an account is not invited again (email compared without case)');

select is(tests.push('invitation.create', $j${"id":"1e000000-0000-4000-8000-000000000003","email":"Nadia.Terrain@Example.org",
  "display_name":"Nadia B.","roles":["outreach"],"team_id":"7ea00000-0000-4000-8000-000000000001","preferred_locale":"ar"}$j$) ->> 'status',
  'applied', 'a coordinator invites an outreach worker into a team, with a preferred language');
select tests.act_as('postgres');
select results_eq(
  $$ select email::text, roles, team_id::text, preferred_locale::text, invited_by::text
       from public.invitations where id = '1e000000-0000-4000-8000-000000000003' $$,
  $$ values ('nadia.terrain@example.org', '{outreach}'::text[], '7ea00000-0000-4000-8000-000000000001', 'ar',
             'de000000-0000-4000-8000-000000000005') $$,
  'the invitation records roles, team, language and who invited');
select results_eq(
  $$ select actor_id::text, details -> 'roles' from public.audit_log
      where action = 'invitation.created' and target_id = '1e000000-0000-4000-8000-000000000003' $$,
  $$ values ('de000000-0000-4000-8000-000000000005', '["outreach"]'::jsonb) $$,
  'the audit log records who invited, and with which roles');

select tests.act_as('coordinator');
select is(tests.push('invitation.create', '{"id":"1e000000-0000-4000-8000-000000000004","email":"nadia.terrain@example.org","roles":["allocataire"]}') ->> 'reason',
  'conflict', 'a second pending invitation for the same person is refused');
select is(tests.push('invitation.create', '{"id":"1e000000-0000-4000-8000-000000000005","phone":"06 12 34 56 78","roles":["groupe_ressource"],"preferred_locale":"fr"}') ->> 'status',
  'applied', 'an invitation by phone');
select is(tests.push('invitation.create', '{"id":"1e000000-0000-4000-8000-000000000006","phone":"06.98.76.54.32","roles":["referent"],"structure_id":"5e000000-0000-4000-8000-000000000001"}') ->> 'status',
  'applied', 'another invitation by phone');
select tests.act_as('postgres');
select results_eq($$ select roles, phone::text from public.invitations where id = '1e000000-0000-4000-8000-000000000005' $$,
  $$ values ('{allocataire,groupe_ressource}'::text[], '+33612345678') $$,
  'a groupe ressource member is also an allocataire; a French number is stored in international form');
select tests.new_user(null, '33698765432') as phoned \gset
select results_eq($$ select roles, structure_id::text from public.profiles where id = $$ || quote_literal(:'phoned') || $$::uuid $$,
  $$ values ('{referent}'::text[], '5e000000-0000-4000-8000-000000000001') $$,
  'signing up by phone, as phone sign-in gives the number, accepts the invitation');

-- Accepting: signing up with the invited email gives the invited roles.
select tests.new_user('nadia.terrain@example.org') as nadia \gset
select results_eq(
  $$ select roles, team_id::text, preferred_locale::text from public.profiles where id = $$ || quote_literal(:'nadia') || $$::uuid $$,
  $$ values ('{outreach}'::text[], '7ea00000-0000-4000-8000-000000000001', 'ar') $$,
  'the new account gets the invitation''s roles, team and language');
select tests.act_as('coordinator');
select is(tests.push('invitation.revoke', '{"id":"1e000000-0000-4000-8000-000000000003"}') ->> 'reason',
  'validation', 'an accepted invitation cannot be revoked (roles are changed instead)');

-- ---- revoking ----
select tests.act_as('referent');
select is(tests.push('invitation.revoke', '{"id":"1e000000-0000-4000-8000-000000000005"}') ->> 'reason',
  'forbidden', 'a référent cannot revoke the coordinators'' invitations');
select tests.act_as('coordinator');
select is(tests.push('invitation.revoke', '{"id":"1e000000-0000-4000-8000-000000000005"}') ->> 'status',
  'applied', 'a coordinator revokes a pending invitation');
select is(tests.push('invitation.revoke', '{"id":"1e000000-0000-4000-8000-000000000005"}') ->> 'status',
  'applied', 'revoking again changes nothing and is not an error');
select is(tests.push('invitation.revoke', '{"id":"1e000000-0000-4000-8000-0000000000ff"}') ->> 'reason',
  'not_found', 'revoking an unknown invitation: not found');
select tests.act_as('postgres');
select is((select count(*)::int from public.audit_log where action = 'invitation.revoked'
            and target_id = '1e000000-0000-4000-8000-000000000005'), 1, 'the revocation is in the audit log once');
select tests.new_user(null, '33612345678') as late \gset
select is((select roles from public.profiles where id = :'late'), '{allocataire}'::text[],
  'signing up after a revocation gives no invited role');

-- ---- roles ----
select tests.act_as('coordinator');
select is(tests.push('profile.set_access', '{"id":"de000000-0000-4000-8000-000000000005","roles":["allocataire"]}') ->> 'reason',
  'forbidden', 'nobody changes their own roles');
select is(tests.push('profile.set_access', '{"id":"de000000-0000-4000-8000-000000000008","roles":["referent"]}') ->> 'field',
  'structure_id', 'a référent keeps a structure');
select is(tests.push('profile.set_access', $j${"id":"de000000-0000-4000-8000-000000000008","roles":["referent","coordinator"],"structure_id":"5e000000-0000-4000-8000-000000000019"}$j$) ->> 'status',
  'applied', 'a coordinator gives a référent the coordinator role');
select is(tests.push('profile.set_access', '{"id":"de000000-0000-4000-8000-0000000000ff","roles":["allocataire"]}') ->> 'reason',
  'not_found', 'an unknown account: not found');
select tests.act_as('postgres');
select results_eq(
  $$ select details -> 'old' -> 'roles', details -> 'new' -> 'roles', actor_id::text from public.audit_log
      where action = 'profile.access_changed' and target_id = 'de000000-0000-4000-8000-000000000008' $$,
  $$ values ('["referent"]'::jsonb, '["coordinator", "referent"]'::jsonb, 'de000000-0000-4000-8000-000000000005') $$,
  'the audit log records the roles before and after, and who changed them');
select tests.act_as('referent');
select is(tests.push('profile.set_access', '{"id":"de000000-0000-4000-8000-000000000001","roles":["allocataire","groupe_ressource"]}') ->> 'reason',
  'forbidden', 'a référent cannot change roles');

-- ---- audit log ----
select tests.act_as('coordinator');
select results_eq(
  $$ select action, actor_name, target_name from public.admin_audit_log(null, 500, 'profile.access_changed')
      where target_id = 'de000000-0000-4000-8000-000000000008' $$,
  $$ select 'profile.access_changed', (select display_name from public.profiles where id = 'de000000-0000-4000-8000-000000000005'),
            (select display_name from public.profiles where id = 'de000000-0000-4000-8000-000000000008') $$,
  'a coordinator reads who changed whose access');
select is((select target_name from public.admin_audit_log(null, 500, 'invitation.created')
            where target_id = '1e000000-0000-4000-8000-000000000003'), 'Nadia B.',
  'an invitation is named by the invited person''s name');
select ok((select bool_and(action like 'invitation.%') from public.admin_audit_log(null, 500, 'invitation.')),
  'the action filter keeps only the asked family');
select ok(
  (select bool_and(a.at >= b.at) from
     (select at, row_number() over () n from public.admin_audit_log(null, 500, null)) a
     join (select at, row_number() over () - 1 n from public.admin_audit_log(null, 500, null)) b on a.n = b.n),
  'newest first');
select is((select count(*)::int from public.admin_audit_log(null, 1, null)), 1, 'the page size is respected');
select is((select count(*)::int from public.admin_audit_log(now() - interval '10 years', 50, null)), 0,
  'paging backwards before the first entry gives nothing');
select tests.act_as('referent');
select throws_ok($$ select * from public.admin_audit_log() $$, '42501', 'Le journal est réservé aux coordinateurs.',
  'a référent cannot read the audit log');
select tests.act_as('allocataire');
select throws_ok($$ select * from public.admin_audit_log() $$, '42501', null, 'an allocataire cannot read the audit log');
select tests.act_as('anon');
select throws_ok($$ select * from public.admin_audit_log() $$, '42501', null, 'anon cannot read the audit log');

select * from finish();
rollback;

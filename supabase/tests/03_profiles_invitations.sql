-- Profiles, invitations and account provisioning. Nobody changes their own roles.
begin;
\ir helpers/setup.psql
select plan(57);

-- ---- reading profiles ----
select tests.act_as('anon');
select throws_ok($$ select * from public.profiles $$, '42501', null, 'anon cannot read profiles');
select throws_ok($$ select * from public.invitations $$, '42501', null, 'anon cannot read invitations');

select tests.act_as('allocataire');
select results_eq($$ select id from public.profiles $$, array[tests.uid('allocataire')],
  'an allocataire reads only their own profile');
select tests.act_as('allocataire2');
select is_empty($$ select id from public.profiles where id = tests.uid('allocataire') $$,
  'allocataire B cannot read allocataire A''s profile');
select tests.act_as('groupe');
select results_eq($$ select id from public.profiles $$, array[tests.uid('groupe')],
  'a groupe ressource member reads only their own profile');
select tests.act_as('outreach');
select results_eq($$ select id from public.profiles $$, array[tests.uid('outreach')],
  'an outreach worker reads only their own profile');
select tests.act_as('referent');
select results_eq($$ select id from public.profiles order by id $$,
  array[tests.uid('allocataire'), tests.uid('groupe'), tests.uid('referent')],
  'a référent reads their own profile and their allocataires''');
select is_empty($$ select id from public.profiles where id = tests.uid('allocataire2') $$,
  'a référent cannot read an allocataire followed elsewhere');
select tests.act_as('referent2');
select results_eq($$ select id from public.profiles $$, array[tests.uid('referent2')],
  'a référent without allocataires reads only their own profile');
select tests.act_as('coordinator');
select is((select count(*) from public.profiles), 8::bigint, 'a coordinator reads every profile');

-- ---- updating profiles ----
select tests.act_as('allocataire');
select is(tests.affected($$ update public.profiles set display_name = 'Amina K.', preferred_locale = 'ar',
                                   reminder_sms = false, reminder_email = true
                             where id = tests.uid('allocataire') $$), 1,
  'a user updates their display name, language and reminder preferences');
select throws_ok($$ update public.profiles set roles = '{allocataire,coordinator}' where id = tests.uid('allocataire') $$,
  '42501', null, 'an allocataire cannot change their own roles');
select throws_ok($$ update public.profiles set structure_id = '5e000000-0000-4000-8000-000000000002'
                     where id = tests.uid('allocataire') $$,
  '42501', null, 'an allocataire cannot change their own structure');
select throws_ok($$ update public.profiles set referent_id = null where id = tests.uid('allocataire') $$,
  '42501', null, 'an allocataire cannot change their référent directly');
select throws_ok($$ update public.profiles set email = 'autre@example.org' where id = tests.uid('allocataire') $$,
  '42501', null, 'an allocataire cannot change the email copied from their account');
select is(tests.affected($$ update public.profiles set display_name = 'x' where id = tests.uid('allocataire2') $$), 0,
  'a user cannot update someone else''s profile');
select throws_ok($$ insert into public.profiles (id) values (gen_random_uuid()) $$, '42501', null,
  'a user cannot create profiles');

select tests.act_as('groupe');
select throws_ok($$ update public.profiles set roles = '{allocataire}' where id = tests.uid('groupe') $$,
  '42501', null, 'a groupe ressource member cannot change their own roles');
select tests.act_as('outreach');
select throws_ok($$ update public.profiles set team_id = '7ea00000-0000-4000-8000-000000000002' where id = tests.uid('outreach') $$,
  '42501', null, 'an outreach worker cannot move to another team');
select tests.act_as('referent');
select throws_ok($$ update public.profiles set roles = '{referent,coordinator}' where id = tests.uid('referent') $$,
  '42501', null, 'a référent cannot change their own roles');
select is(tests.affected($$ update public.profiles set display_name = 'x' where id = tests.uid('allocataire') $$), 0,
  'a référent cannot edit their allocataires'' profiles');
select tests.act_as('coordinator');
select throws_ok($$ update public.profiles set roles = '{coordinator,referent}' where id = tests.uid('coordinator') $$,
  '42501', null, 'even a coordinator cannot change their own roles');
select is(tests.affected($$ update public.profiles set roles = '{allocataire,groupe_ressource}'
                             where id = tests.uid('allocataire2') $$), 1,
  'a coordinator changes another user''s roles');
select is(tests.affected($$ update public.profiles set referent_id = tests.uid('referent2')
                             where id = tests.uid('allocataire2') $$), 1,
  'a coordinator assigns a référent');
select throws_ok($$ update public.profiles set roles = '{allocataire,admin}' where id = tests.uid('allocataire2') $$,
  '23514', null, 'roles are taken from the fixed list');
select throws_ok($$ delete from public.profiles where id = tests.uid('allocataire2') $$, '42501', null,
  'profiles are not deleted through the API');
select tests.act_as('postgres');
select is((select roles from public.profiles where id = tests.uid('allocataire')), '{allocataire}'::text[],
  'after all these attempts the allocataire still has only their role');
select is((select preferred_locale::text from public.profiles where id = tests.uid('allocataire')), 'ar',
  'the allowed change was kept');
select results_eq(
  $$ select actor_id, details #>> '{new,roles}' from public.audit_log
      where action = 'profile.access_changed' and target_id = tests.uid('allocataire2')
        and actor_id is not null order by at, id $$,
  $$ values (tests.uid('coordinator'), '["allocataire", "groupe_ressource"]'),
            (tests.uid('coordinator'), '["allocataire", "groupe_ressource"]') $$,
  'role and référent changes are audited with their author');

-- ---- account trigger ----
select tests.new_user('nouveau@example.org');
select is((select roles from public.profiles p join auth.users u on u.id = p.id where u.email = 'nouveau@example.org'),
  '{allocataire}'::text[], 'a new user without invitation is an allocataire');

insert into auth.users (id, email, raw_user_meta_data)
values (gen_random_uuid(), 'malin@example.org', '{"roles":["coordinator"],"display_name":"Malin","locale":"en"}');
select results_eq(
  $$ select p.roles, p.display_name, p.preferred_locale::text from public.profiles p join auth.users u on u.id = p.id
      where u.email = 'malin@example.org' $$,
  $$ values ('{allocataire}'::text[], 'Malin', 'en') $$,
  'user_metadata never grants roles (only the name and language are taken)');

insert into public.invitations (id, email, roles, team_id, preferred_locale, invited_by) values
  ('1a000000-0000-4000-8000-0000000000f1', 'Nouvelle.Agente@Example.org', '{outreach}',
   '7ea00000-0000-4000-8000-000000000002', 'es', tests.uid('coordinator'));
select tests.new_user('nouvelle.agente@example.org');
select results_eq(
  $$ select p.roles, p.team_id, p.preferred_locale::text from public.profiles p join auth.users u on u.id = p.id
      where u.email = 'nouvelle.agente@example.org' $$,
  $$ values ('{outreach}'::text[], '7ea00000-0000-4000-8000-000000000002'::uuid, 'es') $$,
  'an invitation matched by email (any case) gives its roles, team and language');
select isnt((select accepted_at from public.invitations where id = '1a000000-0000-4000-8000-0000000000f1'), null,
  'the invitation is marked accepted');
select ok(exists (select 1 from public.audit_log where action = 'invitation.accepted'
                    and target_id = '1a000000-0000-4000-8000-0000000000f1'),
  'the acceptance is audited');

insert into public.invitations (id, phone, roles, structure_id, invited_by) values
  ('1a000000-0000-4000-8000-0000000000f2', '+33 6 12 34 56 78', '{referent}',
   '5e000000-0000-4000-8000-000000000002', tests.uid('coordinator'));
select tests.new_user(null, '33612345678');
select is((select roles from public.profiles where phone = '33612345678'), '{referent}'::text[],
  'an invitation matched by phone number, whatever its formatting');

insert into public.invitations (email, roles, expires_at) values ('perime@example.org', '{coordinator}', now() - interval '1 day');
insert into public.invitations (email, roles, revoked_at) values ('revoque@example.org', '{coordinator}', now());
select tests.new_user('perime@example.org');
select tests.new_user('revoque@example.org');
select is((select array_agg(distinct r) from public.profiles p, unnest(p.roles) r
            where p.email in ('perime@example.org', 'revoque@example.org')),
  '{allocataire}'::text[], 'expired and revoked invitations give nothing');

update auth.users set email = 'nouveau2@example.org' where email = 'nouveau@example.org';
select is((select count(*) from public.profiles where email = 'nouveau2@example.org'), 1::bigint,
  'a changed account email is copied to the profile');

-- ---- invitations ----
select tests.act_as('coordinator');
select ok((select count(*) from public.invitations) >= 9, 'a coordinator reads every invitation');
select lives_ok($$ insert into public.invitations (id, email, roles, team_id)
                  values ('1a000000-0000-4000-8000-0000000000f3', 'agent3@example.org', '{outreach}',
                          '7ea00000-0000-4000-8000-000000000001') $$,
  'a coordinator invites an outreach worker');
select is((select invited_by from public.invitations where id = '1a000000-0000-4000-8000-0000000000f3'),
  tests.uid('coordinator'), 'invited_by is the caller');
select is(tests.affected($$ update public.invitations set revoked_at = now()
                             where id = '1a000000-0000-4000-8000-0000000000f3' $$), 1,
  'a coordinator revokes an invitation');
select throws_ok($$ update public.invitations set accepted_at = now(), accepted_by = tests.uid('allocataire')
                     where id = '1a000000-0000-4000-8000-000000000009' $$,
  '42501', null, 'nobody marks an invitation accepted by hand');
select throws_ok($$ insert into public.invitations (roles) values ('{allocataire}') $$, '23514', null,
  'an invitation needs an email or a phone');

select tests.act_as('referent');
select results_eq($$ select id from public.invitations order by id $$,
  array['1a000000-0000-4000-8000-000000000001'::uuid, '1a000000-0000-4000-8000-000000000004'::uuid],
  'a référent reads the invitations they sent and the one they accepted');
select lives_ok($$ insert into public.invitations (id, phone, roles, structure_id, referent_id)
                  values ('1a000000-0000-4000-8000-0000000000f4', '+33699999999', '{allocataire}',
                          '5e000000-0000-4000-8000-000000000001', tests.uid('referent')) $$,
  'a référent invites an allocataire into their structure');
select throws_ok($$ insert into public.invitations (phone, roles, structure_id)
                     values ('+33688888888', '{coordinator}', '5e000000-0000-4000-8000-000000000001') $$,
  '42501', null, 'a référent cannot invite a coordinator');
select throws_ok($$ insert into public.invitations (phone, roles, structure_id)
                     values ('+33688888888', '{allocataire}', '5e000000-0000-4000-8000-000000000019') $$,
  '42501', null, 'a référent cannot invite into another structure');
select throws_ok($$ update public.invitations set roles = '{referent}' where id = '1a000000-0000-4000-8000-0000000000f4' $$,
  '42501', null, 'a référent cannot widen their invitation');
select is(tests.affected($$ update public.invitations set revoked_at = now()
                             where id = '1a000000-0000-4000-8000-0000000000f4' $$), 1,
  'a référent revokes their own invitation');

select tests.act_as('allocataire');
select results_eq($$ select id from public.invitations $$, array['1a000000-0000-4000-8000-000000000001'::uuid],
  'a user reads the invitation they accepted, nothing else');
select throws_ok($$ insert into public.invitations (email, roles) values ('ami@example.org', '{allocataire}') $$,
  '42501', null, 'an allocataire cannot invite');
select is(tests.affected($$ update public.invitations set revoked_at = now() $$), 0,
  'an allocataire updates no invitation');
select tests.act_as('allocataire2');
select is_empty($$ select id from public.invitations $$, 'a user who was not invited reads no invitation');
select tests.act_as('outreach2');
select throws_ok($$ insert into public.invitations (email, roles, team_id)
                     values ('x@example.org', '{outreach}', '7ea00000-0000-4000-8000-000000000002') $$,
  '42501', null, 'an outreach worker cannot invite');
select tests.act_as('groupe');
select throws_ok($$ delete from public.invitations $$, '42501', null, 'invitations are never deleted through the API');

select tests.act_as('postgres');
select is((select invited_by from public.invitations where id = '1a000000-0000-4000-8000-0000000000f4'),
  tests.uid('referent'), 'the référent is recorded as inviter');
select ok((select count(*) from public.audit_log where target_table = 'invitations'
             and action in ('invitation.created', 'invitation.revoked')
             and target_id in ('1a000000-0000-4000-8000-0000000000f3', '1a000000-0000-4000-8000-0000000000f4')) = 4,
  'invitations and revocations are audited');

select * from finish();
rollback;

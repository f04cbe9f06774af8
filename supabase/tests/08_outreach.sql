-- Outreach contacts: own team only; référents see consented referrals to their structure;
-- coordinators get aggregates only; retention reduces and erases on schedule.
begin;
\ir helpers/setup.psql
select plan(51);

-- ---- read ----
select tests.act_as('anon');
select throws_ok($$ select * from public.outreach_contacts $$, '42501', null, 'anon cannot read contacts');
select throws_ok($$ select * from public.outreach_stats() $$, '42501', null, 'anon cannot read outreach statistics');

select tests.act_as('outreach');
select is((select count(*) from public.outreach_contacts), 4::bigint, 'team X reads its 4 contacts');
select is_empty($$ select id from public.outreach_contacts where team_id <> '7ea00000-0000-4000-8000-000000000001' $$,
  'team X reads none of team Y''s contacts');
select tests.act_as('outreach2');
select is((select count(*) from public.outreach_contacts), 2::bigint, 'team Y reads its 2 contacts');
select is_empty($$ select id from public.outreach_contacts where team_id = '7ea00000-0000-4000-8000-000000000001' $$,
  'team Y reads none of team X''s contacts');

select tests.act_as('referent');
select results_eq($$ select id from public.outreach_contacts $$, array['cc000000-0000-4000-8000-000000000001'::uuid],
  'a référent reads only contacts oriented to their structure with consent');
select is_empty($$ select id from public.outreach_contacts where id = 'cc000000-0000-4000-8000-000000000003' $$,
  'a contact oriented to the référent''s structure without consent stays invisible');
select tests.act_as('referent2');
select results_eq($$ select id from public.outreach_contacts $$, array['cc000000-0000-4000-8000-000000000005'::uuid],
  'the PLIE référent reads only the referral made to the PLIE');

select tests.act_as('coordinator');
select is_empty($$ select id from public.outreach_contacts $$, 'a coordinator reads no contact row');
select tests.act_as('allocataire');
select is_empty($$ select id from public.outreach_contacts $$, 'an allocataire reads no contact');
select throws_ok($$ select * from public.outreach_stats() $$, '42501', null, 'an allocataire gets no statistics');
select tests.act_as('groupe');
select is_empty($$ select id from public.outreach_contacts $$, 'a groupe member reads no contact');

-- ---- write (own team) ----
select tests.act_as('outreach');
select lives_ok($$ insert into public.outreach_contacts (id, team_id, quartier, met_how, needs, rsa, consent, consent_version,
                                                          consent_at, first_name_or_alias, phone, note)
                  values ('cc000000-0000-4000-8000-0000000000c1', '7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or',
                          'street', '{emploi,numerique}', 'yes', true, 'consent-v1', now(), 'Ali', '+33633333333',
                          'Rappeler lundi.') $$,
  'team X records a contact with consent');
select is((select created_by from public.outreach_contacts where id = 'cc000000-0000-4000-8000-0000000000c1'),
  tests.uid('outreach'), 'the author is the caller, whatever the client sent');
select lives_ok($$ insert into public.outreach_contacts (team_id, quartier, met_how)
                  values ('7ea00000-0000-4000-8000-000000000001', 'La Chapelle', 'market') $$,
  'the minimal contact is a quartier and how they met');
select throws_ok($$ insert into public.outreach_contacts (team_id, quartier, met_how)
                     values ('7ea00000-0000-4000-8000-000000000002', 'Flandre', 'street') $$,
  '42501', null, 'team X cannot write into team Y');
select is(tests.affected($$ update public.outreach_contacts set note = 'x' where team_id = '7ea00000-0000-4000-8000-000000000002' $$), 0,
  'team X cannot update team Y''s contacts');
select throws_ok($$ update public.outreach_contacts set team_id = '7ea00000-0000-4000-8000-000000000002'
                     where id = 'cc000000-0000-4000-8000-0000000000c1' $$,
  '42501', null, 'a contact cannot be moved to another team');
select throws_ok($$ insert into public.outreach_contacts (team_id, quartier, met_how, phone)
                     values ('7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or', 'street', '+33644444444') $$,
  '23514', null, 'no identity without consent');
select throws_ok($$ insert into public.outreach_contacts (team_id, quartier, met_how, consent)
                     values ('7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or', 'street', true) $$,
  '23514', null, 'consent is recorded with the version of the text shown and its date');
select throws_ok($$ insert into public.outreach_contacts (team_id, quartier, met_how, note)
                     values ('7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or', 'street', repeat('x', 501)) $$,
  '23514', null, 'notes are at most 500 characters');
select throws_ok($$ insert into public.outreach_contacts (team_id, quartier, met_how, needs)
                     values ('7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or', 'street', '{sante}') $$,
  '23514', null, 'needs come from the fixed list (no health field)');
select throws_ok($$ insert into public.outreach_contacts (team_id, quartier, met_how)
                     values ('7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or', 'gps') $$,
  '23514', null, 'how people were met comes from the fixed list');
select is(tests.affected($$ update public.outreach_contacts set oriented_structure_id = '5e000000-0000-4000-8000-000000000001'
                             where id = 'cc000000-0000-4000-8000-0000000000c1' $$), 1,
  'team X orients a contact to a structure');
select results_eq(
  $$ select referral_status, oriented_at is not null from public.outreach_contacts where id = 'cc000000-0000-4000-8000-0000000000c1' $$,
  $$ values ('pending', true) $$, 'an orientation starts pending and is dated');
select is(tests.affected($$ update public.outreach_contacts set consent = false where id = 'cc000000-0000-4000-8000-0000000000c1' $$), 1,
  'a person withdraws consent');
select results_eq(
  $$ select first_name_or_alias, phone::text from public.outreach_contacts where id = 'cc000000-0000-4000-8000-0000000000c1' $$,
  $$ values (null::text, null::text) $$, 'withdrawing consent erases identity at once');
select is(tests.affected($$ update public.outreach_contacts set deleted_at = now() where id = 'cc000000-0000-4000-8000-000000000006' $$), 0,
  'team X cannot delete team Y''s contacts');
select throws_ok($$ delete from public.outreach_contacts where id = 'cc000000-0000-4000-8000-000000000004' $$,
  '42501', null, 'contacts are never hard-deleted through the API');

select tests.act_as('outreach2');
select is(tests.affected($$ update public.outreach_contacts set deleted_at = now() where id = 'cc000000-0000-4000-8000-000000000006' $$), 1,
  'team Y deletes its contact');
select is((select to_jsonb(c) - array['id', 'team_id', 'created_by', 'quartier', 'met_at', 'met_how', 'age_band', 'needs',
                                       'rsa', 'under_26', 'over_50', 'single_parent', 'consent', 'consent_version',
                                       'consent_at', 'follow_up_at', 'oriented_structure_id', 'oriented_at',
                                       'referral_status', 'status', 'reduced_at', 'created_at', 'updated_at',
                                       'deleted_at', 'version', 'row_xid', 'referral_answered_at',
                                       'referral_appointment_at']
             from public.outreach_contacts c where id = 'cc000000-0000-4000-8000-000000000006'),
  '{"note": null, "email": null, "phone": null, "first_name_or_alias": null, "orientation_reason": null, "referral_decline_reason": null}'::jsonb,
  'a deleted contact keeps no identity and no free text');

-- ---- référents answer referrals ----
select tests.act_as('referent');
select is(tests.affected($$ update public.outreach_contacts set referral_status = 'accepted'
                             where id = 'cc000000-0000-4000-8000-000000000001' $$), 1,
  'a référent accepts a referral to their structure');
select throws_ok($$ update public.outreach_contacts set note = 'vu' where id = 'cc000000-0000-4000-8000-000000000001' $$,
  '42501', null, 'a référent can only answer the referral');
select throws_ok($$ update public.outreach_contacts set referral_status = 'none' where id = 'cc000000-0000-4000-8000-000000000001' $$,
  '22023', null, 'a référent answers accepted, declined or appointment planned');
select is(tests.affected($$ update public.outreach_contacts set referral_status = 'declined'
                             where id = 'cc000000-0000-4000-8000-000000000003' $$), 0,
  'a référent cannot touch a contact without consent');
select throws_ok($$ insert into public.outreach_contacts (team_id, quartier, met_how)
                     values ('7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or', 'street') $$,
  '42501', null, 'a référent cannot record contacts');
select tests.act_as('coordinator');
select throws_ok($$ insert into public.outreach_contacts (team_id, quartier, met_how)
                     values ('7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or', 'street') $$,
  '42501', null, 'a coordinator cannot record contacts');
select is(tests.affected($$ update public.outreach_contacts set note = null $$), 0, 'a coordinator updates no contact');

-- ---- aggregates ----
select is((select sum(met) from public.outreach_stats()), 7::numeric,
  'coordinators count the people met across teams (a contact deleted by hand is not counted)');
select is((select count(distinct team_id) from public.outreach_stats()), 2::bigint, 'per team');
select tests.act_as('outreach2');
select is((select array_agg(distinct team_id) from public.outreach_stats()), array['7ea00000-0000-4000-8000-000000000002'::uuid],
  'an outreach worker gets their own team''s statistics only');

-- ---- retention ----
select tests.act_as('postgres');
-- Backdated fixtures: bypass the triggers so updated_at can lie in the past.
set local session_replication_role = replica;
insert into public.outreach_contacts (id, team_id, quartier, met_at, met_how, consent, consent_version, consent_at,
                                      first_name_or_alias, phone, note, follow_up_at, status, updated_at) values
  ('cc000000-0000-4000-8000-0000000000f1', '7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or', now() - interval '4 months',
   'street', false, null, null, null, null, 'sans consentement, ancien', null, 'new', now() - interval '4 months'),
  ('cc000000-0000-4000-8000-0000000000f2', '7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or', now() - interval '2 months',
   'street', false, null, null, null, null, 'sans consentement, récent', null, 'new', now() - interval '2 months'),
  ('cc000000-0000-4000-8000-0000000000f3', '7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or', now() - interval '13 months',
   'street', true, 'consent-v1', now() - interval '13 months', 'Awa', '+33655555555', 'suivi arrêté', null, 'follow_up',
   now() - interval '13 months'),
  ('cc000000-0000-4000-8000-0000000000f4', '7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or', now() - interval '13 months',
   'street', true, 'consent-v1', now() - interval '13 months', 'Bintou', null, null, null, 'in_parcours',
   now() - interval '13 months'),
  ('cc000000-0000-4000-8000-0000000000f5', '7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or', now() - interval '13 months',
   'street', true, 'consent-v1', now() - interval '13 months', 'Chantal', null, null, (now() - interval '2 months')::date,
   'follow_up', now() - interval '13 months');
set local session_replication_role = origin;

select tests.act_as('outreach');
select throws_ok($$ select public.apply_outreach_retention() $$, '42501', null,
  'outreach workers cannot run the retention function');
select tests.act_as('coordinator');
select throws_ok($$ select public.apply_outreach_retention() $$, '42501', null,
  'coordinators cannot run the retention function');

select tests.act_as('service_role');
select is(public.apply_outreach_retention(now()), '{"erased": 1, "reduced": 2}'::jsonb,
  'the service role runs retention: two contacts reduced, one erased');
select tests.act_as('postgres');
select results_eq(
  $$ select id, note, reduced_at is not null, deleted_at is not null from public.outreach_contacts
      where id in ('cc000000-0000-4000-8000-000000000004', 'cc000000-0000-4000-8000-0000000000f1',
                   'cc000000-0000-4000-8000-0000000000f2') order by id $$,
  $$ values ('cc000000-0000-4000-8000-000000000004'::uuid, null::text, true, false),
            ('cc000000-0000-4000-8000-0000000000f1'::uuid, null::text, true, false),
            ('cc000000-0000-4000-8000-0000000000f2'::uuid, 'sans consentement, récent', false, false) $$,
  'contacts without consent older than 3 months are reduced to statistics; recent ones are kept');
select results_eq(
  $$ select first_name_or_alias, phone::text, note, deleted_at is not null from public.outreach_contacts
      where id = 'cc000000-0000-4000-8000-0000000000f3' $$,
  $$ values (null::text, null::text, null::text, true) $$,
  'a consented contact without activity for 12 months is erased');
select results_eq(
  $$ select id, first_name_or_alias, deleted_at is null from public.outreach_contacts
      where id in ('cc000000-0000-4000-8000-0000000000f4', 'cc000000-0000-4000-8000-0000000000f5') order by id $$,
  $$ values ('cc000000-0000-4000-8000-0000000000f4'::uuid, 'Bintou', true),
            ('cc000000-0000-4000-8000-0000000000f5'::uuid, 'Chantal', true) $$,
  'people in a parcours, or with recent activity, are kept');
select ok(exists (select 1 from public.audit_log where action = 'outreach.retention' and (details ->> 'erased')::int = 1),
  'each retention run is audited');
select tests.act_as('service_role');
select is(public.apply_outreach_retention(now()), '{"erased": 0, "reduced": 0}'::jsonb, 'running it again changes nothing');
select tests.act_as('coordinator');
select is((select sum(met) from public.outreach_stats()), 12::numeric,
  'erased contacts still count as people met');

select tests.act_as('postgres');
select * from finish();
rollback;

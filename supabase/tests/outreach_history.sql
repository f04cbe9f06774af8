-- The edit history of outreach contacts: one event per real change, who made it (team,
-- receiving structure, retention), which fields (names, never values), read by the
-- contact's team only, written by nobody but the triggers, erased with the contact.
begin;
\ir helpers/setup.psql
select plan(22);

create function pg_temp.contact(extra jsonb default '{}') returns jsonb
language sql as $$
  select jsonb_build_object('id', 'cc720000-0000-4000-8000-000000000001', 'team_id', '7ea00000-0000-4000-8000-000000000001',
                            'quartier', 'La Chapelle', 'met_at', '2026-11-20T10:00:00+01:00', 'met_how', 'street',
                            'needs', jsonb_build_array('emploi')) || extra
$$;

-- The actions recorded for the test contact, oldest first (as postgres: every row).
create function pg_temp.actions() returns text[]
language sql as $$
  select coalesce(array_agg(e.action || coalesce(':' || e.detail, '') order by e.at), '{}')
    from public.outreach_contact_events e
   where e.contact_id = 'cc720000-0000-4000-8000-000000000001' and e.deleted_at is null
$$;

-- ---- every contact has a beginning ----
select tests.act_as('outreach');
select is((select count(*)::int from public.outreach_contact_events where action = 'created'), 4,
  'the team''s four seeded contacts each have their "created" event');
select tests.act_as('outreach2');
select is((select count(*)::int from public.outreach_contact_events), 2, 'team Y reads only its own history');
select tests.act_as('referent');
select is_empty($$ select id from public.outreach_contact_events $$,
  'the receiving structure reads no team history, even of a referral it sees');
select tests.act_as('coordinator');
select is_empty($$ select id from public.outreach_contact_events $$, 'nor does a coordinator');

-- ---- one event per change ----
select tests.act_as('outreach');
select is(tests.push1('c0000000-0000-4000-8000-000000000001', 'contact.upsert', pg_temp.contact()) ->> 'status',
  'applied', 'a contact is recorded');
select results_eq(
  $$ select action, actor_id, actor_name, actor_side from public.outreach_contact_events
      where contact_id = 'cc720000-0000-4000-8000-000000000001' $$,
  $$ values ('created', tests.uid('outreach'), 'Moussa Diallo', 'team') $$,
  'its history starts with who recorded it');
select is(tests.push1('c0000000-0000-4000-8000-000000000002', 'contact.upsert', pg_temp.contact()) ->> 'status',
  'applied', 'the same contact is sent again (a second device, a retry under a new id)');
select tests.act_as('postgres');
select is(pg_temp.actions(), array['created'], 'sending the same row again is not a change');

select tests.act_as('outreach');
select lives_ok($$ select tests.push1('c0000000-0000-4000-8000-000000000003', 'contact.upsert',
                    pg_temp.contact('{"note": "Parle peu français.", "age_band": "26_34"}')) $$,
  'a note and an age band are added');
select results_eq(
  $$ select action, fields from public.outreach_contact_events
      where contact_id = 'cc720000-0000-4000-8000-000000000001' and action = 'updated' $$,
  $$ values ('updated', '{age_band,note}'::text[]) $$,
  'the history names the fields that changed');
select is_empty(
  $$ select id from public.outreach_contact_events e
      where contact_id = 'cc720000-0000-4000-8000-000000000001' and to_jsonb(e)::text like '%français%' $$,
  'and never keeps their values');

select lives_ok($$ select tests.push1('c0000000-0000-4000-8000-000000000004', 'contact.upsert',
                    pg_temp.contact('{"note": "Parle peu français.", "age_band": "26_34", "consent": true,
                                      "consent_version": "consent-v1.fr", "first_name_or_alias": "Yasmine"}')) $$,
  'the person gives consent and a first name');
select lives_ok($$ select tests.push1('c0000000-0000-4000-8000-000000000005', 'contact.upsert',
                    pg_temp.contact('{"note": "Parle peu français.", "age_band": "26_34", "consent": true,
                                      "consent_version": "consent-v1.fr", "first_name_or_alias": "Yasmine",
                                      "oriented_structure_id": "5e000000-0000-4000-8000-000000000001",
                                      "status": "oriented"}')) $$,
  'and is oriented to the EI 18e');
select tests.act_as('referent');
select lives_ok($$ select tests.push1('c0000000-0000-4000-8000-000000000006', 'referral.respond',
                    '{"id": "cc720000-0000-4000-8000-000000000001", "response": "accepted"}') $$,
  'the référent accepts the referral');
select tests.act_as('outreach');
select lives_ok($$ select tests.push1('c0000000-0000-4000-8000-000000000007', 'follow_up.upsert',
                    '{"id": "f0720000-0000-4000-8000-000000000001", "contact_id": "cc720000-0000-4000-8000-000000000001",
                      "due_on": "2026-11-27", "kind": "accompany"}') $$,
  'the worker plans to accompany her');
select lives_ok($$ select tests.push1('c0000000-0000-4000-8000-000000000008', 'follow_up.set_outcome',
                    '{"id": "f0720000-0000-4000-8000-000000000001", "outcome": "done"}') $$,
  'and does');
select tests.act_as('postgres');
select is(pg_temp.actions(),
  array['created', 'updated', 'consent_given', 'oriented', 'referral_answered:accepted',
        'follow_up_planned:accompany', 'follow_up_outcome:done'],
  'the history tells the story in order');
select results_eq(
  $$ select actor_side, actor_name from public.outreach_contact_events
      where contact_id = 'cc720000-0000-4000-8000-000000000001' and action = 'referral_answered' $$,
  $$ values ('structure', 'Karim Benali') $$,
  'the structure''s answer is signed by its référent');

-- ---- written by the triggers only ----
select tests.act_as('outreach');
select throws_ok($$ insert into public.outreach_contact_events (contact_id, team_id, actor_side, action)
                     values ('cc720000-0000-4000-8000-000000000001', '7ea00000-0000-4000-8000-000000000001', 'team', 'created') $$,
  '42501', null, 'nobody writes history by hand');
select throws_ok($$ update public.outreach_contact_events set action = 'created' $$,
  '42501', null, 'nor rewrites it');

-- ---- erased with the contact ----
select lives_ok($$ select tests.push1('c0000000-0000-4000-8000-000000000009', 'contact.delete',
                    '{"id": "cc720000-0000-4000-8000-000000000001"}') $$,
  'the person asks to be forgotten');
select is_empty($$ select id from public.outreach_contact_events
                    where contact_id = 'cc720000-0000-4000-8000-000000000001' and deleted_at is null $$,
  'their history goes with them');

select tests.act_as('postgres');
select * from finish();
rollback;

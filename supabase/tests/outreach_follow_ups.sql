-- Follow-ups (relances) of outreach contacts: team only, planned then closed with an
-- outcome, gone with their contact; and retention now counting them as activity.
begin;
\ir helpers/setup.psql
select plan(33);

-- Ids the caller can see now in one synced table (what the app's reconcile step asks).
create function pg_temp.visible(tbl text) returns uuid[]
language sql as $$
  select coalesce(array_agg(i::uuid order by i::uuid), '{}')
    from jsonb_array_elements_text(public.sync_reconcile(array[tbl]) -> tbl) i
$$;

-- ---- planning ----
select tests.act_as('outreach');
select is(tests.push1('b0000000-0000-4000-8000-000000000001', 'follow_up.upsert',
            jsonb_build_object('id', 'f0000000-0000-4000-8000-000000000001', 'contact_id', 'cc000000-0000-4000-8000-000000000001',
                               'due_on', current_date::text, 'kind', 'call_back')) ->> 'status',
  'applied', 'team X plans a call back for its contact');
select results_eq(
  $$ select team_id, created_by, status, closed_at from public.outreach_follow_ups
      where id = 'f0000000-0000-4000-8000-000000000001' $$,
  $$ values ('7ea00000-0000-4000-8000-000000000001'::uuid, tests.uid('outreach'), 'planned', null::timestamptz) $$,
  'the follow-up belongs to the contact''s team and its author, planned');
select is(tests.push1('b0000000-0000-4000-8000-000000000002', 'follow_up.upsert',
            jsonb_build_object('id', 'f0000000-0000-4000-8000-000000000002', 'contact_id', 'cc000000-0000-4000-8000-000000000003',
                               'due_on', (current_date + 7)::text, 'kind', 'accompany')) ->> 'status',
  'applied', 'and an accompaniment next week for an anonymous contact');
select is(tests.push1('b0000000-0000-4000-8000-000000000003', 'follow_up.upsert',
            jsonb_build_object('id', 'f0000000-0000-4000-8000-000000000002', 'contact_id', 'cc000000-0000-4000-8000-000000000003',
                               'due_on', (current_date + 8)::text, 'kind', 'meet_again')) ->> 'status',
  'applied', 'a follow-up is moved by sending it again');
select results_eq($$ select due_on, kind from public.outreach_follow_ups where id = 'f0000000-0000-4000-8000-000000000002' $$,
  $$ values (current_date + 8, 'meet_again') $$, 'with its new date and kind');
select is(tests.push1('b0000000-0000-4000-8000-000000000004', 'follow_up.upsert',
            jsonb_build_object('id', 'f0000000-0000-4000-8000-000000000002', 'contact_id', 'cc000000-0000-4000-8000-000000000001',
                               'due_on', current_date::text, 'kind', 'call_back')) ->> 'field',
  'contact_id', 'a follow-up does not move to another contact');
select is(tests.push1('b0000000-0000-4000-8000-000000000005', 'follow_up.upsert',
            jsonb_build_object('id', 'f0000000-0000-4000-8000-000000000005', 'contact_id', 'cc000000-0000-4000-8000-000000000001',
                               'due_on', (current_date + 400)::text, 'kind', 'call_back')) ->> 'field',
  'due_on', 'a follow-up is planned within the year');
select is(tests.push1('b0000000-0000-4000-8000-000000000006', 'follow_up.upsert',
            jsonb_build_object('id', 'f0000000-0000-4000-8000-000000000006', 'contact_id', 'cc000000-0000-4000-8000-000000000001',
                               'due_on', current_date::text, 'kind', 'appel')) ->> 'field',
  'kind', 'the kind comes from the fixed list');

-- ---- isolation ----
select tests.act_as('outreach2');
select is(tests.push1('b0000000-0000-4000-8000-000000000010', 'follow_up.upsert',
            jsonb_build_object('id', 'f0000000-0000-4000-8000-000000000010', 'contact_id', 'cc000000-0000-4000-8000-000000000001',
                               'due_on', current_date::text, 'kind', 'call_back')) ->> 'reason',
  'forbidden', 'team Y cannot plan a follow-up on team X''s contact');
select is(tests.push1('b0000000-0000-4000-8000-000000000011', 'follow_up.set_outcome',
            '{"id": "f0000000-0000-4000-8000-000000000001", "outcome": "lost"}') ->> 'reason',
  'not_found', 'nor close team X''s follow-up');
select is(pg_temp.visible('outreach_follow_ups'), '{}'::uuid[], 'team Y sees none of team X''s follow-ups');
select is_empty($$ select id from public.outreach_follow_ups $$, 'not even by reading the table');
select throws_ok($$ insert into public.outreach_follow_ups (contact_id, team_id, due_on, kind)
                     values ('cc000000-0000-4000-8000-000000000001', '7ea00000-0000-4000-8000-000000000002',
                             current_date, 'call_back') $$,
  '42501', null, 'a follow-up cannot be attached to another team''s contact by writing the table');
select tests.act_as('referent');
select is(pg_temp.visible('outreach_follow_ups'), '{}'::uuid[],
  'the receiving structure sees the referral but none of the team''s follow-ups');
select is(tests.push1('b0000000-0000-4000-8000-000000000012', 'follow_up.upsert',
            jsonb_build_object('id', 'f0000000-0000-4000-8000-000000000012', 'contact_id', 'cc000000-0000-4000-8000-000000000001',
                               'due_on', current_date::text, 'kind', 'call_back')) ->> 'reason',
  'forbidden', 'and plans none');
select tests.act_as('outreach');
select is(pg_temp.visible('outreach_follow_ups'),
  array['f0000000-0000-4000-8000-000000000001', 'f0000000-0000-4000-8000-000000000002']::uuid[],
  'team X sees its two follow-ups');

-- ---- outcomes ----
select is(tests.push1('b0000000-0000-4000-8000-000000000020', 'follow_up.set_outcome',
            '{"id": "f0000000-0000-4000-8000-000000000001", "outcome": "no_answer"}') ->> 'status',
  'applied', 'a call back with no answer');
select results_eq($$ select status, closed_at is not null, closed_by from public.outreach_follow_ups
                      where id = 'f0000000-0000-4000-8000-000000000001' $$,
  $$ values ('no_answer', true, tests.uid('outreach')) $$, 'is closed, by whom and when (server time)');
select is(tests.push1('b0000000-0000-4000-8000-000000000021', 'follow_up.set_outcome',
            '{"id": "f0000000-0000-4000-8000-000000000001", "outcome": "planned"}') ->> 'status',
  'applied', 'a mistaken outcome is undone');
select results_eq($$ select status, closed_at, closed_by from public.outreach_follow_ups
                      where id = 'f0000000-0000-4000-8000-000000000001' $$,
  $$ values ('planned', null::timestamptz, null::uuid) $$, 'and the follow-up is due again');
select is(tests.push1('b0000000-0000-4000-8000-000000000022', 'follow_up.set_outcome',
            '{"id": "f0000000-0000-4000-8000-000000000001", "outcome": "gone"}') ->> 'field',
  'outcome', 'outcomes come from the fixed list');
select throws_ok($$ update public.outreach_follow_ups set contact_id = 'cc000000-0000-4000-8000-000000000002'
                     where id = 'f0000000-0000-4000-8000-000000000001' $$,
  '42501', null, 'a follow-up never changes contact');
update public.outreach_follow_ups set status = 'done', closed_at = '2000-01-01' where id = 'f0000000-0000-4000-8000-000000000001';
select ok((select closed_at > now() - interval '1 minute' from public.outreach_follow_ups
            where id = 'f0000000-0000-4000-8000-000000000001'),
  'the closing time is the server''s, whatever a device sends');

-- ---- gone with the contact ----
select is(tests.push1('b0000000-0000-4000-8000-000000000030', 'contact.delete',
            '{"id": "cc000000-0000-4000-8000-000000000003"}') ->> 'status',
  'applied', 'the team deletes a contact');
select tests.act_as('postgres');
select ok((select deleted_at is not null from public.outreach_follow_ups where id = 'f0000000-0000-4000-8000-000000000002'),
  'its follow-ups are deleted with it (tombstones for the devices)');
select tests.act_as('outreach');
select is(pg_temp.visible('outreach_follow_ups'), array['f0000000-0000-4000-8000-000000000001']::uuid[],
  'and leave the team''s devices');

-- ---- retention: follow-ups are activity ----
select tests.act_as('postgres');
set local session_replication_role = replica;
insert into public.outreach_contacts (id, team_id, quartier, met_at, met_how, consent, consent_version, consent_at,
                                      first_name_or_alias, phone, status, updated_at) values
  ('cc710000-0000-4000-8000-000000000001', '7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or',
   now() - interval '14 months', 'street', true, 'consent-v1.fr', now() - interval '14 months', 'Ana', '+33677777777',
   'follow_up', now() - interval '14 months'),
  ('cc710000-0000-4000-8000-000000000002', '7ea00000-0000-4000-8000-000000000001', 'Goutte d''Or',
   now() - interval '14 months', 'street', true, 'consent-v1.fr', now() - interval '14 months', 'Bea', '+33688888888',
   'follow_up', now() - interval '14 months'),
  ('cc710000-0000-4000-8000-000000000003', '7ea00000-0000-4000-8000-000000000001', 'La Chapelle',
   now() - interval '14 months', 'street', true, 'consent-v1.fr', now() - interval '14 months', 'Cleo', null,
   'follow_up', now() - interval '14 months');
insert into public.outreach_follow_ups (id, contact_id, team_id, due_on, kind, status, closed_at, updated_at) values
  -- Planned two months ago and still open: recent activity.
  ('f0710000-0000-4000-8000-000000000001', 'cc710000-0000-4000-8000-000000000001', '7ea00000-0000-4000-8000-000000000001',
   (now() - interval '2 months')::date, 'call_back', 'planned', null, now() - interval '13 months'),
  -- Closed 13 months ago: no activity since.
  ('f0710000-0000-4000-8000-000000000002', 'cc710000-0000-4000-8000-000000000002', '7ea00000-0000-4000-8000-000000000001',
   (now() - interval '13 months')::date, 'meet_again', 'done', now() - interval '13 months', now() - interval '13 months'),
  -- Due in three weeks: the person is still being followed.
  ('f0710000-0000-4000-8000-000000000003', 'cc710000-0000-4000-8000-000000000003', '7ea00000-0000-4000-8000-000000000001',
   (now() + interval '3 weeks')::date, 'accompany', 'planned', null, now() - interval '14 months');
insert into public.outreach_contact_events (id, contact_id, team_id, actor_side, action, at) values
  ('e0710000-0000-4000-8000-000000000002', 'cc710000-0000-4000-8000-000000000002', '7ea00000-0000-4000-8000-000000000001',
   'team', 'created', now() - interval '14 months');
set local session_replication_role = origin;

select tests.act_as('service_role');
select is(public.apply_outreach_retention(now()), '{"erased": 1, "reduced": 1}'::jsonb,
  'retention erases one consented contact and reduces the old anonymous one');
select tests.act_as('postgres');
select results_eq(
  $$ select id, first_name_or_alias, deleted_at is null from public.outreach_contacts
      where id::text like 'cc710000%' order by id $$,
  $$ values ('cc710000-0000-4000-8000-000000000001'::uuid, 'Ana', true),
            ('cc710000-0000-4000-8000-000000000002'::uuid, null, false),
            ('cc710000-0000-4000-8000-000000000003'::uuid, 'Cleo', true) $$,
  'a follow-up planned recently or still ahead keeps the person; none for a year erases them');
select ok((select deleted_at is not null from public.outreach_follow_ups where id = 'f0710000-0000-4000-8000-000000000002'),
  'the erased contact''s follow-ups are erased too');
select ok((select deleted_at is not null from public.outreach_contact_events where id = 'e0710000-0000-4000-8000-000000000002'),
  'and so is its history');
select ok((select reduced_at is not null and note is null from public.outreach_contacts
            where id = 'cc000000-0000-4000-8000-000000000004'),
  'an anonymous contact older than three months keeps statistics only');
select tests.act_as('outreach');
select is(pg_temp.visible('outreach_follow_ups'),
  array['f0000000-0000-4000-8000-000000000001', 'f0710000-0000-4000-8000-000000000001',
        'f0710000-0000-4000-8000-000000000003']::uuid[],
  'the team''s devices drop the erased follow-ups');
select tests.act_as('service_role');
select is(public.apply_outreach_retention(now()), '{"erased": 0, "reduced": 0}'::jsonb, 'a second run changes nothing');

select tests.act_as('postgres');
select * from finish();
rollback;

-- Outreach through the app's own API (sync_pull / sync_push), where 08_outreach.sql reads
-- and writes the table directly: team isolation, the referral visible only with consent
-- and only to the target structure, the référent's answer (referral.respond), a new
-- orientation starting a new referral, contact.delete, and the anonymous orientation counts.
begin;
\ir helpers/setup.psql
select plan(45);

-- Every id of one table the caller pulls from the start (all pages).
create function pg_temp.pulled(tbl text) returns uuid[]
language plpgsql as $$
declare
  page jsonb;
  cursor text;
  ids uuid[] := '{}';
begin
  loop
    page := public.sync_pull(cursor, 1000)::jsonb;
    ids := ids || coalesce((select array_agg((r ->> 'id')::uuid) from jsonb_array_elements(page -> 'changes' -> tbl) r), '{}');
    cursor := page ->> 'cursor';
    exit when not (page ->> 'has_more')::boolean;
  end loop;
  return (select coalesce(array_agg(i order by i), '{}') from unnest(ids) i);
end $$;

-- A contact.upsert argument object for team X (Goutte d'Or), to be completed.
create function pg_temp.contact(id text, extra jsonb default '{}') returns jsonb
language sql as $$
  select jsonb_build_object('id', id, 'team_id', '7ea00000-0000-4000-8000-000000000001', 'quartier', 'Goutte d''Or',
                            'met_at', '2026-11-20T10:00:00+01:00', 'met_how', 'market', 'age_band', '35_49',
                            'needs', jsonb_build_array('emploi'), 'rsa', 'yes') || extra
$$;

-- ---- pull: who receives which contact rows ----
select tests.act_as('outreach');
select is(pg_temp.pulled('outreach_contacts'),
  array['cc000000-0000-4000-8000-000000000001', 'cc000000-0000-4000-8000-000000000002',
        'cc000000-0000-4000-8000-000000000003', 'cc000000-0000-4000-8000-000000000004']::uuid[],
  'team X pulls its own four contacts, and only them');
select tests.act_as('outreach2');
select is(pg_temp.pulled('outreach_contacts'),
  array['cc000000-0000-4000-8000-000000000005', 'cc000000-0000-4000-8000-000000000006']::uuid[],
  'team Y pulls its own two contacts, and only them');
select tests.act_as('referent');
select is(pg_temp.pulled('outreach_contacts'), array['cc000000-0000-4000-8000-000000000001']::uuid[],
  'the EI 18e référent pulls the consented referral to the EI 18e, not the anonymous one oriented there');
select tests.act_as('referent2');
select is(pg_temp.pulled('outreach_contacts'), array['cc000000-0000-4000-8000-000000000005']::uuid[],
  'the PLIE référent pulls only the referral made to the PLIE');
select tests.act_as('coordinator');
select is(pg_temp.pulled('outreach_contacts'), '{}'::uuid[], 'a coordinator pulls no contact row');
select tests.act_as('allocataire');
select is(pg_temp.pulled('outreach_contacts'), '{}'::uuid[], 'an allocataire pulls no contact row');

-- ---- push: team isolation ----
select tests.act_as('outreach2');
select is(tests.push1('a0000000-0000-4000-8000-000000000001', 'contact.upsert',
            pg_temp.contact('cc700000-0000-4000-8000-000000000001')) ->> 'reason',
  'forbidden', 'team Y cannot record a contact for team X');
select is(tests.push1('a0000000-0000-4000-8000-000000000002', 'contact.upsert',
            pg_temp.contact('cc000000-0000-4000-8000-000000000002', '{"note": "écrasé"}')) ->> 'reason',
  'forbidden', 'team Y cannot overwrite a contact of team X, even knowing its id');
select is(tests.push1('a0000000-0000-4000-8000-000000000003', 'contact.delete',
            '{"id": "cc000000-0000-4000-8000-000000000002"}') ->> 'reason',
  'not_found', 'team Y cannot delete a contact of team X (it does not exist for them)');
select tests.act_as('postgres');
select is((select note from public.outreach_contacts where id = 'cc000000-0000-4000-8000-000000000002'),
  'Orienté vers la Mission locale, n''a pas souhaité laisser de coordonnées.', 'team X''s contact is untouched');

-- ---- a referral made with consent, through the app ----
select tests.act_as('outreach');
select is(tests.push1('a0000000-0000-4000-8000-000000000010', 'contact.upsert',
            pg_temp.contact('cc700000-0000-4000-8000-000000000010',
              '{"consent": true, "consent_version": "consent-v1.ar", "consent_at": "2026-11-20T10:05:00+01:00",
                "first_name_or_alias": "Nour", "phone": "06 11 22 33 44", "note": "Cherche une formation.",
                "oriented_structure_id": "5e000000-0000-4000-8000-000000000001",
                "orientation_reason": "Accompagnement vers l''emploi", "status": "oriented"}')) ->> 'status',
  'applied', 'team X records a consented contact oriented to the EI 18e');
select is(tests.push1('a0000000-0000-4000-8000-000000000011', 'contact.upsert',
            pg_temp.contact('cc700000-0000-4000-8000-000000000011',
              '{"oriented_structure_id": "5e000000-0000-4000-8000-000000000001", "status": "oriented"}')) ->> 'status',
  'applied', 'and an anonymous contact oriented to the same structure');
select results_eq(
  $$ select referral_status, oriented_at is not null, referral_answered_at is null, consent_version
       from public.outreach_contacts where id = 'cc700000-0000-4000-8000-000000000010' $$,
  $$ values ('pending', true, true, 'consent-v1.ar') $$,
  'the referral waits for the structure, with the consent text version as shown');

select tests.act_as('referent');
select results_eq(
  $$ select first_name_or_alias, phone::text, needs, note from public.outreach_contacts
      where id = 'cc700000-0000-4000-8000-000000000010' $$,
  $$ values ('Nour', '06 11 22 33 44', '{emploi}'::text[], 'Cherche une formation.') $$,
  'the receiving référent sees the name, contact, needs and the worker''s note');
select is_empty($$ select id from public.outreach_contacts where id = 'cc700000-0000-4000-8000-000000000011' $$,
  'the anonymous orientation stays invisible to the référent');
select tests.act_as('referent2');
select is_empty($$ select id from public.outreach_contacts where id = 'cc700000-0000-4000-8000-000000000010' $$,
  'a référent of another structure does not see the referral');

-- ---- referral.respond ----
select tests.act_as('referent2');
select is(tests.push1('a0000000-0000-4000-8000-000000000020', 'referral.respond',
            '{"id": "cc700000-0000-4000-8000-000000000010", "response": "accepted"}') ->> 'reason',
  'not_found', 'another structure''s référent cannot answer it');
select tests.act_as('outreach');
select is(tests.push1('a0000000-0000-4000-8000-000000000021', 'referral.respond',
            '{"id": "cc700000-0000-4000-8000-000000000010", "response": "accepted"}') ->> 'reason',
  'forbidden', 'the field worker cannot answer in the structure''s place');
select tests.act_as('referent');
select is(tests.push1('a0000000-0000-4000-8000-000000000022', 'referral.respond',
            '{"id": "cc700000-0000-4000-8000-000000000011", "response": "accepted"}') ->> 'reason',
  'not_found', 'nobody answers an anonymous orientation');
select is(tests.push1('a0000000-0000-4000-8000-000000000023', 'referral.respond',
            '{"id": "cc700000-0000-4000-8000-000000000010", "response": "declined"}') ->> 'field',
  'reason', 'declining needs a reason');
select is(tests.push1('a0000000-0000-4000-8000-000000000024', 'referral.respond',
            '{"id": "cc700000-0000-4000-8000-000000000010", "response": "accepted",
              "appointment_at": "2026-12-01T09:30:00+01:00"}') ->> 'field',
  'appointment_at', 'a date goes only with a planned appointment');
select is(tests.push1('a0000000-0000-4000-8000-000000000025', 'referral.respond',
            '{"id": "cc700000-0000-4000-8000-000000000010", "response": "appointment_planned",
              "appointment_at": "2026-12-01T09:30:00+01:00"}') ->> 'status',
  'applied', 'the référent plans an appointment');
select results_eq(
  $$ select referral_status, referral_appointment_at, referral_answered_at is not null
       from public.outreach_contacts where id = 'cc700000-0000-4000-8000-000000000010' $$,
  $$ values ('appointment_planned', '2026-12-01T09:30:00+01:00'::timestamptz, true) $$,
  'the answer is recorded with its date and the appointment time');
update public.outreach_contacts set referral_answered_at = '2000-01-01' where id = 'cc700000-0000-4000-8000-000000000010';
select isnt((select referral_answered_at from public.outreach_contacts where id = 'cc700000-0000-4000-8000-000000000010'),
  '2000-01-01'::timestamptz, 'the answer time is the server''s: a date sent by a device is ignored');
select is(tests.push1('a0000000-0000-4000-8000-000000000026', 'referral.respond',
            '{"id": "cc700000-0000-4000-8000-000000000010", "response": "declined", "reason": "Déjà suivie au PLIE"}') ->> 'status',
  'applied', 'the référent may change their answer to a refusal with a reason');
select results_eq(
  $$ select referral_status, referral_decline_reason, referral_appointment_at from public.outreach_contacts
      where id = 'cc700000-0000-4000-8000-000000000010' $$,
  $$ values ('declined', 'Déjà suivie au PLIE', null::timestamptz) $$,
  'a refusal keeps its reason and drops the appointment time');

select tests.act_as('outreach');
select results_eq(
  $$ select referral_status, referral_decline_reason from public.outreach_contacts
      where id = 'cc700000-0000-4000-8000-000000000010' $$,
  $$ values ('declined', 'Déjà suivie au PLIE') $$,
  'the field worker sees the structure''s answer');
-- The worker edits the contact (the whole row again): the structure's answer stays.
select is(tests.push1('a0000000-0000-4000-8000-000000000030', 'contact.upsert',
            pg_temp.contact('cc700000-0000-4000-8000-000000000010',
              '{"consent": true, "consent_version": "consent-v1.ar", "first_name_or_alias": "Nour",
                "phone": "06 11 22 33 44", "note": "Rappeler jeudi.",
                "oriented_structure_id": "5e000000-0000-4000-8000-000000000001",
                "orientation_reason": "Accompagnement vers l''emploi", "status": "oriented"}')) ->> 'status',
  'applied', 'the worker edits the contact');
select is((select referral_status from public.outreach_contacts where id = 'cc700000-0000-4000-8000-000000000010'),
  'declined', 'an edit by the team does not erase the structure''s answer');
select is((select consent_at from public.outreach_contacts where id = 'cc700000-0000-4000-8000-000000000010'),
  '2026-11-20T10:05:00+01:00'::timestamptz, 'nor the time consent was given');
-- …and orients the person elsewhere: a new referral, the old answer does not carry over.
select is(tests.push1('a0000000-0000-4000-8000-000000000031', 'contact.upsert',
            pg_temp.contact('cc700000-0000-4000-8000-000000000010',
              '{"consent": true, "consent_version": "consent-v1.ar", "first_name_or_alias": "Nour",
                "phone": "06 11 22 33 44", "oriented_structure_id": "5e000000-0000-4000-8000-000000000019",
                "orientation_reason": "PLIE", "status": "oriented"}')) ->> 'status',
  'applied', 'the worker orients the person to the PLIE instead');
select results_eq(
  $$ select referral_status, referral_decline_reason, referral_answered_at from public.outreach_contacts
      where id = 'cc700000-0000-4000-8000-000000000010' $$,
  $$ values ('pending', null::text, null::timestamptz) $$,
  'a new orientation starts a new referral');
select tests.act_as('referent');
select is_empty($$ select id from public.outreach_contacts where id = 'cc700000-0000-4000-8000-000000000010' $$,
  'the first structure no longer sees the person');
select tests.act_as('referent2');
select isnt_empty($$ select id from public.outreach_contacts where id = 'cc700000-0000-4000-8000-000000000010' $$,
  'the new structure does');
select is(tests.push1('a0000000-0000-4000-8000-000000000032', 'referral.respond',
            '{"id": "cc700000-0000-4000-8000-000000000010", "response": "accepted"}') ->> 'status',
  'applied', 'and answers it');

-- Consent withdrawn: identity erased, and the structure loses sight of the person.
select tests.act_as('outreach');
select is(tests.push1('a0000000-0000-4000-8000-000000000033', 'contact.upsert',
            pg_temp.contact('cc700000-0000-4000-8000-000000000010',
              '{"consent": false, "oriented_structure_id": "5e000000-0000-4000-8000-000000000019",
                "status": "oriented"}')) ->> 'status',
  'applied', 'the person withdraws consent');
select tests.act_as('referent2');
select is_empty($$ select id from public.outreach_contacts where id = 'cc700000-0000-4000-8000-000000000010' $$,
  'without consent the referral disappears from the structure');

-- ---- contact.delete ----
select tests.act_as('outreach');
select is(tests.push1('a0000000-0000-4000-8000-000000000040', 'contact.delete',
            '{"id": "cc700000-0000-4000-8000-000000000011"}') ->> 'status',
  'applied', 'the team deletes a contact recorded by mistake');
select is(tests.push1('a0000000-0000-4000-8000-000000000041', 'contact.delete',
            '{"id": "cc700000-0000-4000-8000-000000000011"}') ->> 'status',
  'applied', 'deleting it again is harmless');
select tests.act_as('referent');
select is(tests.push1('a0000000-0000-4000-8000-000000000042', 'contact.delete',
            '{"id": "cc000000-0000-4000-8000-000000000001"}') ->> 'reason',
  'forbidden', 'a référent cannot delete a referral');

-- ---- anonymous orientation counts ----
select tests.act_as('referent');
select results_eq(
  $$ select sum(oriented)::int, sum(anonymous)::int, sum(with_consent)::int
       from public.outreach_orientation_counts() $$,
  $$ values (2, 1, 1) $$,
  'the EI 18e référent counts the people oriented to their structure, the anonymous one included');
select is((select array_agg(distinct structure_id) from public.outreach_orientation_counts()),
  array['5e000000-0000-4000-8000-000000000001'::uuid], 'and only those of their own structure');
select tests.act_as('coordinator');
select ok((select count(distinct structure_id) from public.outreach_orientation_counts()) >= 3,
  'a coordinator counts every structure');
select tests.act_as('outreach');
select throws_ok($$ select * from public.outreach_orientation_counts() $$, '42501', null,
  'a field worker gets no structure''s counts');
select tests.act_as('anon');
select throws_ok($$ select * from public.outreach_orientation_counts() $$, '42501', null, 'nor does anyone signed out');

select tests.act_as('postgres');
select * from finish();
rollback;

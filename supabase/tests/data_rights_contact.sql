-- Erasure of a person met in the street, on their request: sync mutation contact.delete.
-- Only their team erases; identity and free text go at once; every device holding the row
-- (the team's, the référent's of a consented referral) receives a tombstone.
begin;
\ir helpers/setup.psql
select plan(14);

create function pg_temp.push_delete(contact uuid) returns jsonb
language sql as $$
  select tests.push('contact.delete', jsonb_build_object('id', contact))
$$;

-- cc..01: team Goutte d'Or (outreach), consented, oriented to the référent's structure.
select tests.act_as('outreach2');
select is(pg_temp.push_delete('cc000000-0000-4000-8000-000000000001') ->> 'reason', 'not_found',
  'another team cannot even see the contact');
select tests.act_as('referent');
select is(pg_temp.push_delete('cc000000-0000-4000-8000-000000000001') ->> 'reason', 'forbidden',
  'the référent who received the referral cannot erase it');
select tests.act_as('coordinator');
select is(pg_temp.push_delete('cc000000-0000-4000-8000-000000000001') ->> 'reason', 'not_found',
  'coordinators read no contact, so cannot erase one');
select tests.act_as('allocataire');
select is(pg_temp.push_delete('cc000000-0000-4000-8000-000000000001') ->> 'reason', 'not_found',
  'an allocataire cannot either');
select is(public.sync_push('[{"mutation_id":"c0de0000-0000-4000-8000-000000000001","name":"contact.delete","args":{"id":"cc000000-0000-4000-8000-000000000001","why":"x"}}]')
            -> 'results' -> 0 ->> 'field', 'why', 'unknown arguments are refused');

select tests.act_as('outreach');
create temporary table stats_before on commit drop as select sum(met) as met from public.outreach_stats();
select is(pg_temp.push_delete('cc000000-0000-4000-8000-000000000001') ->> 'status', 'applied', 'the team erases the contact');
select is((select (deleted_at is not null, first_name_or_alias, phone::text, email::text, note, orientation_reason, follow_up_at)
             from public.outreach_contacts where id = 'cc000000-0000-4000-8000-000000000001'),
  row(true, null::text, null::text, null::text, null::text, null::text, null::date),
  'identity, free text and the planned follow-up are gone');
select is((select sum(met) from public.outreach_stats()), (select met - 1 from stats_before),
  'the person no longer counts in the team''s statistics');
select is(pg_temp.push_delete('cc000000-0000-4000-8000-000000000001') ->> 'status', 'applied',
  'erasing again is accepted and changes nothing');
select is(public.sync_push(jsonb_build_array(jsonb_build_object('mutation_id', gen_random_uuid(), 'name', 'contact.upsert',
            'args', jsonb_build_object('id', 'cc000000-0000-4000-8000-000000000001', 'team_id', '7ea00000-0000-4000-8000-000000000001',
              'quartier', 'Goutte d''Or', 'met_at', '2026-11-01T10:00:00+01:00', 'met_how', 'market', 'consent', true,
              'consent_version', 'consent-v1', 'first_name_or_alias', 'Mariam', 'phone', '+33611111111',
              'oriented_structure_id', '5e000000-0000-4000-8000-000000000001')))) -> 'results' -> 0 ->> 'status',
  'applied', 'a device that still had the contact may send an old edit...');
select is((select (first_name_or_alias, phone::text) from public.outreach_contacts where id = 'cc000000-0000-4000-8000-000000000001'),
  row(null::text, null::text), '... which never brings the identity back');

-- sync_pull serves a row once its transaction is over, so within this test the tombstone is
-- shown by what the pull reads: the row stays visible to the device's user, marked deleted.
select is((select deleted_at is not null from public.outreach_contacts where id = 'cc000000-0000-4000-8000-000000000001'),
  true, 'the team''s devices will receive a tombstone (the row stays visible, deleted)');
select tests.act_as('referent');
select is((select deleted_at is not null from public.outreach_contacts where id = 'cc000000-0000-4000-8000-000000000001'),
  true, 'so will the référent who received the referral');
select ok(not (public.sync_reconcile('{outreach_contacts}') -> 'outreach_contacts' ? 'cc000000-0000-4000-8000-000000000001'),
  'and reconcile no longer lists it');

select * from finish();
rollback;

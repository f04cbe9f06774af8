-- Appointments as the apps see them (through sync_pull and sync_push, where
-- 04_appointments.sql reads and writes the table directly), the person to meet, the
-- référent's "seen" mark (appointment.mark_seen), and the touch that lets a new référent
-- pull the rows of an allocataire reassigned to them.
begin;
\ir helpers/setup.psql
select plan(39);

-- Every id of one table the caller pulls after `cursor` (all pages).
create function pg_temp.pulled(tbl text, cursor text default null) returns uuid[]
language plpgsql as $$
declare
  page jsonb;
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

create function pg_temp.ids(query text) returns uuid[]
language plpgsql as $$
declare
  result uuid[];
begin
  execute format('select coalesce(array_agg(id order by id), ''{}'') from (%s) q', query) into result;
  return result;
end $$;

-- ===========================================================================
-- Who pulls which appointments
-- ===========================================================================
select tests.act_as('allocataire');
select is(pg_temp.pulled('appointments'),
  array['a9900000-0000-4000-8000-000000000001', 'a9900000-0000-4000-8000-000000000002',
        'a9900000-0000-4000-8000-000000000003', 'a9900000-0000-4000-8000-000000000004',
        'a9900000-0000-4000-8000-000000000005', 'a9900000-0000-4000-8000-000000000006']::uuid[],
  'an allocataire pulls their own appointments, all of them');
select tests.act_as('allocataire2');
select is(pg_temp.pulled('appointments'), array['a9900000-0000-4000-8000-000000000007']::uuid[],
  'another allocataire pulls only theirs');
select tests.act_as('referent');
select is(pg_temp.pulled('appointments'),
  array['a9900000-0000-4000-8000-000000000001', 'a9900000-0000-4000-8000-000000000002',
        'a9900000-0000-4000-8000-000000000003', 'a9900000-0000-4000-8000-000000000004',
        'a9900000-0000-4000-8000-000000000005', 'a9900000-0000-4000-8000-000000000006',
        'a9900000-0000-4000-8000-000000000008']::uuid[],
  'a référent pulls the appointments of their structure''s allocataires, including one filed at the MdEE');
select is(pg_temp.pulled('profiles'), array[tests.uid('allocataire'), tests.uid('groupe'), tests.uid('referent')],
  'a référent pulls their own profile and their structure''s allocataires'', nobody else''s');
select tests.act_as('referent2');
select is(pg_temp.pulled('appointments'), '{}'::uuid[], 'a référent of another structure pulls none of them');

-- ===========================================================================
-- The person to meet
-- ===========================================================================
select tests.act_as('allocataire');
select is_empty($$ select id from public.profiles where id = tests.uid('referent') $$,
  'an allocataire cannot read their référent''s profile ...');
select is((select array_agg(distinct referent_name) from public.appointments), array['Karim Benali'],
  '... but each appointment names the référent to meet');
select throws_ok($$ update public.appointments set referent_name = 'Quelqu''un'
                     where id = 'a9900000-0000-4000-8000-000000000003' $$,
  '42501', null, 'an allocataire cannot change the name shown');

-- ===========================================================================
-- Scheduling through sync_push
-- ===========================================================================
select tests.act_as('referent');
select is(tests.push1('70000000-0000-4000-8000-000000000001', 'appointment.upsert',
  jsonb_build_object('id', 'a9900000-0000-4000-8000-0000000000d1', 'allocataire_id', tests.uid('allocataire'),
    'structure_id', '5e000000-0000-4000-8000-000000000001', 'referent_id', tests.uid('referent'),
    'kind', 'follow_up', 'starts_at', to_char(now() + interval '4 days', 'YYYY-MM-DD"T"10:00:00+01:00'),
    'duration_min', 30)) ->> 'status',
  'applied', 'a référent schedules an appointment through sync');
select is((select referent_name from public.appointments where id = 'a9900000-0000-4000-8000-0000000000d1'),
  'Karim Benali', '... which names them');
select is(tests.push1('70000000-0000-4000-8000-000000000002', 'appointment.upsert',
  jsonb_build_object('id', 'a9900000-0000-4000-8000-0000000000d2', 'allocataire_id', tests.uid('allocataire2'),
    'structure_id', '5e000000-0000-4000-8000-000000000001', 'kind', 'follow_up',
    'starts_at', '2030-01-10T10:00:00+01:00')) ->> 'reason',
  'forbidden', 'a référent cannot schedule for an allocataire followed elsewhere');
select tests.act_as('referent2');
select is(tests.push1('70000000-0000-4000-8000-000000000003', 'appointment.upsert',
  jsonb_build_object('id', 'a9900000-0000-4000-8000-0000000000d1', 'allocataire_id', tests.uid('allocataire'),
    'structure_id', '5e000000-0000-4000-8000-000000000019', 'kind', 'follow_up',
    'starts_at', '2030-01-10T10:00:00+01:00')) ->> 'status',
  'rejected', 'a référent of another structure cannot move it');
select tests.act_as('allocataire');
select is(tests.push1('70000000-0000-4000-8000-000000000004', 'appointment.set_status',
  '{"id": "a9900000-0000-4000-8000-0000000000d1", "status": "excused"}') ->> 'reason',
  'forbidden', 'the allocataire cannot excuse themselves through sync');

-- ===========================================================================
-- appointment.mark_seen
-- ===========================================================================
select is(tests.push1('70000000-0000-4000-8000-000000000010', 'appointment.respond',
  '{"id": "a9900000-0000-4000-8000-0000000000d1", "response": "confirmed"}') ->> 'status',
  'applied', 'the allocataire confirms');
-- Everything in this transaction shares one now(): date the answer an hour back.
select tests.act_as('postgres');
update public.appointments set responded_at = now() - interval '1 hour' where id = 'a9900000-0000-4000-8000-0000000000d1';
select tests.act_as('allocataire');
select is(tests.push1('70000000-0000-4000-8000-000000000011', 'appointment.mark_seen',
  jsonb_build_object('id', 'a9900000-0000-4000-8000-0000000000d1', 'responded_at', now() - interval '1 hour')) ->> 'reason',
  'forbidden', 'the allocataire cannot mark their own answer seen');
select tests.act_as('referent2');
select is(tests.push1('70000000-0000-4000-8000-000000000012', 'appointment.mark_seen',
  jsonb_build_object('id', 'a9900000-0000-4000-8000-0000000000d1', 'responded_at', now() - interval '1 hour')) ->> 'reason',
  'not_found', 'a référent of another structure does not even see it');
select tests.act_as('coordinator');
select is(tests.push1('70000000-0000-4000-8000-000000000013', 'appointment.mark_seen',
  jsonb_build_object('id', 'a9900000-0000-4000-8000-0000000000d1', 'responded_at', now() - interval '1 hour')) ->> 'reason',
  'forbidden', 'a coordinator reads but does not mark');
select tests.act_as('referent');
select is(tests.push1('70000000-0000-4000-8000-000000000014', 'appointment.mark_seen',
  jsonb_build_object('id', 'a9900000-0000-4000-8000-0000000000d1', 'responded_at', now() - interval '1 hour', 'note', 'x')) ->> 'field',
  'note', 'unknown arguments are refused');
select is(tests.push1('70000000-0000-4000-8000-000000000015', 'appointment.mark_seen',
  jsonb_build_object('id', 'a9900000-0000-4000-8000-0000000000d1', 'responded_at', now() - interval '2 hours')) ->> 'status',
  'applied', 'marking an older answer seen is accepted ...');
select is((select seen_by_referent_at from public.appointments where id = 'a9900000-0000-4000-8000-0000000000d1'), null,
  '... but does not mark the newer one');
select is(tests.push1('70000000-0000-4000-8000-000000000016', 'appointment.mark_seen',
  jsonb_build_object('id', 'a9900000-0000-4000-8000-0000000000d1', 'responded_at', now() - interval '1 hour')) ->> 'status',
  'applied', 'the référent marks the answer they read');
select ok((select seen_by_referent_at >= responded_at from public.appointments where id = 'a9900000-0000-4000-8000-0000000000d1'),
  '... and it is seen');
select tests.act_as('allocataire');
select ok((select seen_by_referent_at is not null from public.appointments where id = 'a9900000-0000-4000-8000-0000000000d1'),
  'the allocataire reads that it was seen');

-- ===========================================================================
-- Reassignment: the rows that follow the allocataire are touched
-- ===========================================================================
-- The new référent's device pulled earlier, when the seed (and every transaction before
-- this one but the last) was done: its cursor positions, as sync_pull writes them.
select tests.act_as('referent2');
do $$
declare
  c jsonb := (public.sync_pull(null, 1000)::jsonb ->> 'cursor')::jsonb;
  k text;
begin
  for k in select jsonb_object_keys(c -> 'p') loop
    c := jsonb_set(c, array['p', k], jsonb_build_array((pg_current_xact_id()::text::numeric - 2)::text,
                                                       'ffffffff-ffff-ffff-ffff-ffffffffffff'));
  end loop;
  perform set_config('test.cursor_r2', c::text, true);
end $$;
select tests.act_as('postgres');
create temp table before_move on commit drop as
  select 'appointments' as t, id, version from public.appointments where allocataire_id = tests.uid('allocataire')
  union all
  select 'prestation_offers', id, version from public.prestation_offers where allocataire_id = tests.uid('allocataire');
grant select on before_move to authenticated;

select tests.act_as('coordinator');
select lives_ok($$ update public.profiles set referent_id = tests.uid('referent2'),
                                             structure_id = '5e000000-0000-4000-8000-000000000019'
                    where id = tests.uid('allocataire') $$,
  'a coordinator hands the allocataire to another référent, past appointments included');
select is(auth.uid(), tests.uid('coordinator'), 'the coordinator''s identity is intact after the touch');
select tests.act_as('postgres');
select is((select count(*)::int from before_move b join public.appointments a on a.id = b.id
            where b.t = 'appointments' and a.version = b.version + 1 and a.row_xid = pg_current_xact_id()), 7,
  'each of their appointments moved to a new version in this transaction');
select is((select count(*)::int from before_move b join public.prestation_offers o on o.id = b.id
            where b.t = 'prestation_offers' and o.version = b.version + 1 and o.row_xid = pg_current_xact_id()), 5,
  'each of their prestation offers too');
select is((select array_agg(distinct status order by status) from public.appointments where allocataire_id = tests.uid('allocataire')),
  array['attended', 'confirmed', 'missed', 'reschedule_requested', 'scheduled'],
  'nothing else changed (statuses as before)');

-- As if the coordinator's transaction had committed right after that pull (an id newer
-- than the cursor's positions and older than any transaction still running).
set local session_replication_role = replica;
update public.appointments set row_xid = (pg_current_xact_id()::text::bigint - 1)::text::xid8 where row_xid = pg_current_xact_id();
update public.prestation_offers set row_xid = (pg_current_xact_id()::text::bigint - 1)::text::xid8 where row_xid = pg_current_xact_id();
update public.profiles set row_xid = (pg_current_xact_id()::text::bigint - 1)::text::xid8 where row_xid = pg_current_xact_id();
set local session_replication_role = origin;

select tests.act_as('referent2');
select is(pg_temp.pulled('appointments', current_setting('test.cursor_r2')),
  pg_temp.ids($$ select id from before_move where t = 'appointments' $$),
  'the new référent''s next pull brings every appointment of the allocataire, though none of them changed');
select is(pg_temp.pulled('prestation_offers', current_setting('test.cursor_r2')),
  pg_temp.ids($$ select id from before_move where t = 'prestation_offers' $$),
  '... and every prestation offer');
select ok(tests.uid('allocataire') = any (pg_temp.pulled('profiles', current_setting('test.cursor_r2'))),
  '... and the allocataire''s profile');

select tests.act_as('postgres');
create temp table versions_now on commit drop as
  select id, version from public.appointments where allocataire_id = tests.uid('allocataire');
select tests.act_as('coordinator');
update public.profiles set display_name = 'Amina K.' where id = tests.uid('allocataire');
select tests.act_as('postgres');
select is((select count(*)::int from versions_now v join public.appointments a using (id) where a.version <> v.version), 0,
  'a change that does not move the allocataire touches nothing');

-- A coordinator who is also an allocataire changes their own référent: the touch passes
-- the allocataire's "answer only" guard on their past, closed appointments.
select tests.act_as('postgres');
do $$
declare
  me uuid := tests.new_user('coordinatrice.allocataire@test.invalid');
begin
  perform set_config('test.me', me::text, true);
  update public.profiles set roles = '{allocataire,coordinator}' where id = me;
  insert into public.appointments (id, allocataire_id, kind, starts_at, status)
  values ('a9900000-0000-4000-8000-0000000000e1', me, 'follow_up', now() - interval '30 days', 'attended');
end $$;
select tests.act_as(current_setting('test.me'));
select lives_ok($$ update public.profiles set referent_id = tests.uid('referent') where id = auth.uid() $$,
  'a coordinator-allocataire changes their own référent');
select tests.act_as('postgres');
select is((select version from public.appointments where id = 'a9900000-0000-4000-8000-0000000000e1'), 2::bigint,
  '... and their closed appointment is touched all the same');

-- ===========================================================================
-- The référent renames themselves: appointments ahead follow, the past keeps its record
-- ===========================================================================
select tests.act_as('referent');
select is(tests.push1('70000000-0000-4000-8000-000000000020', 'profile.update', '{"display_name": "Karim B."}') ->> 'status',
  'applied', 'the référent changes their display name');
select tests.act_as('postgres');
select is((select array_agg(distinct referent_name) from public.appointments
            where referent_id = tests.uid('referent') and starts_at > now()), array['Karim B.'],
  'appointments ahead show the new name');
select is((select array_agg(distinct referent_name) from public.appointments
            where referent_id = tests.uid('referent') and starts_at < now()), array['Karim Benali'],
  'past appointments keep the name they had');

-- A new referent_id brings its own name; no referent, no name.
select tests.act_as('postgres');
update public.appointments set referent_id = tests.uid('referent2') where id = 'a9900000-0000-4000-8000-000000000003';
update public.appointments set referent_id = null where id = 'a9900000-0000-4000-8000-000000000005';
select results_eq($$ select referent_name from public.appointments
                     where id in ('a9900000-0000-4000-8000-000000000003', 'a9900000-0000-4000-8000-000000000005') order by id $$,
  $$ values ('Sophie Laurent'::text), (null::text) $$,
  'changing the référent of an appointment changes the name shown');

select is((select count(*)::int from sync_private.mutation_handlers where name = 'appointment.mark_seen'), 1,
  'appointment.mark_seen is a registered mutation');

select * from finish();
rollback;

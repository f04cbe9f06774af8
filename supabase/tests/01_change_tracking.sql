-- public.sync_touch(): version, row_xid and updated_at on every write.
begin;
\ir helpers/setup.psql
select plan(8);

insert into public.teams (id, kind, name) values ('7ea00000-0000-4000-8000-0000000000aa', 'EDL', 'Équipe test');

select is((select version from public.teams where id = '7ea00000-0000-4000-8000-0000000000aa'), 1::bigint,
  'a new row starts at version 1');
select is((select row_xid from public.teams where id = '7ea00000-0000-4000-8000-0000000000aa'), pg_current_xact_id(),
  'row_xid is the writing transaction');

insert into public.teams (id, kind, name, version) values ('7ea00000-0000-4000-8000-0000000000ab', 'EDL', 'Autre', 42);
select is((select version from public.teams where id = '7ea00000-0000-4000-8000-0000000000ab'), 1::bigint,
  'a client-supplied version is ignored on insert');

update public.teams set name = 'Équipe test renommée' where id = '7ea00000-0000-4000-8000-0000000000aa';
update public.teams set quartiers = '{Belleville}' where id = '7ea00000-0000-4000-8000-0000000000aa';
select is((select version from public.teams where id = '7ea00000-0000-4000-8000-0000000000aa'), 3::bigint,
  'every update increments the version');

update public.teams set version = 1 where id = '7ea00000-0000-4000-8000-0000000000aa';
select is((select version from public.teams where id = '7ea00000-0000-4000-8000-0000000000aa'), 4::bigint,
  'the version cannot be set back by a client');

select ok((select updated_at = now() from public.teams where id = '7ea00000-0000-4000-8000-0000000000aa'),
  'updated_at is the server time of the write');

select ok(
  (select created_at < now() from public.structures where id = '5e000000-0000-4000-8000-000000000001')
  and (select row_xid < pg_current_xact_id() from public.structures where id = '5e000000-0000-4000-8000-000000000001'),
  'seeded rows carry an older transaction id');

update public.structures set last_checked_at = now() where id = '5e000000-0000-4000-8000-000000000001';
select is((select row_xid from public.structures where id = '5e000000-0000-4000-8000-000000000001'), pg_current_xact_id(),
  'an update moves row_xid to the updating transaction');

select * from finish();
rollback;

-- Who follows an allocataire, written on the rows that follow them
-- (20261125001500_followed_columns.sql), and sync_pull's json answer (20261125001600).
-- The select policies read the columns instead of my_allocataire_ids(): the rows each
-- référent sees must stay exactly those the definition gives.
begin;
\ir helpers/setup.psql
select plan(22);

-- The definition, as the caller: ids of `tbl` with structure_id (appointments only) of
-- my structure, referent_id me, or an allocataire I follow (my_allocataire_ids()).
create function pg_temp.by_definition(tbl text) returns uuid[]
language plpgsql security definer as $$
declare
  followed uuid[];
  me uuid := auth.uid();
  mine uuid := public.my_structure_id();
  result uuid[];
begin
  if not public.has_role('referent') then
    return '{}';
  end if;
  followed := array(select public.my_allocataire_ids());
  if tbl = 'profiles' then
    return (select coalesce(array_agg(id order by id), '{}') from public.profiles where id = any (followed));
  end if;
  execute format($q$select coalesce(array_agg(s.id order by s.id), '{}') from public.%I s
                    where s.referent_id = $1 or s.allocataire_id = any ($3) %s$q$,
                 tbl, case when tbl = 'appointments' then 'or s.structure_id = $2' else '' end)
    into result using me, mine, followed;
  return result;
end $$;
grant execute on function pg_temp.by_definition(text) to authenticated;

-- What row-level security shows the caller (profiles: the référent policy's rows only).
create function pg_temp.visible(tbl text) returns uuid[]
language plpgsql as $$
declare
  result uuid[];
begin
  execute format('select coalesce(array_agg(s.id order by s.id), ''{}'') from public.%I s %s', tbl,
                 case when tbl = 'profiles' then $w$where 'allocataire' = any (s.roles) and s.id <> auth.uid()$w$ else '' end)
    into result;
  return result;
end $$;

-- Every row's columns as the allocataire's profile says (null for a non-allocataire).
create function pg_temp.out_of_step(tbl text) returns bigint
language plpgsql as $$
declare
  n bigint;
begin
  execute format($q$select count(*) from public.%I s left join public.profiles p on p.id = s.allocataire_id
                    where (s.allocataire_referent_id, s.allocataire_structure_id) is distinct from
                          (case when 'allocataire' = any (p.roles) then p.referent_id end,
                           case when 'allocataire' = any (p.roles) then p.structure_id end)$q$, tbl)
    into n;
  return n;
end $$;

-- ===========================================================================
-- The columns follow the profile
-- ===========================================================================
select is(pg_temp.out_of_step('appointments'), 0::bigint, 'every appointment names its allocataire''s référent and structure');
select is(pg_temp.out_of_step('prestation_offers'), 0::bigint, 'every prestation offer too');

update public.profiles set referent_id = tests.uid('referent2'), structure_id = '5e000000-0000-4000-8000-000000000019'
 where id = tests.uid('allocataire2');
select is(pg_temp.out_of_step('appointments') + pg_temp.out_of_step('prestation_offers'), 0::bigint,
  'an allocataire handed to another référent and structure: their rows follow');

update public.appointments set allocataire_structure_id = '5e000000-0000-4000-8000-000000000001',
                               allocataire_referent_id = tests.uid('referent')
 where allocataire_id = tests.uid('allocataire2');
select is(pg_temp.out_of_step('appointments'), 0::bigint,
  'writing the columns by hand changes nothing: the trigger sets them from the profile');

insert into public.appointments (id, allocataire_id, referent_id, structure_id, kind, starts_at)
values ('af000000-0000-4000-8000-000000000001', tests.uid('referent'), tests.uid('referent'),
        '5e000000-0000-4000-8000-000000000001', 'follow_up', now() + interval '2 days');
select is((select array[allocataire_referent_id, allocataire_structure_id] from public.appointments
            where id = 'af000000-0000-4000-8000-000000000001'), array[null, null]::uuid[],
  'an appointment with someone who is not an allocataire: nobody follows it through them');

-- ===========================================================================
-- The policies show what the definition says, for every référent
-- ===========================================================================
-- An appointment at a partner structure with another référent named: only the
-- followed-allocataire reach shows it to the allocataire's référent and structure.
insert into public.appointments (id, allocataire_id, referent_id, structure_id, kind, starts_at)
values ('af000000-0000-4000-8000-000000000002', tests.uid('allocataire'), tests.uid('referent2'),
        '5e000000-0000-4000-8000-000000000019', 'mdee_session', now() + interval '3 days');

select tests.act_as('referent');
select is(pg_temp.visible('appointments'), pg_temp.by_definition('appointments'),
  'référent: the appointments row-level security shows are exactly the definition''s');
select ok('af000000-0000-4000-8000-000000000002' = any (pg_temp.visible('appointments')),
  '... the one at a partner structure with another référent included');
select is(pg_temp.visible('prestation_offers'), pg_temp.by_definition('prestation_offers'),
  'référent: the prestation offers too');
select is(pg_temp.visible('profiles'), pg_temp.by_definition('profiles'),
  'référent: the allocataires'' profiles too');
select tests.act_as('referent2');
select is(pg_temp.visible('appointments'), pg_temp.by_definition('appointments'),
  'another référent: the appointments are the definition''s');
select ok(tests.uid('allocataire2') = any (pg_temp.visible('profiles')),
  '... the allocataire handed to them is theirs now');
select is(pg_temp.visible('prestation_offers'), pg_temp.by_definition('prestation_offers'),
  'another référent: the prestation offers too');
select is(pg_temp.visible('profiles'), pg_temp.by_definition('profiles'),
  'another référent: the profiles too');

-- A person who stops being an allocataire is no longer followed through their rows.
select tests.act_as('postgres');
update public.profiles set roles = '{groupe_ressource}' where id = tests.uid('groupe');
select is(pg_temp.out_of_step('appointments') + pg_temp.out_of_step('prestation_offers'), 0::bigint,
  'roles without allocataire: their rows name nobody');
select tests.act_as('referent');
select is(pg_temp.visible('appointments'), pg_temp.by_definition('appointments'),
  'référent, after that change: still the definition''s appointments');
select is(pg_temp.visible('profiles'), pg_temp.by_definition('profiles'),
  '... and profiles');

-- ===========================================================================
-- sync_pull's answer: json, the same keys and values as the rows
-- ===========================================================================
select is(pg_typeof(public.sync_pull())::text, 'json', 'sync_pull answers json');
select is((select array_agg(k order by k) from json_object_keys(public.sync_pull()) k),
  array['changes', 'cursor', 'has_more', 'schema_version', 'tombstones'], 'with the five keys of the contract');

create temp table page on commit drop as select public.sync_pull(null, 1000)::jsonb as a;
select is_empty($$ select 1 from page, jsonb_array_elements(a -> 'changes' -> 'appointments') r
                    where r ?| array['row_xid', 'allocataire_referent_id', 'allocataire_structure_id']
                  union all
                  select 1 from page, jsonb_array_elements(a -> 'changes' -> 'prestation_offers') r
                    where r ?| array['row_xid', 'allocataire_referent_id', 'allocataire_structure_id'] $$,
  'no row carries row_xid or who follows it');
select ok((select count(*) from page, jsonb_array_elements(a -> 'changes' -> 'appointments')) > 0,
  'the référent''s appointments are in the page');
select is_empty($$ select r from page, jsonb_array_elements(a -> 'changes' -> 'appointments') r
                  except
                  select to_jsonb(s) - array['row_xid', 'allocataire_referent_id', 'allocataire_structure_id']
                    from public.appointments s $$,
  'each pulled appointment equals its row, value for value (arrays, json, dates)');
select is_empty($$ select r from page, jsonb_array_elements(a -> 'changes' -> 'prestation_offers') r
                  except
                  select to_jsonb(s) - array['row_xid', 'allocataire_referent_id', 'allocataire_structure_id']
                    from public.prestation_offers s $$,
  'each pulled prestation offer too');

select * from finish();
rollback;

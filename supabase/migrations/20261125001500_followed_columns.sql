-- A référent's pull without the list of the allocataires they follow (DESIGN §7:
-- sync_pull p95 ≤ 30 ms at Paris scale; bench/scale/README.md).
--
-- "The allocataires a référent follows" (public.my_allocataire_ids(): their référent is
-- me, or they belong to my structure) was a list of ≈ 1,250 ids at Paris scale, built
-- again by every statement that read profiles, appointments or prestation offers under
-- row-level security (≈ 5 ms each, six times per page of a référent's pull), and read
-- by the pull's arms as 1,250 index ranges merged and sorted for each page.
--
-- Now the rows that follow an allocataire carry who follows them:
-- appointments and prestation offers hold `allocataire_referent_id` and
-- `allocataire_structure_id`, the allocataire's référent and structure (null when the
-- person is not an allocataire), kept by a trigger on every write of the row and
-- refreshed by profiles_touch_followed_rows() when the person's référent, structure
-- or roles change (which already touched these rows so the new référent's devices
-- pull them). "Followed by me" becomes one index range per column:
--
--   allocataire_id in (select my_allocataire_ids())
--     ⇔ allocataire_referent_id = me or allocataire_structure_id = my structure
--
-- The select policies use the columns; the insert and update checks still ask
-- my_allocataire_ids() (one write at a time, and the source of truth: a referent
-- cannot plant rows by writing the columns, which the trigger recomputes anyway).
-- Profiles need no new column: their own referent_id and structure_id say it.
--
-- The two columns are the server's bookkeeping: they are not pulled (exclude_columns)
-- and no mutation accepts them.

-- ---------------------------------------------------------------------------
-- 1. Columns and the trigger that keeps them
-- ---------------------------------------------------------------------------

alter table public.appointments
  add column allocataire_referent_id uuid,
  add column allocataire_structure_id uuid;
alter table public.prestation_offers
  add column allocataire_referent_id uuid,
  add column allocataire_structure_id uuid;

-- Security definer: the writer (a colleague, the allocataire, a maintenance touch)
-- may not be able to read the allocataire's profile.
create function sync_private.keep_allocataire_followers() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  select p.referent_id, p.structure_id into new.allocataire_referent_id, new.allocataire_structure_id
    from public.profiles p
   where p.id = new.allocataire_id and 'allocataire' = any (p.roles);
  if not found then
    new.allocataire_referent_id := null;
    new.allocataire_structure_id := null;
  end if;
  return new;
end
$$;
revoke all on function sync_private.keep_allocataire_followers() from public, anon, authenticated;

-- Named to run after "guard" (which judges what a user changed, not this bookkeeping)
-- and before "sync_touch" (alphabetical order of before-row triggers).
create trigger keep_followers before insert or update on public.appointments
  for each row execute function sync_private.keep_allocataire_followers();
create trigger keep_followers before insert or update on public.prestation_offers
  for each row execute function sync_private.keep_allocataire_followers();

-- Existing rows, without touching them: nothing a device holds changes, so no device
-- should pull 1.5 million rows again (sync_touch would move every row_xid).
alter table public.appointments disable trigger user;
alter table public.prestation_offers disable trigger user;
update public.appointments a
   set allocataire_referent_id = p.referent_id, allocataire_structure_id = p.structure_id
  from public.profiles p
 where p.id = a.allocataire_id and 'allocataire' = any (p.roles);
update public.prestation_offers o
   set allocataire_referent_id = p.referent_id, allocataire_structure_id = p.structure_id
  from public.profiles p
 where p.id = o.allocataire_id and 'allocataire' = any (p.roles);
alter table public.appointments enable trigger user;
alter table public.prestation_offers enable trigger user;

update sync_private.pull_tables
   set exclude_columns = exclude_columns || array['allocataire_referent_id', 'allocataire_structure_id']
 where name in ('appointments', 'prestation_offers');

-- ---------------------------------------------------------------------------
-- 2. Select policies on the columns (same rows: see the equivalence above)
-- ---------------------------------------------------------------------------

alter policy "referents read their allocataires" on public.profiles
  using ((select public.has_role('referent'))
         and 'allocataire' = any (roles)
         and (referent_id = (select auth.uid()) or structure_id = (select public.my_structure_id())));

alter policy "referents read their appointments" on public.appointments
  using ((select public.has_role('referent'))
         and (structure_id = (select public.my_structure_id())
              or referent_id = (select auth.uid())
              or allocataire_structure_id = (select public.my_structure_id())
              or allocataire_referent_id = (select auth.uid())));

alter policy "referents read their offers" on public.prestation_offers
  using ((select public.has_role('referent'))
         and (referent_id = (select auth.uid())
              or allocataire_structure_id = (select public.my_structure_id())
              or allocataire_referent_id = (select auth.uid())));

-- ---------------------------------------------------------------------------
-- 3. Arms and their indexes. Rows whose own structure or référent already says the
-- same are read by those arms; the partial indexes hold only the others (an
-- appointment at another structure, an offer made by a colleague), so a referent's
-- followed arms read no row twice for the common case.
-- ---------------------------------------------------------------------------

create index profiles_allocataire_referent_sync_idx on public.profiles (referent_id, row_xid, id)
  where 'allocataire' = any (roles);
create index profiles_allocataire_structure_sync_idx on public.profiles (structure_id, row_xid, id)
  where 'allocataire' = any (roles);
create index appointments_followed_structure_sync_idx
  on public.appointments (allocataire_structure_id, row_xid, id)
  where allocataire_structure_id is distinct from structure_id;
create index appointments_followed_referent_sync_idx
  on public.appointments (allocataire_referent_id, row_xid, id)
  where allocataire_referent_id is distinct from referent_id;
create index prestation_offers_followed_structure_sync_idx
  on public.prestation_offers (allocataire_structure_id, row_xid, id);
create index prestation_offers_followed_referent_sync_idx
  on public.prestation_offers (allocataire_referent_id, row_xid, id)
  where allocataire_referent_id is distinct from referent_id;

-- The index that served the old followed arm (allocataire_id = any (1,250 ids)) keeps
-- serving the allocataire's own arm; its included columns are no longer read.
drop index public.appointments_allocataire_sync_idx;
create index appointments_allocataire_sync_idx on public.appointments (allocataire_id, row_xid, id);
drop index public.prestation_offers_allocataire_sync_idx;
create index prestation_offers_allocataire_sync_idx on public.prestation_offers (allocataire_id, row_xid, id);

delete from sync_private.pull_arms
 where role = 'referent' and table_name in ('profiles', 'appointments', 'prestation_offers')
   and predicate like '%$9%';
insert into sync_private.pull_arms (table_name, role, predicate) values
  ('profiles',          'referent', $a$s.referent_id = $6 and 'allocataire' = any (s.roles)$a$),
  ('profiles',          'referent', $a$s.structure_id = $8 and 'allocataire' = any (s.roles)$a$),
  ('appointments',      'referent', 's.allocataire_structure_id = $8 and s.allocataire_structure_id is distinct from s.structure_id'),
  ('appointments',      'referent', 's.allocataire_referent_id = $6 and s.allocataire_referent_id is distinct from s.referent_id'),
  ('prestation_offers', 'referent', 's.allocataire_structure_id = $8'),
  ('prestation_offers', 'referent', 's.allocataire_referent_id = $6 and s.allocataire_referent_id is distinct from s.referent_id');

comment on column sync_private.pull_arms.predicate is
  'SQL over the table aliased s; $6 = the caller''s id, $7 their team, $8 their structure; '
  '$1, $2 the cursor''s (row_xid, id), $3 the horizon, $4 the page size; $9 is no longer read (an empty array).';

-- ---------------------------------------------------------------------------
-- 4. sync_reconcile no longer builds the followed list ($9) for each call (unchanged
-- otherwise: 20261125001100_scale.sql); sync_pull follows in 20261125001600.
-- ---------------------------------------------------------------------------

create or replace function public.sync_reconcile(tables text[])
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  uid uuid := auth.uid();
  result jsonb := '{}';
  tname text;
  rel text;
  arms text[];
  all_arms text[];
  ids jsonb;
  my_roles text[];
  my_team uuid;
  my_structure uuid;
  followed uuid[] := '{}';  -- $9 of the arms: no arm reads it any more
begin
  if tables is null or cardinality(tables) > 50 then
    raise exception 'Liste de tables invalide.' using errcode = '22023';
  end if;
  select coalesce(p.roles, '{}'), p.team_id, p.structure_id into my_roles, my_team, my_structure
    from public.profiles p where p.id = uid and p.deleted_at is null;
  my_roles := coalesce(my_roles, '{}');
  foreach tname in array tables loop
    select pt.relation,
           (select array_agg(a.predicate) from sync_private.pull_arms a where a.table_name = pt.name),
           (select array_agg(a.predicate) from sync_private.pull_arms a
             where a.table_name = pt.name and (a.role is null or a.role = any (my_roles)))
      into rel, all_arms, arms
      from sync_private.pull_tables pt
     where pt.name = tname and pt.reconcilable and (pt.is_public or uid is not null);
    if rel is null then
      raise exception 'Table inconnue : %', left(tname, 40) using errcode = '22023';
    end if;
    if all_arms is null or 'true' = any (arms) then
      execute format('select coalesce(jsonb_agg(s.id), ''[]'') from %s s where s.deleted_at is null', rel) into ids;
    elsif arms is null then
      ids := '[]';
    else
      -- $1…$5 are sync_pull's cursor parameters: here from the start, no horizon, no limit.
      execute format('select coalesce(jsonb_agg(s.id), ''[]'') from %s s where s.deleted_at is null and (%s)',
                     rel, array_to_string(arms, ') or ('))
        into ids
        using '0'::xid8, '00000000-0000-0000-0000-000000000000'::uuid, '18446744073709551615'::xid8,
              2147483646, null::text[], uid, my_team, my_structure, followed;
    end if;
    result := result || jsonb_build_object(tname, ids);
    rel := null;
  end loop;
  return result;
end
$$;

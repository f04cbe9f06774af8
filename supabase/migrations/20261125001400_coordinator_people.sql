-- Coordinators' devices hold the staff's profiles, not every allocataire's.
--
-- Row-level security lets coordinators read every profile (they manage accounts), and
-- until now sync_pull copied all of them to the coordinator's device: at Paris scale,
-- 75,000 names, phone numbers and emails on a phone or laptop that needs a few hundred
-- of them offline. Coordinators' devices now pull the profiles of people holding a role
-- beyond "allocataire" (the groupe ressource, outreach workers, référents,
-- coordinators: the accounts screen's default list, the feedback inbox's assignees);
-- anybody else is looked up on the server when needed, and kept in memory only:
--   admin_people_search(query, lim)  the accounts screen's search by name, email or phone
--   admin_people(ids)                names of the authors shown in the feedback inbox
-- Devices drop the profiles they held before at their next reconcile (the first sync
-- of a session, or right after a change of roles).

create function sync_private.is_staff_roles(roles text[]) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$ select roles && array['groupe_ressource', 'outreach', 'referent', 'coordinator']::text[] $$;
comment on function sync_private.is_staff_roles(text[]) is
  'A role beyond allocataire: the profiles a coordinator''s device holds.';

-- Without diacritics, then lower case, as the app's foldText (marks are removed first:
-- a cluster with lc_ctype C lowers ASCII only, and "É" becomes "E" before it lowers).
create function sync_private.fold(value text) returns text
language sql immutable parallel safe
set search_path = ''
as $$ select lower(regexp_replace(normalize(coalesce(value, ''), NFD), '[\u0300-\u036f]', '', 'g')) $$;

revoke all on function sync_private.is_staff_roles(text[]), sync_private.fold(text) from public, anon;
grant execute on function sync_private.is_staff_roles(text[]), sync_private.fold(text) to authenticated, service_role;

delete from sync_private.pull_arms where table_name = 'profiles' and role = 'coordinator';
insert into sync_private.pull_arms (table_name, role, predicate) values
  ('profiles', 'coordinator', 'sync_private.is_staff_roles(s.roles)');

-- The arm's own index: a coordinator's first pull reads the staff in (row_xid, id)
-- order without walking every allocataire's row.
create index profiles_staff_sync_idx on public.profiles (row_xid, id) where sync_private.is_staff_roles(roles);

-- The accounts screen's search: by name or email (accent- and case-insensitive, every
-- word must match), or by phone digits (4 or more, a leading 0 read as +33).
create function public.admin_people_search(query text, lim int default 50)
returns table (
  id uuid, display_name text, email text, phone text, roles text[], team_id uuid, structure_id uuid,
  referent_id uuid, preferred_locale text, version bigint
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  q text := btrim(coalesce(query, ''));
  terms text[];
  digits text;
begin
  if not public.has_role('coordinator') then
    perform public.forbid('La recherche de comptes est réservée aux coordinateurs.');
  end if;
  if length(q) > 200 then
    raise exception 'Recherche trop longue (200 caractères au plus).' using errcode = '22023';
  end if;
  terms := array(select t from unnest(regexp_split_to_array(sync_private.fold(q), '\s+')) t
                  where t <> '');
  if cardinality(terms) = 0 then
    raise exception 'Saisissez un nom, une adresse ou un numéro.' using errcode = '22023';
  end if;
  digits := regexp_replace(q, '\D', '', 'g');
  digits := case when length(digits) >= 4 then regexp_replace(digits, '^0', '') end;
  return query
    select p.id, p.display_name, p.email::text, p.phone::text, p.roles, p.team_id, p.structure_id,
           p.referent_id, p.preferred_locale::text, p.version
      from public.profiles p
     where p.deleted_at is null
       and ((select bool_and(strpos(sync_private.fold(
                 coalesce(p.display_name, '') || ' ' || coalesce(p.email::text, '')), t) > 0)
               from unnest(terms) t)
            or (digits is not null and strpos(regexp_replace(coalesce(p.phone::text, ''), '\D', '', 'g'), digits) > 0))
     order by lower(coalesce(p.display_name, p.email::text, '')), p.id
     limit greatest(1, least(coalesce(lim, 50), 200));
end
$$;
revoke all on function public.admin_people_search(text, int) from public, anon;
grant execute on function public.admin_people_search(text, int) to authenticated;

-- Names and the little the feedback inbox shows of its authors (their référent, their
-- structure, the language to answer in), for at most 500 ids at a time.
create function public.admin_people(ids uuid[])
returns table (
  id uuid, display_name text, preferred_locale text, roles text[], referent_id uuid, structure_id uuid
)
language plpgsql stable security invoker
set search_path = ''
as $$
#variable_conflict use_column
begin
  if not public.has_role('coordinator') then
    perform public.forbid('Réservé aux coordinateurs.');
  end if;
  if cardinality(ids) > 500 then
    raise exception 'Trop d''identifiants (500 au plus).' using errcode = '22023';
  end if;
  return query
    select p.id, p.display_name, p.preferred_locale::text, p.roles, p.referent_id, p.structure_id
      from public.profiles p
     where p.id = any (coalesce(ids, '{}')) and p.deleted_at is null;
end
$$;
revoke all on function public.admin_people(uuid[]) from public, anon;
grant execute on function public.admin_people(uuid[]) to authenticated;

-- Sync engine, server side (contract: docs/sync-protocol.md).
--
--   sync_push(mutations, schema_version, device_id)  apply named mutations, idempotently
--   sync_pull(cursor, lim, schema_version)           changed rows since a cursor, never skipping late commits
--   sync_reconcile(tables)                           ids the caller can see now
--   sync_stats(device_id)                            mutations recorded from one device
--
-- Everything the API must not reach lives in schema sync_private, which the
-- HTTP API does not expose. The public functions are SECURITY INVOKER so that
-- row-level security decides what each caller reads and writes; only the two
-- log writers are SECURITY DEFINER (clients cannot write the logs directly).
-- This file is generic: the synced tables and the mutations are registered in
-- sync_private.pull_tables and sync_private.mutation_handlers by later files.

create schema if not exists sync_private;
revoke all on schema sync_private from public;
grant usage on schema sync_private to anon, authenticated, service_role;

-- Identifies this database in cursors: a cursor minted by another database
-- (reset, restored dump) would hold transaction ids that mean nothing here.
create table sync_private.instance (
  id uuid primary key default gen_random_uuid(),
  singleton boolean not null default true unique check (singleton)
);
insert into sync_private.instance default values;
grant select on sync_private.instance to anon, authenticated, service_role;

-- Tables served by sync_pull. relation must have id uuid, row_xid xid8,
-- deleted_at timestamptz and an index on (row_xid, id). Text, not regclass,
-- so dumps and pg_upgrade never trip over the registry.
create table sync_private.pull_tables (
  name text primary key check (name ~ '^[a-z][a-z0-9_]*$'),
  relation text not null,
  is_public boolean not null,        -- served to anon as well
  reconcilable boolean not null default true,
  exclude_columns text[] not null default '{}', -- never sent (row_xid always excluded)
  position int not null unique       -- answer order
);
grant select on sync_private.pull_tables to anon, authenticated, service_role;

-- Mutations accepted by sync_push. handler is a function
-- (args jsonb, base_version bigint) returns void, SECURITY INVOKER.
-- target_table/target_id_arg name the row the mutation writes, for conflict
-- detection on base_version; a null target_id_arg means the caller's own id.
create table sync_private.mutation_handlers (
  name text primary key check (name ~ '^[a-z][a-z_]*\.[a-z][a-z_]*$'),
  handler text not null,
  target_table text,
  target_id_arg text default 'id'
);
grant select on sync_private.mutation_handlers to authenticated, service_role;

-- The mutation log: one entry per (user, mutation_id). Applied entries make
-- replays answer "duplicate"; rejected entries are re-evaluated on replay
-- (nothing was written, and the user may retry after the cause is fixed).
create table public.sync_mutations (
  user_id uuid not null references auth.users (id) on delete cascade,
  mutation_id uuid not null,
  name text not null,
  device_id uuid,
  status text not null check (status in ('applied', 'rejected')),
  reason text check (reason in ('validation', 'forbidden', 'conflict', 'not_found', 'unknown_mutation')),
  error_code text,
  attempts int not null default 1,
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (user_id, mutation_id)
);
create index sync_mutations_device_idx on public.sync_mutations (user_id, device_id);
alter table public.sync_mutations enable row level security;
create policy sync_mutations_read_own on public.sync_mutations
  for select to authenticated using (user_id = (select auth.uid()));
revoke all on public.sync_mutations from public, anon, authenticated;
grant select on public.sync_mutations to authenticated;

-- Rows overwritten by a write whose base_version was stale (last write wins,
-- the loser is kept here). Read access (coordinators) is granted by the file
-- that knows the roles.
create table public.sync_conflicts (
  id bigint generated always as identity primary key,
  table_name text not null,
  row_id uuid not null,
  overwritten jsonb not null,
  base_version bigint not null,
  overwritten_version bigint,
  mutation_id uuid not null,
  mutation_name text not null,
  user_id uuid references auth.users (id) on delete set null,
  at timestamptz not null default now()
);
create index sync_conflicts_row_idx on public.sync_conflicts (table_name, row_id);
create index sync_conflicts_at_idx on public.sync_conflicts (at);
create index sync_conflicts_user_idx on public.sync_conflicts (user_id);
alter table public.sync_conflicts enable row level security;
revoke all on public.sync_conflicts from public, anon, authenticated;

------------------------------------------------------------------------------
-- Raising rejections. Handlers (and triggers) raise these SQLSTATEs with a
-- short French message; sync_push passes such messages to the user. Any
-- other error is mapped to a reason with a generic French message.
--   RS400 validation · RS403 forbidden · RS404 not_found · RS409 conflict
------------------------------------------------------------------------------
create function sync_private.reject(reason text, message text, field text default null)
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  raise exception using
    errcode = case reason
      when 'validation' then 'RS400'
      when 'forbidden' then 'RS403'
      when 'not_found' then 'RS404'
      when 'conflict' then 'RS409'
      else 'RS400' end,
    message = message,
    column = coalesce(field, '');
end
$$;

------------------------------------------------------------------------------
-- Argument validation for handlers. Every helper raises RS400 naming the
-- field. A JSON null counts as absent.
------------------------------------------------------------------------------
create function sync_private.args_only(args jsonb, allowed text[])
returns void
language plpgsql
immutable
set search_path = ''
as $$
declare
  k text;
begin
  if jsonb_typeof(args) is distinct from 'object' then
    perform sync_private.reject('validation', 'Les données de la modification sont mal formées.');
  end if;
  for k in select jsonb_object_keys(args) loop
    if not k = any (allowed) then
      perform sync_private.reject('validation', format('Champ inconnu : « %s ».', left(k, 40)), left(k, 40));
    end if;
  end loop;
end
$$;

create function sync_private.arg_present(args jsonb, key text)
returns boolean
language sql
immutable
set search_path = ''
as $$ select coalesce(jsonb_typeof(args -> key), 'null') <> 'null' $$;

create function sync_private.missing(key text)
returns void
language sql
volatile
set search_path = ''
as $$ select sync_private.reject('validation', format('Le champ « %s » est obligatoire.', key), key) $$;

create function sync_private.arg_uuid(args jsonb, key text, required boolean default true)
returns uuid
language plpgsql
immutable
set search_path = ''
as $$
declare
  v text;
begin
  if not sync_private.arg_present(args, key) then
    if required then perform sync_private.missing(key); end if;
    return null;
  end if;
  v := args ->> key;
  if jsonb_typeof(args -> key) <> 'string'
     or v !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    perform sync_private.reject('validation', format('Le champ « %s » doit être un identifiant.', key), key);
  end if;
  return v::uuid;
end
$$;

create function sync_private.arg_text(
  args jsonb, key text, required boolean default true, max_len int default 200, multiline boolean default false)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v text;
begin
  if not sync_private.arg_present(args, key) then
    if required then perform sync_private.missing(key); end if;
    return null;
  end if;
  if jsonb_typeof(args -> key) <> 'string' then
    perform sync_private.reject('validation', format('Le champ « %s » doit être un texte.', key), key);
  end if;
  v := btrim(args ->> key);
  if v = '' then
    if required then perform sync_private.missing(key); end if;
    return null;
  end if;
  if length(v) > max_len then
    perform sync_private.reject('validation',
      format('Le champ « %s » est trop long (%s caractères au plus).', key, max_len), key);
  end if;
  -- Control characters are never legitimate input; line breaks only in long texts.
  if (multiline and v ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]') or (not multiline and v ~ '[\x01-\x1f\x7f]') then
    perform sync_private.reject('validation', format('Le champ « %s » contient des caractères non autorisés.', key), key);
  end if;
  return v;
end
$$;

create function sync_private.arg_enum(args jsonb, key text, allowed text[], required boolean default true)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  if not sync_private.arg_present(args, key) then
    if required then perform sync_private.missing(key); end if;
    return null;
  end if;
  if jsonb_typeof(args -> key) <> 'string' or not (args ->> key) = any (allowed) then
    perform sync_private.reject('validation', format('Le champ « %s » a une valeur non autorisée.', key), key);
  end if;
  return args ->> key;
end
$$;

create function sync_private.arg_int(
  args jsonb, key text, min_value bigint, max_value bigint, required boolean default true)
returns bigint
language plpgsql
immutable
set search_path = ''
as $$
declare
  n numeric;
begin
  if not sync_private.arg_present(args, key) then
    if required then perform sync_private.missing(key); end if;
    return null;
  end if;
  if jsonb_typeof(args -> key) <> 'number' then
    perform sync_private.reject('validation', format('Le champ « %s » doit être un nombre.', key), key);
  end if;
  n := (args ->> key)::numeric;
  if n <> trunc(n) or n < min_value or n > max_value then
    perform sync_private.reject('validation',
      format('Le champ « %s » doit être un nombre entier entre %s et %s.', key, min_value, max_value), key);
  end if;
  return n::bigint;
end
$$;

create function sync_private.arg_bool(args jsonb, key text, required boolean default true)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
begin
  if not sync_private.arg_present(args, key) then
    if required then perform sync_private.missing(key); end if;
    return null;
  end if;
  if jsonb_typeof(args -> key) <> 'boolean' then
    perform sync_private.reject('validation', format('Le champ « %s » doit valoir vrai ou faux.', key), key);
  end if;
  return (args ->> key)::boolean;
end
$$;

-- ISO 8601 with an explicit offset (device clocks and zones differ: never guess).
create function sync_private.arg_timestamptz(args jsonb, key text, required boolean default true)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
declare
  v text;
begin
  if not sync_private.arg_present(args, key) then
    if required then perform sync_private.missing(key); end if;
    return null;
  end if;
  v := args ->> key;
  if jsonb_typeof(args -> key) <> 'string'
     or v !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$' then
    perform sync_private.reject('validation', format('Le champ « %s » doit être une date et heure.', key), key);
  end if;
  begin
    return v::timestamptz;
  exception when others then
    perform sync_private.reject('validation', format('Le champ « %s » doit être une date et heure.', key), key);
  end;
  return null;
end
$$;

create function sync_private.arg_date(args jsonb, key text, required boolean default true)
returns date
language plpgsql
stable
set search_path = ''
as $$
declare
  v text;
begin
  if not sync_private.arg_present(args, key) then
    if required then perform sync_private.missing(key); end if;
    return null;
  end if;
  v := args ->> key;
  if jsonb_typeof(args -> key) <> 'string' or v !~ '^\d{4}-\d{2}-\d{2}$' then
    perform sync_private.reject('validation', format('Le champ « %s » doit être une date.', key), key);
  end if;
  begin
    return v::date;  -- ISO input reads the same under every DateStyle
  exception when others then
    perform sync_private.reject('validation', format('Le champ « %s » doit être une date.', key), key);
  end;
  return null;
end
$$;

-- An array of short strings, optionally from a closed list; duplicates removed.
create function sync_private.arg_text_array(
  args jsonb, key text, allowed text[] default null, max_items int default 20,
  max_len int default 100, required boolean default true)
returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  result text[];
begin
  if not sync_private.arg_present(args, key) then
    if required then perform sync_private.missing(key); end if;
    return null;
  end if;
  if jsonb_typeof(args -> key) <> 'array' then
    perform sync_private.reject('validation', format('Le champ « %s » doit être une liste.', key), key);
  end if;
  if jsonb_array_length(args -> key) > max_items then
    perform sync_private.reject('validation',
      format('Le champ « %s » contient trop d''éléments (%s au plus).', key, max_items), key);
  end if;
  if exists (
    select 1 from jsonb_array_elements(args -> key) e
    where jsonb_typeof(e) <> 'string'
       or length(e #>> '{}') not between 1 and max_len
       or (e #>> '{}') ~ '[\x01-\x1f\x7f]'
       or (allowed is not null and not (e #>> '{}') = any (allowed))
  ) then
    perform sync_private.reject('validation', format('Le champ « %s » contient une valeur non autorisée.', key), key);
  end if;
  select coalesce(array_agg(distinct e), '{}') into result from jsonb_array_elements_text(args -> key) e;
  return result;
end
$$;

-- A JSON object of bounded size (free-form answers, preferences).
create function sync_private.arg_object(args jsonb, key text, required boolean default true, max_bytes int default 8000)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
begin
  if not sync_private.arg_present(args, key) then
    if required then perform sync_private.missing(key); end if;
    return null;
  end if;
  if jsonb_typeof(args -> key) <> 'object' then
    perform sync_private.reject('validation', format('Le champ « %s » doit être un objet.', key), key);
  end if;
  if octet_length((args -> key)::text) > max_bytes then
    perform sync_private.reject('validation', format('Le champ « %s » est trop volumineux.', key), key);
  end if;
  return args -> key;
end
$$;

------------------------------------------------------------------------------
-- Log writers (SECURITY DEFINER: clients have no write access to the logs).
-- The user is always auth.uid(), never an argument.
------------------------------------------------------------------------------

-- Claims a mutation id for the caller. False when it was already applied
-- (a replay, possibly from a concurrent push: the primary key serialises them).
create function sync_private.claim_mutation(p_mutation_id uuid, p_name text, p_device_id uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  claimed boolean;
begin
  insert into public.sync_mutations as s (user_id, mutation_id, name, device_id, status)
  values (auth.uid(), p_mutation_id, p_name, p_device_id, 'applied')
  on conflict (user_id, mutation_id) do update
    set status = 'applied', reason = null, error_code = null, name = excluded.name,
        device_id = coalesce(excluded.device_id, s.device_id), attempts = s.attempts + 1, updated_at = now()
    where s.status = 'rejected'
  returning true into claimed;
  return coalesce(claimed, false);
end
$$;

create function sync_private.record_rejection(
  p_mutation_id uuid, p_name text, p_device_id uuid, p_reason text, p_error_code text)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.sync_mutations as s (user_id, mutation_id, name, device_id, status, reason, error_code)
  values (auth.uid(), p_mutation_id, p_name, p_device_id, 'rejected', p_reason, p_error_code)
  on conflict (user_id, mutation_id) do update
    set reason = excluded.reason, error_code = excluded.error_code, name = excluded.name,
        device_id = coalesce(excluded.device_id, s.device_id), attempts = s.attempts + 1, updated_at = now()
    where s.status = 'rejected'
$$;

create function sync_private.log_conflict(
  p_table text, p_row_id uuid, p_overwritten jsonb, p_base_version bigint, p_mutation_id uuid, p_name text)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.sync_conflicts
    (table_name, row_id, overwritten, base_version, overwritten_version, mutation_id, mutation_name, user_id)
  values (regexp_replace(p_table, '^public\.', ''), p_row_id, p_overwritten, p_base_version, (p_overwritten ->> 'version')::bigint,
          p_mutation_id, p_name, auth.uid())
$$;

revoke all on function sync_private.claim_mutation(uuid, text, uuid) from public;
revoke all on function sync_private.record_rejection(uuid, text, uuid, text, text) from public;
revoke all on function sync_private.log_conflict(text, uuid, jsonb, bigint, uuid, text) from public;
grant execute on function sync_private.claim_mutation(uuid, text, uuid) to authenticated;
grant execute on function sync_private.record_rejection(uuid, text, uuid, text, text) to authenticated;
grant execute on function sync_private.log_conflict(text, uuid, jsonb, bigint, uuid, text) to authenticated;

-- The row a mutation is about to overwrite, as the caller sees it, locked when
-- the caller may update it so that nothing slips between this read and the write.
create function sync_private.current_row(p_table text, p_id uuid)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  r jsonb;
begin
  begin
    execute format('select to_jsonb(t) from %s t where t.id = $1 for no key update', p_table) into r using p_id;
  exception when insufficient_privilege then
    r := null;
  end;
  if r is null then
    execute format('select to_jsonb(t) from %s t where t.id = $1', p_table) into r using p_id;
  end if;
  return r;
end
$$;

------------------------------------------------------------------------------
-- sync_push
------------------------------------------------------------------------------
create function public.sync_push(mutations jsonb, schema_version int default 1, device_id uuid default null)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  p_mutations alias for $1;
  p_schema_version alias for $2;
  p_device_id alias for $3;
  uid uuid := auth.uid();
  results jsonb[] := '{}';
  m jsonb;
  mid uuid;
  mname text;
  margs jsonb;
  base bigint;
  h record;
  prev_status text;
  row_id uuid;
  before jsonb;
  outcome text;
  reason text;
  msg text;
  field text;
  st text;
  cname text;
  ctx text;
begin
  if p_schema_version is distinct from 1 then
    return jsonb_build_object('error', 'unsupported_schema_version', 'min_version', 1);
  end if;
  if uid is null then
    raise exception 'Connexion requise.' using errcode = '42501';
  end if;
  if jsonb_typeof(p_mutations) is distinct from 'array' then
    raise exception 'La liste des modifications est mal formée.' using errcode = '22023';
  end if;
  if jsonb_array_length(p_mutations) > 1000 then
    raise exception 'Trop de modifications en un envoi (1000 au plus).' using errcode = '22023';
  end if;

  for m in select e from jsonb_array_elements(p_mutations) e loop
    mid := null; base := null; before := null; row_id := null; field := null;

    -- Envelope shape. Without a valid mutation_id nothing can be recorded.
    if jsonb_typeof(m) is distinct from 'object'
       or jsonb_typeof(m -> 'mutation_id') is distinct from 'string'
       or (m ->> 'mutation_id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      results := results || jsonb_build_object(
        'mutation_id', case when jsonb_typeof(m) = 'object' then m -> 'mutation_id' end,
        'status', 'rejected', 'reason', 'validation',
        'message', 'Modification mal formée : identifiant manquant ou invalide.');
      continue;
    end if;
    mid := (m ->> 'mutation_id')::uuid;
    mname := case when jsonb_typeof(m -> 'name') = 'string' then left(m ->> 'name', 100) else '' end;
    margs := coalesce(m -> 'args', '{}');

    select s.status into prev_status from public.sync_mutations s where s.user_id = uid and s.mutation_id = mid;
    if prev_status = 'applied' then
      results := results || jsonb_build_object('mutation_id', mid, 'status', 'duplicate');
      continue;
    end if;

    select * into h from sync_private.mutation_handlers mh where mh.name = mname;
    if not found then
      perform sync_private.record_rejection(mid, mname, p_device_id, 'unknown_mutation', null);
      results := results || jsonb_build_object('mutation_id', mid, 'status', 'rejected',
        'reason', 'unknown_mutation', 'message', 'Cette modification n''est pas reconnue par le serveur.');
      continue;
    end if;

    begin  -- one subtransaction per mutation: applied whole or not at all
      if jsonb_typeof(margs) <> 'object' then
        perform sync_private.reject('validation', 'Les données de la modification sont mal formées.');
      end if;
      if m ? 'base_version' and jsonb_typeof(m -> 'base_version') <> 'null' then
        if jsonb_typeof(m -> 'base_version') <> 'number' or (m ->> 'base_version') !~ '^\d{1,18}$' then
          perform sync_private.reject('validation', 'La version de base est invalide.', 'base_version');
        end if;
        base := (m ->> 'base_version')::bigint;
      end if;

      if not sync_private.claim_mutation(mid, mname, p_device_id) then
        raise exception using errcode = 'RS208';  -- applied meanwhile by a concurrent push
      end if;

      if base is not null and h.target_table is not null then
        row_id := case when h.target_id_arg is null then uid
                       else sync_private.arg_uuid(margs, h.target_id_arg) end;
        before := sync_private.current_row(h.target_table, row_id);
      end if;

      execute format('select %s($1, $2)', h.handler) using margs, base;

      if before is not null and (before ->> 'version')::bigint > base then
        perform sync_private.log_conflict(h.target_table, row_id, before - 'row_xid', base, mid, mname);
      end if;
      outcome := 'applied';
    exception
      when sqlstate 'RS208' then
        outcome := 'duplicate';
      when others then
        get stacked diagnostics st = returned_sqlstate, msg = message_text, field = column_name,
                                cname = constraint_name, ctx = pg_exception_context;
        -- Transient failures abort the whole push: the client retries it later
        -- and nothing was committed, so no mutation is lost or doubled.
        if left(st, 2) in ('40', '53', '57', '58', '08') or st = '55P03' then
          raise;
        end if;
        outcome := 'rejected';
        reason := case
          when st = 'RS400' then 'validation'
          when st in ('RS403', '42501') then 'forbidden'
          when st in ('RS404', 'P0002') then 'not_found'
          when st in ('RS409', '23P01') then 'conflict'
          when st = '23505' and cname like '%\_pkey' then 'forbidden'  -- an id someone else owns
          when st = '23505' then 'conflict'
          else 'validation' end;
        -- A message raised by our own PL/pgSQL code (RAISE) is written for the
        -- user; anything else is PostgreSQL's text and is never shown.
        if split_part(ctx, E'\n', 1) ~ '^PL/pgSQL function .* at RAISE$' and coalesce(msg, '') <> '' then
          msg := left(msg, 300);
          field := left(nullif(field, ''), 63);
        else
          field := case when st = '23502' then left(nullif(field, ''), 63) end;
          msg := case
            when st = '42501' then 'Vous n''avez pas le droit de faire cette modification.'
            when st = '23505' and reason = 'forbidden' then 'Cet identifiant est déjà utilisé.'
            when st = '23505' then 'Cette donnée existe déjà.'
            when st = '23P01' then 'Cette modification entre en conflit avec une autre donnée.'
            when st = 'P0002' then 'Élément introuvable.'
            when st = '23503' then 'Un élément lié est introuvable.'
            when st = '23502' then 'Un champ obligatoire est manquant.'
            when st = '22001' then 'Un texte est trop long.'
            when left(st, 2) in ('22', '23') then 'Une valeur n''est pas valide.'
            else 'La modification n''a pas pu être enregistrée.' end;
        end if;
    end;

    if outcome = 'rejected' then
      perform sync_private.record_rejection(mid, mname, p_device_id, reason, st);
      results := results || (jsonb_build_object('mutation_id', mid, 'status', 'rejected', 'reason', reason,
        'message', msg) || case when field is not null then jsonb_build_object('field', field) else '{}' end);
    else
      results := results || jsonb_build_object('mutation_id', mid, 'status', outcome);
    end if;
  end loop;

  return jsonb_build_object('schema_version', 1, 'results', to_jsonb(results));
end
$$;

-- What decides the caller's visibility as a whole (roles, team, structure…). When it
-- changes, rows the caller could not see before become visible without being written,
-- so personal positions restart. Redefined by the file that knows the schema.
create function sync_private.scope_key()
returns text
language sql
stable
set search_path = ''
as $$ select ''::text $$;

------------------------------------------------------------------------------
-- sync_pull
--
-- A row is served once its writing transaction is older than every
-- transaction still running (row_xid < xmin of the current snapshot): from
-- then on no row with a smaller (row_xid, id) can appear, so the per-table
-- cursor position (row_xid, id) of the last row served never skips a late
-- commit. A table read to its end advances to (xmin - 1, max uuid): the next
-- pull scans only what changed since, whatever row-level security hides.
--
-- Cursor text (opaque to clients):
--   {"v":1,"i":<instance>,"u":<user or null>,"s":<scope key>,"p":{"<table>":["<xid8>","<uuid>"],…}}
-- A cursor from another database, a later transaction horizon, or that does
-- not parse restarts from the beginning; personal positions are dropped when
-- the user or their scope (sync_private.scope_key) changed.
------------------------------------------------------------------------------
create function sync_private.read_cursor(p_cursor text, p_uid uuid, p_scope text, p_xmax xid8)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  c jsonb;
  positions jsonb := '{}';
  k text;
  v jsonb;
begin
  if p_cursor is null or p_cursor = '' then
    return positions;
  end if;
  begin
    c := p_cursor::jsonb;
  exception when others then
    return positions;
  end;
  if jsonb_typeof(c) <> 'object' or c -> 'v' is distinct from '1'::jsonb
     or jsonb_typeof(c -> 'p') is distinct from 'object'
     or c ->> 'i' is distinct from (select i.id::text from sync_private.instance i) then
    return positions;
  end if;
  for k, v in select * from jsonb_each(c -> 'p') loop
    if jsonb_typeof(v) <> 'array' or jsonb_array_length(v) <> 2
       or (v ->> 0) !~ '^\d{1,20}$'
       or (v ->> 1) !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or (v ->> 0)::numeric >= p_xmax::text::numeric then
      return '{}';  -- a position from the future: not this database's history
    end if;
    if exists (select 1 from sync_private.pull_tables t
               where t.name = k
                 and (t.is_public or ((c ->> 'u') is not distinct from p_uid::text
                                      and (c ->> 's') is not distinct from p_scope))) then
      positions := positions || jsonb_build_object(k, v);
    end if;
  end loop;
  return positions;
end
$$;

create function public.sync_pull(cursor text default null, lim int default 500, schema_version int default 1)
returns jsonb
language plpgsql
stable  -- one snapshot for every table of the answer
security invoker
set search_path = ''
as $$
declare
  p_cursor alias for $1;
  p_lim alias for $2;
  p_schema_version alias for $3;
  uid uuid := auth.uid();
  snap pg_snapshot := pg_current_snapshot();
  horizon xid8 := pg_snapshot_xmin(snap);
  page_size int := least(greatest(coalesce(p_lim, 500), 1), 1000);
  scope text;
  positions jsonb;
  changes jsonb := '{}';
  tombstones jsonb := '{}';
  has_more boolean := false;
  t record;
  from_xid xid8;
  from_id uuid;
  n int;
  rows_json jsonb;
  dead_ids jsonb;
  more boolean;
  last_xid xid8;
  last_id uuid;
begin
  if p_schema_version is distinct from 1 then
    return jsonb_build_object('error', 'unsupported_schema_version', 'min_version', 1);
  end if;
  scope := case when uid is null then null else sync_private.scope_key() end;
  positions := sync_private.read_cursor(p_cursor, uid, scope, pg_snapshot_xmax(snap));

  for t in
    select * from sync_private.pull_tables pt where pt.is_public or uid is not null order by pt.position
  loop
    from_xid := coalesce(positions #>> array[t.name, '0'], '0')::xid8;
    from_id := coalesce(positions #>> array[t.name, '1'], '00000000-0000-0000-0000-000000000000')::uuid;
    execute format($q$
      with page as (
        select t.row_xid, t.id, t.deleted_at is not null as dead,
               case when t.deleted_at is null then to_jsonb(t) end as doc,
               row_number() over (order by t.row_xid, t.id) as n
        from (select * from %s s
              where (s.row_xid, s.id) > ($1, $2) and s.row_xid < $3
              order by s.row_xid, s.id
              limit $4 + 1) t
      )
      select count(*) filter (where n <= $4)::int,
             coalesce(jsonb_agg(doc - $5 order by n) filter (where n <= $4 and not dead), '[]'),
             coalesce(jsonb_agg(id order by n) filter (where n <= $4 and dead), '[]'),
             coalesce(bool_or(n > $4), false),
             (array_agg(row_xid order by n desc) filter (where n <= $4))[1],
             (array_agg(id order by n desc) filter (where n <= $4))[1]
      from page
    $q$, t.relation)
    into n, rows_json, dead_ids, more, last_xid, last_id
    using from_xid, from_id, horizon, page_size, array['row_xid'] || t.exclude_columns;

    if jsonb_array_length(rows_json) > 0 then
      changes := changes || jsonb_build_object(t.name, rows_json);
    end if;
    if jsonb_array_length(dead_ids) > 0 then
      tombstones := tombstones || jsonb_build_object(t.name, dead_ids);
    end if;
    if more then
      has_more := true;
      positions := positions || jsonb_build_object(t.name, jsonb_build_array(last_xid::text, last_id));
    else
      -- Read to the horizon: everything older than it has been seen.
      positions := positions || jsonb_build_object(t.name, jsonb_build_array(
        (horizon::text::numeric - 1)::text, 'ffffffff-ffff-ffff-ffff-ffffffffffff'));
    end if;
  end loop;

  return jsonb_build_object(
    'schema_version', 1,
    'changes', changes,
    'tombstones', tombstones,
    'cursor', jsonb_build_object('v', 1, 'i', (select i.id from sync_private.instance i),
                                 'u', uid, 's', scope, 'p', positions)::text,
    'has_more', has_more);
end
$$;

------------------------------------------------------------------------------
-- sync_reconcile: ids the caller can see now in the requested tables.
------------------------------------------------------------------------------
create function public.sync_reconcile(tables text[])
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
  ids jsonb;
begin
  if tables is null or cardinality(tables) > 50 then
    raise exception 'Liste de tables invalide.' using errcode = '22023';
  end if;
  foreach tname in array tables loop
    select pt.relation into rel from sync_private.pull_tables pt
    where pt.name = tname and pt.reconcilable and (pt.is_public or uid is not null);
    if rel is null then
      raise exception 'Table inconnue : %', left(tname, 40) using errcode = '22023';
    end if;
    execute format('select coalesce(jsonb_agg(t.id), ''[]'') from %s t where t.deleted_at is null', rel) into ids;
    result := result || jsonb_build_object(tname, ids);
    rel := null;
  end loop;
  return result;
end
$$;

------------------------------------------------------------------------------
-- sync_stats: what the server recorded from one device (storage eviction check).
------------------------------------------------------------------------------
create function public.sync_stats(device_id uuid)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object('mutations_received', count(*))
  from public.sync_mutations s
  where s.user_id = (select auth.uid()) and s.device_id = $1
$$;

revoke all on function public.sync_push(jsonb, int, uuid) from public, anon;
revoke all on function public.sync_pull(text, int, int) from public;
revoke all on function public.sync_reconcile(text[]) from public, anon;
revoke all on function public.sync_stats(uuid) from public, anon;
grant execute on function public.sync_push(jsonb, int, uuid) to authenticated, service_role;
grant execute on function public.sync_pull(text, int, int) to anon, authenticated, service_role;
grant execute on function public.sync_reconcile(text[]) to authenticated, service_role;
grant execute on function public.sync_stats(uuid) to authenticated, service_role;

-- Helpers are called from the invoker functions above, so the API roles need
-- EXECUTE; the schema is not exposed over HTTP.
revoke all on all functions in schema sync_private from public;
grant execute on function sync_private.read_cursor(text, uuid, text, xid8), sync_private.scope_key()
  to anon, authenticated, service_role;
grant execute on function
  sync_private.reject(text, text, text),
  sync_private.args_only(jsonb, text[]),
  sync_private.arg_present(jsonb, text),
  sync_private.missing(text),
  sync_private.arg_uuid(jsonb, text, boolean),
  sync_private.arg_text(jsonb, text, boolean, int, boolean),
  sync_private.arg_enum(jsonb, text, text[], boolean),
  sync_private.arg_int(jsonb, text, bigint, bigint, boolean),
  sync_private.arg_bool(jsonb, text, boolean),
  sync_private.arg_timestamptz(jsonb, text, boolean),
  sync_private.arg_date(jsonb, text, boolean),
  sync_private.arg_text_array(jsonb, text, text[], int, int, boolean),
  sync_private.arg_object(jsonb, text, boolean, int),
  sync_private.current_row(text, uuid),
  sync_private.claim_mutation(uuid, text, uuid),
  sync_private.record_rejection(uuid, text, uuid, text, text),
  sync_private.log_conflict(text, uuid, jsonb, bigint, uuid, text)
to authenticated, service_role;

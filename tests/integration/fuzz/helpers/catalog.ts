/**
 * What the fuzzers attack, read from the database at test start so that every function and
 * mutation added later is covered without editing the tests: RPC functions from pg_proc and
 * their grants, sync mutations from sync_private.mutation_handlers (with the argument keys each
 * handler accepts, parsed from its `sync_private.args_only(args, array[...])` call), and pools
 * of real ids to aim at.
 */
import type { Queryable } from '../../../../supabase/local/db.ts'

export interface RpcArg {
  name: string
  type: string
  hasDefault: boolean
}

export interface RpcFunction {
  name: string
  args: RpcArg[]
  volatility: 'i' | 's' | 'v'
  /** A parameter without a name cannot be passed by PostgREST's named arguments. */
  callable: boolean
}

/** Functions of the public schema (extension members and trigger functions aside). */
export async function listFunctions(db: Queryable, grantedTo?: 'anon' | 'authenticated'): Promise<RpcFunction[]> {
  const { rows } = await db.query<{ name: string; args: RpcArg[]; volatility: 'i' | 's' | 'v' }>(
    `select p.proname::text as name, p.provolatile::text as volatility,
            coalesce((select jsonb_agg(jsonb_build_object(
                        'name', coalesce(p.proargnames[a.ord], ''),
                        'type', format_type(a.typ, null),
                        'hasDefault', a.ord > p.pronargs - p.pronargdefaults) order by a.ord)
                        from unnest(p.proargtypes::oid[]) with ordinality as a(typ, ord)), '[]') as args
       from pg_proc p
      where p.pronamespace = 'public'::regnamespace and p.prokind = 'f'
        and p.prorettype <> 'trigger'::regtype
        and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
        and ($1::text is null or has_function_privilege($1::text, p.oid, 'execute'))
      order by 1`,
    [grantedTo ?? null],
  )
  return rows.map((f) => ({ ...f, callable: f.args.every((a) => a.name !== '') }))
}

export interface Mutation {
  name: string
  handler: string
  targetTable: string | null
  targetIdArg: string | null
  /** The keys the handler accepts; null when its source does not say (then keys are invented). */
  keys: string[] | null
}

export async function listMutations(db: Queryable): Promise<Mutation[]> {
  const { rows } = await db.query<{ name: string; handler: string; target_table: string | null; target_id_arg: string | null; source: string }>(
    `select h.name, h.handler, h.target_table, h.target_id_arg, pg_get_functiondef(h.handler::regproc) as source
       from sync_private.mutation_handlers h order by h.name`,
  )
  return rows.map((r) => {
    const list = /args_only\(\s*args\s*,\s*array\[([^\]]*)\]/s.exec(r.source)?.[1]
    const keys = list ? [...list.matchAll(/'([a-z_0-9]+)'/g)].map((m) => m[1]!) : null
    return { name: r.name, handler: r.handler, targetTable: r.target_table, targetIdArg: r.target_id_arg, keys }
  })
}

export interface Account {
  key: string
  email: string
  id: string
  roles: string[]
  teamId: string | null
  structureId: string | null
}

/** The seeded demo accounts (supabase/seed.sql), with what decides their visibility. */
export async function listAccounts(db: Queryable): Promise<Account[]> {
  const { rows } = await db.query<{ email: string; id: string; roles: string[]; team_id: string | null; structure_id: string | null }>(
    `select u.email, p.id, p.roles, p.team_id, p.structure_id
       from auth.users u join public.profiles p on p.id = u.id
      where u.email like '%@demo.reperes.paris' order by u.email`,
  )
  return rows.map((r) => ({ key: r.email.split('@')[0]!, email: r.email, id: r.id, roles: r.roles, teamId: r.team_id, structureId: r.structure_id }))
}

/** Ids of real rows of every synced table (other people's among them), to aim mutations at. */
export async function idPool(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id::text from public.appointments union all select id::text from public.prestation_offers
     union all select id::text from public.feedback union all select id::text from public.evaluations
     union all select id::text from public.outreach_contacts union all select id::text from public.consultations
     union all select id::text from public.profiles union all select id::text from public.teams
     union all select id::text from public.structures union all select id::text from public.prestations
     union all select id::text from public.events union all select id::text from public.invitations`,
  )
  return rows.map((r) => r.id)
}

/**
 * Values seen in real rows, by column name (kinds, statuses, enums, dates...): arguments named
 * like a column get plausible values, so fuzzing reaches past the first validation.
 */
export async function columnValues(db: Queryable): Promise<Record<string, unknown[]>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select format('public.%I', c.relname) as name from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by 1`,
  )
  const seen = new Map<string, Map<string, unknown>>()
  for (const t of tables) {
    const { rows } = await db.query<{ row: Record<string, unknown> }>(`select to_jsonb(x) as row from ${t.name} x limit 200`)
    for (const { row } of rows) {
      for (const [k, v] of Object.entries(row)) {
        if (v === null || (typeof v === 'string' && v.length > 200)) continue
        const values = seen.get(k) ?? new Map<string, unknown>()
        if (values.size < 30) values.set(JSON.stringify(v), v)
        seen.set(k, values)
      }
    }
  }
  return Object.fromEntries([...seen].map(([k, v]) => [k, [...v.values()]]))
}

export interface Snapshot {
  /** table -> "count:digest" */
  tables: Map<string, string>
}

/**
 * A digest of every user table (count and a hash of all rows), as the superuser. Two equal
 * snapshots mean nothing was inserted, updated or deleted anywhere in between.
 */
export async function snapshot(db: Queryable): Promise<Snapshot> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p')
        and n.nspname in ('public', 'auth', 'sync_private', 'reminders_private', 'local_meta')
      order by 1`,
  )
  const sql = tables
    .map((t) => `select '${t.name}' as name, count(*) || ':' || md5(coalesce(string_agg(md5(x::text), ',' order by md5(x::text)), '')) as digest from ${t.name} x`)
    .join(' union all ')
  const { rows } = await db.query<{ name: string; digest: string }>(sql)
  return { tables: new Map(rows.map((r) => [r.name, r.digest])) }
}

/** Names of the tables whose digest differs. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.tables.keys(), ...after.tables.keys()])
  return [...names].filter((n) => before.tables.get(n) !== after.tables.get(n)).sort()
}

/** A digest of one row (absent: null), as the superuser. */
export async function rowDigest(db: Queryable, table: string, id: string): Promise<string | null> {
  const { rows } = await db.query<{ d: string }>(`select md5(x::text) as d from ${table} x where x.id::text = $1`, [id])
  return rows[0]?.d ?? null
}

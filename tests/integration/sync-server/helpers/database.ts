/**
 * Real databases for the sync server tests: a throwaway PostgreSQL cluster
 * (scripts/pg-cluster.sh) or an in-memory PGlite, both brought to the state of
 * a Supabase project: supabase/local/bootstrap.sql, then every migration in order.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { PGlite } from '@electric-sql/pglite'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..')

/** bootstrap.sql then the migrations, sorted by their timestamp prefix. */
export function schemaSql(): { name: string; sql: string }[] {
  const dir = path.join(ROOT, 'supabase', 'migrations')
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()
  return [
    { name: 'bootstrap.sql', sql: readFileSync(path.join(ROOT, 'supabase', 'local', 'bootstrap.sql'), 'utf8') },
    ...files.map((f) => ({ name: f, sql: readFileSync(path.join(dir, f), 'utf8') })),
  ]
}

export interface Cluster {
  url: string
  /** A new connection (the caller ends it). */
  connect(): Promise<pg.Client>
  stop(): void
}

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sync-server-pg-'))
  const script = path.join(ROOT, 'scripts', 'pg-cluster.sh')
  const out = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8' })
  const url = /DATABASE_URL=(\S+)/.exec(out)?.[1]
  if (!url) throw new Error(`pg-cluster.sh printed no DATABASE_URL: ${out}`)
  const stop = () => {
    execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' })
  }
  const connect = async () => {
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    return c
  }
  try {
    const c = await connect()
    try {
      for (const { name, sql } of schemaSql()) {
        await c.query(sql).catch((e: Error) => {
          throw new Error(`${name}: ${e.message}`)
        })
      }
    } finally {
      await c.end()
    }
  } catch (e) {
    stop()
    throw e
  }
  return { url, connect, stop }
}

export async function startPglite(): Promise<PGlite> {
  const db = new PGlite({ extensions: { pgcrypto } })
  for (const { name, sql } of schemaSql()) {
    await db.exec(sql).catch((e: Error) => {
      throw new Error(`${name}: ${e.message}`)
    })
  }
  return db
}

/** Anything with a parameterised query, as pg.Client and PGlite both have. */
export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
}

export interface PullAnswer {
  schema_version: number
  changes: Record<string, Array<Record<string, unknown> & { id: string; version: number }>>
  tombstones: Record<string, string[]>
  cursor: string
  has_more: boolean
}

export interface PushResult {
  mutation_id: string
  status: 'applied' | 'duplicate' | 'rejected'
  reason?: string
  message?: string
  field?: string
}

/** Runs fn's statements in one transaction as the given caller, the way PostgREST does. */
export async function asCaller<T>(db: Queryable, sub: string | null, fn: () => Promise<T>): Promise<T> {
  await db.query('begin')
  try {
    await db.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [
      sub ? 'authenticated' : 'anon',
      JSON.stringify(sub ? { sub, role: 'authenticated' } : { role: 'anon' }),
    ])
    const result = await fn()
    await db.query('commit')
    return result
  } catch (e) {
    await db.query('rollback')
    throw e
  }
}

export async function pull(db: Queryable, sub: string | null, cursor: string | null, lim = 500): Promise<PullAnswer> {
  return asCaller(db, sub, async () => {
    const { rows } = await db.query<{ a: PullAnswer }>('select public.sync_pull($1, $2) as a', [cursor, lim])
    return rows[0]!.a
  })
}

export async function push(
  db: Queryable,
  sub: string,
  mutations: unknown[],
  deviceId: string | null = null,
): Promise<PushResult[]> {
  return asCaller(db, sub, async () => {
    const { rows } = await db.query<{ a: { results: PushResult[] } }>('select public.sync_push($1::jsonb, 1, $2) as a', [
      JSON.stringify(mutations),
      deviceId,
    ])
    return rows[0]!.a.results
  })
}

/** The ids of one table in a pull answer. */
export function ids(answer: PullAnswer, table: string): string[] {
  return (answer.changes[table] ?? []).map((r) => r.id)
}

// Brings a database to the state a Supabase project would have: the platform
// base, then every migration not yet applied, then the seed once.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { PATHS } from './config.ts'
import { asPgError, type Db } from './db.ts'

// Bookkeeping of the local backend, outside `public` and `auth` so the API
// roles never see it (no grant on the schema) and migrations never collide.
const LOCAL_META_SQL = `
create schema if not exists local_meta;
create table if not exists local_meta.migrations (
  name text primary key,
  checksum text not null,
  applied_at timestamptz not null default now()
);
create table if not exists local_meta.sessions (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  amr text not null,
  created_at timestamptz not null default now(),
  refreshed_at timestamptz
);
create table if not exists local_meta.refresh_tokens (
  token text primary key,
  session_id uuid not null references local_meta.sessions (id) on delete cascade,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index if not exists refresh_tokens_session_idx on local_meta.refresh_tokens (session_id);
`

export interface MigrateReport {
  applied: string[]
  seeded: boolean
}

export async function migrate(db: Db, opts: { seed: boolean; log: (msg: string) => void }): Promise<MigrateReport> {
  await runBootstrap(db)
  await db.exec(LOCAL_META_SQL)
  const done = new Map(
    (await db.query<{ name: string; checksum: string }>('select name, checksum from local_meta.migrations')).rows.map(
      (r) => [r.name, r.checksum],
    ),
  )
  const applied: string[] = []
  for (const name of migrationFiles()) {
    const sql = readFileSync(path.join(PATHS.migrations, name), 'utf8')
    const sum = checksum(sql)
    const previous = done.get(name)
    if (previous !== undefined) {
      if (previous !== sum) opts.log(`[db] warning: ${name} changed after it was applied; run \`npm run db:reset\``)
      continue
    }
    await applyFile(db, name, sql)
    applied.push(name)
  }
  let seeded = false
  if (opts.seed) {
    for (const file of seedFiles()) {
      const name = path.relative(path.dirname(PATHS.seed), file)
      if (done.has(name)) continue
      await applyFile(db, name, readFileSync(file, 'utf8'))
      seeded = true
    }
  }
  return { applied, seeded }
}

/** seed.sql, then supabase/seed/*.sql in name order (as config.toml's sql_paths lists them). */
export function seedFiles(): string[] {
  const files = existsSync(PATHS.seed) ? [PATHS.seed] : []
  if (existsSync(PATHS.seedDir))
    files.push(...readdirSync(PATHS.seedDir).filter(f => f.endsWith('.sql')).sort().map(f => path.join(PATHS.seedDir, f)))
  return files
}

/** Migration files sort by their timestamp prefix, as the Supabase CLI applies them. */
export function migrationFiles(): string[] {
  if (!existsSync(PATHS.migrations)) return []
  return readdirSync(PATHS.migrations)
    .filter((f) => f.endsWith('.sql'))
    .sort()
}

async function runBootstrap(db: Db) {
  const sql = readFileSync(PATHS.bootstrap, 'utf8')
  try {
    await db.exec(sql)
  } catch (e) {
    // Roles are cluster-wide: two test databases bootstrapping at the same
    // moment can race on `create role`; the second attempt sees the roles.
    const code = asPgError(e)?.code
    if (code !== '23505' && code !== '42710') throw describe('bootstrap.sql', sql, e)
    await db.exec(sql)
  }
}

async function applyFile(db: Db, name: string, sql: string) {
  try {
    await db.transaction(async (tx) => {
      await tx.exec(sql)
      await tx.query('insert into local_meta.migrations (name, checksum) values ($1, $2)', [name, checksum(sql)])
    })
  } catch (e) {
    throw describe(name, sql, e)
  }
}

function checksum(sql: string) {
  return createHash('sha256').update(sql).digest('hex')
}

/** A failing SQL file is reported with its name and line, the way a developer fixes it. */
function describe(name: string, sql: string, e: unknown): Error {
  const pgErr = asPgError(e)
  if (!pgErr) return e instanceof Error ? e : new Error(String(e))
  const pos = Number(pgErr.position)
  const line = pos > 0 ? ` (line ${sql.slice(0, pos).split('\n').length})` : ''
  return new Error(`${name}${line}: ${pgErr.message}${pgErr.detail ? ` — ${pgErr.detail}` : ''}`, { cause: e })
}

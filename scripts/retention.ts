// `npm run retention` (tsx scripts/retention.ts): applies the outreach retention rules,
// public.apply_outreach_retention() — contacts without consent reduced to statistics
// after 3 months, consented contacts erased 12 months after their last activity unless
// in a parcours. On Supabase pg_cron runs it every night (20261125000710_outreach_follow_ups.sql);
// this script is for local databases and for projects without pg_cron.
//
// Where it runs:
//   DATABASE_URL set          that PostgreSQL
//   otherwise                 the local PGlite database (.local-data/pglite), or, while a
//                             running `npm run dev` holds it, that backend's API (service key)
// Options:
//   --at <ISO timestamp>      reference time instead of now (e.g. to see what a date would do)
//   --dry-run                 report what would change, change nothing (not through the API)
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULTS, PATHS } from '../supabase/local/config.ts'
import { openPglite, openPostgres, type Db } from '../supabase/local/db.ts'
import { makeApiKeys } from '../supabase/local/jwt.ts'
import { migrate } from '../supabase/local/migrate.ts'
import { dataDirHolder, lockDataDir } from '../supabase/local/server.ts'

export interface RetentionResult {
  reduced: number
  erased: number
}

export interface RetentionOptions {
  at?: string
  dryRun?: boolean
}

class DryRun extends Error {
  constructor(readonly result: RetentionResult) {
    super('dry run')
  }
}

/** Runs the retention function as the service role would, in one transaction. */
export async function runRetention(db: Db, options: RetentionOptions = {}): Promise<RetentionResult> {
  try {
    return await db.transaction(async (tx) => {
      await tx.exec('set local role service_role')
      await tx.query('select set_config(\'request.jwt.claims\', $1, true)', [JSON.stringify({ role: 'service_role' })])
      const { rows } = await tx.query<{ result: RetentionResult }>(
        'select public.apply_outreach_retention(coalesce($1::timestamptz, now())) as result', [options.at ?? null])
      const result = rows[0]!.result
      if (options.dryRun)
        throw new DryRun(result)
      return result
    })
  }
  catch (error) {
    if (error instanceof DryRun)
      return error.result
    throw error
  }
}

/** Through a running local backend: PostgREST's RPC with the service key, as a scheduler would. */
async function runThroughApi(options: RetentionOptions): Promise<RetentionResult> {
  if (options.dryRun)
    throw new Error('--dry-run needs direct access to the database: stop `npm run dev` first.')
  const port = process.env.LOCAL_BACKEND_PORT ?? String(DEFAULTS.port)
  const { serviceKey } = await makeApiKeys(process.env.LOCAL_JWT_SECRET || DEFAULTS.jwtSecret)
  const response = await fetch(`http://127.0.0.1:${port}/rest/v1/rpc/apply_outreach_retention`, {
    method: 'POST',
    headers: { 'apikey': serviceKey, 'authorization': `Bearer ${serviceKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(options.at ? { now: options.at } : {}),
  })
  if (!response.ok)
    throw new Error(`the backend answered ${response.status}: ${await response.text()}`)
  return await response.json() as RetentionResult
}

export function parseArgs(argv: readonly string[]): RetentionOptions {
  const options: RetentionOptions = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--dry-run') {
      options.dryRun = true
    }
    else if (arg === '--at' || arg.startsWith('--at=')) {
      const value = arg === '--at' ? argv[++i] : arg.slice(5)
      if (!value || Number.isNaN(Date.parse(value)))
        throw new Error('--at needs a date and time, e.g. 2027-01-31T03:00:00+01:00')
      options.at = value
    }
    else {
      throw new Error(`unknown option ${arg} (use --at <timestamp> or --dry-run)`)
    }
  }
  return options
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  let result: RetentionResult
  let where: string
  if (process.env.DATABASE_URL) {
    where = 'PostgreSQL (DATABASE_URL)'
    const db = await openPostgres(process.env.DATABASE_URL)
    try {
      result = await runRetention(db, options)
    }
    finally {
      await db.close()
    }
  }
  else if (dataDirHolder(PATHS.pgliteDir) !== undefined) {
    where = 'the running local backend'
    result = await runThroughApi(options)
  }
  else {
    if (!existsSync(PATHS.pgliteDir)) {
      console.log('[retention] no local database yet (.local-data/pglite): nothing to do.')
      return
    }
    where = 'the local PGlite database'
    const release = lockDataDir(PATHS.pgliteDir)
    const db = await openPglite(PATHS.pgliteDir)
    try {
      // The rules are those of the current migrations, as the next `npm run dev` would apply them.
      const report = await migrate(db, { seed: false, log: message => console.log(message) })
      for (const name of report.applied)
        console.log(`[retention] applied ${name}`)
      result = await runRetention(db, options)
    }
    finally {
      await db.close()
      release()
    }
  }
  const verb = options.dryRun ? 'would reduce' : 'reduced'
  console.log(`[retention] ${where}: ${verb} ${result.reduced} contact(s) to statistics, ${options.dryRun ? 'would erase' : 'erased'} ${result.erased}${options.at ? ` (reference ${options.at})` : ''}.`)
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    console.error(`[retention] failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}

// The reminder sender, as a process next to the database:
//   tsx supabase/workers/reminders/main.ts          a pass every REMINDERS_INTERVAL_S seconds
//   tsx supabase/workers/reminders/main.ts --once   one pass, then exit (cron, tests)
// Environment: see README.md. Several instances may run at once (claims skip locked rows).
import pg from 'pg'
import { configFromEnv } from './config.ts'
import { pgDb } from './store.ts'
import { runOnce } from './worker.ts'

async function main() {
  const once = process.argv.includes('--once')
  const config = configFromEnv(process.env)
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 5 })
  pool.on('error', (e) => console.error('[reminders] idle connection error:', e.message))
  const db = pgDb(pool)
  let stopping = false
  let wake: (() => void) | undefined
  const stop = () => {
    stopping = true
    wake?.()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  try {
    do {
      try {
        await runOnce({ db, providers: config.providers, batch: config.batch, store: { role: config.role }, log: console.log })
      } catch (e) {
        // The database is away: try again at the next pass; leases protect the rows.
        console.error('[reminders] pass failed:', e instanceof Error ? e.message : String(e))
        if (once) process.exitCode = 1
      }
      if (once || stopping) break
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, config.intervalMs)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    } while (!stopping)
  } finally {
    await Promise.all(Object.values(config.providers).map((p) => p?.close?.()))
    await pool.end()
  }
}

main().catch((e: unknown) => {
  console.error('[reminders]', e instanceof Error ? e.message : String(e))
  process.exit(1)
})

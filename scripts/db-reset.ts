// `npm run db:reset`: deletes the local PGlite database and builds it again
// from supabase/local/bootstrap.sql, supabase/migrations and supabase/seed.sql.
import { rmSync } from 'node:fs'
import { PATHS } from '../supabase/local/config.ts'
import { dataDirHolder, startLocalBackend } from '../supabase/local/server.ts'

if (process.env.DATABASE_URL) {
  console.error('[db:reset] DATABASE_URL is set: this script only resets the local PGlite database. Recreate your PostgreSQL database yourself.')
  process.exit(1)
}
const holder = dataDirHolder(PATHS.pgliteDir)
if (holder !== undefined) {
  console.error(`[db:reset] the local database is in use by process ${holder}; stop \`npm run dev\` first.`)
  process.exit(1)
}

const started = Date.now()
rmSync(PATHS.pgliteDir, { recursive: true, force: true })
// Port 0: building the database needs no fixed port, and a running app elsewhere is not disturbed.
const backend = await startLocalBackend({ port: 0 })
await backend.close()
console.log(`[db:reset] local database recreated in ${Date.now() - started} ms`)

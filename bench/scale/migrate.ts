// Applies the platform base, the migrations not yet applied and the seed to DATABASE_URL,
// exactly as the local backend does on start (so the backend can serve this database
// later without migrating it again). Used by setup.sh.
import { openPostgres } from '../../supabase/local/db.ts'
import { migrate } from '../../supabase/local/migrate.ts'

const url = process.env.DATABASE_URL
if (!url) throw new Error('DATABASE_URL is required')
const db = await openPostgres(url)
try {
  const report = await migrate(db, { seed: true, log: () => {} })
  for (const name of report.applied) console.log(`applied ${name}`)
  if (report.seeded) console.log('applied seed')
} finally {
  await db.close()
}

// One pass of the real sender in a process of its own, so a test can kill it mid-way.
// Environment: DATABASE_URL, SMS_PROVIDER_URL, SMS_PROVIDER_TOKEN, REMINDERS_NOW (ISO instant).
import pg from 'pg'
import { httpSmsProvider } from '../../../supabase/workers/reminders/sms.ts'
import { pgDb } from '../../../supabase/workers/reminders/store.ts'
import { runOnce } from '../../../supabase/workers/reminders/worker.ts'

const env = (name: string) => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is required`)
  return value
}

const pool = new pg.Pool({ connectionString: env('DATABASE_URL') })
try {
  await runOnce({
    db: pgDb(pool),
    providers: { sms: httpSmsProvider({ url: env('SMS_PROVIDER_URL'), token: env('SMS_PROVIDER_TOKEN') }) },
    now: new Date(env('REMINDERS_NOW')),
  })
} finally {
  await pool.end()
}

// Worker settings from the environment.
import { smtpProvider } from './email.ts'
import { httpSmsProvider } from './sms.ts'
import type { Providers } from './types.ts'

export interface WorkerConfig {
  databaseUrl: string
  providers: Providers
  batch: number
  intervalMs: number
  /** Role for every database call; null keeps the login role. */
  role: string | null
}

function int(value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`expected an integer in [${min}, ${max}], got ${value}`)
  return n
}

export function configFromEnv(env: NodeJS.ProcessEnv): WorkerConfig {
  const databaseUrl = env.DATABASE_URL
  if (!databaseUrl) throw new Error('DATABASE_URL is required')
  const providers: Providers = {}
  if (env.SMS_PROVIDER_URL) {
    if (!env.SMS_PROVIDER_TOKEN) throw new Error('SMS_PROVIDER_TOKEN is required with SMS_PROVIDER_URL')
    providers.sms = httpSmsProvider({ url: env.SMS_PROVIDER_URL, token: env.SMS_PROVIDER_TOKEN })
  }
  if (env.SMTP_URL) {
    if (!env.MAIL_FROM) throw new Error('MAIL_FROM is required with SMTP_URL')
    providers.email = smtpProvider({ url: env.SMTP_URL, from: env.MAIL_FROM })
  }
  if (!providers.sms && !providers.email) throw new Error('Configure SMS_PROVIDER_URL and/or SMTP_URL')
  return {
    databaseUrl,
    providers,
    batch: int(env.REMINDERS_BATCH, 50, 1, 1000),
    intervalMs: int(env.REMINDERS_INTERVAL_S, 60, 5, 3600) * 1000,
    role: env.REMINDERS_DB_ROLE === undefined ? 'service_role' : env.REMINDERS_DB_ROLE || null,
  }
}

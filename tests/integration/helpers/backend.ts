/**
 * A disposable local backend for integration tests, driven with the real supabase-js.
 *
 *   const backend = await startTestBackend()          // in beforeAll
 *   const anon = backend.client()                      // anon supabase-js client
 *   const { client, session } = await backend.signIn('referent@demo.reperes.paris')
 *   const { client: c2 } = await backend.signInWithCode('+33612345678')   // OTP flow
 *   await backend.db.query('select ...')               // superuser, bypasses RLS: fixtures only
 *   await backend.close()                              // in afterAll
 *
 * Engine: PGlite in memory by default. When DATABASE_URL is set (e.g. from
 * `scripts/pg-cluster.sh start <dir>`), every call creates a fresh database
 * `reperes_test_<random>` on that cluster and drops it on close; the URL must
 * name a superuser (the platform base creates roles).
 * Each backend gets bootstrap.sql + every migration + seed.sql (unless seed: false),
 * listens on a free port of 127.0.0.1 and logs nothing but errors. PGlite databases
 * are built once and cached in node_modules/.cache (start ≈ 0.5 s instead of 2–4 s).
 *
 * Stable API: startTestBackend(opts?) → { url, anonKey, serviceKey, jwtSecret, engine, db,
 * lastOtp(to), client(accessToken?), serviceClient(), signIn(email, password?),
 * signInWithCode(emailOrPhone), close() }.
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import pg from 'pg'
import { createClient, type Session, type SupabaseClient } from '@supabase/supabase-js'
import { REPO_ROOT } from '../../../supabase/local/config.ts'
import { startLocalBackend, type LocalBackend, type LocalBackendOptions } from '../../../supabase/local/server.ts'

export type TestBackendOptions = Omit<LocalBackendOptions, 'port' | 'host' | 'dataDir' | 'databaseUrl'> & {
  /** Force an engine; default: postgres when DATABASE_URL is set, else pglite. */
  engine?: 'pglite' | 'postgres'
}

export interface SignedIn {
  client: SupabaseClient
  session: Session
}

export interface TestBackend extends LocalBackend {
  /** A supabase-js client; with a token, every RPC runs as that user. Nothing is persisted or auto-refreshed. */
  client(accessToken?: string): SupabaseClient
  /** A client authenticated with the service_role key (bypasses RLS, like a server job). */
  serviceClient(): SupabaseClient
  /** Password sign-in (seeded accounts use 'demo-password'); the client holds the session. */
  signIn(email: string, password?: string): Promise<SignedIn>
  /** OTP sign-in by email or phone, reading the code the backend "sent"; creates the user if new. */
  signInWithCode(emailOrPhone: string): Promise<SignedIn>
}

export const DEMO_PASSWORD = 'demo-password'

/** PGlite databases built once, then loaded by later backends (keyed by every SQL input). */
const SNAPSHOT_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'reperes-local-backend')

export async function startTestBackend(opts: TestBackendOptions = {}): Promise<TestBackend> {
  const { engine: wanted, ...rest } = opts
  const adminUrl = process.env.DATABASE_URL
  const engine = wanted ?? (adminUrl ? 'postgres' : 'pglite')
  if (engine === 'postgres' && !adminUrl) throw new Error('startTestBackend: engine "postgres" needs DATABASE_URL')

  let dropDatabase = async () => {}
  let databaseUrl: string | undefined
  if (engine === 'postgres') {
    const name = `reperes_test_${randomBytes(6).toString('hex')}`
    await admin(adminUrl!, `create database ${name}`)
    const u = new URL(adminUrl!)
    u.pathname = `/${name}`
    databaseUrl = u.toString()
    dropDatabase = () => admin(adminUrl!, `drop database if exists ${name} with (force)`)
  }

  let backend: LocalBackend
  try {
    backend = await startLocalBackend({ quiet: true, snapshotDir: SNAPSHOT_DIR, ...rest, port: 0, dataDir: null, databaseUrl })
  } catch (e) {
    await dropDatabase()
    throw e
  }

  const make = (key: string, accessToken?: string) =>
    createClient(backend.url, key, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      global: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {},
    })

  async function signedIn(client: SupabaseClient, result: { data: { session: Session | null }; error: unknown }) {
    if (result.error || !result.data.session) {
      throw new Error(`sign-in failed: ${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`)
    }
    return { client, session: result.data.session }
  }

  return {
    ...backend,
    client: (accessToken) => make(backend.anonKey, accessToken),
    serviceClient: () => make(backend.serviceKey),
    async signIn(email, password = DEMO_PASSWORD) {
      const client = make(backend.anonKey)
      return signedIn(client, await client.auth.signInWithPassword({ email, password }))
    },
    async signInWithCode(to) {
      const client = make(backend.anonKey)
      const byPhone = !to.includes('@')
      const sent = await client.auth.signInWithOtp(byPhone ? { phone: to } : { email: to })
      if (sent.error) throw new Error(`OTP request failed: ${sent.error.message}`)
      const token = backend.lastOtp(to)
      if (!token) throw new Error(`no OTP was recorded for ${to}`)
      const verified = byPhone
        ? await client.auth.verifyOtp({ phone: to, token, type: 'sms' })
        : await client.auth.verifyOtp({ email: to, token, type: 'email' })
      return signedIn(client, verified)
    },
    async close() {
      try {
        await backend.close()
      } finally {
        await dropDatabase()
      }
    },
  }
}

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

// The embedded local backend: the parts of Supabase the app uses, served on
// 127.0.0.1 over PGlite or a real PostgreSQL.
//
//   POST|GET /rest/v1/rpc/<fn>     PostgREST RPC (rest.ts)
//   POST /auth/v1/otp, /verify     passwordless sign-in by email or SMS code (auth.ts)
//   POST /auth/v1/token?grant_type=password|refresh_token
//   GET  /auth/v1/user, POST /auth/v1/logout, GET /auth/v1/settings, /health
//   GET  /__dev/otp?to=<email or phone>   the last code sent (never when NODE_ENV=production)
//
// Every /rest and /auth call needs the anon or service_role key in `apikey`,
// as behind Supabase's gateway. Codes are also printed as "[auth] OTP for …".
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import nodePath from 'node:path'
import { handleAuth, otpKey, type AuthContext } from './auth.ts'
import { DEFAULTS, PATHS, devEndpointsEnabled } from './config.ts'
import { openPglite, openPostgres, type Db, type Queryable } from './db.ts'
import { applyCors, header, sendJson, sendPreflight } from './http.ts'
import { makeApiKeys } from './jwt.ts'
import { migrate } from './migrate.ts'
import { OtpStore, type OtpSettings } from './otp.ts'
import { handleRpc, type RestContext } from './rest.ts'
import { openFromSnapshot } from './snapshot.ts'

export interface LocalBackendOptions {
  /** 0 picks a free port. Default 54321. */
  port?: number
  host?: string
  /** PGlite data directory; null = in memory; default `.local-data/pglite`. Ignored with databaseUrl. */
  dataDir?: string | null
  /** A real PostgreSQL instead of PGlite (node-postgres pool). Needs a superuser: it creates roles. */
  databaseUrl?: string
  /** Apply supabase/seed.sql once (default true). */
  seed?: boolean
  /** No informational logs (OTP codes included); errors are still logged. */
  quiet?: boolean
  jwtSecret?: string
  jwtExpirySeconds?: number
  /** How long a rotated refresh token may still be replayed (GoTrue default 10 s). */
  refreshReuseIntervalSeconds?: number
  otp?: Partial<OtpSettings>
  /**
   * In-memory PGlite only: a directory caching the built database, so later
   * starts load it instead of creating it (tests). See snapshot.ts.
   */
  snapshotDir?: string
}

export interface LocalBackend {
  url: string
  anonKey: string
  serviceKey: string
  jwtSecret: string
  engine: 'pglite' | 'postgres'
  /** Direct superuser access (bypasses RLS), for fixtures and inspection. */
  db: Queryable
  /** The last OTP code sent to an email or phone number, if any. */
  lastOtp(to: string): string | undefined
  close(): Promise<void>
}

export async function startLocalBackend(opts: LocalBackendOptions = {}): Promise<LocalBackend> {
  const log = opts.quiet ? () => {} : (msg: string) => console.log(msg)
  const jwtSecret = opts.jwtSecret ?? DEFAULTS.jwtSecret
  const dataDir = opts.dataDir === undefined ? PATHS.pgliteDir : opts.dataDir
  const releaseLock = !opts.databaseUrl && dataDir ? lockDataDir(dataDir) : () => {}

  let db: Db
  try {
    db = opts.databaseUrl
      ? await openPostgres(opts.databaseUrl)
      : dataDir === null && opts.snapshotDir
        ? await openFromSnapshot(opts.snapshotDir, opts.seed ?? true, log)
        : await openPglite(dataDir)
  } catch (e) {
    releaseLock()
    throw e
  }
  try {
    const report = await migrate(db, { seed: opts.seed ?? true, log })
    for (const name of report.applied) log(`[db] applied ${name}`)
    if (report.seeded) log('[db] applied seed.sql')
  } catch (e) {
    await db.close()
    releaseLock()
    throw e
  }

  const { anonKey, serviceKey } = await makeApiKeys(jwtSecret)
  const otp = new OtpStore(
    {
      ttlSeconds: DEFAULTS.otpTtlSeconds,
      maxAttempts: DEFAULTS.otpMaxAttempts,
      maxSends: DEFAULTS.otpMaxSends,
      sendWindowSeconds: DEFAULTS.otpSendWindowSeconds,
      ...opts.otp,
    },
    jwtSecret,
  )
  const rest: RestContext = { db, jwtSecret, bodyLimitBytes: DEFAULTS.bodyLimitBytes }
  const auth: AuthContext = {
    db,
    otp,
    log,
    bodyLimitBytes: DEFAULTS.bodyLimitBytes,
    tokens: {
      jwtSecret,
      jwtExpirySeconds: opts.jwtExpirySeconds ?? DEFAULTS.jwtExpirySeconds,
      refreshReuseIntervalSeconds: opts.refreshReuseIntervalSeconds ?? DEFAULTS.refreshReuseIntervalSeconds,
      issuer: '',
    },
  }
  const lastOtp = (to: string) => {
    try {
      return otp.last(otpKey(to))
    } catch {
      return undefined
    }
  }
  const dev = devEndpointsEnabled()

  const server = http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      console.error('[server] unexpected error:', e)
      if (res.headersSent) return res.destroy()
      sendJson(res, 500, { message: 'Internal server error' })
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.method === 'OPTIONS') return sendPreflight(req, res)
    applyCors(req, res)
    const path = url.pathname

    if (dev && path === '/__dev/otp' && req.method === 'GET') {
      const to = url.searchParams.get('to') ?? ''
      const code = lastOtp(to)
      return code ? sendJson(res, 200, { to, code }) : sendJson(res, 404, { message: 'No code was sent to this recipient' })
    }
    const isRest = path.startsWith('/rest/v1/')
    const isAuth = path.startsWith('/auth/v1/')
    if (!isRest && !isAuth) return sendJson(res, 404, { message: 'no Route matched with those values' })

    // The API gateway's check: every call carries one of the project's keys.
    const apiKey = header(req, 'apikey') ?? url.searchParams.get('apikey') ?? undefined
    if (path !== '/auth/v1/health') {
      if (!apiKey) {
        return sendJson(res, 401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' })
      }
      if (apiKey !== anonKey && apiKey !== serviceKey) {
        return sendJson(res, 401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' })
      }
    }

    if (isAuth) return handleAuth(auth, req, res, path.slice('/auth/v1'.length), url)
    const rpc = /^\/rest\/v1\/rpc\/([^/]+)$/.exec(path)
    if (!rpc) {
      return sendJson(res, 404, { code: 'PGRST125', message: 'Invalid path specified in request URL', details: null, hint: null })
    }
    let fn: string
    try {
      fn = decodeURIComponent(rpc[1]!)
    } catch {
      fn = ''
    }
    return handleRpc(rest, req, res, fn, url, apiKey!)
  }

  const host = opts.host ?? DEFAULTS.host
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(opts.port ?? DEFAULTS.port, host, () => resolve())
    })
  } catch (e) {
    await db.close()
    releaseLock()
    throw e
  }
  const { port } = server.address() as AddressInfo
  const url = `http://${host}:${port}`
  auth.tokens.issuer = `${url}/auth/v1`

  let closing: Promise<void> | undefined
  return {
    url,
    anonKey,
    serviceKey,
    jwtSecret,
    engine: db.engine,
    db: { query: (sql, params) => db.query(sql, params), exec: (sql) => db.exec(sql) },
    lastOtp,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          // supabase-js keeps connections alive; without this close() waits for them.
          server.closeAllConnections()
        })
        await db.close()
        releaseLock()
      })()
      return closing
    },
  }
}

/**
 * Two processes opening the same PGlite directory would corrupt it; a pid file
 * next to it turns that into a clear message. A stale file (dead pid) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = nodePath.resolve(dataDir)
  const lockFile = `${dir}.lock`
  const holder = dataDirHolder(dir)
  if (openedHere.has(dir) || (holder !== undefined && holder !== process.pid)) {
    throw new Error(`The local database ${dataDir} is in use by process ${holder ?? process.pid} (is \`npm run dev\` already running?)`)
  }
  mkdirSync(nodePath.dirname(lockFile), { recursive: true })
  writeFileSync(lockFile, String(process.pid))
  openedHere.add(dir)
  return () => {
    openedHere.delete(dir)
    if (dataDirHolder(dir) === process.pid) rmSync(lockFile, { force: true })
  }
}

/** Directories this process has open (the pid file cannot tell them apart). */
const openedHere = new Set<string>()

/** The pid of a live process holding the data directory, if any. */
export function dataDirHolder(dataDir: string): number | undefined {
  const lockFile = `${nodePath.resolve(dataDir)}.lock`
  if (!existsSync(lockFile)) return undefined
  const pid = Number(readFileSync(lockFile, 'utf8').trim())
  if (!Number.isInteger(pid) || pid <= 0) return undefined
  try {
    process.kill(pid, 0)
    return pid
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined
  }
}

// Settings of the embedded local backend. Every value has a development
// default so `npm run dev` needs no configuration; the environment can
// override the few that matter (see readEnvOptions).
import { fileURLToPath } from 'node:url'
import path from 'node:path'

/** Repository root, found from this file so no absolute path is ever committed. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export const PATHS = {
  bootstrap: path.join(REPO_ROOT, 'supabase', 'local', 'bootstrap.sql'),
  migrations: path.join(REPO_ROOT, 'supabase', 'migrations'),
  seed: path.join(REPO_ROOT, 'supabase', 'seed.sql'),
  /** More seed files (supabase/config.toml `sql_paths`), applied after seed.sql in name order. */
  seedDir: path.join(REPO_ROOT, 'supabase', 'seed'),
  /** File-backed PGlite data (git-ignored). */
  pgliteDir: path.join(REPO_ROOT, '.local-data', 'pglite'),
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 54321,
  // The well-known secret of the Supabase CLI's local stack: with it the anon
  // key below is the same one every Supabase developer already knows. It only
  // protects a database bound to 127.0.0.1; a deployed project has its own.
  jwtSecret: 'super-secret-jwt-token-with-at-least-32-characters-long',
  jwtExpirySeconds: 3600,
  /** GoTrue's default: a revoked refresh token may be replayed this long (lost responses, several tabs). */
  refreshReuseIntervalSeconds: 10,
  otpTtlSeconds: 600,
  otpMaxAttempts: 5,
  /** At most this many codes per recipient per window. */
  otpMaxSends: 5,
  otpSendWindowSeconds: 600,
  /** PostgREST and the gateway accept large bodies; 2 MB covers a push of 1,000 mutations. */
  bodyLimitBytes: 2 * 1024 * 1024,
}

/** Options of startLocalBackend that may come from the environment (used by the CLI entries). */
export function readEnvOptions(env: NodeJS.ProcessEnv = process.env) {
  const int = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined)
  return {
    port: int(env.LOCAL_BACKEND_PORT) ?? int(env.SUPABASE_LOCAL_PORT),
    host: env.LOCAL_BACKEND_HOST || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    // "memory": a throwaway database (end-to-end runs, CI); a path: another PGlite directory.
    dataDir: env.LOCAL_BACKEND_DATA === 'memory' ? null : env.LOCAL_BACKEND_DATA || undefined,
    jwtSecret: env.LOCAL_JWT_SECRET || undefined,
    jwtExpirySeconds: int(env.LOCAL_JWT_EXPIRY),
  }
}

/** The dev-only helpers (GET /__dev/otp) never exist in production mode. */
export function devEndpointsEnabled(env: NodeJS.ProcessEnv = process.env) {
  return env.NODE_ENV !== 'production'
}

// `tsx supabase/local/main.ts`: runs the local backend alone (npm run backend).
// Environment: LOCAL_BACKEND_PORT (54321), LOCAL_BACKEND_HOST (127.0.0.1),
// LOCAL_BACKEND_DATA ("memory" for a throwaway database, or a PGlite directory;
// default .local-data/pglite), DATABASE_URL (real PostgreSQL instead of PGlite),
// LOCAL_JWT_SECRET, LOCAL_JWT_EXPIRY (seconds).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readEnvOptions } from './config.ts'
import { startLocalBackend, type LocalBackend } from './server.ts'

export async function startFromEnv(): Promise<LocalBackend> {
  const started = Date.now()
  const options = readEnvOptions()
  const backend = await startLocalBackend(options)
  const engine =
    backend.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : options.dataDir === null ? 'PGlite (in memory)' : `PGlite (${options.dataDir ?? '.local-data/pglite'})`
  console.log(
    [
      `[backend] ready in ${Date.now() - started} ms on ${engine}`,
      `[backend] API URL:  ${backend.url}`,
      `[backend] anon key: ${backend.anonKey}`,
      '[backend] demo accounts: allocataire@demo.reperes.paris, referent@…, coordinator@…, outreach@…, groupe@…',
      "[backend]   password 'demo-password', or sign in by code: codes are printed here as \"[auth] OTP for …\"",
      process.env.NODE_ENV !== 'production' ? `[backend] last code for a recipient: GET ${backend.url}/__dev/otp?to=<email or phone>` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  )
  return backend
}

/** Closes the backend once on Ctrl-C or termination, then exits. */
export function closeOnSignals(close: () => Promise<void>) {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    close()
      .catch((e: unknown) => console.error('[backend] error while stopping:', e))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

// Run directly (not imported by scripts/dev.ts).
if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  startFromEnv()
    .then((backend) => closeOnSignals(() => backend.close()))
    .catch((e: unknown) => {
      console.error(`[backend] could not start: ${e instanceof Error ? e.message : String(e)}`)
      process.exit(1)
    })
}

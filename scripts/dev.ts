// `npm run dev`: the local backend, then Vite pointed at it. The backend's URL
// and anon key reach the app through the environment (VITE_SUPABASE_URL,
// VITE_SUPABASE_ANON_KEY), so no env file is written. Ctrl-C stops both.
// Extra arguments go to Vite.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { REPO_ROOT } from '../supabase/local/config.ts'
import { startFromEnv } from '../supabase/local/main.ts'
import type { LocalBackend } from '../supabase/local/server.ts'

let backend: LocalBackend
try {
  backend = await startFromEnv()
} catch (e) {
  console.error(`[dev] the local backend could not start: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
}

const vite = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'vite'), process.argv.slice(2), {
  cwd: REPO_ROOT,
  stdio: 'inherit',
  env: { ...process.env, VITE_SUPABASE_URL: backend.url, VITE_SUPABASE_ANON_KEY: backend.anonKey },
})

let stopping = false
async function stop(code: number) {
  if (stopping) return
  stopping = true
  if (vite.exitCode === null && vite.signalCode === null) {
    const exited = new Promise((resolve) => vite.once('exit', resolve))
    vite.kill('SIGTERM')
    await exited
  }
  await backend.close().catch((e: unknown) => console.error('[dev] error while stopping the backend:', e))
  process.exit(code)
}

// Ctrl-C reaches Vite too (same process group); either way both end.
process.on('SIGINT', () => void stop(130))
process.on('SIGTERM', () => void stop(143))
vite.on('exit', (code) => void stop(code ?? 0))
vite.on('error', (e) => {
  console.error(`[dev] could not run vite: ${e.message}`)
  void stop(1)
})

// What every browser bench shares: a production build pointed at its own backend, the
// embedded local backend on a throwaway database (PGlite in memory, or the PostgreSQL of
// DATABASE_URL), `vite preview`, Debian's Chromium, sign-in, and a few page probes.
//
//   const h = await startHarness({ backendPort: 54396, previewPort: 4196 })
//   const page = await (await h.browser.newContext(...)).newPage()
//   await signIn(page, h.app, 'outreach@demo.reperes.paris', '/terrain')
//   ...
//   await h.close()
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from '@playwright/test'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
/** The Supabase CLI's well-known local anon key (public; see .env.e2e). */
export const ANON_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0'
export const PASSWORD = 'demo-password'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] })
    child.on('exit', code => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} exited with ${code}`))))
  })
}

export async function waitFor(url: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok)
        return
    }
    catch {}
    await new Promise(r => setTimeout(r, 300))
  }
  throw new Error(`${url} did not answer`)
}

export function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]!, mean: sorted.reduce((s, v) => s + v, 0) / sorted.length }
}

export const ms = (v: number) => `${v.toFixed(1)} ms`

export interface HarnessOptions {
  backendPort: number
  previewPort: number
  /** SQL run as superuser on the fresh database before the app starts (fixtures). */
  seedSql?: string
}

export interface Harness {
  backend: string
  app: string
  browser: Browser
  /** "PGlite (in memory)" etc., for the results table. */
  engine: string
  close(): Promise<void>
}

/**
 * Builds the app for BACKEND, starts the backend and the preview server, launches Chromium.
 * With seedSql on PGlite the database lives in a temporary directory: it is created and
 * seeded in this process, closed, then served by the backend's own process (PGlite has a
 * single owner), so the timings never share this event loop with the database.
 */
export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const backend = `http://127.0.0.1:${opts.backendPort}`
  const app = `http://127.0.0.1:${opts.previewPort}`
  const outDir = mkdtempSync(path.join(tmpdir(), 'reperes-bench-'))
  const dataDir = opts.seedSql && !process.env.DATABASE_URL ? mkdtempSync(path.join(tmpdir(), 'reperes-bench-db-')) : null
  const children: ChildProcess[] = []
  const engine = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : dataDir ? 'PGlite (temporary directory)' : 'PGlite (in memory)'
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const close = async () => {
    await browser.close()
    for (const child of children)
      child.kill()
    await Promise.all(children.map(c => new Promise(r => (c.exitCode !== null ? r(null) : c.once('exit', r)))))
    rmSync(outDir, { recursive: true, force: true })
    if (dataDir) {
      rmSync(dataDir, { recursive: true, force: true })
      rmSync(`${dataDir}.lock`, { force: true })
    }
  }
  try {
    console.log('[bench] building the app (production build)…')
    await run(bin('vite'), ['build', '--mode', 'e2e', '--outDir', outDir, '--emptyOutDir'], { VITE_SUPABASE_URL: backend })
    if (opts.seedSql) {
      console.log('[bench] seeding the database…')
      const started = Date.now()
      const { startLocalBackend } = await import('../../supabase/local/server.ts')
      const db = await startLocalBackend({ port: 0, quiet: true, dataDir, databaseUrl: process.env.DATABASE_URL })
      try {
        await db.db.exec(opts.seedSql)
      }
      finally {
        await db.close()
      }
      console.log(`[bench]   seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    }
    children.push(spawn(bin('tsx'), ['supabase/local/main.ts'], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, LOCAL_BACKEND_PORT: String(opts.backendPort), LOCAL_BACKEND_DATA: dataDir ?? 'memory' },
    }))
    children.push(spawn(bin('vite'), ['preview', '--host', '127.0.0.1', '--port', String(opts.previewPort), '--strictPort', '--outDir', outDir], { cwd: root, stdio: 'ignore' }))
    await Promise.all([waitFor(`${backend}/auth/v1/health`), waitFor(app)])
  }
  catch (error) {
    await close()
    throw error
  }
  return { backend, app, browser, engine, close }
}

/** Password sign-in through the real form, as a professional; waits for `landing`. */
export async function signIn(page: Page, app: string, email: string, landing: string) {
  await page.goto(`${app}/connexion?redirect=${encodeURIComponent(landing)}`)
  await page.getByLabel('Je suis professionnel ou professionnelle').check()
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(PASSWORD)
  await page.getByRole('button', { name: 'Me connecter' }).press('Enter')
  await page.waitForURL(`${app}${landing}`)
}

/** Rows in one object store of the app's IndexedDB (`outbox`, `server_…`). */
export async function storeCount(page: Page, store: string): Promise<number> {
  return page.evaluate(name => new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('reperes')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const req = open.result.transaction(name).objectStore(name).count()
      req.onsuccess = () => {
        open.result.close()
        resolve(req.result)
      }
    }
  }), store)
}

export const outboxCount = (page: Page) => storeCount(page, 'outbox')

/** A supabase-js client signed in as `email` (for checks on the server side). */
export async function signedInClient(backend: string, email: string): Promise<SupabaseClient> {
  const client = createClient(backend, ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } })
  const { error } = await client.auth.signInWithPassword({ email, password: PASSWORD })
  if (error)
    throw error
  return client
}

/** Rows per table the client can see, counted through sync_pull from the start. */
export async function pulledCounts(client: SupabaseClient): Promise<Record<string, number>> {
  let cursor: string | null = null
  const counts: Record<string, number> = {}
  for (;;) {
    const { data, error } = await client.rpc('sync_pull', { cursor, lim: 1000, schema_version: 1 })
    if (error)
      throw error
    const page = data as { changes: Record<string, unknown[]>, cursor: string, has_more: boolean }
    for (const [table, rows] of Object.entries(page.changes))
      counts[table] = (counts[table] ?? 0) + rows.length
    cursor = page.cursor
    if (!page.has_more)
      break
  }
  return counts
}

export async function pulledCount(client: SupabaseClient, table: string): Promise<number> {
  return (await pulledCounts(client))[table] ?? 0
}

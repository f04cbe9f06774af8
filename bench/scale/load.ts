// Concurrent load on the scale database through the local backend's HTTP API.
//
//   DATABASE_URL=… npx tsx bench/scale/load.ts
//
// Starts `tsx supabase/local/main.ts` on that database (already migrated by setup.sh,
// so it applies nothing) on 127.0.0.1:LOAD_PORT, then runs LOAD_CLIENTS simulated
// devices for LOAD_SECONDS. Each device is a signed-in user of one role (or anon) with
// an access token shaped as the backend issues them; it loops: maybe push a small
// batch of that role's writes, then pull until has_more is false, then think
// LOAD_THINK_MS (±50%). Devices start from an empty cursor, as a new phone would.
// Reports throughput, latency per RPC and role, and errors, to
// bench/scale/results/load-<label>.md.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { DEFAULTS } from '../../supabase/local/config.ts'
import { makeApiKeys, signJwt } from '../../supabase/local/jwt.ts'
import { pct, sampleUsers, writesFor, type Role } from './run.ts'

const url = process.env.DATABASE_URL
if (!url) throw new Error('DATABASE_URL is required')
const PORT = Number(process.env.LOAD_PORT ?? 54439)
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50)
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60)
const THINK = Number(process.env.LOAD_THINK_MS ?? 200)
const PUSH_SHARE = Number(process.env.LOAD_PUSH_SHARE ?? 0.3)
const label = process.argv.includes('--label') ? process.argv[process.argv.indexOf('--label') + 1] : 'load'
const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..', '..')

// The mix of a weekday morning: mostly allocataires, staff at work, a few visitors.
const MIX: [Role, number][] = [
  ['allocataire', 0.46], ['groupe_ressource', 0.06], ['referent', 0.2], ['outreach', 0.14],
  ['coordinator', 0.04], ['anon', 0.1],
]

interface Call { role: Role; fn: 'sync_pull' | 'sync_push'; ms: number; ok: boolean; status: number }

async function startBackend(): Promise<() => void> {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'supabase', 'local', 'main.ts')], {
    env: { ...process.env, DATABASE_URL: url, LOCAL_BACKEND_PORT: String(PORT), LOCAL_BACKEND_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d.toString()
      if (log.includes('[backend] ready')) resolve()
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`backend exited (${code}):\n${log}`)))
    setTimeout(() => reject(new Error(`backend not ready after 120 s:\n${log}`)), 120_000).unref()
  })
  return () => { child.kill('SIGTERM') }
}

async function main() {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const counts = MIX.map(([role, share]) => [role, Math.max(1, Math.round(share * CLIENTS))] as const)
  const devices: { role: Role; id: string | null; email: string | null; token: string }[] = []
  const { anonKey } = await makeApiKeys(DEFAULTS.jwtSecret)
  for (const [role, n] of counts) {
    for (const u of await sampleUsers(admin, role, n)) {
      const now = Math.floor(Date.now() / 1000)
      const token = u.id
        ? await signJwt({
          iss: `http://127.0.0.1:${PORT}/auth/v1`, sub: u.id, aud: 'authenticated', exp: now + 3600, iat: now,
          email: u.email ?? '', phone: '', app_metadata: {}, user_metadata: {}, role: 'authenticated', aal: 'aal1',
          amr: [{ method: 'otp', timestamp: now }], session_id: randomUUID(), is_anonymous: false,
        }, DEFAULTS.jwtSecret)
        : anonKey
      devices.push({ ...u, token })
    }
  }

  const stop = await startBackend()
  const calls: Call[] = []
  const errors = new Map<string, number>()
  const deadline = performance.now() + SECONDS * 1000
  const rpc = async (d: (typeof devices)[number], fn: Call['fn'], body: unknown) => {
    const t0 = performance.now()
    let status = 0
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/rest/v1/rpc/${fn}`, {
        method: 'POST',
        headers: { apikey: anonKey, authorization: `Bearer ${d.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      status = res.status
      const text = await res.text()
      const ms = performance.now() - t0
      const ok = res.ok
      calls.push({ role: d.role, fn, ms, ok, status })
      if (!ok) errors.set(`${fn} ${status} ${text.slice(0, 120)}`, (errors.get(`${fn} ${status} ${text.slice(0, 120)}`) ?? 0) + 1)
      return ok ? JSON.parse(text) : null
    } catch (e) {
      calls.push({ role: d.role, fn, ms: performance.now() - t0, ok: false, status })
      const k = `${fn} network ${e instanceof Error ? e.message : String(e)}`
      errors.set(k, (errors.get(k) ?? 0) + 1)
      return null
    }
  }
  let rejected = 0

  const t0 = performance.now()
  await Promise.all(devices.map(async (d) => {
    let cursor: string | null = null
    const writer = new pg.Client({ connectionString: url })
    await writer.connect()
    try {
      while (performance.now() < deadline) {
        if (d.id && Math.random() < PUSH_SHARE) {
          const mutations = await writesFor(writer, d)
          if (mutations?.length) {
            const ans = await rpc(d, 'sync_push', { mutations, schema_version: 1, device_id: randomUUID() })
            rejected += (ans?.results ?? []).filter((r: { status: string }) => r.status === 'rejected').length
          }
        }
        let more = true
        while (more && performance.now() < deadline) {
          const ans = await rpc(d, 'sync_pull', { cursor, lim: 500, schema_version: 1 })
          if (!ans) break
          cursor = ans.cursor
          more = ans.has_more
        }
        await new Promise(r => setTimeout(r, THINK * (0.5 + Math.random())))
      }
    } finally {
      await writer.end()
    }
  }))
  const elapsed = (performance.now() - t0) / 1000
  stop()
  await admin.end()

  const lines = [
    `${devices.length} devices for ${elapsed.toFixed(1)} s (think time ${THINK} ms ±50%, push share ${PUSH_SHARE}), ` +
    `through the local backend on PostgreSQL.`,
    '',
    `Throughput: ${(calls.length / elapsed).toFixed(1)} RPC/s (${calls.length} calls; ` +
    `${calls.filter(c => c.fn === 'sync_pull').length} pulls, ${calls.filter(c => c.fn === 'sync_push').length} pushes); ` +
    `errors: ${calls.filter(c => !c.ok).length}; rejected mutations: ${rejected}.`,
    '',
    '| role | devices | RPC | calls | p50 ms | p95 ms | p99 ms | errors |',
    '|---|---:|---|---:|---:|---:|---:|---:|',
  ]
  for (const [role] of MIX) {
    for (const fn of ['sync_pull', 'sync_push'] as const) {
      const s = calls.filter(c => c.role === role && c.fn === fn)
      if (!s.length) continue
      const ms = s.map(c => c.ms)
      lines.push(`| ${role} | ${devices.filter(d => d.role === role).length} | ${fn} | ${s.length} | ${pct(ms, 50).toFixed(1)} | ` +
        `${pct(ms, 95).toFixed(1)} | ${pct(ms, 99).toFixed(1)} | ${s.filter(c => !c.ok).length} |`)
    }
  }
  if (errors.size) lines.push('', 'Errors:', ...[...errors].map(([k, n]) => `- ${n} × ${k}`))
  const report = lines.join('\n')
  console.log(report)
  writeFileSync(path.join(here, 'results', `load-${label}.md`), report + '\n')
}

main().catch((e: unknown) => { console.error(e); process.exit(1) })

// sync_pull / sync_push latency per role on the scale database (bench/scale/README.md).
//
//   DATABASE_URL=… npx tsx bench/scale/run.ts [--explain] [--label name]
//
// Each call runs as PostgREST (and supabase/local/rest.ts) runs it: one transaction,
// role and claims set with set_config(…, true), then `select public.<fn>(…)`. The time
// reported is the round trip of that one statement, answer included (sent as text,
// parsed after the clock stops). Environment:
//   BENCH_USERS      users sampled per role (default 12)
//   BENCH_MAX_PAGES  a coordinator's first-pull pages timed before jumping to the end (default
//                    40; with the feedback window their first pull is ≈ 28 pages, so it is read
//                    to the end); other roles are read to the end
//   BENCH_FEEDBACK_CALLS  calls per measure of the coordinators' feedback section (default 20)
//   BENCH_INCR       incremental pulls per user, each after a few writes (default 6)
//   BENCH_LIM        the pull's page size (default 500, the app's)
//   BENCH_ROLES      comma-separated roles to measure (default all)
//   BENCH_WARMUP     1: read each user's first pull once, untimed, before the timed one — a
//                    server that has been up for a while, its working set in shared buffers
//                    (default 0: the first read after the generator, as the earlier results)
// --explain: afterwards, EXPLAIN (ANALYZE, BUFFERS) of the statements inside the
// slowest pages, through auto_explain (log_nested_statements) sent back as notices,
// written to bench/scale/results/explain-<label>.txt.
// --verify: for every user whose first pull reached the end, the ids pulled per table
// must equal those a plain `select id … where deleted_at is null` returns under the
// same role and claims (row-level security alone): any difference is reported and
// makes the exit code 1. Coordinators' devices hold a window of the feedback
// (20261125001800_feedback_window.sql): their pulled feedback is compared with the rows
// row-level security shows that are still waiting or changed in the last 90 days.
// Coordinators (unless BENCH_ROLES leaves them out): the feedback their first pull
// brings, `sync_reconcile(array['feedback'])`, and the inbox's server reads of older
// items (`admin_feedback_archive` pages, `admin_feedback_get`), timed the same way.
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const url = process.env.DATABASE_URL
if (!url) throw new Error('DATABASE_URL is required')
const USERS = Number(process.env.BENCH_USERS ?? 12)
const MAX_PAGES = Number(process.env.BENCH_MAX_PAGES ?? 40)
const maxPages = (role: Role) => (role === 'coordinator' ? MAX_PAGES : 1_000)
const INCR = Number(process.env.BENCH_INCR ?? 6)
const LIM = Number(process.env.BENCH_LIM ?? 500)
const ONLY = process.env.BENCH_ROLES?.split(',')
const WARMUP = process.env.BENCH_WARMUP === '1'
const FEEDBACK_CALLS = Number(process.env.BENCH_FEEDBACK_CALLS ?? 20)
const args = process.argv.slice(2)
const label = args.includes('--label') ? args[args.indexOf('--label') + 1] : 'run'
const explain = args.includes('--explain')
const verify = args.includes('--verify')
const here = path.dirname(fileURLToPath(import.meta.url))
const resultsDir = path.join(here, 'results')

export type Role = 'allocataire' | 'groupe_ressource' | 'referent' | 'outreach' | 'coordinator' | 'anon'
const ROLES: Role[] = ['allocataire', 'groupe_ressource', 'referent', 'outreach', 'coordinator', 'anon']

interface User {
  role: Role
  id: string | null
  email: string | null
}

export function claimsFor(u: User): string {
  if (!u.id) return JSON.stringify({ iss: 'supabase-demo', role: 'anon' })
  const now = Math.floor(Date.now() / 1000)
  // The claims of supabase/local/sessions.ts's access tokens.
  return JSON.stringify({
    iss: 'http://127.0.0.1/auth/v1', sub: u.id, aud: 'authenticated', exp: now + 3600, iat: now,
    email: u.email ?? '', phone: '', app_metadata: {}, user_metadata: {}, role: 'authenticated',
    aal: 'aal1', amr: [{ method: 'otp', timestamp: now }], session_id: randomUUID(), is_anonymous: false,
  })
}

/**
 * One RPC as PostgREST runs it; returns [milliseconds of the call, parsed answer]. `set`: a
 * function returning rows (`setof`), read as PostgREST reads them, `json_agg` of the rows.
 */
export async function rpc(client: pg.ClientBase, u: User, fn: string, sqlArgs: string, params: unknown[], set = false) {
  await client.query('begin')
  try {
    await client.query(
      `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
              set_config('request.method', 'POST', true), set_config('request.path', $3, true)`,
      [u.id ? 'authenticated' : 'anon', claimsFor(u), `/rpc/${fn}`],
    )
    const t0 = performance.now()
    const r = await client.query<{ r: string }>(set
      ? `select coalesce(json_agg(_r), '[]')::text as r from public.${fn}(${sqlArgs}) _r`
      : `select public.${fn}(${sqlArgs})::text as r`, params)
    const ms = performance.now() - t0
    await client.query('commit')
    return [ms, JSON.parse(r.rows[0]?.r ?? 'null')] as const
  } catch (e) {
    await client.query('rollback')
    throw e
  }
}

const pull = (c: pg.ClientBase, u: User, cursor: string | null) =>
  rpc(c, u, 'sync_pull', 'cursor => $1, lim => $2, schema_version => 1', [cursor, LIM])
const push = (c: pg.ClientBase, u: User, mutations: unknown[]) =>
  rpc(c, u, 'sync_push', 'mutations => $1::jsonb, schema_version => 1, device_id => $2', [
    JSON.stringify(mutations), md5uuid(`device-${u.id}`),
  ])

function md5uuid(s: string) {
  const h = createHash('md5').update(s).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export function pct(xs: number[], p: number) {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN
}

/** Users of a role, spread over the population (the generator's e-mail prefixes). */
export async function sampleUsers(c: pg.ClientBase, role: Role, n: number): Promise<User[]> {
  if (role === 'anon') return Array.from({ length: n }, () => ({ role, id: null, email: null }))
  const where = {
    allocataire: `email like 'allocataire-%@bench.reperes.test' and not 'groupe_ressource' = any (roles)`,
    groupe_ressource: `email like 'allocataire-%@bench.reperes.test' and 'groupe_ressource' = any (roles)`,
    referent: `email like 'referent-%@bench.reperes.test'`,
    outreach: `email like 'outreach-%@bench.reperes.test'`,
    coordinator: `email like 'coordinator-%@bench.reperes.test'`,
  }[role]
  const { rows } = await c.query<{ id: string; email: string }>(
    `select id, email from public.profiles where ${where} order by md5(id::text) limit $1`, [n])
  return rows.map(r => ({ role, ...r }))
}

/** A cursor positioned at the end of every table, as the server returns after a full read. */
async function caughtUp(c: pg.ClientBase, cursor: string) {
  const { rows } = await c.query<{ h: string }>(`select (pg_snapshot_xmin(pg_current_snapshot())::text::numeric - 1)::text as h`)
  const cur = JSON.parse(cursor) as { p: Record<string, [string, string]> }
  const { rows: tables } = await c.query<{ name: string }>('select name from sync_private.pull_tables')
  const h = rows[0]?.h ?? '0'
  for (const t of tables) cur.p[t.name] = [h, 'ffffffff-ffff-ffff-ffff-ffffffffffff']
  return JSON.stringify(cur)
}

/** Coordinators' feedback calls replayed by --explain (set by coordinatorFeedback and main). */
const feedbackReplays: { title: string; run: () => Promise<unknown> }[] = []

interface Sample { role: Role; phase: 'first' | 'incremental' | 'push'; ms: number; rows: number }
interface FirstPull { role: Role; pages: number; rows: number; ms: number; complete: boolean; feedback: number }

/** A few realistic writes of one user (sync_push, small batch), or null when the role has none. */
export async function writesFor(c: pg.ClientBase, u: User): Promise<unknown[] | null> {
  const m = (name: string, a: Record<string, unknown>) => ({ mutation_id: randomUUID(), name, args: a })
  if (u.role === 'allocataire' || u.role === 'groupe_ressource') {
    const { rows } = await c.query<{ id: string }>(
      `select id from public.appointments where allocataire_id = $1 and starts_at > now() + interval '1 day'
          and status in ('scheduled', 'confirmed') limit 1`, [u.id])
    const out = [
      m('feedback.create', { id: randomUUID(), kind: 'other', body: 'Les horaires conviennent.', share_with_groupe: true, contact_back: false }),
      m('profile.update', { reminder_email: true }),
    ]
    if (rows[0]) out.push(m('appointment.respond', { id: rows[0].id, response: 'confirmed' }))
    return out
  }
  if (u.role === 'referent') {
    const { rows } = await c.query<{ id: string; structure_id: string }>(
      `select id, structure_id from public.profiles where referent_id = $1 order by md5(id::text) limit 3`, [u.id])
    return rows.map(a => m('appointment.upsert', {
      id: randomUUID(), allocataire_id: a.id, structure_id: a.structure_id, referent_id: u.id, kind: 'follow_up',
      starts_at: new Date(Date.now() + 7 * 86400e3).toISOString(), duration_min: 45, mode: 'in_person',
    }))
  }
  if (u.role === 'outreach') {
    const { rows } = await c.query<{ team_id: string }>('select team_id from public.profiles where id = $1', [u.id])
    return Array.from({ length: 3 }, () => m('contact.upsert', {
      id: randomUUID(), team_id: rows[0]?.team_id, quartier: 'Goutte d\'Or', met_at: new Date().toISOString(),
      met_how: 'street', age_band: '26_34', needs: ['emploi'],
    }))
  }
  if (u.role === 'coordinator') {
    const { rows } = await c.query<{ id: string }>(
      `select id from public.feedback where status = 'received' and deleted_at is null order by md5(id::text) limit 2`)
    return rows.map(f => m('feedback.set_status', { id: f.id, status: 'read' }))
  }
  return null
}

async function main() {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  const samples: Sample[] = []
  const firsts: FirstPull[] = []
  const slow: { ms: number; u: User; cursor: string | null }[] = []
  const mismatches: string[] = []
  const writers: Record<Role, User[]> = Object.fromEntries(ROLES.map(r => [r, []])) as never

  for (const role of ROLES.filter(r => !ONLY || ONLY.includes(r))) {
    const users = await sampleUsers(c, role, USERS)
    writers[role] = users
    for (const u of users) {
      if (WARMUP) {
        let c0: string | null = null
        for (let p = 0, more = true; more && p < maxPages(role); p++) {
          const [, ans] = await pull(c, u, c0)
          c0 = ans.cursor; more = ans.has_more
        }
      }
      // First pull: from nothing until has_more is false (a coordinator: MAX_PAGES timed pages).
      let cursor: string | null = null
      let pages = 0, rows = 0, total = 0, more = true, feedback = 0
      const seen = new Map<string, Set<string>>()
      const started = verify ? (await c.query<{ t: string }>('select now()::text as t')).rows[0]!.t : ''
      while (more && pages < maxPages(role)) {
        const before: string | null = cursor
        const [ms, ans] = await pull(c, u, cursor)
        const n = countRows(ans)
        if (verify) collectIds(seen, ans)
        samples.push({ role, phase: 'first', ms, rows: n })
        slow.push({ ms, u, cursor: before })
        pages++; rows += n; total += ms; feedback += ans.changes?.feedback?.length ?? 0
        cursor = ans.cursor; more = ans.has_more
      }
      firsts.push({ role, pages, rows, ms: total, complete: !more, feedback })
      if (verify && !more && u.id) mismatches.push(...await compareWithPolicies(c, u, seen, started))
      if (more) cursor = await caughtUp(c, cursor!)

      // Incremental: a few writes by people of the same scope, then a pull.
      for (let i = 0; i < INCR; i++) {
        const w = writers[role][i % writers[role].length] ?? u
        const ms0 = await writesFor(c, w)
        if (ms0 && ms0.length) {
          const [ms] = await push(c, w, ms0)
          samples.push({ role, phase: 'push', ms, rows: ms0.length })
        }
        let more = true
        while (more) {
          const [ms, ans] = await pull(c, u, cursor)
          samples.push({ role, phase: 'incremental', ms, rows: countRows(ans) })
          cursor = ans.cursor; more = ans.has_more
        }
      }
      if (role === 'coordinator' && !feedbackReplays.length) {
        const caught = cursor
        feedbackReplays.push(
          { title: 'first page (cursor null)', run: () => pull(c, u, null) },
          { title: 'incremental pull (caught up)', run: () => pull(c, u, caught) })
      }
    }
    process.stderr.write(`${role} done\n`)
  }
  const feedbackReport = writers.coordinator.length ? await coordinatorFeedback(c, writers.coordinator, firsts) : []

  const lines: string[] = []
  lines.push(`| role | phase | calls | p50 ms | p95 ms | p99 ms | max ms | rows/call (mean) |`)
  lines.push(`|---|---|---:|---:|---:|---:|---:|---:|`)
  for (const phase of ['first', 'incremental', 'push'] as const) {
    for (const role of ROLES) {
      const s = samples.filter(x => x.role === role && x.phase === phase)
      if (!s.length) continue
      const ms = s.map(x => x.ms)
      lines.push(`| ${role} | ${phase} | ${s.length} | ${pct(ms, 50).toFixed(1)} | ${pct(ms, 95).toFixed(1)} | ` +
        `${pct(ms, 99).toFixed(1)} | ${Math.max(...ms).toFixed(1)} | ${(s.reduce((a, x) => a + x.rows, 0) / s.length).toFixed(0)} |`)
    }
  }
  lines.push('', '| role | users | pages (mean) | rows (mean) | first pull total ms (mean) | read to the end |', '|---|---:|---:|---:|---:|---|')
  for (const role of ROLES) {
    const f = firsts.filter(x => x.role === role)
    if (!f.length) continue
    const mean = (k: keyof FirstPull) => (f.reduce((a, x) => a + Number(x[k]), 0) / f.length).toFixed(0)
    lines.push(`| ${role} | ${f.length} | ${mean('pages')} | ${mean('rows')} | ${mean('ms')} | ${f.filter(x => x.complete).length}/${f.length} |`)
  }
  const all = samples.filter(x => x.phase !== 'push').map(x => x.ms)
  lines.push('', `All pulls: ${all.length} calls, p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms, p99 ${pct(all, 99).toFixed(1)} ms`)
  if (feedbackReport.length) lines.push('', ...feedbackReport)
  if (verify) {
    const checked = firsts.filter(f => f.complete && f.role !== 'anon').length
    lines.push('', `Verify: ${checked} complete first pulls compared with a plain read under row-level security: ` +
      (mismatches.length ? `${mismatches.length} differences\n${mismatches.slice(0, 20).join('\n')}` : 'identical ids in every table'))
    if (mismatches.length) process.exitCode = 1
  }
  const report = lines.join('\n')
  console.log(report)
  mkdirSync(resultsDir, { recursive: true })
  writeFileSync(path.join(resultsDir, `${label}.md`), report + '\n')

  if (explain) {
    // The slowest page per role, replayed under auto_explain (its log sent as notices).
    const worst = ROLES.map(r => slow.filter(s => s.u.role === r).sort((a, b) => b.ms - a.ms)[0])
      .filter((w): w is NonNullable<typeof w> => w !== undefined)
    const out: string[] = []
    c.on('notice', (n) => out.push(n.message ?? ''))
    await c.query(`load 'auto_explain'`)
    await c.query(`set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on;
      set auto_explain.log_buffers = on; set auto_explain.log_nested_statements = on;
      set auto_explain.log_level = notice; set auto_explain.log_timing = on`)
    for (const w of worst) {
      out.push(`\n======== ${w.u.role} ${w.u.id ?? ''} — page timed at ${w.ms.toFixed(1)} ms, cursor ${w.cursor ? 'set' : 'null'}\n`)
      await pull(c, w.u, w.cursor)
    }
    // A coordinator's feedback: the window's arms in a first and an incremental pull,
    // reconcile, the archive. Every statement on feedback is kept, however short.
    for (const r of feedbackReplays) {
      out.push(`\n======== feedback (coordinator): ${r.title}\n`)
      await r.run()
    }
    await c.query('set auto_explain.log_min_duration = -1')
    // Keep the plans that matter: statements of at least 1 ms, the per-table page queries;
    // in the feedback sections, every statement reading the feedback.
    let inFeedback = false
    const kept = out.filter((t) => {
      if (t.startsWith('\n========')) { inFeedback = t.startsWith('\n======== feedback'); return true }
      if (inFeedback && /public\.feedback/.test(t)) return true
      return /duration: (\d+\.\d+) ms/.test(t) && Number(/duration: (\d+\.\d+) ms/.exec(t)![1]) >= 1
    })
    // Arrays of ids (a référent's allocataires) are shortened to their size.
    const short = kept.map(t => t.replace(/'\{([0-9a-f-]{36},){3,}[^}]*\}'/g, m => `'{… ${m.split(',').length} ids}'`))
    writeFileSync(path.join(resultsDir, `explain-${label}.txt`), short.join('\n') + '\n')
  }
  await c.end()
}

/**
 * Coordinators and the feedback window: what their first pull brought, sync_reconcile of
 * the feedback (the first sync of a session, which drops the items that aged out), and the
 * inbox's reads of older items on the server (pages of 50, the app's ARCHIVE_PAGE).
 */
async function coordinatorFeedback(c: pg.ClientBase, users: User[], firsts: FirstPull[]) {
  const lines: string[] = []
  const { rows: [w] } = await c.query<{ open: string; recent: string; archived: string; total: string }>(
    `select count(*) filter (where status in ('received', 'read')) as open,
            count(*) filter (where status in ('answered', 'closed') and updated_at >= now() - interval '90 days') as recent,
            count(*) filter (where status in ('answered', 'closed') and updated_at < now() - interval '90 days') as archived,
            count(*) as total
       from public.feedback where deleted_at is null`)
  const f = firsts.filter(x => x.role === 'coordinator')
  const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length
  lines.push(`Coordinators' feedback: ${w!.total} items on the server, ${w!.open} waiting (received, read), ` +
    `${w!.recent} answered or closed in the last 90 days, ${w!.archived} older (the archive).`)
  if (f.length)
    lines.push(`First pull (mean of ${f.length}): ${mean(f.map(x => x.feedback)).toFixed(0)} feedback rows, ` +
      `${mean(f.map(x => x.pages)).toFixed(0)} pages, ${mean(f.map(x => x.rows)).toFixed(0)} rows in all, ` +
      `${mean(f.map(x => x.ms)).toFixed(0)} ms; read to the end ${f.filter(x => x.complete).length}/${f.length}.`)

  const timed: { name: string; ms: number[]; rows: number[] }[] = []
  const time = async (name: string, call: (u: User) => Promise<readonly [number, unknown]>,
    count: (ans: unknown) => number = a => (Array.isArray(a) ? a.length : 0)) => {
    const t = { name, ms: [] as number[], rows: [] as number[] }
    for (let i = 0; i < FEEDBACK_CALLS; i++) {
      const [ms, ans] = await call(users[i % users.length]!)
      t.ms.push(ms); t.rows.push(count(ans))
    }
    timed.push(t)
  }
  type Filter = { kind?: string; status?: string; assigned?: string; theme?: string; before?: { created_at: string; id: string } }
  const archive = (u: User, a: Filter) => rpc(c, u, 'admin_feedback_archive',
    `kind => $1::text, prestation => null::uuid, status => $2::text, assigned => $3::text, theme => $4::text,
     before_created => $5::timestamptz, before_id => $6::uuid, lim => 50`,
    [a.kind ?? null, a.status ?? null, a.assigned ?? null, a.theme ?? null, a.before?.created_at ?? null, a.before?.id ?? null], true)
  const u0 = users[0]!
  const replay = (title: string, run: () => Promise<unknown>) => feedbackReplays.push({ title, run })

  await time(`sync_reconcile(array['feedback'])`, u => rpc(c, u, 'sync_reconcile', 'tables => $1::text[]', [['feedback']]),
    a => ((a as Record<string, unknown[]>).feedback ?? []).length)
  await time('admin_feedback_archive, first page', u => archive(u, {}))
  // Page 21 (after 1,000 items): the cursor of the 20th page, read once untimed.
  let before: Filter['before']
  for (let p = 0; p < 20; p++) {
    const [, rows] = await archive(u0, { before }) as readonly [number, { created_at: string; id: string }[]]
    if (rows.length < 50) break
    before = rows.at(-1)
  }
  await time('admin_feedback_archive, page 21', u => archive(u, { before }))
  const page21 = before
  replay(`sync_reconcile(array['feedback'])`, () => rpc(c, u0, 'sync_reconcile', 'tables => $1::text[]', [['feedback']]))
  replay('admin_feedback_archive, first page', () => archive(u0, {}))
  replay('admin_feedback_archive, page 21', () => archive(u0, { before: page21 }))
  replay('admin_feedback_archive, a theme no item has', () => archive(u0, { theme: 'bench-no-such-theme' }))
  replay('admin_feedback_archive, a rare theme', () => archive(u0, { theme: 'langue-des-signes' }))
  replay('admin_feedback_archive, the most common theme', () => archive(u0, { theme: 'horaires' }))
  // Page 5 of the most common theme: the cursor of its 4th page, read once untimed.
  let themePage5: Filter['before']
  for (let p = 0; p < 4; p++) {
    const [, rows] = await archive(u0, { theme: 'horaires', before: themePage5 }) as readonly [number, { created_at: string; id: string }[]]
    themePage5 = rows.at(-1)
  }
  const { rows: [oldest] } = await c.query<{ created_at: string; id: string }>(
    `select to_json(created_at) #>> '{}' as created_at, id from public.feedback
      where status in ('answered', 'closed') and deleted_at is null and updated_at < now() - interval '90 days'
      order by created_at, id offset 50 limit 1`)
  if (oldest) await time('admin_feedback_archive, last page', u => archive(u, { before: oldest }))
  await time(`admin_feedback_archive, first page, kind 'prestation', assigned 'me'`,
    u => archive(u, { kind: 'prestation', assigned: 'me' }))
  await time(`admin_feedback_archive, first page, status 'closed'`, u => archive(u, { status: 'closed' }))
  // Themes (generate.sql): none, the rarest (≈ 0.1 % of the items) and the most common (≈ 10 %).
  await time(`admin_feedback_archive, a theme no item has`, u => archive(u, { theme: 'bench-no-such-theme' }))
  await time(`admin_feedback_archive, a rare theme`, u => archive(u, { theme: 'langue-des-signes' }))
  await time(`admin_feedback_archive, the most common theme`, u => archive(u, { theme: 'horaires' }))
  await time(`admin_feedback_archive, the most common theme, page 5`, u => archive(u, { theme: 'horaires', before: themePage5 }))
  const { rows: ids } = await c.query<{ id: string; archived: boolean }>(
    `select id, updated_at < now() - interval '90 days' and status in ('answered', 'closed') as archived
       from public.feedback where deleted_at is null order by md5(id::text) limit 200`)
  const archivedIds = ids.filter(r => r.archived).map(r => r.id)
  let k = 0
  await time('admin_feedback_get, an archived item', u => rpc(c, u, 'admin_feedback_get', 'id => $1::uuid', [archivedIds[k++ % archivedIds.length]], true))
  replay('admin_feedback_get', () => rpc(c, u0, 'admin_feedback_get', 'id => $1::uuid', [archivedIds[0]], true))

  lines.push('', '| coordinator call | calls | p50 ms | p95 ms | p99 ms | max ms | rows/call (mean) |', '|---|---:|---:|---:|---:|---:|---:|')
  for (const t of timed)
    lines.push(`| ${t.name} | ${t.ms.length} | ${pct(t.ms, 50).toFixed(1)} | ${pct(t.ms, 95).toFixed(1)} | ${pct(t.ms, 99).toFixed(1)} | ` +
      `${Math.max(...t.ms).toFixed(1)} | ${mean(t.rows).toFixed(0)} |`)
  return lines
}

function collectIds(seen: Map<string, Set<string>>, ans: { changes?: Record<string, { id: string }[]>; tombstones?: Record<string, string[]> }) {
  for (const [t, rows] of Object.entries(ans.changes ?? {})) {
    const s = seen.get(t) ?? new Set<string>()
    for (const r of rows) s.add(r.id)
    seen.set(t, s)
  }
  for (const [t, ids] of Object.entries(ans.tombstones ?? {})) for (const id of ids) seen.get(t)?.delete(id)
}

/** The pulled ids against a plain read of each table under the caller's row-level security. */
const NOT_PULLED_BY_COORDINATORS = ['appointments', 'prestation_offers']
/**
 * Readable by coordinators, pulled in part only: the staff's profiles
 * (20261125001400_coordinator_people.sql); the feedback still waiting or changed in the
 * last 90 days (20261125001800_feedback_window.sql), written out here rather than through
 * sync_private.feedback_window_start(), so that the check does not take the window from
 * the code it checks.
 */
const PULLED_IN_PART_BY_COORDINATORS: Record<string, string> = {
  profiles: 'sync_private.is_staff_roles(roles)',
  feedback: `(status in ('received', 'read') or updated_at >= now() - interval '90 days')`,
}
/**
 * The window moves while a first pull runs: answered or closed items whose updated_at
 * crossed the window's start between the pull's first page and the check may have been
 * pulled and no longer be in the window (a device drops them at its next reconcile).
 * They are not counted as pulled but not visible.
 */
const AGED_OUT_DURING_PULL: Record<string, string> = {
  feedback: `status in ('answered', 'closed') and updated_at >= $1::timestamptz - interval '90 days'
             and updated_at < now() - interval '90 days'`,
}

async function compareWithPolicies(c: pg.ClientBase, u: User, seen: Map<string, Set<string>>, started: string) {
  const { rows: tables } = await c.query<{ name: string; relation: string }>(
    'select name, relation from sync_private.pull_tables order by position')
  const out: string[] = []
  await c.query('begin')
  try {
    await c.query(`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`, [claimsFor(u)])
    const { rows: rec } = await c.query<{ r: Record<string, string[]> }>(
      `select public.sync_reconcile(array(select name from sync_private.pull_tables where reconcilable)) as r`)
    for (const { name, relation } of tables) {
      // Readable by coordinators, deliberately not pulled (20261125001100_scale.sql).
      if (u.role === 'coordinator' && NOT_PULLED_BY_COORDINATORS.includes(name))
        continue
      const part = u.role === 'coordinator' ? PULLED_IN_PART_BY_COORDINATORS[name] : undefined
      const { rows } = await c.query<{ id: string }>(`select id from ${relation} where deleted_at is null${part ? ` and ${part}` : ''}`)
      const want = new Set(rows.map(r => r.id))
      const reconciled = rec[0]?.r[name]
      if (reconciled && (reconciled.length !== want.size || reconciled.some(id => !want.has(id))))
        out.push(`${u.role} ${u.id} ${name}: sync_reconcile differs from row-level security`)
      const got = seen.get(name) ?? new Set<string>()
      const aged = new Set<string>()
      if (part && AGED_OUT_DURING_PULL[name]) {
        const { rows: a } = await c.query<{ id: string }>(
          `select id from ${relation} where deleted_at is null and ${AGED_OUT_DURING_PULL[name]}`, [started])
        for (const r of a) aged.add(r.id)
      }
      const missing = [...want].filter(id => !got.has(id)).length
      const extra = [...got].filter(id => !want.has(id) && !aged.has(id)).length
      if (missing || extra) out.push(`${u.role} ${u.id} ${name}: ${missing} visible but not pulled, ${extra} pulled but not visible`)
    }
  } finally {
    await c.query('rollback')
  }
  return out
}

function countRows(ans: { changes?: Record<string, unknown[]>; tombstones?: Record<string, unknown[]> }) {
  let n = 0
  for (const v of Object.values(ans.changes ?? {})) n += v.length
  for (const v of Object.values(ans.tombstones ?? {})) n += v.length
  return n
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  main().catch((e: unknown) => { console.error(e); process.exit(1) })
}

// Pushing 1,000 queued mutations to the local backend (DESIGN §7: ≤ 3 s).
//
//   npx tsx bench/sync-push.ts                       PGlite in memory (BENCH_ROUNDS=3, BENCH_MUTATIONS=1000)
//   scripts/with-pg.sh npx tsx bench/sync-push.ts    the same on a throwaway PostgreSQL cluster
//
// What it does: builds the app for its own backend, signs in as the demo outreach worker in
// Chromium (Pixel 5 profile) and lets the first sync finish. Then, per round: the network is
// cut, BENCH_MUTATIONS `contact.upsert` entries are queued in the page's IndexedDB, the
// network comes back and the engine's sync is timed until the outbox is empty; every contact
// must then be on the server, none quarantined.
//
// The entries are made by the app's own write path (src/sync/write.ts: zod validation, the
// optimistic row and the outbox entry) run here in Node on fake-indexeddb, then copied as they
// are into the browser's `outbox` and `pending` stores: queuing 1,000 through the form would
// take minutes and is measured by bench/outreach-save.ts.
//
// Figures:
//   sync      from the network's return to an empty outbox (the push in batches of 200, the
//             pull of the contacts it wrote, the optimistic rows dropped)
//   push      from the first sync_push request to the last response, as seen by Chromium
//   server    the same mutations sent straight with supabase-js from Node, in 5 calls of 200
//             and in one call of 1,000 — the server's share without the browser
import 'fake-indexeddb/auto'
import path from 'node:path'
import { devices, type Page } from '@playwright/test'
import { tsImport } from 'tsx/esm/api'
import { outboxCount, pulledCount, root, signedInClient, signIn, startHarness, stats, storeCount } from './lib/harness.ts'

const COUNT = Number(process.env.BENCH_MUTATIONS ?? 1000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const BACKEND_PORT = Number(process.env.BENCH_BACKEND_PORT ?? 54396)
const PREVIEW_PORT = Number(process.env.BENCH_PREVIEW_PORT ?? 4196)
const EMAIL = 'outreach@demo.reperes.paris'
const TEAM_ID = '7ea00000-0000-4000-8000-000000000001'

interface Queued { outbox: Record<string, unknown>[], pending: Record<string, unknown>[], mutations: { mutation_id: string, name: string, args: unknown }[] }

const appModule = (file: string) => tsImport(file, { parentURL: import.meta.url, tsconfig: path.join(root, 'tsconfig.node.json') })

/** `count` field contacts written by the app's writeMutation into a fresh fake-indexeddb. */
async function queueContacts(userId: string, count: number, round: number): Promise<Queued> {
  const { writeMutation } = await appModule('../src/sync/write.ts') as typeof import('../src/sync/write.ts')
  const { ReperesDb } = await appModule('../src/db/database.ts') as typeof import('../src/db/database.ts')
  const db = new ReperesDb(`bench-${round}-${Date.now()}`)
  const quartiers = ['Goutte d\'Or', 'La Chapelle', 'Porte de la Chapelle']
  const how = ['street', 'market', 'association', 'event', 'partner'] as const
  const ages = ['18_25', '26_34', '35_49', '50_64'] as const
  const needs = ['emploi', 'formation', 'francais', 'numerique'] as const
  for (let i = 0; i < count; i++) {
    await writeMutation({ db, userId }, 'contact.upsert', {
      id: crypto.randomUUID(),
      team_id: TEAM_ID,
      quartier: quartiers[i % quartiers.length]!,
      met_at: new Date(Date.now() - i * 60_000).toISOString(),
      met_how: how[i % how.length]!,
      age_band: ages[i % ages.length]!,
      needs: [needs[i % needs.length]!],
    })
  }
  const outbox = (await db.outbox.toArray()).map(({ seq: _seq, ...entry }) => entry as Record<string, unknown>)
  const pending = (await db.pending.toArray()) as unknown as Record<string, unknown>[]
  db.close()
  return { outbox, pending, mutations: outbox.map(e => ({ mutation_id: e.mutation_id as string, name: e.name as string, args: e.args })) }
}

/** Copies the entries into the page's IndexedDB in one transaction (as the app would have). */
async function inject(page: Page, queued: Queued) {
  await page.evaluate(({ outbox, pending }) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('reperes')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction(['outbox', 'pending'], 'readwrite', { durability: 'strict' })
      for (const entry of outbox)
        tx.objectStore('outbox').add(entry)
      for (const row of pending)
        tx.objectStore('pending').put(row)
      tx.oncomplete = () => {
        open.result.close()
        resolve()
      }
      tx.onerror = () => reject(tx.error)
    }
  }), { outbox: queued.outbox, pending: queued.pending })
}

async function main() {
  const h = await startHarness({ backendPort: BACKEND_PORT, previewPort: PREVIEW_PORT })
  try {
    const client = await signedInClient(h.backend, EMAIL)
    const userId = (await client.auth.getUser()).data.user!.id

    const context = await h.browser.newContext({ ...devices['Pixel 5'], locale: 'fr-FR', timezoneId: 'Europe/Paris', serviceWorkers: 'allow' })
    const page = await context.newPage()
    await signIn(page, h.app, EMAIL, '/terrain')
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
    await page.getByText('Équipe de développement local Goutte d\'Or').waitFor({ timeout: 30_000 })

    // Chromium's view of every sync_push call: start and end (Node clock), request size.
    const pushes: { start: number, end: number, bytes: number }[] = []
    const started = new Map<unknown, number>()
    page.on('request', (req) => {
      if (req.url().includes('/rest/v1/rpc/sync_push'))
        started.set(req, Date.now())
    })
    page.on('requestfinished', (req) => {
      const start = started.get(req)
      if (start !== undefined)
        pushes.push({ start, end: Date.now(), bytes: Buffer.byteLength(req.postData() ?? '') })
    })

    const syncs: number[] = []
    const pushSpans: number[] = []
    let calls = 0
    let bytes = 0
    let failed = false
    for (let round = 1; round <= ROUNDS; round++) {
      const queued = await queueContacts(userId, COUNT, round)
      const before = await pulledCount(client, 'outreach_contacts')
      await context.setOffline(true)
      await inject(page, queued)
      const waiting = await outboxCount(page)
      pushes.length = 0
      const t0 = Date.now()
      await context.setOffline(false)
      await page.evaluate(() => window.dispatchEvent(new Event('online')))
      while (await outboxCount(page) > 0)
        await new Promise(r => setTimeout(r, 20))
      const syncMs = Date.now() - t0
      const pushMs = Math.max(...pushes.map(p => p.end)) - Math.min(...pushes.map(p => p.start))
      const onServer = (await pulledCount(client, 'outreach_contacts')) - before
      const quarantined = await storeCount(page, 'quarantine')
      syncs.push(syncMs)
      pushSpans.push(pushMs)
      calls = pushes.length
      bytes = pushes.reduce((s, p) => s + p.bytes, 0)
      const each = pushes.map(p => `${p.end - p.start} ms`).join(', ')
      console.log(`[bench] round ${round}: ${waiting} queued → outbox empty in ${syncMs} ms (push ${pushMs} ms; calls: ${each}), ${onServer} new contacts on the server, ${quarantined} quarantined`)
      if (waiting !== COUNT || onServer !== COUNT || quarantined !== 0)
        failed = true
    }

    // The server alone: the same kind of mutations from Node, no browser, no IndexedDB.
    const direct = async (batch: number) => {
      const { mutations } = await queueContacts(userId, COUNT, 100 + batch)
      const t0 = performance.now()
      for (let i = 0; i < mutations.length; i += batch) {
        const { data, error } = await client.rpc('sync_push', { mutations: mutations.slice(i, i + batch), schema_version: 1, device_id: null })
        if (error)
          throw error
        const results = (data as { results: { status: string }[] }).results
        if (results.some(r => r.status !== 'applied'))
          throw new Error(`direct push: ${JSON.stringify(results.find(r => r.status !== 'applied'))}`)
      }
      return performance.now() - t0
    }
    const direct200 = await direct(200)
    const direct1000 = await direct(1000)

    const s = stats(syncs)
    const p = stats(pushSpans)
    const result = { mutations: COUNT, rounds: ROUNDS, engine: h.engine, syncMs: syncs, pushMs: pushSpans, pushCalls: calls, pushRequestBytes: bytes, direct200Ms: Math.round(direct200), direct1000Ms: Math.round(direct1000), chromium: h.browser.version() }
    console.log(JSON.stringify(result, null, 2))
    console.log([
      '',
      `| ${COUNT} contact.upsert, ${h.engine}, Chromium ${h.browser.version()} | median | max (${ROUNDS} rounds) |`,
      '|---|---|---|',
      `| network back → outbox empty (push + pull + optimistic rows dropped) | ${(s.median / 1000).toFixed(2)} s | ${(s.max / 1000).toFixed(2)} s |`,
      `| first sync_push request → last response (${calls} calls, ${(bytes / 1024).toFixed(0)} KB sent) | ${(p.median / 1000).toFixed(2)} s | ${(p.max / 1000).toFixed(2)} s |`,
      '',
      `Straight from Node with supabase-js: ${(direct200 / 1000).toFixed(2)} s in calls of 200, ${(direct1000 / 1000).toFixed(2)} s in one call of 1,000.`,
    ].join('\n'))
    if (failed)
      process.exitCode = 1
  }
  finally {
    await h.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

/**
 * The real engine, real supabase-js and the local backend, through a proxy
 * that injects network faults at random (seeded, so a failure reproduces):
 * 1,000 writes must end as exactly 1,000 rows on the server, an empty outbox,
 * and no duplicate. Runs on PGlite, and also on PostgreSQL when DATABASE_URL
 * is set.
 */
import 'fake-indexeddb/auto'
import type { FaultProxy } from './faultProxy'
import type { TestBackend } from '../helpers/backend.ts'
import type { SyncEngine } from '@/sync/engine'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ReperesDb } from '@/db/database'
import { readRows } from '@/db/read'
import { refreshFor, signInWithPassword, stopAuthTimers } from '@/services/auth'
import { configureSupabase } from '@/services/supabase'
import { createSyncEngine } from '@/sync/engine'
import { localLock } from '@/sync/lock'
import { createRpcTransport } from '@/sync/rpcTransport'
import { writeMutation } from '@/sync/write'
import { startTestBackend } from '../helpers/backend.ts'
import { seeded, startFaultProxy } from './faultProxy'

const TOTAL = 1_000
const SEED = Number(process.env.SYNC_FAULT_SEED ?? 20261125)
const CLIENT_TIMEOUT_MS = 1_500
const engines: ('pglite' | 'postgres')[] = ['pglite', ...(process.env.DATABASE_URL ? ['postgres' as const] : [])]

function memoryStorage() {
  const map = new Map<string, string>()
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  }
}

describe.each(engines)('sync under network faults (%s)', (engine) => {
  let backend: TestBackend
  let proxy: FaultProxy
  let db: ReperesDb
  let sync: SyncEngine | undefined

  beforeAll(async () => {
    backend = await startTestBackend({ engine })
    proxy = await startFaultProxy({
      target: backend.url,
      seed: SEED,
      rates: { drop_before: 0.08, drop_after: 0.1, error_500: 0.06, delay: 0.04, rate_limited: 0.04, expired: 0.06 },
      authDropRate: 0.3,
      delayMs: CLIENT_TIMEOUT_MS + 300,
    })
    configureSupabase({ url: proxy.url, anonKey: backend.anonKey, storage: memoryStorage(), autoRefreshToken: false })
    db = new ReperesDb(`faults-${engine}-${crypto.randomUUID()}`)
  })

  afterAll(async () => {
    await sync?.stop()
    await stopAuthTimers().catch(() => {})
    await db?.delete()
    await proxy?.close()
    await backend?.close()
  })

  it(`delivers ${TOTAL} writes exactly once`, async () => {
    const signedIn = await signInWithPassword('allocataire@demo.reperes.paris', 'demo-password')
    if (!signedIn.ok)
      throw new Error(`sign-in failed: ${signedIn.error}`)
    const userId = signedIn.userId
    const deviceId = crypto.randomUUID()

    const ids = new Set<string>()
    for (let i = 0; i < TOTAL; i++) {
      const { id } = await writeMutation({ db, userId }, 'feedback.create', {
        id: crypto.randomUUID(), kind: 'other', body: `fault-test ${i}`, share_with_groupe: false, contact_back: false,
      })
      ids.add(id)
    }
    expect(await db.outbox.count()).toBe(TOTAL)

    sync = createSyncEngine({
      db, userId, deviceId, lock: localLock(), random: seeded(SEED + 1),
      transport: createRpcTransport({ userId, timeoutMs: CLIENT_TIMEOUT_MS }),
      onUnauthorized: () => refreshFor(userId),
      backoff: { baseMs: 20, capMs: 400 },
      // Small batches: more requests, so every kind of fault gets its chance.
      batchSize: 10,
      events: { window: null, document: null },
    })
    const phases = new Set<string>()
    sync.subscribe(s => phases.add(s.phase))
    sync.start()

    const deadline = Date.now() + 150_000
    while ((await db.outbox.count()) > 0) {
      expect(sync.state().phase, sync.state().lastError ?? '').not.toMatch(/needsSignIn|updateRequired|stopped/)
      if (Date.now() > deadline)
        throw new Error(`outbox still holds ${await db.outbox.count()} entries; last error: ${sync.state().lastError}`)
      await new Promise(r => setTimeout(r, 100))
    }
    console.info(`[faults ${engine}] seed ${SEED}:`, JSON.stringify(proxy.counts))
    // The faults really happened, every kind of them.
    for (const fault of ['drop_before', 'drop_after', 'error_500', 'delay', 'rate_limited', 'expired'] as const)
      expect(proxy.counts[fault], fault).toBeGreaterThan(0)
    expect(phases.has('retrying')).toBe(true)

    // One last clean sync brings every row back and settles the overlay.
    proxy.calm()
    const calmAt = new Date().toISOString()
    await sync.syncNow()
    // A cycle already under way may still have met a fault: its retry follows shortly.
    while (sync.state().phase !== 'idle' || (sync.state().lastSyncAt ?? '') < calmAt) {
      if (Date.now() > deadline)
        throw new Error(`no clean sync after the faults stopped: ${sync.state().lastError}`)
      await new Promise(r => setTimeout(r, 100))
    }

    const { rows } = await backend.db.query<{ n: number, distinct_ids: number, distinct_bodies: number }>(
      `select count(*)::int as n, count(distinct id)::int as distinct_ids, count(distinct body)::int as distinct_bodies
         from public.feedback where author_id = $1 and body like 'fault-test %'`, [userId])
    expect(rows[0]).toEqual({ n: TOTAL, distinct_ids: TOTAL, distinct_bodies: TOTAL })
    const server = await backend.db.query<{ id: string }>(`select id from public.feedback where author_id = $1 and body like 'fault-test %'`, [userId])
    expect(new Set(server.rows.map(r => r.id))).toEqual(ids)
    const log = await backend.db.query<{ n: number }>(`select count(*)::int as n from public.sync_mutations where user_id = $1 and device_id = $2`, [userId, deviceId])
    expect(log.rows[0]!.n).toBe(TOTAL)

    expect(await db.outbox.count()).toBe(0)
    expect(await db.quarantine.count()).toBe(0)
    expect(await db.applied.count()).toBe(0)
    const local = await readRows(db, 'feedback', userId, r => String(r.body).startsWith('fault-test '))
    expect(local).toHaveLength(TOTAL)
    expect(local.every(r => !r.$pending)).toBe(true)
  }, 240_000)
})

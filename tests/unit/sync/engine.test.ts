import type { EngineOptions, SyncEngine, SyncPhase } from '@/sync/engine'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSyncEngine } from '@/sync/engine'
import { localLock } from '@/sync/lock'
import { TransportError } from '@/sync/transport'
import { writeMutation } from '@/sync/write'
import { expired, FakeServer, offline } from './fakeServer'
import { closeDbs, feedback, makeDb, USER_A } from './helpers'

const DEVICE = '44444444-4444-4444-8444-444444444444'
const engines: SyncEngine[] = []

function engine(options: Partial<EngineOptions> & Pick<EngineOptions, 'db' | 'transport'>): SyncEngine {
  const e = createSyncEngine({
    userId: USER_A, deviceId: DEVICE, lock: localLock(), random: () => 0.5,
    backoff: { baseMs: 1_000, capMs: 60_000 }, events: { window: null, document: null }, ...options,
  })
  engines.push(e)
  return e
}

async function until(e: SyncEngine, phase: SyncPhase) {
  await vi.waitFor(() => expect(e.state().phase).toBe(phase), { timeout: 3_000 })
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
})

afterEach(async () => {
  for (const e of engines.splice(0))
    await e.stop()
  vi.useRealTimers()
  await closeDbs()
})

describe('sync engine', () => {
  it('pushes, pulls and reconciles on start, then records the last sync', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    server.put('structures', { id: crypto.randomUUID(), name: 'EI 18' })
    await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    const e = engine({ db, transport: server })
    e.start()
    await until(e, 'idle')
    await e.syncNow()
    expect(server.calls.slice(0, 4).map(c => c.method)).toEqual(['stats', 'push', 'pull', 'reconcile'])
    expect(await db.outbox.count()).toBe(0)
    expect(await db.serverTable('structures').count()).toBe(1)
    expect(e.state().lastSyncAt).not.toBeNull()
  })

  it('reconciles again after a write that may take its row out of view, and only then', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    const member = crypto.randomUUID()
    server.put('profiles', { id: member, display_name: 'Fatou', roles: ['allocataire', 'groupe_ressource'] })
    const e = engine({ db, transport: server })
    e.start()
    await until(e, 'idle')
    expect(await db.serverTable('profiles').get(member)).toBeDefined()
    const reconciles = () => server.calls.filter(c => c.method === 'reconcile').length
    const before = reconciles()

    // An ordinary write: push and pull, no reconcile.
    await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    await e.syncNow()
    expect(reconciles()).toBe(before)

    // The coordinator withdraws the member's role: the server no longer sends their
    // profile to this device, without a tombstone (it still exists).
    const push = server.push.bind(server)
    server.push = async (...args) => {
      const results = await push(...args)
      server.revoke('profiles', member)
      return results
    }
    await writeMutation({ db, userId: USER_A }, 'profile.set_access', { id: member, roles: ['allocataire'], team_id: null, structure_id: null })
    await e.syncNow()
    expect(reconciles()).toBe(before + 1)
    expect(server.calls.slice(-3).map(c => c.method)).toEqual(['push', 'pull', 'reconcile'])
    expect(await db.serverTable('profiles').get(member)).toBeUndefined()
  })

  it('a 401 pauses the queue without counting an attempt and asks to sign in again', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    server.faultOn = 'push'
    server.faults.push(expired())
    await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    const onUnauthorized = vi.fn(async () => 'expired' as const)
    const e = engine({ db, transport: server, onUnauthorized })
    e.start()
    await until(e, 'needsSignIn')
    expect(onUnauthorized).toHaveBeenCalledOnce()
    expect((await db.outbox.toArray())[0]).toMatchObject({ attempts: 0, last_error: null })
    // Paused: nothing is tried again until the user is back.
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    await e.syncNow()
    expect(server.calls.filter(c => c.method === 'push')).toHaveLength(1)
    // Same user signed in again: the queue resumes.
    await e.resume()
    expect(await db.outbox.count()).toBe(0)
    expect(e.state().phase).toBe('idle')
  })

  it('a 401 followed by a successful refresh just carries on', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    server.faultOn = 'push'
    server.faults.push(expired())
    await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    const e = engine({ db, transport: server, onUnauthorized: async () => 'refreshed' })
    const failures: number[] = []
    e.subscribe(s => failures.push(s.failures))
    db.outbox.hook('deleting', (_key, entry) => {
      expect(entry.attempts).toBe(0)
    })
    e.start()
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0))
    await until(e, 'idle')
    expect(server.calls.filter(c => c.method === 'push')).toHaveLength(2)
    expect(Math.max(...failures)).toBe(0)
  })

  it('an offline token refresh is a retry later, not a sign-out', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    server.faultOn = 'pull'
    server.faults.push(expired())
    const e = engine({ db, transport: server, onUnauthorized: async () => 'offline' })
    e.start()
    await until(e, 'retrying')
    await vi.advanceTimersByTimeAsync(2_000)
    await until(e, 'idle')
  })

  it('honours Retry-After on 429, even when asked to sync now', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    server.faultOn = 'pull'
    server.faults.push(new TransportError('rate_limited', 'Too many requests', 429, 30_000))
    const e = engine({ db, transport: server })
    e.start()
    await until(e, 'retrying')
    const pulls = () => server.calls.filter(c => c.method === 'pull').length
    expect(e.state().nextRetryAt! - Date.now()).toBeGreaterThanOrEqual(30_000)
    await e.syncNow()
    await vi.advanceTimersByTimeAsync(29_000)
    expect(pulls()).toBe(1)
    await vi.advanceTimersByTimeAsync(2_000)
    await until(e, 'idle')
    expect(pulls()).toBe(2)
  })

  it('backs off with growing delays while the server fails', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    server.faultOn = 'pull'
    server.faults.push(...[1, 2, 3].map(() => new TransportError('server', 'boom', 500)))
    const e = engine({ db, transport: server })
    const delays: number[] = []
    e.subscribe((s) => {
      if (s.phase === 'retrying' && s.nextRetryAt)
        delays.push(s.nextRetryAt - Date.now())
    })
    e.start()
    for (let i = 0; i < 3; i++) {
      await until(e, 'retrying')
      await vi.advanceTimersByTimeAsync(10_000)
    }
    await until(e, 'idle')
    // random() = 0.5: half of 1 s, 2 s, 4 s.
    expect([...new Set(delays)]).toEqual([500, 1_000, 2_000])
    expect(e.state().failures).toBe(0)
  })

  it('asks for an update when the server no longer speaks this schema version', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    server.faults.push(undefined, undefined, new TransportError('schema', 'unsupported_schema_version'))
    const e = engine({ db, transport: server })
    e.start()
    await until(e, 'updateRequired')
  })

  it('waits for the network to come back, then syncs at once', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    const win = new EventTarget()
    let online = false
    const e = engine({ db, transport: server, isOnline: () => online, events: { window: win, document: null } })
    e.start()
    await until(e, 'offline')
    expect(server.calls).toEqual([])
    online = true
    win.dispatchEvent(new Event('online'))
    await until(e, 'idle')
    expect(server.calls.some(c => c.method === 'pull')).toBe(true)
  })

  it('syncs when the page becomes visible again', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' })
    const e = engine({ db, transport: server, events: { window: null, document: doc } })
    e.start()
    await until(e, 'idle')
    const before = server.calls.length
    doc.dispatchEvent(new Event('visibilitychange'))
    await vi.waitFor(() => expect(server.calls.length).toBeGreaterThan(before))
  })

  it('debounces local writes into one sync', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    const e = engine({ db, transport: server, debounceMs: 500 })
    e.start()
    await until(e, 'idle')
    const pushesBefore = server.calls.filter(c => c.method === 'push').length
    for (let i = 0; i < 5; i++)
      await writeMutation({ db, userId: USER_A, nudge: e.nudge }, 'feedback.create', feedback())
    await vi.advanceTimersByTimeAsync(499)
    expect(server.calls.filter(c => c.method === 'push')).toHaveLength(pushesBefore)
    await vi.advanceTimersByTimeAsync(10)
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0))
    expect(server.calls.filter(c => c.method === 'push')).toHaveLength(pushesBefore + 1)
    expect(server.calls.filter(c => c.method === 'push').at(-1)!.size).toBe(5)
  })

  it('reports local data cleared by the browser', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    // The server holds 3 mutations from this device; this database has no sentinel.
    for (let i = 0; i < 3; i++)
      server.log.set(crypto.randomUUID(), { status: 'applied', device: DEVICE })
    const e = engine({ db, transport: server })
    e.start()
    await until(e, 'idle')
    expect(e.state().evicted).toBe(true)
    expect(await db.meta.get('sentinel')).toBeDefined()
  })

  it('a first sync on a new device is not an eviction', async () => {
    const db = makeDb()
    const e = engine({ db, transport: new FakeServer(USER_A) })
    e.start()
    await until(e, 'idle')
    expect(e.state().evicted).toBe(false)
  })

  it('anonymous sessions only pull public content', async () => {
    const db = makeDb()
    const server = new FakeServer()
    const e = engine({ db, transport: server, userId: null })
    e.start()
    await until(e, 'idle')
    expect(server.calls.map(c => c.method)).toEqual(['pull'])
  })

  it('stops cleanly, aborting what is in flight', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    let release!: () => void
    server.gate = new Promise<void>(r => (release = r))
    await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    const e = engine({ db, transport: server })
    e.start()
    await vi.waitFor(() => expect(server.calls.some(c => c.method === 'push')).toBe(true))
    const stopping = e.stop()
    release()
    await stopping
    expect(e.state().phase).toBe('stopped')
    server.faults.push(offline())
    await e.syncNow()
    expect(server.calls.filter(c => c.method === 'push')).toHaveLength(1)
  })
})

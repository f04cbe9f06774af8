import { afterEach, describe, expect, it, vi } from 'vitest'
import { ReperesDb } from '@/db/database'
import { createSyncEngine } from '@/sync/engine'
import { leaseLock, webLock } from '@/sync/lock'
import { writeMutation } from '@/sync/write'
import { FakeServer } from './fakeServer'
import { feedback, USER_A } from './helpers'

/** Web Locks semantics for `ifAvailable` requests, shared like a browser shares them between tabs. */
function fakeLockManager() {
  const held = new Set<string>()
  return {
    async request(name: string, _options: { ifAvailable: boolean }, cb: (lock: unknown) => Promise<unknown>) {
      if (held.has(name))
        return cb(null)
      held.add(name)
      try {
        return await cb({ name })
      }
      finally {
        held.delete(name)
      }
    },
  }
}

function memoryStorage() {
  const map = new Map<string, string>()
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('runner lock', () => {
  it('lets only one runner in at a time with Web Locks', async () => {
    const manager = fakeLockManager()
    const [a, b] = [webLock(manager), webLock(manager)]
    let release!: () => void
    const first = a.runExclusive(() => new Promise<string>(r => (release = () => r('a'))))
    expect(await b.runExclusive(async () => 'b')).toEqual({ ran: false })
    release()
    expect(await first).toEqual({ ran: true, value: 'a' })
    expect(await b.runExclusive(async () => 'b')).toEqual({ ran: true, value: 'b' })
  })

  it('falls back to a lease in localStorage that expires if its tab dies', async () => {
    const storage = memoryStorage()
    let now = 1_000
    const a = leaseLock({ storage, now: () => now, ttlMs: 10_000, owner: 'tab-a' })
    const b = leaseLock({ storage, now: () => now, ttlMs: 10_000, owner: 'tab-b' })
    let release!: () => void
    const first = a.runExclusive(() => new Promise<void>(r => (release = r)))
    expect(await b.runExclusive(async () => 1)).toEqual({ ran: false })
    release()
    await first
    expect(await b.runExclusive(async () => 2)).toEqual({ ran: true, value: 2 })
    // A tab that crashed while holding the lease: it expires on its own.
    storage.setItem('reperes-sync.lease', JSON.stringify({ owner: 'tab-dead', until: now + 10_000 }))
    expect(await b.runExclusive(async () => 3)).toEqual({ ran: false })
    now += 10_001
    expect(await b.runExclusive(async () => 4)).toEqual({ ran: true, value: 4 })
  })

  it('two tabs syncing the same database: one runner at a time, no duplicates', async () => {
    const name = `tabs-${crypto.randomUUID()}`
    const [tab1, tab2] = [new ReperesDb(name), new ReperesDb(name)]
    const server = new FakeServer(USER_A)
    let inFlight = 0
    let maxInFlight = 0
    const push = server.push.bind(server)
    server.push = async (m, d) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight)
      await new Promise(r => setTimeout(r, 5))
      try {
        return await push(m, d)
      }
      finally {
        inFlight--
      }
    }
    const manager = fakeLockManager()
    const common = { transport: server, userId: USER_A, deviceId: crypto.randomUUID(), events: { window: null, document: null }, lockRetryMs: 20, debounceMs: 5 }
    const e1 = createSyncEngine({ ...common, db: tab1, lock: webLock(manager) })
    const e2 = createSyncEngine({ ...common, db: tab2, lock: webLock(manager) })
    e1.start()
    e2.start()
    for (let i = 0; i < 30; i++) {
      const [db, e] = i % 2 ? [tab1, e1] : [tab2, e2]
      await writeMutation({ db, userId: USER_A, nudge: e.nudge }, 'feedback.create', feedback({ body: `avis ${i}` }))
    }
    await vi.waitFor(async () => {
      expect(await tab1.outbox.count()).toBe(0)
      expect(e1.state().phase).toBe('idle')
      expect(e2.state().phase).toBe('idle')
    }, { timeout: 5_000 })
    await Promise.all([e1.stop(), e2.stop()])
    expect(maxInFlight).toBe(1)
    expect(server.count('feedback')).toBe(30)
    expect([...server.log.values()].filter(e => e.status === 'applied')).toHaveLength(30)
    // No entry was ever sent twice: the second tab never pushed what the first was pushing.
    expect(server.calls.filter(c => c.method === 'push').reduce((n, c) => n + c.size!, 0)).toBe(30)
    tab2.close()
    await tab1.delete()
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { readRow } from '@/db/read'
import { counterKey, pushPending } from '@/sync/push'
import { discardRejected, retryRejected } from '@/sync/quarantine'
import { TransportError } from '@/sync/transport'
import { writeMutation } from '@/sync/write'
import { FakeServer, offline } from './fakeServer'
import { closeDbs, feedback, makeDb, USER_A, USER_B } from './helpers'

afterEach(closeDbs)

const DEVICE = '33333333-3333-4333-8333-333333333333'

describe('pushPending', () => {
  it('sends the outbox in order, in batches of at most 200, and empties it', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    const ids: string[] = []
    for (let i = 0; i < 450; i++)
      ids.push((await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback({ body: `avis ${i}` }))).id)

    const summary = await pushPending({ db, transport: server, userId: USER_A, deviceId: DEVICE, batchSize: 500 })
    expect(summary).toEqual({ applied: 450, rejected: 0, reconcile: [] })
    expect(server.calls.filter(c => c.method === 'push').map(c => c.size)).toEqual([200, 200, 50])
    expect(server.count('feedback')).toBe(450)
    expect(await db.outbox.count()).toBe(0)
    // Accepted writes stay visible (overlay) until the pull brings their rows back.
    expect(await db.applied.count()).toBe(450)
    const accepted = await readRow(db, 'feedback', ids[0]!, USER_A)
    expect(accepted).toMatchObject({ body: 'avis 0' })
    // Accepted: shown, but no longer "waiting to be sent".
    expect(accepted!.$pending).toBeUndefined()
    expect((await db.meta.get(counterKey(USER_A)))?.value).toBe(450)
  })

  it('quarantines a refused write and keeps draining the others', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    server.policy = m => m.args.body === 'refusé' ? { reason: 'forbidden', message: 'Vous n’avez pas le droit.' } : undefined
    const bodies = ['un', 'refusé', 'trois', 'quatre']
    const written = []
    for (const body of bodies)
      written.push(await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback({ body })))

    const summary = await pushPending({ db, transport: server, userId: USER_A, deviceId: DEVICE })
    expect(summary).toEqual({ applied: 3, rejected: 1, reconcile: [] })
    expect(await db.outbox.count()).toBe(0)
    const [q] = await db.quarantine.toArray()
    expect(q).toMatchObject({ mutation_id: written[1]!.mutationId, reason: 'forbidden', message: 'Vous n’avez pas le droit.' })
    expect(q!.args.body).toBe('refusé')
    // The refused row leaves the optimistic view; the others stay.
    expect(await readRow(db, 'feedback', written[1]!.id, USER_A)).toBeUndefined()
    expect(await readRow(db, 'feedback', written[2]!.id, USER_A)).toBeDefined()
  })

  it('settles several writes on one row in a batch: the overlay keeps only the accepted ones', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    server.policy = m => m.args.display_name === 'Refusé' ? { reason: 'validation', message: 'Nom refusé.' } : undefined
    await db.serverTable('profiles').put({ id: USER_A, display_name: 'Awa', preferred_locale: 'fr', version: 1 })
    await writeMutation({ db, userId: USER_A }, 'profile.update', { display_name: 'Awa D.' })
    await writeMutation({ db, userId: USER_A }, 'profile.update', { display_name: 'Refusé' })
    await writeMutation({ db, userId: USER_A }, 'profile.update', { preferred_locale: 'ar' })
    // Settled by another tab while this push was on its way: not settled twice, not counted twice.
    const gone = await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    const goneSeq = (await db.outbox.toArray()).find(e => e.mutation_id === gone.mutationId)!.seq!
    const transport: FakeServer = Object.assign(Object.create(server), {
      push: async (...args: Parameters<FakeServer['push']>) => {
        const results = await server.push(...args)
        await db.outbox.delete(goneSeq)
        return results
      },
    })

    const summary = await pushPending({ db, transport, userId: USER_A, deviceId: DEVICE })
    expect(summary).toEqual({ applied: 2, rejected: 1, reconcile: [] })
    expect(await db.outbox.count()).toBe(0)
    expect(await db.applied.count()).toBe(2)
    expect((await db.quarantine.toArray()).map(q => q.args)).toEqual([{ display_name: 'Refusé' }])
    // Server row + the two accepted writes, in order; nothing left to send.
    expect(await readRow(db, 'profiles', USER_A, USER_A)).toMatchObject({ display_name: 'Awa D.', preferred_locale: 'ar' })
    expect((await db.pending.get([USER_A, 'profiles', USER_A]))?.unsent).toBe(false)
    expect((await db.meta.get(counterKey(USER_A)))?.value).toBe(3)
  })

  it('retries a quarantined write with the same mutation id, or discards it', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    let refuse = true
    server.policy = () => refuse ? { reason: 'conflict', message: 'Conflit.' } : undefined
    const a = await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    const b = await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    await pushPending({ db, transport: server, userId: USER_A, deviceId: DEVICE })
    expect(await db.quarantine.count()).toBe(2)

    refuse = false
    expect(await retryRejected(db, a.mutationId)).toBe(true)
    expect(await readRow(db, 'feedback', a.id, USER_A)).toBeDefined()
    await pushPending({ db, transport: server, userId: USER_A, deviceId: DEVICE })
    expect(server.log.get(a.mutationId)?.status).toBe('applied')

    expect(await discardRejected(db, b.mutationId)).toBe(true)
    expect(await db.quarantine.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    // Two mutation ids were recorded by the server, each counted once locally.
    expect((await db.meta.get(counterKey(USER_A)))?.value).toBe(2)
  })

  it('counts a failed delivery on the entries and keeps them in order', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    server.faults.push(offline())
    await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    await expect(pushPending({ db, transport: server, userId: USER_A, deviceId: DEVICE })).rejects.toMatchObject({ kind: 'network' })
    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ attempts: 1, last_error: 'fetch failed' })
  })

  it('does not count a 401 as a failed attempt', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    server.faults.push(new TransportError('auth', 'JWT expired', 401))
    await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    await expect(pushPending({ db, transport: server, userId: USER_A, deviceId: DEVICE })).rejects.toMatchObject({ kind: 'auth' })
    expect((await db.outbox.toArray())[0]).toMatchObject({ attempts: 0, last_error: null })
  })

  it('a replay after a lost answer is settled as a duplicate, never a second row', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    // The server commits, then the answer is lost on the way back.
    const realPush = server.push.bind(server)
    server.push = async (m, d) => {
      await realPush(m, d)
      server.push = realPush
      throw offline()
    }
    await expect(pushPending({ db, transport: server, userId: USER_A, deviceId: DEVICE })).rejects.toThrow()
    await pushPending({ db, transport: server, userId: USER_A, deviceId: DEVICE })
    expect(server.count('feedback')).toBe(1)
    expect(await db.outbox.count()).toBe(0)
  })

  it('isolates a write the server refuses as malformed (4xx) by splitting the batch', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    const poison = await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback({ body: 'poison' }))
    for (let i = 0; i < 5; i++)
      await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    const realPush = server.push.bind(server)
    server.push = async (m, d) => {
      if (m.some(x => x.args.body === 'poison'))
        throw new TransportError('client', 'Payload too large', 413)
      return realPush(m, d)
    }
    for (let attempt = 0; attempt < 3; attempt++)
      await pushPending({ db, transport: server, userId: USER_A, deviceId: DEVICE }).catch(() => {})
    expect(server.count('feedback')).toBe(5)
    expect(await db.outbox.count()).toBe(0)
    expect((await db.quarantine.toArray()).map(q => q.mutation_id)).toEqual([poison.mutationId])
  })

  it('only sends the entries of the signed-in user', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_B)
    await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    await writeMutation({ db, userId: USER_B }, 'feedback.create', feedback())
    await pushPending({ db, transport: server, userId: USER_B, deviceId: DEVICE })
    expect(server.count('feedback')).toBe(1)
    expect((await db.outbox.toArray()).map(e => e.user_id)).toEqual([USER_A])
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { ZodError } from 'zod'
import { readRow, readRows } from '@/db/read'
import { writeMutation } from '@/sync/write'
import { closeDbs, feedback, makeDb, USER_A } from './helpers'

afterEach(async () => {
  vi.useRealTimers()
  await closeDbs()
})

describe('writeMutation', () => {
  it('puts the optimistic row and the outbox entry in the database together', async () => {
    const db = makeDb()
    const nudge = vi.fn()
    const args = feedback()
    const { mutationId, id } = await writeMutation({ db, userId: USER_A, nudge }, 'feedback.create', args)

    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ mutation_id: mutationId, user_id: USER_A, name: 'feedback.create', table: 'feedback', row_id: id, attempts: 0 })
    expect(entry!.args).toEqual(args)
    expect(await readRow(db, 'feedback', id, USER_A)).toMatchObject({ id, body: args.body, author_id: USER_A, $pending: true })
    // The server table itself is untouched: only the server writes there.
    expect(await db.serverTable('feedback').count()).toBe(0)
    expect(nudge).toHaveBeenCalledOnce()
  })

  it('writes neither the row nor the entry when the transaction fails midway', async () => {
    const db = makeDb()
    // The overlay write fails after the outbox entry was added in the same transaction.
    db.pending.hook('creating', () => {
      throw new Error('QuotaExceededError: disk full')
    })
    const nudge = vi.fn()
    await expect(writeMutation({ db, userId: USER_A, nudge }, 'feedback.create', feedback())).rejects.toThrow('disk full')
    expect(await db.outbox.count()).toBe(0)
    expect(await db.pending.count()).toBe(0)
    expect(nudge).not.toHaveBeenCalled()
  })

  it('rejects invalid input with a ZodError before anything reaches the outbox', async () => {
    const db = makeDb()
    const bad = [
      { ...feedback(), body: '' },
      { ...feedback(), id: 'not-a-uuid' },
      { ...feedback(), rating: 9 },
      { ...feedback(), unexpected: true },
      { ...feedback(), kind: 'change_referent' as const, share_with_groupe: true },
    ]
    for (const args of bad)
      await expect(writeMutation({ db, userId: USER_A }, 'feedback.create', args)).rejects.toBeInstanceOf(ZodError)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.pending.count()).toBe(0)
  })

  it('trims text and drops undefined fields before queueing', async () => {
    const db = makeDb()
    await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback({ body: '  Merci  ', rating: undefined }))
    const [entry] = await db.outbox.toArray()
    expect(entry!.args.body).toBe('Merci')
    expect('rating' in entry!.args).toBe(false)
  })

  it('records the server version an edit was based on', async () => {
    const db = makeDb()
    const id = crypto.randomUUID()
    await db.serverTable('appointments').put({ id, version: 4, status: 'scheduled', starts_at: '2027-03-01T09:00:00+01:00' })
    await writeMutation({ db, userId: USER_A }, 'appointment.respond', { id, response: 'confirmed' })
    const [entry] = await db.outbox.toArray()
    expect(entry!.base_version).toBe(4)
    expect(await readRow(db, 'appointments', id, USER_A)).toMatchObject({ status: 'confirmed', response: 'confirmed', version: 4 })
  })

  it('stacks several pending writes on the same row', async () => {
    const db = makeDb()
    await db.serverTable('profiles').put({ id: USER_A, version: 1, display_name: 'Awa', reminder_sms: true })
    await writeMutation({ db, userId: USER_A }, 'profile.update', { display_name: 'Awa D.' })
    await writeMutation({ db, userId: USER_A }, 'profile.update', { reminder_sms: false })
    expect(await readRow(db, 'profiles', USER_A, USER_A)).toMatchObject({ display_name: 'Awa D.', reminder_sms: false })
  })

  it('hides a row deleted locally until the server confirms', async () => {
    const db = makeDb()
    const id = crypto.randomUUID()
    await db.serverTable('feedback').put({ id, version: 1, body: 'x', author_id: USER_A })
    await writeMutation({ db, userId: USER_A }, 'feedback.delete', { id })
    expect(await readRows(db, 'feedback', USER_A)).toEqual([])
    expect(await db.serverTable('feedback').count()).toBe(1)
  })

  it('orders the outbox by insertion, whatever the device clock says', async () => {
    const db = makeDb()
    vi.useFakeTimers({ toFake: ['Date'] })
    const ids: string[] = []
    const clocks = [Date.UTC(2027, 2, 10, 12), Date.UTC(2027, 2, 8, 12), Date.UTC(2027, 2, 12, 12)]
    for (const at of clocks) {
      vi.setSystemTime(at) // the clock jumps two days back, then four days forward
      ids.push((await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())).id)
    }
    const queued = await db.outbox.where('user_id').equals(USER_A).toArray()
    expect(queued.map(e => e.row_id)).toEqual(ids)
    expect(queued.map(e => e.seq)).toEqual([...queued.map(e => e.seq!)].sort((a, b) => a - b))
  })

  it('opens the database with strict transaction durability', () => {
    const db = makeDb()
    expect((db as unknown as { _options: { chromeTransactionDurability?: string } })._options.chromeTransactionDurability).toBe('strict')
  })
})

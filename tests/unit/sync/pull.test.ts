import { afterEach, describe, expect, it } from 'vitest'
import { readRow, readRows } from '@/db/read'
import { applyPullPage, cursorKey, pullAll, TABLES_SIGNATURE } from '@/sync/pull'
import { pushPending } from '@/sync/push'
import { reconcile } from '@/sync/reconcile'
import { writeMutation } from '@/sync/write'
import { FakeServer, offline } from './fakeServer'
import { closeDbs, feedback, makeDb, USER_A } from './helpers'

afterEach(closeDbs)

const uuid = () => crypto.randomUUID()

describe('applyPullPage', () => {
  it('upserts changes, deletes tombstones and saves the cursor in one go', async () => {
    const db = makeDb()
    const [a, b, c] = [uuid(), uuid(), uuid()]
    await db.serverTable('structures').bulkPut([{ id: a, version: 1, name: 'EI 18' }, { id: b, version: 1, name: 'CAPI' }])
    await applyPullPage(db, {
      changes: { structures: [{ id: a, version: 2, name: 'EI 18e' }, { id: c, version: 1, name: 'PSA' }] },
      tombstones: { structures: [b] },
      cursor: 'c1',
      has_more: true,
    }, null)
    const rows = await db.serverTable('structures').orderBy('id').toArray()
    expect(rows.map(r => r.name).sort()).toEqual(['EI 18e', 'PSA'])
    expect(await db.sync_state.get(cursorKey(null))).toMatchObject({ cursor: 'c1', tables: TABLES_SIGNATURE })
  })

  it('stores rows exactly as the server sent them and ignores unknown tables', async () => {
    const db = makeDb()
    const row = { id: uuid(), version: 7, title: 'Forum emploi', publics: ['tous'], starts_at: '2027-04-02T09:00:00+02:00', nested: { a: 1 } }
    await applyPullPage(db, { changes: { events: [row], not_yet_known: [{ id: uuid() }] }, tombstones: { ghosts: [uuid()] }, cursor: 'c', has_more: false }, null)
    expect(await db.serverTable('events').get(row.id)).toEqual(row)
  })

  it('re-applies pending writes over a row the server changed meanwhile', async () => {
    const db = makeDb()
    const id = uuid()
    await db.serverTable('appointments').put({ id, version: 1, status: 'scheduled', location: 'EI 18' })
    await writeMutation({ db, userId: USER_A }, 'appointment.respond', { id, response: 'reschedule' })
    await applyPullPage(db, { changes: { appointments: [{ id, version: 2, status: 'scheduled', location: 'EI 19' }] }, tombstones: {}, cursor: 'c', has_more: false }, USER_A)
    expect(await readRow(db, 'appointments', id, USER_A)).toMatchObject({ location: 'EI 19', status: 'reschedule_requested', version: 2 })
  })
})

describe('pullAll', () => {
  it('pulls page after page until has_more is false, saving the cursor each time', async () => {
    const db = makeDb()
    const server = new FakeServer()
    for (let i = 0; i < 25; i++)
      server.put('prestations', { id: uuid(), title: `Prestation ${i}` })
    const pages = await pullAll({ db, transport: server, userId: null, limit: 10 })
    expect(pages).toBe(3)
    expect(await db.serverTable('prestations').count()).toBe(25)
    expect(server.calls.map(c => c.cursor)).toEqual([null, '10', '20'])
  })

  it('resumes from the last saved page after an interruption', async () => {
    const db = makeDb()
    const server = new FakeServer()
    server.faultOn = 'pull'
    for (let i = 0; i < 25; i++)
      server.put('prestations', { id: uuid(), title: `Prestation ${i}` })
    server.faults.push(undefined, offline())
    await expect(pullAll({ db, transport: server, userId: null, limit: 10 })).rejects.toMatchObject({ kind: 'network' })
    expect(await db.serverTable('prestations').count()).toBe(10)
    await pullAll({ db, transport: server, userId: null, limit: 10 })
    expect(server.calls.map(c => c.cursor)).toEqual([null, '10', '10', '20'])
    expect(await db.serverTable('prestations').count()).toBe(25)
  })

  it('pulls everything again when this build knows a different set of tables', async () => {
    const db = makeDb()
    const server = new FakeServer()
    server.put('events', { id: uuid(), title: 'Forum' })
    await db.sync_state.put({ key: cursorKey(null), cursor: '99', tables: 'structures,events', last_sync_at: null })
    await pullAll({ db, transport: server, userId: null })
    expect(server.calls[0]!.cursor).toBeNull()
  })

  it('drops the optimistic copy once the pushed row comes back', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    const { id } = await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback({ body: 'Bien' }))
    await pushPending({ db, transport: server, userId: USER_A, deviceId: uuid() })
    await pullAll({ db, transport: server, userId: USER_A })
    expect(await db.applied.count()).toBe(0)
    expect(await db.pending.count()).toBe(0)
    const row = await readRow(db, 'feedback', id, USER_A)
    expect(row).toMatchObject({ body: 'Bien', version: 1, author_id: USER_A })
    expect(row!.$pending).toBeUndefined()
  })

  it('a tombstone removes the row and a pulled delete clears the overlay', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    const id = uuid()
    server.put('feedback', { id, body: 'à supprimer', author_id: USER_A })
    await pullAll({ db, transport: server, userId: USER_A })
    await writeMutation({ db, userId: USER_A }, 'feedback.delete', { id })
    expect(await readRows(db, 'feedback', USER_A)).toEqual([])
    await pushPending({ db, transport: server, userId: USER_A, deviceId: uuid() })
    await pullAll({ db, transport: server, userId: USER_A })
    expect(await db.serverTable('feedback').count()).toBe(0)
    expect(await db.pending.count()).toBe(0)
  })
})

describe('reconcile', () => {
  it('removes server rows the user can no longer see, never pending writes', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    const [kept, revoked] = [uuid(), uuid()]
    server.put('appointments', { id: kept, status: 'scheduled' })
    server.put('appointments', { id: revoked, status: 'scheduled' })
    await pullAll({ db, transport: server, userId: USER_A })
    const unsent = await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback())
    await writeMutation({ db, userId: USER_A }, 'appointment.respond', { id: revoked, response: 'confirmed' })

    server.revoke('appointments', revoked)
    const removed = await reconcile({ db, transport: server, tables: ['appointments', 'feedback'] })
    expect(removed).toBe(1)
    expect((await db.serverTable('appointments').toArray()).map(r => r.id)).toEqual([kept])
    expect(await db.outbox.count()).toBe(2)
    expect(await readRow(db, 'feedback', unsent.id, USER_A)).toBeDefined()
  })
})

describe('owner guard', () => {
  it('never writes personal rows once the device changed hands (sign-out in another tab)', async () => {
    const db = makeDb()
    const server = new FakeServer(USER_A)
    server.put('appointments', { id: uuid(), status: 'scheduled' })
    await db.meta.put({ key: 'owner', value: USER_A })
    await pullAll({ db, transport: server, userId: USER_A, requireOwner: true })
    expect(await db.serverTable('appointments').count()).toBe(1)

    // Another tab signs out and wipes; this tab's pull must not bring rows back.
    await db.serverTable('appointments').clear()
    await db.meta.delete('owner')
    server.put('appointments', { id: uuid(), status: 'scheduled' })
    await expect(pullAll({ db, transport: server, userId: USER_A, requireOwner: true })).rejects.toMatchObject({ name: 'OwnerChangedError' })
    expect(await db.serverTable('appointments').count()).toBe(0)
  })
})

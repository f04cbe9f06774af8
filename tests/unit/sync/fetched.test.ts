import { afterEach, describe, expect, it } from 'vitest'
import { readRow } from '@/db/read'
import { OWNER_KEY } from '@/db/schema'
import { holdFetchedRow, keepFetchedRows } from '@/sync/fetched'
import { writeMutation } from '@/sync/write'
import { closeDbs, makeDb, USER_A, USER_B } from './helpers'

afterEach(closeDbs)

const ID = 'fb000000-0000-4000-8000-000000000006'
const row = (version: number, status = 'closed') => ({
  id: ID, kind: 'prestation', body: 'Les horaires ne conviennent pas.', status, answer: 'Merci.', version,
  created_at: '2026-05-01T10:00:00Z', updated_at: '2026-06-01T10:00:00Z', deleted_at: null,
})

async function ownedBy(userId: string) {
  const db = makeDb()
  await db.meta.put({ key: OWNER_KEY, value: userId })
  return db
}

describe('keepFetchedRows', () => {
  it('stores an archived row like a pulled one, and a later write is checked against its version', async () => {
    const db = await ownedBy(USER_A)
    expect(await keepFetchedRows(db, 'feedback', [row(4)], USER_A)).toEqual([ID])
    expect(await db.serverTable('feedback').get(ID)).toMatchObject({ status: 'closed', version: 4 })

    await writeMutation({ db, userId: USER_A }, 'feedback.set_status', { id: ID, status: 'answered' })
    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ name: 'feedback.set_status', base_version: 4 })
    expect(await readRow(db, 'feedback', ID, USER_A)).toMatchObject({ status: 'answered', $pending: true })
  })

  it('never replaces a newer row a pull brought meanwhile, and keeps the overlay on top', async () => {
    const db = await ownedBy(USER_A)
    await db.serverTable('feedback').put(row(6, 'answered'))
    expect(await keepFetchedRows(db, 'feedback', [row(5)], USER_A)).toEqual([])
    expect(await db.serverTable('feedback').get(ID)).toMatchObject({ version: 6, status: 'answered' })
    // Same version: nothing to do either.
    expect(await keepFetchedRows(db, 'feedback', [row(6)], USER_A)).toEqual([])

    // A write on the held row, then a newer fetched copy: the write still shows on top of it.
    await writeMutation({ db, userId: USER_A }, 'feedback.set_status', { id: ID, status: 'closed' })
    expect(await keepFetchedRows(db, 'feedback', [{ ...row(7, 'answered'), answer: 'Merci encore.' }], USER_A)).toEqual([ID])
    expect(await readRow(db, 'feedback', ID, USER_A)).toMatchObject({ status: 'closed', answer: 'Merci encore.', $pending: true })
  })

  it('stores nothing once the device belongs to someone else (a sign-out meanwhile)', async () => {
    const db = await ownedBy(USER_B)
    expect(await keepFetchedRows(db, 'feedback', [row(4)], USER_A)).toEqual([])
    expect(await db.serverTable('feedback').count()).toBe(0)
    const empty = makeDb()
    expect(await keepFetchedRows(empty, 'feedback', [row(4)], USER_A)).toEqual([])
  })
})

describe('holdFetchedRow', () => {
  it('says the device holds the row when it stored it, or holds a newer copy already', async () => {
    const db = await ownedBy(USER_A)
    expect(await holdFetchedRow(db, 'feedback', row(4), USER_A)).toBe(true)
    expect(await db.serverTable('feedback').get(ID)).toMatchObject({ version: 4 })
    await db.serverTable('feedback').put(row(6, 'answered'))
    expect(await holdFetchedRow(db, 'feedback', row(5), USER_A)).toBe(true)
    expect(await db.serverTable('feedback').get(ID)).toMatchObject({ version: 6 })
  })

  it('says it does not once the device is someone else\'s or nobody\'s (a sign-out during the fetch)', async () => {
    const other = await ownedBy(USER_B)
    await other.serverTable('feedback').put(row(6))
    expect(await holdFetchedRow(other, 'feedback', row(4), USER_A)).toBe(false)
    expect(await holdFetchedRow(makeDb(), 'feedback', row(4), USER_A)).toBe(false)
  })
})

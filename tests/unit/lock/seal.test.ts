import type { OutboxEntry } from '@/db/types'
import { afterEach, describe, expect, it } from 'vitest'
import { OWNER_KEY } from '@/db/schema'
import { isSealed, sealedSummary, sealPersonalData, unsealPersonalData } from '@/db/vault'
import { PERSONAL_TABLES } from '@/domain/sync'
import { createLockKeys, openPrivateKey, WrongPinError } from '@/services/vault'
import { applyPullPage, OwnerChangedError } from '@/sync/pull'
import { wipeUser } from '@/sync/wipe'
import { closeDbs, makeDb } from '../sync/helpers'
import { FAST, fillDevice, rawText, USER } from './helpers'

afterEach(closeDbs)

async function everything(db: ReturnType<typeof makeDb>) {
  const tables: Record<string, unknown[]> = {}
  for (const table of db.tables)
    tables[table.name] = await table.toArray()
  return tables
}

describe('sealing the personal tables', () => {
  it('leaves nothing personal in clear in IndexedDB, and brings every row back', async () => {
    const db = makeDb()
    const name = `Nour-${crypto.randomUUID().slice(0, 8)}`
    await fillDevice(db, name)
    const before = await everything(db)
    expect(await rawText(db.name)).toContain(name)

    const keys = await createLockKeys('482913', FAST)
    expect(await sealPersonalData(db, keys.publicKey, { always: true })).toBe(true)

    expect(await isSealed(db)).toBe(true)
    expect(await rawText(db.name)).not.toContain(name)
    for (const table of PERSONAL_TABLES)
      expect(await db.serverTable(table).count(), table).toBe(0)
    for (const local of [db.outbox, db.quarantine, db.applied, db.pending, db.drafts])
      expect(await local.count(), local.name).toBe(0)
    expect(await db.meta.get(OWNER_KEY)).toBeUndefined()
    // Public content and the device's own marks stay readable.
    expect(await db.serverTable('structures').get('structure-1')).toMatchObject({ name: 'Espace insertion Paris 18e' })
    expect(await db.meta.get('device_id')).toMatchObject({ value: 'device-1' })
    expect(await sealedSummary(db)).toEqual({ userId: USER, unsent: 1 })

    await unsealPersonalData(db, await openPrivateKey(keys, '482913'))
    expect(await isSealed(db)).toBe(false)
    expect(await everything(db)).toEqual(before)
    // The write queue carries on in order after the round trip.
    const { seq: _seq, ...entry } = before.outbox![0] as OutboxEntry
    const next = await db.outbox.add({ ...entry, mutation_id: crypto.randomUUID() })
    expect(next).toBeGreaterThan((before.outbox![0] as { seq: number }).seq)
  })

  it('a wrong PIN opens nothing and changes nothing', async () => {
    const db = makeDb()
    await fillDevice(db, 'Inès')
    const keys = await createLockKeys('482913', FAST)
    await sealPersonalData(db, keys.publicKey)
    const sealed = await rawText(db.name)
    await expect(openPrivateKey(keys, '000000')).rejects.toBeInstanceOf(WrongPinError)
    expect(await rawText(db.name)).toBe(sealed)
  })

  it('no sync engine writes pulled rows while sealed (the owner mark is inside the vault)', async () => {
    const db = makeDb()
    await fillDevice(db, 'Awa')
    const keys = await createLockKeys('482913', FAST)
    await sealPersonalData(db, keys.publicKey)
    const page = { changes: { outreach_contacts: [{ id: 'contact-2', version: 1, first_name_or_alias: 'Pulled' }] }, tombstones: {}, cursor: 'c2', has_more: false }
    await expect(applyPullPage(db, page, USER, new Set(), true)).rejects.toBeInstanceOf(OwnerChangedError)
    expect(await db.serverTable('outreach_contacts').count()).toBe(0)
  })

  it('seals a late write into a further chunk without the PIN; opening restores both, latest last', async () => {
    const db = makeDb()
    await fillDevice(db, 'Awa')
    const keys = await createLockKeys('482913', FAST)
    await sealPersonalData(db, keys.publicKey)
    // Nothing in clear: a sweep writes nothing.
    expect(await sealPersonalData(db, keys.publicKey)).toBe(false)
    // A form that saved its draft after the seal (another tab, a late timer).
    await db.drafts.put({ user_id: USER, key: 'contact:new', value: { note: 'Plus tard' }, saved_at: '2027-03-01T10:05:00Z' })
    expect(await sealPersonalData(db, keys.publicKey)).toBe(true)
    expect(await db.meta.where('key').startsWith('vault:').count()).toBe(2)
    expect(await db.drafts.count()).toBe(0)
    await unsealPersonalData(db, await openPrivateKey(keys, '482913'))
    expect(await db.drafts.toArray()).toMatchObject([{ value: { note: 'Plus tard' } }])
    expect(await db.serverTable('outreach_contacts').count()).toBe(1)
    expect(await db.meta.get(OWNER_KEY)).toMatchObject({ value: USER })
  })

  it('an explicit lock leaves a vault even with nothing to seal (locked survives a reload)', async () => {
    const db = makeDb()
    const keys = await createLockKeys('482913', FAST)
    expect(await sealPersonalData(db, keys.publicKey)).toBe(false)
    expect(await sealPersonalData(db, keys.publicKey, { always: true })).toBe(true)
    expect(await isSealed(db)).toBe(true)
  })

  it('sign-out wipes the vault with the rest', async () => {
    const db = makeDb()
    await fillDevice(db, 'Awa')
    const keys = await createLockKeys('482913', FAST)
    await sealPersonalData(db, keys.publicKey)
    await wipeUser(db, USER)
    expect(await isSealed(db)).toBe(false)
    expect(await rawText(db.name)).not.toContain('vault:')
  })
})

import { Dexie } from 'dexie'
import { describe, expect, it, vi } from 'vitest'
import { ReperesDb } from '@/db/database'
import { readRows } from '@/db/read'
import { CURRENT_VERSION, SCHEMA_HISTORY } from '@/db/schema'
import { writeMutation } from '@/sync/write'
import { createRawDatabase, put, RELEASED } from './released-schemas'

const USER = '11111111-1111-4111-8111-111111111111'

describe('Dexie schema versions', () => {
  it('never edits a released version (only adds new ones)', () => {
    for (const [version, stores] of Object.entries(RELEASED))
      expect(SCHEMA_HISTORY.find(v => v.version === Number(version))?.stores, `version ${version}`).toEqual(stores)
  })

  for (const version of Object.keys(RELEASED).map(Number)) {
    it(`opens a database left by version ${version} with its data intact`, async () => {
      const name = `upgrade-${version}-${crypto.randomUUID()}`
      const raw = await createRawDatabase(name, version)
      const structure = { id: crypto.randomUUID(), version: 3, name: 'Espace insertion 18e', kind: 'EI' }
      const own = { id: crypto.randomUUID(), version: 1, body: 'Merci', author_id: USER }
      const queued = { mutation_id: crypto.randomUUID(), user_id: USER, name: 'feedback.create', args: { id: crypto.randomUUID(), kind: 'other', body: 'Pas encore envoyé', share_with_groupe: false, contact_back: false }, table: 'feedback', created_at: '2027-01-01T10:00:00Z', attempts: 2, last_error: 'fetch failed' }
      await put(raw, 'structures', [structure])
      await put(raw, 'feedback', [own])
      await put(raw, 'outbox', [{ ...queued, row_id: queued.args.id }])
      await put(raw, 'pending', [{ user_id: USER, table: 'feedback', id: queued.args.id, row: { ...queued.args, author_id: USER } }])
      await put(raw, 'sync_state', [{ key: `cursor:${USER}`, cursor: 'opaque', tables: 'x', last_sync_at: '2027-01-01T10:00:00Z' }])
      await put(raw, 'meta', [{ key: 'device_id', value: 'dev-1' }])
      raw.close()

      const db = new ReperesDb(name)
      await db.open()
      expect(db.verno).toBe(CURRENT_VERSION)
      expect(await db.serverTable('structures').get(structure.id)).toEqual(structure)
      expect(await db.outbox.where('user_id').equals(USER).toArray()).toMatchObject([{ ...queued, seq: 1, attempts: 2 }])
      expect((await readRows(db, 'feedback', USER)).map(r => r.body).sort()).toEqual(['Merci', 'Pas encore envoyé'])
      expect(await db.sync_state.get(`cursor:${USER}`)).toMatchObject({ cursor: 'opaque' })
      // The queue carries on after the upgrade, in order.
      const next = await writeMutation({ db, userId: USER }, 'profile.update', { display_name: 'Awa' })
      expect(next.seq).toBe(2)
      await db.delete()
    })
  }

  it('an old tab closes its connection and asks to reload when a newer version opens', async () => {
    const name = `vc-${crypto.randomUUID()}`
    const onVersionChange = vi.fn()
    const oldTab = new ReperesDb(name, { onVersionChange })
    await oldTab.outbox.add({ mutation_id: crypto.randomUUID(), user_id: USER, name: 'feedback.delete', args: { id: USER }, table: 'feedback', row_id: USER, created_at: '', attempts: 0, last_error: null })

    // A newer app version (one more index) opens the same database in another tab.
    const newTab = new Dexie(name)
    for (const { version, stores } of SCHEMA_HISTORY)
      newTab.version(version).stores(stores)
    newTab.version(CURRENT_VERSION + 1).stores({ outbox: '++seq, &mutation_id, user_id, [table+row_id], name' })
    await newTab.open()

    expect(onVersionChange).toHaveBeenCalledOnce()
    expect(oldTab.isOpen()).toBe(false)
    // The old tab does not silently reopen at the old version.
    await expect(oldTab.outbox.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' })
    expect(await newTab.table('outbox').where('name').equals('feedback.delete').count()).toBe(1)
    newTab.close()
    await Dexie.delete(name)
  })
})

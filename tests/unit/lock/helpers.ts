import type { ReperesDb } from '@/db/database'
import { OWNER_KEY } from '@/db/schema'
import { writeMutation } from '@/sync/write'

export const USER = '11111111-1111-4111-8111-111111111111'
export const FAST = 1_000

/** Every value of every store, read straight from IndexedDB (not through Dexie), as text. */
export async function rawText(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name)
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  const parts: string[] = []
  for (const store of [...db.objectStoreNames]) {
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(store, 'readonly').objectStore(store).getAll()
      req.onsuccess = () => resolve(req.result as unknown[])
      req.onerror = () => reject(req.error)
    })
    // Binary fields are decoded too: a name stored in clear inside one would show.
    parts.push(JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v)))
  }
  db.close()
  return parts.join('\n')
}

/** A field worker's device: a contact (with a known name), a queued write, a draft, public content. */
export async function fillDevice(db: ReperesDb, name: string): Promise<void> {
  await db.meta.put({ key: OWNER_KEY, value: USER })
  await db.meta.put({ key: 'device_id', value: 'device-1' })
  await db.serverTable('structures').put({ id: 'structure-1', version: 1, name: 'Espace insertion Paris 18e' })
  await db.serverTable('profiles').put({ id: USER, version: 1, display_name: 'Équipe', roles: ['outreach'] })
  await db.serverTable('outreach_contacts').put({ id: 'contact-1', version: 2, team_id: 'team-1', first_name_or_alias: name, met_at: '2027-03-01' })
  await writeMutation({ db, userId: USER }, 'profile.update', { display_name: `Profil ${name}` })
  await db.drafts.put({ user_id: USER, key: 'contact:new', value: { note: `Brouillon ${name}` }, saved_at: '2027-03-01T10:00:00Z' })
}

// Sealing the device's personal data (device lock, docs/threat-model.md §7):
// every personal table, the outbox, rejected and accepted writes, the
// optimistic overlay, form drafts and the owner mark are read, encrypted as
// one JSON payload, and replaced by that sealed chunk in ONE transaction.
// Public content stays readable. Crypto cannot run inside an IndexedDB
// transaction (it would commit early), so a seal reads, encrypts outside, then
// writes only if nothing changed in between — otherwise it starts again.
//
// The vault is one or more chunks in `meta` (keys `vault:…`, in seal order):
// a write that lands after a seal (a late draft, another tab) is sealed into
// a further chunk without the PIN; unsealing restores them oldest first.
import type { Table } from 'dexie'
import type { ReperesDb } from './database'
import type { SealedBox } from '@/services/vault'
import { PERSONAL_TABLES } from '@/domain/sync'
import { openJson, sealJson } from '@/services/vault'
import { OWNER_KEY } from './schema'

export const VAULT_PREFIX = 'vault:'
const MAX_ATTEMPTS = 5

export interface VaultChunk {
  /** In clear: who the data belongs to (the session names them anyway). */
  user_id: string | null
  /** In clear: unsent writes inside, so "forgot PIN" can say what would be lost. */
  unsent: number
  sealed_at: string
  box: SealedBox
}

interface Snapshot {
  tables: Record<string, unknown[]>
  owner: string | null
}

function sealedTables(db: ReperesDb): Table<unknown, unknown>[] {
  return [...PERSONAL_TABLES.map(t => db.serverTable(t)), db.outbox, db.quarantine, db.applied, db.pending, db.drafts] as Table<unknown, unknown>[]
}

function scope(db: ReperesDb) {
  return [...sealedTables(db), db.meta]
}

async function readSnapshot(db: ReperesDb): Promise<Snapshot> {
  const tables: Record<string, unknown[]> = {}
  for (const table of sealedTables(db))
    tables[table.name] = await table.toArray()
  const owner = (await db.meta.get(OWNER_KEY))?.value
  return { tables, owner: typeof owner === 'string' ? owner : null }
}

const isEmpty = (s: Snapshot) => s.owner === null && Object.values(s.tables).every(rows => rows.length === 0)

function chunkKey(): string {
  // Sorted by time, then random: two tabs sealing in the same millisecond never collide.
  return `${VAULT_PREFIX}${Date.now().toString().padStart(15, '0')}:${crypto.randomUUID()}`
}

export interface SealOptions {
  /** Write a chunk even with nothing to seal: the locked state must survive a reload. */
  always?: boolean
}

/** Seals what is in clear. Resolves false when there was nothing to seal. */
export async function sealPersonalData(db: ReperesDb, publicKey: JsonWebKey, options: SealOptions = {}): Promise<boolean> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const snapshot = await db.transaction('r', scope(db), () => readSnapshot(db))
    if (isEmpty(snapshot) && !(options.always && !(await isSealed(db))))
      return false
    const json = JSON.stringify(snapshot)
    const chunk: VaultChunk = {
      user_id: snapshot.owner,
      unsent: (snapshot.tables.outbox?.length ?? 0) + (snapshot.tables.quarantine?.length ?? 0),
      sealed_at: new Date().toISOString(),
      box: await sealJson(publicKey, snapshot),
    }
    const written = await db.transaction('rw', scope(db), async () => {
      // Anything written meanwhile (a pull, a draft) would be lost by the
      // clear below, or left in clear: start again instead.
      if (JSON.stringify(await readSnapshot(db)) !== json)
        return false
      await db.meta.put({ key: chunkKey(), value: chunk })
      await Promise.all(sealedTables(db).map(t => t.clear()))
      // Without its owner mark, no sync engine (in any tab) writes pulled rows.
      await db.meta.delete(OWNER_KEY)
      return true
    })
    if (written)
      return true
  }
  throw new Error('Personal data kept changing while sealing it.')
}

async function chunks(db: ReperesDb): Promise<{ key: string, value: VaultChunk }[]> {
  return await db.meta.where('key').startsWith(VAULT_PREFIX).toArray() as { key: string, value: VaultChunk }[]
}

export async function isSealed(db: ReperesDb): Promise<boolean> {
  return (await db.meta.where('key').startsWith(VAULT_PREFIX).count()) > 0
}

/** Who the sealed data belongs to, and how many unsent writes it holds (both in clear). */
export async function sealedSummary(db: ReperesDb): Promise<{ userId: string | null, unsent: number } | null> {
  const all = await chunks(db)
  if (all.length === 0)
    return null
  return {
    userId: all.map(c => c.value.user_id).find(Boolean) ?? null,
    unsent: all.reduce((n, c) => n + (c.value.unsent ?? 0), 0),
  }
}

/** Decrypts every chunk and puts the rows back, in one transaction. Throws if a chunk does not open. */
export async function unsealPersonalData(db: ReperesDb, privateKey: CryptoKey): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const sealed = await chunks(db)
    if (sealed.length === 0)
      return
    const opened: Snapshot[] = []
    for (const chunk of sealed)
      opened.push(await openJson<Snapshot>(privateKey, chunk.value.box))
    await db.transaction('rw', scope(db), async () => {
      // Oldest first: a later chunk holds the later state of a row.
      for (const snapshot of opened) {
        for (const table of sealedTables(db))
          await table.bulkPut(snapshot.tables[table.name] ?? [])
        if (snapshot.owner)
          await db.meta.put({ key: OWNER_KEY, value: snapshot.owner })
      }
      // Only what was opened: a chunk sealed meanwhile is opened on the next turn.
      await db.meta.bulkDelete(sealed.map(c => c.key))
    })
  }
  throw new Error('The vault kept changing while opening it.')
}

/** Forgets the sealed data without opening it (forgotten PIN, too many wrong PINs). */
export async function discardSealed(db: ReperesDb): Promise<void> {
  await db.meta.where('key').startsWith(VAULT_PREFIX).delete()
}

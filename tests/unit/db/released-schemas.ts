// The store definitions of every released schema version, frozen here on
// purpose: src/db/schema.ts may only add versions, and the upgrade tests
// build databases from these copies exactly as older app versions did.
export const RELEASED: Record<number, Record<string, string>> = {
  1: {
    structures: 'id, kind',
    prestations: 'id, registre',
    events: 'id, starts_at',
    booklet_sections: 'id, [slug+locale+variant]',
    profiles: 'id',
    appointments: 'id, allocataire_id, starts_at',
    prestation_offers: 'id, allocataire_id',
    feedback: 'id, author_id',
    consultations: 'id',
    evaluations: 'id, consultation_id',
    outreach_contacts: 'id, team_id, met_at',
    teams: 'id',
    invitations: 'id',
    outbox: '++seq, &mutation_id, user_id, [table+row_id]',
    quarantine: 'mutation_id, seq, user_id',
    applied: 'mutation_id, seq, user_id, [table+row_id]',
    pending: '[user_id+table+id], [table+user_id]',
    sync_state: 'key',
    meta: 'key',
  },
  2: {
    structures: 'id, kind',
    prestations: 'id, registre',
    events: 'id, starts_at',
    booklet_sections: 'id, [slug+locale+variant]',
    profiles: 'id',
    appointments: 'id, allocataire_id, starts_at',
    prestation_offers: 'id, allocataire_id',
    feedback: 'id, author_id',
    consultations: 'id',
    evaluations: 'id, consultation_id',
    outreach_contacts: 'id, team_id, met_at',
    teams: 'id',
    invitations: 'id',
    outreach_follow_ups: 'id, contact_id, due_on',
    outreach_contact_events: 'id, contact_id',
    outbox: '++seq, &mutation_id, user_id, [table+row_id]',
    quarantine: 'mutation_id, seq, user_id',
    applied: 'mutation_id, seq, user_id, [table+row_id]',
    pending: '[user_id+table+id], [table+user_id]',
    sync_state: 'key',
    meta: 'key',
    drafts: '[user_id+key], user_id',
  },
}

function keyPath(spec: string): string | string[] {
  const name = spec.replace(/^[+&*]+/, '')
  return name.startsWith('[') ? name.slice(1, -1).split('+') : name
}

/**
 * Creates a database with the raw IndexedDB API, as the given released
 * version of the app left it (Dexie stores version n as n × 10).
 */
export function createRawDatabase(name: string, version: number): Promise<IDBDatabase> {
  const stores = RELEASED[version]!
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version * 10)
    request.onupgradeneeded = () => {
      const idb = request.result
      for (const [store, spec] of Object.entries(stores)) {
        const [primary, ...indexes] = spec.split(',').map(s => s.trim())
        const os = idb.createObjectStore(store, { keyPath: keyPath(primary!), autoIncrement: primary!.startsWith('++') })
        for (const index of indexes)
          os.createIndex(index.replace(/^[&*]/, ''), keyPath(index), { unique: index.startsWith('&'), multiEntry: index.startsWith('*') })
      }
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

export function put(idb: IDBDatabase, store: string, rows: object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(store, 'readwrite')
    for (const row of rows)
      tx.objectStore(store).put(row)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
}

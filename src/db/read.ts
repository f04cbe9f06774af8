// What screens read: server rows with this user's pending writes applied
// (the `pending` overlay). Only `import type` from Dexie-land here, so this
// file can be imported anywhere without pulling Dexie into a bundle.
import type { ReperesDb } from './database'
import type { LocalRow } from './types'
import type { ServerTable } from '@/domain/sync'

/** All rows of a table as this user sees them now, optionally filtered. */
export async function readRows(db: ReperesDb, table: ServerTable, userId: string | null, filter?: (row: LocalRow) => boolean): Promise<LocalRow[]> {
  const rows = await db.serverTable(table).toArray()
  if (!userId)
    return filter ? rows.filter(filter) : rows
  const overlay = await db.pending.where('[table+user_id]').equals([table, userId]).toArray()
  const byId = new Map<string, LocalRow>(rows.map(r => [r.id, r]))
  for (const p of overlay) {
    if (p.row)
      byId.set(p.id, p.unsent === false ? p.row : { ...p.row, $pending: true })
    else
      byId.delete(p.id)
  }
  const merged = [...byId.values()]
  return filter ? merged.filter(filter) : merged
}

/** One row as this user sees it now; undefined if absent or deleted locally. */
export async function readRow(db: ReperesDb, table: ServerTable, id: string, userId: string | null): Promise<LocalRow | undefined> {
  if (userId) {
    const p = await db.pending.get([userId, table, id])
    if (p)
      return p.row ? (p.unsent === false ? p.row : { ...p.row, $pending: true }) : undefined
  }
  return db.serverTable(table).get(id)
}

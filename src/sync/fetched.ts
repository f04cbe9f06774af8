// Rows read from the server outside sync_pull (a coordinator opening an archived
// feedback item) stored on the device like pulled rows, so that the screens, the
// optimistic overlay and the conflict check (base_version) treat them alike. The
// next reconcile drops them again if they are still outside what the device pulls.
import type { ReperesDb } from '@/db/database'
import type { ServerRow, ServerTable } from '@/domain/sync'
import { OWNER_KEY } from '@/db/schema'
import { rebuildTouched } from './overlay'

/**
 * Stores rows fetched for `userId`, unless the device now belongs to someone else
 * (a sign-out meanwhile) or holds a newer version of a row already (a pull got there
 * first: the fetched copy is older or the same). Returns the ids stored.
 */
export async function keepFetchedRows(db: ReperesDb, table: ServerTable, rows: readonly ServerRow[], userId: string): Promise<string[]> {
  const serverTable = db.serverTable(table)
  return db.transaction('rw', [serverTable, db.pending, db.outbox, db.applied, db.meta], async () => {
    if ((await db.meta.get(OWNER_KEY))?.value !== userId)
      return []
    const kept: ServerRow[] = []
    for (const row of rows) {
      const held = await serverTable.get(row.id)
      if (!held || Number(held.version ?? 0) < Number(row.version ?? 0))
        kept.push(row)
    }
    await serverTable.bulkPut(kept)
    const ids = new Set(kept.map(r => r.id))
    await rebuildTouched(db, table, ids)
    return [...ids]
  })
}

/**
 * Stores one fetched row and says whether the device, still `userId`'s, now holds
 * it (this copy, or a newer one a pull brought). False after a sign-out or a change
 * of user meanwhile: the screen that asked must not wait for a row that never comes.
 */
export async function holdFetchedRow(db: ReperesDb, table: ServerTable, row: ServerRow, userId: string): Promise<boolean> {
  if ((await keepFetchedRows(db, table, [row], userId)).length > 0)
    return true
  return (await db.meta.get(OWNER_KEY))?.value === userId && (await db.serverTable(table).get(row.id)) !== undefined
}

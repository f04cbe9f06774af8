// Rows the caller can no longer see (reassigned, access revoked, withdrawn
// content) never come back as tombstones: sync_reconcile lists the ids still
// visible, and local server rows outside that list are removed. Only server
// rows are touched: pending writes live in the outbox and the overlay.
import type { SyncTransport } from './transport'
import type { ReperesDb } from '@/db/database'
import type { ServerTable } from '@/domain/sync'
import { isServerTable } from '@/domain/sync'
import { rebuildTouched } from './overlay'

export interface ReconcileContext {
  db: ReperesDb
  transport: SyncTransport
  tables: readonly ServerTable[]
  signal?: AbortSignal
}

/** Returns how many local rows were removed. */
export async function reconcile(ctx: ReconcileContext): Promise<number> {
  const { db } = ctx
  const visible = await ctx.transport.reconcile([...ctx.tables], ctx.signal)
  let removed = 0
  await db.transaction('rw', [db.pending, db.outbox, db.applied, ...db.serverTables()], async () => {
    for (const [table, ids] of Object.entries(visible)) {
      // A table missing from the answer is left alone: absence of evidence is not deletion.
      if (!isServerTable(table) || !ctx.tables.includes(table) || !Array.isArray(ids))
        continue
      const keep = new Set(ids)
      const local = await db.serverTable(table).toCollection().primaryKeys()
      const gone = local.filter(id => !keep.has(id))
      if (gone.length === 0)
        continue
      await db.serverTable(table).bulkDelete(gone)
      await rebuildTouched(db, table, new Set(gone))
      removed += gone.length
    }
  })
  return removed
}

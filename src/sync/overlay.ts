// The optimistic overlay: for each row with writes not yet pulled back, the
// server row with those writes applied, kept in `pending` apart from server
// rows. Server tables can then be wiped and re-pulled without touching unsent
// work, and a write the server refuses simply drops out of the overlay.
// Must run inside a transaction that includes pending, outbox, applied and
// the server table of the row.
import type { ReperesDb } from '@/db/database'
import type { QueuedEntry } from '@/db/types'
import type { ServerRow, ServerTable } from '@/domain/sync'
import { MUTATION_SPECS } from './optimistic'

interface Tagged { entry: QueuedEntry, queued: boolean }

/** The overlay row of a server row and this user's writes on it (null: deleted; undefined: no overlay). */
function overlayRow(userId: string, server: ServerRow | undefined, entries: Tagged[]): ServerRow | null | undefined {
  let row: ServerRow | null | undefined = server
  for (const { entry } of entries)
    row = MUTATION_SPECS[entry.name].apply(row ?? undefined, entry.args, { userId, now: entry.created_at })
  return entries.length === 0 ? undefined : row
}

/** Recomputes one row of the overlay from the server row and the writes still pending. */
export function rebuildPending(db: ReperesDb, userId: string, table: ServerTable, id: string): Promise<void> {
  return rebuildPendingMany(db, userId, table, [id])
}

/**
 * Recomputes overlay rows of one table, in a handful of IndexedDB requests
 * instead of four per row: a settled batch of 200 writes touches up to 200 rows,
 * and each request waits for the one before it.
 */
export async function rebuildPendingMany(db: ReperesDb, userId: string, table: ServerTable, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)]
  if (unique.length === 0)
    return
  const keys = unique.map(id => [table, id])
  const [applied, queued, servers] = await Promise.all([
    db.applied.where('[table+row_id]').anyOf(keys).toArray(),
    db.outbox.where('[table+row_id]').anyOf(keys).toArray() as Promise<QueuedEntry[]>,
    db.serverTable(table).bulkGet(unique),
  ])
  const byRow = new Map<string, Tagged[]>(unique.map(id => [id, []]))
  for (const entry of applied)
    byRow.get(entry.row_id)?.push({ entry, queued: false })
  for (const entry of queued)
    byRow.get(entry.row_id)?.push({ entry, queued: true })
  const puts: { user_id: string, table: ServerTable, id: string, row: ServerRow | null, unsent: boolean }[] = []
  const deletes: [string, ServerTable, string][] = []
  unique.forEach((id, i) => {
    const entries = byRow.get(id)!.filter(t => t.entry.user_id === userId).sort((a, b) => a.entry.seq - b.entry.seq)
    const row = overlayRow(userId, servers[i] ?? undefined, entries)
    if (row === undefined)
      deletes.push([userId, table, id])
    else
      puts.push({ user_id: userId, table, id, row, unsent: entries.some(t => t.queued) })
  })
  await Promise.all([db.pending.bulkDelete(deletes), db.pending.bulkPut(puts)])
}

/** Rebuilds the overlay rows (of any user) whose server row just changed. */
export async function rebuildTouched(db: ReperesDb, table: ServerTable, ids: Set<string>): Promise<void> {
  if (ids.size === 0)
    return
  const rows = await db.pending.where('[table+user_id]').between([table, ''], [table, '\uFFFF']).toArray()
  const byUser = new Map<string, string[]>()
  for (const p of rows) {
    if (!ids.has(p.id))
      continue
    const userIds = byUser.get(p.user_id) ?? []
    userIds.push(p.id)
    byUser.set(p.user_id, userIds)
  }
  for (const [userId, userIds] of byUser)
    await rebuildPendingMany(db, userId, table, userIds)
}

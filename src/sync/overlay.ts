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

/** This user's writes on one row, accepted ones and queued ones, in write order. */
async function entriesFor(db: ReperesDb, userId: string, table: ServerTable, id: string): Promise<Tagged[]> {
  const [applied, queued] = await Promise.all([
    db.applied.where('[table+row_id]').equals([table, id]).toArray(),
    db.outbox.where('[table+row_id]').equals([table, id]).toArray() as Promise<QueuedEntry[]>,
  ])
  return [...applied.map(entry => ({ entry, queued: false })), ...queued.map(entry => ({ entry, queued: true }))]
    .filter(t => t.entry.user_id === userId)
    .sort((a, b) => a.entry.seq - b.entry.seq)
}

/** Recomputes one row of the overlay from the server row and the writes still pending. */
export async function rebuildPending(db: ReperesDb, userId: string, table: ServerTable, id: string): Promise<void> {
  const entries = await entriesFor(db, userId, table, id)
  let row: ServerRow | null | undefined = await db.serverTable(table).get(id)
  for (const { entry } of entries)
    row = MUTATION_SPECS[entry.name].apply(row ?? undefined, entry.args, { userId, now: entry.created_at })
  if (entries.length === 0 || row === undefined)
    await db.pending.delete([userId, table, id])
  else
    await db.pending.put({ user_id: userId, table, id, row, unsent: entries.some(t => t.queued) })
}

/** Rebuilds the overlay rows (of any user) whose server row just changed. */
export async function rebuildTouched(db: ReperesDb, table: ServerTable, ids: Set<string>): Promise<void> {
  if (ids.size === 0)
    return
  const rows = await db.pending.where('[table+user_id]').between([table, ''], [table, '\uFFFF']).toArray()
  for (const p of rows) {
    if (ids.has(p.id))
      await rebuildPending(db, p.user_id, table, p.id)
  }
}

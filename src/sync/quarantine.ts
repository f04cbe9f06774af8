// Writes the server refused stay visible until the user decides: retry (the
// same mutation id: the server re-evaluates a refused id, it never counts it
// as a duplicate) or discard. Nothing is ever dropped silently.
import type { ReperesDb } from '@/db/database'
import type { OutboxEntry } from '@/db/types'
import { rebuildPending } from './overlay'

function tables(db: ReperesDb) {
  return [db.outbox, db.quarantine, db.applied, db.pending, ...db.serverTables()]
}

/** Puts a refused write back at the end of the queue. */
export async function retryRejected(db: ReperesDb, mutationId: string): Promise<boolean> {
  return db.transaction('rw', tables(db), async () => {
    const entry = await db.quarantine.get(mutationId)
    if (!entry)
      return false
    const { seq: _seq, reason: _r, message: _m, field: _f, rejected_at: _at, ...rest } = entry
    const queued: OutboxEntry = { ...rest, attempts: 0, last_error: null, recorded: true }
    await db.quarantine.delete(mutationId)
    await db.outbox.add(queued)
    await rebuildPending(db, entry.user_id, entry.table, entry.row_id)
    return true
  })
}

export async function discardRejected(db: ReperesDb, mutationId: string): Promise<boolean> {
  return db.transaction('rw', tables(db), async () => {
    const entry = await db.quarantine.get(mutationId)
    if (!entry)
      return false
    await db.quarantine.delete(mutationId)
    await rebuildPending(db, entry.user_id, entry.table, entry.row_id)
    return true
  })
}

/** Unsent writes left by another account (kept aside at a user switch), discarded on request. */
export async function discardOtherUsers(db: ReperesDb, currentUserId: string | null): Promise<number> {
  return db.transaction('rw', [...tables(db), db.drafts], async () => {
    const other = (e: { user_id: string }) => e.user_id !== currentUserId
    const count = await db.outbox.filter(other).delete() + await db.quarantine.filter(other).delete()
    await db.pending.filter(other).delete()
    await db.applied.filter(other).delete()
    await db.drafts.filter(other).delete()
    return count
  })
}

// Sign-out and user switch: nothing personal may stay readable on a shared
// phone (DESIGN §9). Public content stays so the booklet still opens offline.
import type { ReperesDb } from '@/db/database'
import { OWNER_KEY } from '@/db/schema'
import { discardSealed } from '@/db/vault'
import { PERSONAL_TABLES } from '@/domain/sync'
import { counterKey } from './push'
import { cursorKey } from './pull'

export { OWNER_KEY }

export interface WipeOptions {
  /**
   * Keep this user's unsent writes (outbox, quarantine and their overlay)
   * aside: used when someone else signs in after the user's session expired,
   * so the writes go out when that user signs in again.
   */
  keepUnsent?: boolean
}

export async function wipeUser(db: ReperesDb, userId: string, options: WipeOptions = {}): Promise<void> {
  await db.transaction('rw', [db.outbox, db.quarantine, db.applied, db.pending, db.sync_state, db.meta, db.drafts, ...db.serverTables()], async () => {
    await Promise.all(PERSONAL_TABLES.map(t => db.serverTable(t).clear()))
    // Accepted writes are on the server: nothing to keep.
    await db.applied.where('user_id').equals(userId).delete()
    if (!options.keepUnsent) {
      await db.outbox.where('user_id').equals(userId).delete()
      await db.quarantine.where('user_id').equals(userId).delete()
      await db.pending.filter(p => p.user_id === userId).delete()
      // Forms half typed are unsent writes too: kept aside with them, or gone with them.
      await db.drafts.where('user_id').equals(userId).delete()
    }
    // Personal rows are gone, so every signed-in cursor is now wrong; the
    // anonymous one still matches the public tables that stay.
    const cursors = await db.sync_state.toCollection().primaryKeys()
    await db.sync_state.bulkDelete(cursors.filter(k => k !== cursorKey(null)))
    await db.meta.bulkDelete([counterKey(userId), OWNER_KEY])
    // Personal data sealed by the device lock goes too (it cannot be opened without the PIN).
    await discardSealed(db)
  })
}

/** Unsent writes of this user: what a sign-out would lose. */
export async function unsentCount(db: ReperesDb, userId: string): Promise<number> {
  const [queued, rejected] = await Promise.all([
    db.outbox.where('user_id').equals(userId).count(),
    db.quarantine.where('user_id').equals(userId).count(),
  ])
  return queued + rejected
}

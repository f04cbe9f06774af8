// Brings the server's changes down, page by page until has_more is false.
// Each page (rows, tombstones and the new cursor) is applied in one
// transaction, so an interrupted pull resumes exactly where it stopped.
import type { SyncTransport } from './transport'
import type { ReperesDb } from '@/db/database'
import type { SyncStateRow } from '@/db/types'
import type { PullPage, ServerTable } from '@/domain/sync'
import { OWNER_KEY } from '@/db/schema'
import { isServerTable, SERVER_TABLES } from '@/domain/sync'
import { rebuildTouched } from './overlay'

export const PULL_LIMIT = 500
/** Accepted writes whose row never came back (a no-op on the server) leave the overlay after this many full pulls. */
export const APPLIED_MAX_PULLS = 3

/** The tables this build knows: when it changes (an app update), pull everything again. */
export const TABLES_SIGNATURE = SERVER_TABLES.join(',')

export function cursorKey(userId: string | null): string {
  return `cursor:${userId ?? 'anon'}`
}

export async function readCursor(db: ReperesDb, userId: string | null): Promise<SyncStateRow | undefined> {
  return db.sync_state.get(cursorKey(userId))
}

function pullTables(db: ReperesDb) {
  return [db.sync_state, db.pending, db.outbox, db.applied, db.meta, ...db.serverTables()]
}

/** The device changed hands while this pull was under way (a sign-out, maybe in another tab). */
export class OwnerChangedError extends Error {
  constructor() {
    super('The device no longer belongs to this user: pull abandoned.')
    this.name = 'OwnerChangedError'
  }
}

/**
 * Applies one page. `settled` holds the ids of accepted writes known before
 * the pull started: when their row comes back, the server's version now
 * includes them and the optimistic copy is no longer needed.
 */
export async function applyPullPage(db: ReperesDb, page: PullPage, userId: string | null, settled: Set<string> = new Set(), requireOwner = false): Promise<void> {
  await db.transaction('rw', pullTables(db), async () => {
    // Never write personal rows for a user who is no longer the device's
    // owner: a sign-out (here or in another tab) may have wiped them meanwhile.
    if (requireOwner && userId && (await db.meta.get(OWNER_KEY))?.value !== userId)
      throw new OwnerChangedError()
    const touched = new Map<ServerTable, Set<string>>()
    const touch = (table: ServerTable, id: string) => {
      if (!touched.has(table))
        touched.set(table, new Set())
      touched.get(table)!.add(id)
    }
    for (const [table, rows] of Object.entries(page.changes)) {
      // A table this build does not know yet: ignored (the signature forces a full pull after an update).
      if (!isServerTable(table) || !Array.isArray(rows))
        continue
      const valid = rows.filter(r => typeof r?.id === 'string')
      await db.serverTable(table).bulkPut(valid)
      valid.forEach(r => touch(table, r.id))
    }
    for (const [table, ids] of Object.entries(page.tombstones)) {
      if (!isServerTable(table) || !Array.isArray(ids))
        continue
      const valid = ids.filter((id): id is string => typeof id === 'string')
      await db.serverTable(table).bulkDelete(valid)
      valid.forEach(id => touch(table, id))
    }
    for (const [table, ids] of touched) {
      const done = await db.applied.where('[table+row_id]').anyOf([...ids].map(id => [table, id])).toArray()
      await db.applied.bulkDelete(done.filter(e => settled.has(e.mutation_id)).map(e => e.mutation_id))
      await rebuildTouched(db, table, ids)
    }
    const previous = await db.sync_state.get(cursorKey(userId))
    await db.sync_state.put({
      key: cursorKey(userId),
      cursor: page.cursor,
      tables: TABLES_SIGNATURE,
      last_sync_at: previous?.last_sync_at ?? null,
    })
  })
}

export interface PullContext {
  db: ReperesDb
  transport: SyncTransport
  userId: string | null
  limit?: number
  signal?: AbortSignal
  /** Abort if the device's owner is no longer this user (see applyPullPage). */
  requireOwner?: boolean
}

/** Pulls until has_more is false. Returns the number of pages applied. */
export async function pullAll(ctx: PullContext): Promise<number> {
  const { db, transport, userId } = ctx
  const state = await readCursor(db, userId)
  let cursor = state && state.tables === TABLES_SIGNATURE ? state.cursor : null
  const settled = new Set(userId ? (await db.applied.where('user_id').equals(userId).primaryKeys()) : [])
  let pages = 0
  for (;;) {
    const page = await transport.pull(cursor, ctx.limit ?? PULL_LIMIT, ctx.signal)
    await applyPullPage(db, page, userId, settled, ctx.requireOwner)
    pages++
    cursor = page.cursor
    if (!page.has_more)
      break
  }
  if (userId)
    await ageApplied(db, userId, settled)
  return pages
}

/** Counts full pulls for accepted writes; drops those whose row never came back. */
async function ageApplied(db: ReperesDb, userId: string, settled: Set<string>): Promise<void> {
  await db.transaction('rw', pullTables(db), async () => {
    const entries = await db.applied.where('user_id').equals(userId).toArray()
    for (const entry of entries) {
      if (!settled.has(entry.mutation_id))
        continue
      const pulls = (entry.pulls ?? 0) + 1
      if (pulls < APPLIED_MAX_PULLS) {
        await db.applied.update(entry.mutation_id, { pulls })
        continue
      }
      await db.applied.delete(entry.mutation_id)
      await rebuildTouched(db, entry.table, new Set([entry.row_id]))
    }
  })
}

export async function markSynced(db: ReperesDb, userId: string | null, at = new Date().toISOString()): Promise<void> {
  await db.sync_state.update(cursorKey(userId), { last_sync_at: at })
}

// Delivers the outbox, oldest first, in batches. Each answer is settled in one
// transaction: accepted entries leave the outbox (kept in `applied` until the
// pull brings their row back), refused ones move to quarantine, the others
// stay for the next attempt. A refused entry never blocks those after it.
import type { SyncTransport } from './transport'
import type { ReperesDb } from '@/db/database'
import type { QuarantineEntry, QueuedEntry } from '@/db/types'
import type { PushMutation, PushResult, ServerTable } from '@/domain/sync'
import { MUTATION_SPECS } from './optimistic'
import { rebuildPendingMany } from './overlay'
import { isTransportError } from './transport'

export const MAX_BATCH = 200
/** A single entry the server keeps refusing as malformed (4xx) goes to quarantine after this many tries. */
const CLIENT_ERROR_ATTEMPTS = 3

export interface PushContext {
  db: ReperesDb
  transport: SyncTransport
  userId: string
  deviceId: string
  batchSize?: number
  signal?: AbortSignal
}

export interface PushSummary {
  applied: number
  rejected: number
  /** Tables of accepted writes whose rows may have left the caller's view (see MutationSpec.reconcile). */
  reconcile: ServerTable[]
}

export function toPushMutation(entry: QueuedEntry): PushMutation {
  return {
    mutation_id: entry.mutation_id,
    name: entry.name,
    args: entry.args,
    ...(entry.base_version !== undefined ? { base_version: entry.base_version } : {}),
  }
}

export function counterKey(userId: string): string {
  return `acked:${userId}`
}

function localTables(db: ReperesDb) {
  return [db.outbox, db.quarantine, db.applied, db.pending, db.meta, ...db.serverTables()]
}

/**
 * Settles one batch's answers in a single transaction, with bulk requests: one
 * IndexedDB request per entry and step, each awaited in turn, made settling
 * the client's larger share of pushing 1,000 writes (bench/sync-push.ts).
 */
export async function settle(db: ReperesDb, userId: string, batch: QueuedEntry[], results: PushResult[]): Promise<PushSummary> {
  const byId = new Map(results.map(r => [r.mutation_id, r]))
  const summary: PushSummary = { applied: 0, rejected: 0, reconcile: [] }
  const now = new Date().toISOString()
  await db.transaction('rw', localTables(db), async () => {
    // The entries still queued (another tab may have settled some first).
    const present = await db.outbox.bulkGet(batch.map(e => e.seq))
    const quarantined: QuarantineEntry[] = []
    const applied: QueuedEntry[] = []
    const done: number[] = []
    const touched = new Map<ServerTable, string[]>()
    let recorded = 0
    batch.forEach((entry, i) => {
      const result = byId.get(entry.mutation_id)
      // No answer for this entry (should not happen): it stays and goes again.
      if (!result || !present[i])
        return
      done.push(entry.seq)
      if (!entry.recorded)
        recorded++
      if (result.status === 'rejected') {
        quarantined.push({
          ...entry,
          recorded: true,
          reason: String(result.reason ?? 'validation'),
          message: typeof result.message === 'string' ? result.message : '',
          ...(typeof result.field === 'string' ? { field: result.field } : {}),
          rejected_at: now,
        })
        summary.rejected++
      }
      else {
        applied.push({ ...entry, recorded: true })
        summary.applied++
        if (MUTATION_SPECS[entry.name].reconcile && !summary.reconcile.includes(entry.table))
          summary.reconcile.push(entry.table)
      }
      const ids = touched.get(entry.table) ?? []
      ids.push(entry.row_id)
      touched.set(entry.table, ids)
    })
    await Promise.all([db.outbox.bulkDelete(done), db.quarantine.bulkPut(quarantined), db.applied.bulkPut(applied)])
    for (const [table, ids] of touched)
      await rebuildPendingMany(db, userId, table, ids)
    if (recorded > 0) {
      const counter = await db.meta.get(counterKey(userId))
      await db.meta.put({ key: counterKey(userId), value: Number(counter?.value ?? 0) + recorded })
    }
  })
  return summary
}

async function recordFailure(db: ReperesDb, batch: QueuedEntry[], message: string): Promise<void> {
  const seqs = batch.map(e => e.seq)
  await db.outbox.where('seq').anyOf(seqs).modify((e) => {
    e.attempts += 1
    e.last_error = message
  })
}

/** Pushes until this user's outbox is empty; throws the first transport failure. */
export async function pushPending(ctx: PushContext): Promise<PushSummary> {
  const { db, transport, userId } = ctx
  const total: PushSummary = { applied: 0, rejected: 0, reconcile: [] }
  let size = Math.min(ctx.batchSize ?? MAX_BATCH, MAX_BATCH)
  for (;;) {
    // The user_id index is ordered by (user_id, seq): oldest first.
    const batch = await db.outbox.where('user_id').equals(userId).limit(size).toArray() as QueuedEntry[]
    if (batch.length === 0)
      return total
    let results: PushResult[]
    try {
      results = await transport.push(batch.map(toPushMutation), ctx.deviceId, ctx.signal)
    }
    catch (error) {
      if (!isTransportError(error) || error.kind === 'auth' || error.kind === 'schema')
        throw error // a 401 is not the entries' fault: attempts are not counted
      await recordFailure(db, batch, error.message)
      if (error.kind !== 'client')
        throw error
      // The server refused the request itself (4xx): split the batch to find
      // the entry that causes it, and quarantine that one only.
      if (batch.length > 1) {
        size = Math.ceil(batch.length / 2)
        continue
      }
      if (batch[0]!.attempts + 1 < CLIENT_ERROR_ATTEMPTS)
        throw error
      results = [{ mutation_id: batch[0]!.mutation_id, status: 'rejected', reason: 'validation', message: '' }]
    }
    // Defensive: an answer about none of the entries sent would loop forever.
    const sent = new Set(batch.map(e => e.mutation_id))
    if (!results.some(r => sent.has(r.mutation_id)))
      throw new Error('The server answered without settling any change.')
    const done = await settle(db, userId, batch, results)
    total.applied += done.applied
    total.rejected += done.rejected
    total.reconcile = [...new Set([...total.reconcile, ...done.reconcile])]
    size = Math.min(ctx.batchSize ?? MAX_BATCH, MAX_BATCH)
  }
}

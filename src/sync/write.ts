// The only way the app changes data: validate, then write the optimistic row
// and the outbox entry in ONE strict-durability transaction, then nudge the
// engine. Either both are on disk or neither is.
import type { ReperesDb } from '@/db/database'
import type { OutboxEntry } from '@/db/types'
import type { MutationArgs, MutationName } from '@/domain/mutations'
import { parseMutationArgs } from '@/domain/mutations'
import { MUTATION_SPECS, targetOf } from './optimistic'

export interface WriteContext {
  db: ReperesDb
  userId: string
  /** Tells the engine there is something to send (it debounces). */
  nudge?: () => void
  /** For tests: the uuid generator. */
  newId?: () => string
}

export interface WriteResult {
  mutationId: string
  seq: number
  /** The id of the row written. */
  id: string
}

export async function writeMutation<N extends MutationName>(ctx: WriteContext, name: N, args: MutationArgs<N>): Promise<WriteResult> {
  // Throws a ZodError before anything touches the database.
  const parsed = parseMutationArgs(name, args)
  const { db, userId } = ctx
  const spec = MUTATION_SPECS[name]
  const target = targetOf(name, parsed, userId)
  const now = new Date().toISOString()
  const serverTable = db.serverTable(target.table)

  const result = await db.transaction('rw', [db.outbox, db.pending, serverTable], async () => {
    const server = await serverTable.get(target.id)
    const pending = await db.pending.get([userId, target.table, target.id])
    const current = pending ? (pending.row ?? undefined) : server
    const entry: OutboxEntry = {
      mutation_id: (ctx.newId ?? (() => crypto.randomUUID()))(),
      user_id: userId,
      name,
      args: parsed,
      table: target.table,
      row_id: target.id,
      created_at: now,
      attempts: 0,
      last_error: null,
      ...(spec.edits && typeof server?.version === 'number' ? { base_version: server.version } : {}),
    }
    const seq = await db.outbox.add(entry)
    const row = spec.apply(current, parsed, { userId, now })
    if (row !== undefined)
      await db.pending.put({ user_id: userId, table: target.table, id: target.id, row, unsent: true })
    return { mutationId: entry.mutation_id, seq, id: target.id }
  })
  ctx.nudge?.()
  return result
}

import type { MutationName } from '@/domain/mutations'
import type { ServerRow, ServerTable } from '@/domain/sync'

export interface OutboxEntry {
  /** Autoincrement: the order writes are sent in. Absent before insertion. */
  seq?: number
  mutation_id: string
  /** Only this user's session may send the entry. */
  user_id: string
  name: MutationName
  args: Record<string, unknown>
  base_version?: number
  /** The row the mutation writes, for the optimistic overlay. */
  table: ServerTable
  row_id: string
  /** Device time, shown to the user only. */
  created_at: string
  /** Failed deliveries (network, server errors); a 401 does not count. */
  attempts: number
  last_error: string | null
  /** The server already recorded this mutation id (a retried rejection): not counted twice. */
  recorded?: boolean
  /** Accepted writes only: full pulls seen since, while waiting for the row to come back. */
  pulls?: number
}

export interface QueuedEntry extends OutboxEntry {
  seq: number
}

export interface QuarantineEntry extends QueuedEntry {
  reason: string
  message: string
  field?: string
  rejected_at: string
}

export interface PendingRow {
  user_id: string
  table: ServerTable
  id: string
  /** null: deleted locally. */
  row: ServerRow | null
  /** Some of the writes behind this row are still in the outbox (not yet accepted by the server). */
  unsent?: boolean
}

export interface SyncStateRow {
  /** `cursor:<user id>` or `cursor:anon`. */
  key: string
  cursor: string | null
  /** The tables this client knew when the cursor was saved: a new table means a full pull. */
  tables: string
  last_sync_at: string | null
}

export interface MetaRow {
  key: string
  value: unknown
}

/** A form being typed, saved as it is typed so that closing the app loses nothing. */
export interface DraftRow {
  /** Only this user sees it; wiped with their other personal data. */
  user_id: string
  /** Which form, e.g. `contact:new` or `contact:<id>`. */
  key: string
  value: unknown
  /** Device time of the last save, shown to the user only. */
  saved_at: string
}

/**
 * A row as screens see it: server row with pending writes applied.
 * `$pending`: a write on it has not reached the server yet.
 */
export type LocalRow = ServerRow & { $pending?: boolean }

// The public shape of the sync engine: its options, its state, its handle.
import type { BackoffOptions } from './backoff'
import type { RunnerLock } from './lock'
import type { SyncTransport, TransportErrorKind } from './transport'
import type { ReperesDb } from '@/db/database'
import type { ServerTable } from '@/domain/sync'

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'retrying' | 'needsSignIn' | 'updateRequired' | 'stopped'
export type RefreshOutcome = 'refreshed' | 'offline' | 'expired'

export interface SyncEngineState {
  phase: SyncPhase
  lastError: string | null
  errorKind: TransportErrorKind | 'internal' | null
  /** Epoch ms of the next scheduled attempt after a failure. */
  nextRetryAt: number | null
  failures: number
  /** Local data was cleared by the browser while the server had writes from this device. */
  evicted: boolean
  lastSyncAt: string | null
}

export interface EngineOptions {
  db: ReperesDb
  transport: SyncTransport
  userId: string | null
  deviceId: string
  /** After a 401: try to refresh the session. Without it, a 401 means sign in again. */
  onUnauthorized?: () => Promise<RefreshOutcome>
  lock?: RunnerLock
  isOnline?: () => boolean
  random?: () => number
  backoff?: BackoffOptions
  batchSize?: number
  pullLimit?: number
  debounceMs?: number
  /** How soon to try again when another tab holds the runner lock. */
  lockRetryMs?: number
  reconcileTables?: readonly ServerTable[]
  /** Personal rows are only written while the device's owner (meta) is this user. */
  requireOwner?: boolean
  /** Where `online` and `visibilitychange` come from (defaults: window, document). */
  events?: { window?: EventTarget | null, document?: (EventTarget & { visibilityState?: string }) | null }
}

export interface SyncEngine {
  readonly userId: string | null
  start: () => void
  stop: () => Promise<void>
  /** Sync now, bypassing the debounce and any backoff (not a server's Retry-After). */
  syncNow: () => Promise<void>
  /** Something was written locally: sync soon. */
  nudge: () => void
  /** Leave needsSignIn after the same user signed in again. */
  resume: () => Promise<void>
  state: () => SyncEngineState
  subscribe: (listener: (state: SyncEngineState) => void) => () => void
}

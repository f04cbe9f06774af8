// The sync engine of one session (a signed-in user, or anonymous for public
// content). A cycle pushes the outbox, pulls until has_more is false, and on
// the first cycle checks for storage eviction and reconciles visibility.
// Cycles run on start, when the network comes back, when the page becomes
// visible, after local writes (debounced) and on demand; one tab at a time.
import type { EngineOptions, SyncEngine, SyncEngineState } from './engineTypes'
import type { SyncTransport } from './transport'
import type { ReperesDb } from '@/db/database'
import type { ServerTable } from '@/domain/sync'
import { SERVER_TABLES } from '@/domain/sync'
import { DEFAULT_BACKOFF, retryDelay } from './backoff'
import { checkEviction } from './eviction'
import { defaultLock } from './lock'
import { markSynced, pullAll, readCursor } from './pull'
import { pushPending } from './push'
import { reconcile } from './reconcile'
import { isTransportError } from './transport'

export type { EngineOptions, RefreshOutcome, SyncEngine, SyncEngineState, SyncPhase } from './engineTypes'

const browserOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false

export function createSyncEngine(o: EngineOptions): SyncEngine {
  const lock = o.lock ?? defaultLock()
  const isOnline = o.isOnline ?? browserOnline
  const backoff = o.backoff ?? DEFAULT_BACKOFF
  const win = o.events?.window ?? (typeof window === 'undefined' ? null : window)
  const doc = o.events?.document ?? (typeof document === 'undefined' ? null : document)
  const listeners = new Set<(state: SyncEngineState) => void>()
  let state: SyncEngineState = { phase: 'idle', lastError: null, errorKind: null, nextRetryAt: null, failures: 0, evicted: false, lastSyncAt: null }
  let stopped = false
  let paused = false
  let running: Promise<void> | null = null
  let rerun = false
  let firstCycleDone = false
  let authRetries = 0
  let notBefore = 0 // a server's Retry-After is honoured even by syncNow
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let debounceTimer: ReturnType<typeof setTimeout> | undefined
  const controller = new AbortController()

  const set = (patch: Partial<SyncEngineState>) => {
    state = { ...state, ...patch }
    listeners.forEach(fn => fn(state))
  }

  function schedule(ms: number) {
    clearTimeout(retryTimer)
    set({ nextRetryAt: Date.now() + ms })
    retryTimer = setTimeout(() => void run(), ms)
  }

  function run(): Promise<void> {
    if (stopped || paused)
      return Promise.resolve()
    if (running) {
      rerun = true
      return running
    }
    running = attempt().finally(() => {
      running = null
    })
    return running
  }

  async function attempt() {
    if (!isOnline())
      return set({ phase: 'offline' })
    const wait = notBefore - Date.now()
    if (wait > 0)
      return schedule(wait)
    clearTimeout(retryTimer)
    set({ phase: 'syncing', nextRetryAt: null })
    try {
      const outcome = await lock.runExclusive(cycle)
      if (!outcome.ran) {
        // Another tab is syncing; come back shortly for what it may have missed.
        set({ phase: 'idle' })
        return schedule(o.lockRetryMs ?? 2_000)
      }
      authRetries = 0
      set({ phase: 'idle', lastError: null, errorKind: null, failures: 0 })
    }
    catch (error) {
      await onFailure(error)
    }
  }

  async function cycle() {
    const signal = controller.signal
    const base = { db: o.db, transport: o.transport, signal }
    do {
      rerun = false
      let leaving: ServerTable[] = []
      if (o.userId) {
        if (!firstCycleDone && await checkEviction({ ...base, userId: o.userId, deviceId: o.deviceId }))
          set({ evicted: true })
        leaving = (await pushPending({ ...base, userId: o.userId, deviceId: o.deviceId, batchSize: o.batchSize })).reconcile
      }
      await pullAll({ ...base, userId: o.userId, limit: o.pullLimit, requireOwner: o.requireOwner })
      // Reconcile is for signed-in callers (sync_reconcile refuses anon); public
      // content is withdrawn by archiving, which the pull itself delivers. After the
      // first cycle, only the tables of accepted writes that may move rows out of view.
      if (o.userId && (!firstCycleDone || leaving.length))
        await reconcileQuietly(base, firstCycleDone ? leaving : undefined)
      firstCycleDone = true
      const at = new Date().toISOString()
      await markSynced(o.db, o.userId, at)
      set({ lastSyncAt: at })
    } while (rerun && !stopped)
  }

  async function reconcileQuietly(base: { db: ReperesDb, transport: SyncTransport, signal: AbortSignal }, only?: readonly ServerTable[]) {
    try {
      const all = o.reconcileTables ?? SERVER_TABLES
      const tables = only ? all.filter(t => only.includes(t)) : all
      if (tables.length)
        await reconcile({ ...base, tables })
    }
    catch (error) {
      // The server refusing the table list (an older server) must not stop sync.
      if (!isTransportError(error) || error.kind !== 'client')
        throw error
    }
  }

  async function onFailure(error: unknown) {
    if (stopped)
      return
    const message = error instanceof Error ? error.message : String(error)
    if (error instanceof Error && error.name === 'OwnerChangedError') {
      // Signed out elsewhere: this engine's user is gone; the session starts another engine.
      paused = true
      return set({ phase: 'needsSignIn', lastError: message, errorKind: 'auth', nextRetryAt: null })
    }
    if (error instanceof Error && error.name === 'DatabaseClosedError') {
      // The database was closed for an upgrade in another tab: nothing more to do here.
      return set({ phase: 'stopped', lastError: message, errorKind: 'internal' })
    }
    if (isTransportError(error) && error.kind === 'auth') {
      // Anonymous sessions have no one to sign in again: a 401 is a server fault, retried.
      const outcome = !o.userId ? 'offline' : o.onUnauthorized && authRetries < 2 ? await o.onUnauthorized() : 'expired'
      if (stopped)
        return
      if (outcome === 'refreshed') {
        authRetries++
        return schedule(0)
      }
      if (outcome === 'expired') {
        paused = true
        return set({ phase: 'needsSignIn', lastError: message, errorKind: 'auth', nextRetryAt: null })
      }
    }
    // Only back-to-back 401s right after refreshes mean the server refuses us.
    if (!isTransportError(error) || error.kind !== 'auth')
      authRetries = 0
    if (isTransportError(error) && error.kind === 'schema') {
      paused = true
      return set({ phase: 'updateRequired', lastError: message, errorKind: 'schema', nextRetryAt: null })
    }
    const failures = state.failures + 1
    const retryAfter = isTransportError(error) ? error.retryAfterMs : undefined
    const delay = retryDelay(failures, retryAfter, backoff, o.random)
    if (retryAfter !== undefined)
      notBefore = Date.now() + delay
    set({
      phase: isOnline() ? 'retrying' : 'offline',
      lastError: message,
      errorKind: isTransportError(error) ? error.kind : 'internal',
      failures,
    })
    schedule(delay)
  }

  const onOnline = () => {
    set({ failures: 0 })
    void run()
  }
  const onVisible = () => {
    if (doc?.visibilityState !== 'hidden')
      void run()
  }

  return {
    userId: o.userId,
    start() {
      win?.addEventListener('online', onOnline)
      doc?.addEventListener('visibilitychange', onVisible)
      void readCursor(o.db, o.userId).then(row => set({ lastSyncAt: row?.last_sync_at ?? null })).catch(() => {})
      void run()
    },
    async stop() {
      stopped = true
      controller.abort()
      clearTimeout(retryTimer)
      clearTimeout(debounceTimer)
      win?.removeEventListener('online', onOnline)
      doc?.removeEventListener('visibilitychange', onVisible)
      await running?.catch(() => {})
      set({ phase: 'stopped', nextRetryAt: null })
    },
    syncNow() {
      clearTimeout(debounceTimer)
      set({ failures: 0 })
      return run()
    },
    nudge() {
      clearTimeout(debounceTimer)
      debounceTimer = setTimeout(() => void run(), o.debounceMs ?? 500)
    },
    resume() {
      paused = false
      authRetries = 0
      set({ phase: 'idle', lastError: null, errorKind: null, failures: 0 })
      return run()
    },
    state: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

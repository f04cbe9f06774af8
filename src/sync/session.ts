// The app's sync session: which user the device works for, the engine that
// syncs for them, and the transitions between users. Loaded lazily by the
// stores (it pulls in the engine and, through it, supabase-js and Dexie).
//
// Decision — session expiry followed by a DIFFERENT user signing in: the
// previous user's unsent writes are kept aside (outbox, quarantine and their
// overlay stay, tagged with that user's id) while every personal row is
// wiped. They are never pushed under the new user and never shown to them;
// they go out when their author signs in again, or are deleted with
// "discard" (after a warning) from the sync panel. An explicit sign-out, by
// contrast, warns first and then deletes the user's unsent writes too.
import type { SyncEngine, SyncEngineState } from './engine'
import type { ReperesDb } from '@/db/database'
import type { MutationArgs, MutationName } from '@/domain/mutations'
import { loadDb, onDbVersionChange } from '@/db/access'
import { isSealed, sealedSummary } from '@/db/vault'
import * as auth from '@/services/auth'
import { deviceId } from './device'
import { createSyncEngine } from './engine'
import { requestPersistentStorage } from './persist'
import { discardOtherUsers, discardRejected, retryRejected } from './quarantine'
import { createRpcTransport } from './rpcTransport'
import { OWNER_KEY, unsentCount, wipeUser } from './wipe'

// The write path validates with zod (≈ 25 KB gzip). An anonymous visitor, whose
// session only pulls public content, never fetches it; a signed-in user's
// session fetches it as soon as the user is known: a write must work offline,
// and a chunk that was never fetched cannot be loaded without the network.
let writePath: Promise<typeof import('./write')> | null = null
function loadWritePath(): Promise<typeof import('./write')> {
  writePath ??= import('./write')
  // A failed fetch (offline before the service worker cached it) may be retried.
  writePath.catch(() => { writePath = null })
  return writePath
}

export interface SessionSnapshot {
  ready: boolean
  userId: string | null
  engine: SyncEngineState | null
  /** A newer app version upgraded the database in another tab: reload. */
  versionChanged: boolean
}

export type SignOutResult = { ok: true } | { ok: false, unsent: number }

let db: ReperesDb
let device: string
let engine: SyncEngine | null = null
let signingOut = false
let snapshot: SessionSnapshot = { ready: false, userId: null, engine: null, versionChanged: false }
const listeners = new Set<(s: SessionSnapshot) => void>()
let transitions: Promise<unknown> = Promise.resolve()
let started: Promise<void> | null = null
// Device lock (stores/lock.ts): while personal data is sealed no engine runs,
// so nothing personal is pulled back in clear and nothing is sent.
let locked = false

function emit(patch: Partial<SessionSnapshot>) {
  snapshot = { ...snapshot, ...patch }
  listeners.forEach(fn => fn(snapshot))
}

/** Runs user transitions one after the other, never interleaved. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const next = transitions.then(fn, fn)
  transitions = next.catch(() => {})
  return next
}

async function startEngine(userId: string | null) {
  await engine?.stop()
  if (locked) {
    engine = null
    return emit({ userId, engine: null })
  }
  const current = createSyncEngine({
    db,
    deviceId: device,
    userId,
    transport: createRpcTransport({ userId }),
    onUnauthorized: userId ? () => auth.refreshFor(userId) : undefined,
    requireOwner: true,
  })
  engine = current
  if (userId)
    void loadWritePath().catch(() => {})
  current.subscribe(state => engine === current && emit({ engine: state }))
  emit({ userId, engine: current.state() })
  current.start()
}

async function owner(): Promise<string | null> {
  const row = await db.meta.get(OWNER_KEY)
  // While sealed, the owner mark is inside the vault; its chunks name the user in clear.
  return typeof row?.value === 'string' ? row.value : ((await sealedSummary(db))?.userId ?? null)
}

/** Makes `userId` the device's user (after a sign-in here or in another tab). */
function adoptUser(userId: string): Promise<void> {
  return serial(async () => {
    // Locked: nothing to adopt until the PIN opens the vault (unlockSync adopts then).
    if (locked)
      return
    const previous = await owner()
    if (previous && previous !== userId)
      await wipeUser(db, previous, { keepUnsent: true })
    await db.meta.put({ key: OWNER_KEY, value: userId })
    void requestPersistentStorage()
    if (engine?.userId === userId)
      await engine.resume()
    else
      await startEngine(userId)
  })
}

function onAuthEvent(event: string, userId: string | null) {
  if (userId && event !== 'SIGNED_OUT') {
    if (engine?.userId !== userId || engine.state().phase === 'needsSignIn')
      void adoptUser(userId)
    return
  }
  if (event === 'SIGNED_OUT' && !signingOut) {
    // Another tab signed out (it already wiped the shared database) or the
    // session died (the engine will ask to sign in again on its next 401).
    void serial(async () => {
      if (!(await owner()) && engine?.userId)
        await startEngine(null)
    })
  }
}

export function startSession(): Promise<void> {
  started ??= (async () => {
    db = await loadDb()
    device = await deviceId(db)
    locked = await isSealed(db)
    onDbVersionChange(() => {
      emit({ versionChanged: true })
      void engine?.stop()
    })
    const session = await auth.currentSession()
    const previous = await owner()
    if (session)
      await adoptUser(session.userId)
    else
      // No session but personal data: the session expired. Keep everything;
      // the engine's first call asks this user to sign in again.
      await serial(() => startEngine(previous))
    await auth.onSessionChange(onAuthEvent)
    emit({ ready: true })
  })().catch((error: unknown) => {
    started = null // e.g. storage refused: a later call may try again
    throw error
  })
  return started
}

export function subscribeSession(listener: (s: SessionSnapshot) => void): () => void {
  listeners.add(listener)
  listener(snapshot)
  return () => listeners.delete(listener)
}

export async function signedIn(userId: string): Promise<void> {
  await startSession()
  await adoptUser(userId)
  // Give the first pull a moment so the profile (and its roles) is there.
  await Promise.race([engine?.syncNow(), new Promise(r => setTimeout(r, 5_000))])
}

export function signOut(options: { discardUnsent?: boolean } = {}): Promise<SignOutResult> {
  return serial(async () => {
    const userId = engine?.userId ?? (await owner())
    if (!userId)
      return { ok: true } as const
    const unsent = await unsentCount(db, userId)
    if (unsent > 0 && !options.discardUnsent)
      return { ok: false, unsent } as const
    signingOut = true
    try {
      await engine?.stop()
      await wipeUser(db, userId)
      await auth.signOutLocally()
      locked = false // the vault went with the wipe
    }
    finally {
      signingOut = false
    }
    await startEngine(null)
    return { ok: true } as const
  })
}

/** The device lock is about to seal personal data (or another tab did): stop syncing. */
export async function lockSync(): Promise<void> {
  await startSession()
  await serial(async () => {
    locked = true
    await startEngine(engine?.userId ?? (await owner()))
  })
}

/** The vault was opened: sync again for the session's user. */
export async function unlockSync(): Promise<void> {
  await startSession()
  await serial(async () => {
    locked = false
  })
  const session = await auth.currentSession()
  if (session)
    await adoptUser(session.userId)
  else
    await serial(async () => startEngine(await owner()))
}

export async function syncNow(): Promise<void> {
  await engine?.syncNow()
}

/** Tries to send everything now; resolves with what is still unsent. */
export async function sendUnsent(): Promise<number> {
  await engine?.syncNow()
  return engine?.userId ? unsentCount(db, engine.userId) : 0
}

export async function mutate<N extends MutationName>(name: N, args: MutationArgs<N>) {
  const userId = engine?.userId
  if (!userId)
    throw new Error('Sign in to save changes.')
  const { writeMutation } = await loadWritePath()
  // Fetched with the session, so this wait is a few microtasks; still, a sign-out
  // or the device lock may have come in between, and must not be followed by a
  // personal row written in clear.
  if (engine?.userId !== userId || locked || signingOut)
    throw new Error('Sign in to save changes.')
  return writeMutation({ db, userId, nudge: () => engine?.nudge() }, name, args)
}

export async function retry(mutationId: string): Promise<void> {
  if (await retryRejected(db, mutationId))
    engine?.nudge()
}

export async function discard(mutationId: string): Promise<void> {
  await discardRejected(db, mutationId)
}

export async function discardKeptAside(): Promise<number> {
  return discardOtherUsers(db, engine?.userId ?? null)
}

/**
 * The app's sync session end to end (src/sync/session.ts with the real
 * engine, supabase-js and local backend): anonymous public content, sign-in,
 * writes, sign-out with its warning and wipe, and a session expiry followed
 * by another user signing in on the same device.
 */
import 'fake-indexeddb/auto'
import type { FaultProxy } from './faultProxy'
import type { TestBackend } from '../helpers/backend.ts'
import type { ReperesDb } from '@/db/database'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDb } from '@/db/access'
import { readRow } from '@/db/read'
import { PERSONAL_TABLES } from '@/domain/sync'
import { currentSession, signInWithPassword, stopAuthTimers } from '@/services/auth'
import { AUTH_STORAGE_KEY, configureSupabase } from '@/services/supabase'
import * as session from '@/sync/session'
import { startTestBackend } from '../helpers/backend.ts'
import { startFaultProxy } from './faultProxy'

let backend: TestBackend
let proxy: FaultProxy
let db: ReperesDb
let snapshot: session.SessionSnapshot
const storage = new Map<string, string>()

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for: ${what} (engine: ${JSON.stringify(snapshot?.engine)})`)
    await new Promise(r => setTimeout(r, 50))
  }
}

async function signIn(email: string): Promise<string> {
  const result = await signInWithPassword(email, 'demo-password')
  if (!result.ok)
    throw new Error(`sign-in failed: ${result.error}`)
  await session.signedIn(result.userId)
  return result.userId
}

const feedback = (body: string) => ({ id: crypto.randomUUID(), kind: 'other' as const, body, share_with_groupe: false, contact_back: false })

async function serverFeedback(body: string): Promise<number> {
  const { rows } = await backend.db.query<{ n: number }>('select count(*)::int as n from public.feedback where body = $1', [body])
  return rows[0]!.n
}

async function personalRows(): Promise<number> {
  const counts = await Promise.all(PERSONAL_TABLES.map(t => db.serverTable(t).count()))
  return counts.reduce((a, b) => a + b, 0)
}

beforeAll(async () => {
  backend = await startTestBackend()
  proxy = await startFaultProxy({ target: backend.url, seed: 1, rates: {}, delayMs: 0 })
  configureSupabase({
    url: proxy.url,
    anonKey: backend.anonKey,
    autoRefreshToken: false,
    storage: { getItem: k => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: k => void storage.delete(k) },
  })
  session.subscribeSession((s) => {
    snapshot = s
  })
  db = await loadDb()
})

afterAll(async () => {
  await session.signOut({ discardUnsent: true }).catch(() => {})
  await stopAuthTimers().catch(() => {})
  db?.close()
  await proxy?.close()
  await backend?.close()
})

describe('sync session', () => {
  it('anonymous visitors get public content and nothing personal', async () => {
    await session.startSession()
    await until(() => snapshot.engine?.phase === 'idle' && snapshot.engine.lastSyncAt !== null, 'first public pull')
    expect(snapshot.userId).toBeNull()
    expect(await db.serverTable('structures').count()).toBeGreaterThan(0)
    expect(await db.serverTable('booklet_sections').count()).toBeGreaterThan(0)
    expect(await personalRows()).toBe(0)
  })

  it('signing in brings the profile and its roles; writes reach the server', async () => {
    const userId = await signIn('allocataire@demo.reperes.paris')
    expect(snapshot.userId).toBe(userId)
    const profile = await readRow(db, 'profiles', userId, userId)
    expect(profile?.roles).toContain('allocataire')

    await session.mutate('feedback.create', feedback('session-test: signed in'))
    await until(async () => (await db.outbox.count()) === 0, 'outbox drained')
    expect(await serverFeedback('session-test: signed in')).toBe(1)
  })

  it('sign-out warns about unsent writes, then leaves nothing personal behind', async () => {
    proxy.setOffline(true)
    await session.mutate('feedback.create', feedback('session-test: never sent'))
    expect(await session.signOut()).toEqual({ ok: false, unsent: 1 })
    expect(await session.sendUnsent()).toBe(1) // still offline
    proxy.setOffline(false)

    expect(await session.signOut({ discardUnsent: true })).toEqual({ ok: true })
    expect(await personalRows()).toBe(0)
    for (const local of [db.outbox, db.quarantine, db.applied, db.pending])
      expect(await local.count(), local.name).toBe(0)
    expect((await db.sync_state.toArray()).map(s => s.key)).toEqual(['cursor:anon'])
    expect([...storage.keys()].filter(k => k.startsWith(AUTH_STORAGE_KEY))).toEqual([])
    expect(await currentSession()).toBeNull()
    expect(await db.serverTable('structures').count()).toBeGreaterThan(0)
    expect(await serverFeedback('session-test: never sent')).toBe(0)
    expect(snapshot.userId).toBeNull()
  })

  it('after an expiry, another user never sends nor sees the first user’s writes, which go out when that user is back', async () => {
    const first = await signIn('allocataire@demo.reperes.paris')
    proxy.setOffline(true)
    await session.mutate('feedback.create', feedback('session-test: kept aside'))
    // The session dies (refresh token revoked): supabase-js forgets it.
    for (const key of [...storage.keys()].filter(k => k.startsWith(AUTH_STORAGE_KEY)))
      storage.delete(key)
    proxy.setOffline(false)
    await session.syncNow()
    await until(() => snapshot.engine?.phase === 'needsSignIn', 'sign-in requested')
    expect(await db.outbox.where('user_id').equals(first).count()).toBe(1)

    const second = await signIn('allocataire2@demo.reperes.paris')
    await until(() => snapshot.userId === second && snapshot.engine?.phase === 'idle', 'second user synced')
    await session.syncNow()
    expect(await readRow(db, 'profiles', first, second)).toBeUndefined()
    expect(await db.serverTable('feedback').where('author_id').equals(first).count()).toBe(0)
    expect(await db.outbox.where('user_id').equals(first).count()).toBe(1)
    expect(await serverFeedback('session-test: kept aside')).toBe(0)

    expect(await session.signOut()).toEqual({ ok: true })
    expect(await db.outbox.where('user_id').equals(first).count()).toBe(1)

    await signIn('allocataire@demo.reperes.paris')
    await until(async () => (await db.outbox.count()) === 0, 'kept-aside write sent')
    expect(await serverFeedback('session-test: kept aside')).toBe(1)
  })
})

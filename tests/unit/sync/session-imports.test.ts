// The sync session that a first visit starts (to pull public content) does not
// load zod and the mutation schemas (≈ 25 KB gzip to fetch, parse and run on
// a cheap phone); a signed-in user's session loads them at once, so that the
// first write works offline.
import { describe, expect, it, vi } from 'vitest'
import { TransportError } from '@/sync/transport'

const imported = vi.hoisted(() => ({ mutations: false }))
vi.mock('@/domain/mutations', async (original) => {
  imported.mutations = true
  return original()
})
// No backend here: no session stored, and every call finds the network down.
vi.mock('@/services/auth', () => ({
  currentSession: async () => null,
  onSessionChange: async () => () => {},
  refreshFor: async () => 'offline',
  signOutLocally: async () => {},
}))
vi.mock('@/sync/rpcTransport', () => {
  const down = async () => { throw new TransportError('network', 'offline') }
  return { createRpcTransport: () => ({ pull: down, push: down, reconcile: down, stats: down }) }
})

describe('the sync session\'s imports', () => {
  it('leaves the mutation schemas out for a visitor, and loads them once a user signs in', async () => {
    const session = await import('@/sync/session')
    await session.startSession()
    expect(imported.mutations).toBe(false)
    // Without a signed-in user a write is refused, and nothing is fetched.
    await expect(session.mutate('feedback.create', {} as never)).rejects.toThrow(/Sign in/)
    expect(imported.mutations).toBe(false)

    await session.signedIn('00000000-0000-4000-8000-000000000001')
    await vi.waitFor(() => expect(imported.mutations).toBe(true))
    await session.signOut({ discardUnsent: true })
  })
})

// The sync session that a first visit starts (to pull public content) does not
// load zod and the mutation schemas (≈ 25 KB gzip to fetch, parse and run on
// a cheap phone): the write path brings them with the first write.
import { describe, expect, it, vi } from 'vitest'

const imported = vi.hoisted(() => ({ mutations: false }))
vi.mock('@/domain/mutations', async (original) => {
  imported.mutations = true
  return original()
})

describe('the sync session\'s imports', () => {
  it('leaves the mutation schemas to the first write', async () => {
    const session = await import('@/sync/session')
    expect(typeof session.mutate).toBe('function')
    expect(imported.mutations).toBe(false)
    // Without a signed-in user a write is refused before anything is fetched.
    await expect(session.mutate('feedback.create', {} as never)).rejects.toThrow(/Sign in/)
    expect(imported.mutations).toBe(false)
    await import('@/sync/write')
    expect(imported.mutations).toBe(true)
  })
})

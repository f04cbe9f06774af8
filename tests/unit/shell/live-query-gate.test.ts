// A screen's live queries fetch Dexie only once the first screen is painted:
// on a slow connection its ≈ 30 KB would otherwise compete with the screen's
// own code (useLiveQuery reads the database before importing db/live).
import { describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'

const imported = vi.hoisted(() => ({ live: false }))
vi.mock('@/db/live', async (original) => {
  imported.live = true
  return original()
})

describe('useLiveQuery before the first paint', () => {
  it('imports Dexie\'s live queries only after the first screen is shown', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { holdUntilFirstScreen } = await import('@/services/firstScreen')
    const { useLiveQuery } = await import('@/composables/useLiveQuery')
    const open = holdUntilFirstScreen()
    const scope = effectScope()
    const count = scope.run(() => useLiveQuery(db => db.serverTable('structures').count()))!
    for (let i = 0; i < 20; i++)
      await new Promise(resolve => setImmediate(resolve))
    expect(imported.live).toBe(false)
    expect(count.value).toBeUndefined()

    open()
    vi.advanceTimersByTime(1_000)
    vi.useRealTimers()
    await vi.waitFor(() => expect(count.value).toBe(0))
    expect(imported.live).toBe(true)
    scope.stop()
    vi.unstubAllGlobals()
  })
})

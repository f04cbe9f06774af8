/**
 * The first-screen gate: work no first screen shows (the local database, the
 * service worker's prompts) waits until the screen has been painted — and only
 * when main.ts holds the gate; a hidden tab (no animation frames) still opens it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { settled } from './helpers'

async function freshGate() {
  vi.resetModules()
  return import('@/services/firstScreen')
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('first-screen gate', () => {
  it('does not hold anything when nobody holds it (tests, tools)', async () => {
    const { whenFirstScreenShown } = await freshGate()
    expect(await settled(whenFirstScreenShown())).toBe(true)
  })

  it('opens two frames after the screen is shown, once the main thread is idle', async () => {
    const frames: FrameRequestCallback[] = []
    const idle: IdleRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb))
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => idle.push(cb))
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { holdUntilFirstScreen, whenFirstScreenShown } = await freshGate()
    const open = holdUntilFirstScreen()
    const gate = whenFirstScreenShown()
    expect(await settled(gate)).toBe(false)

    open()
    expect(await settled(gate)).toBe(false)
    frames.shift()!(0)
    frames.shift()!(16)
    vi.advanceTimersByTime(0)
    expect(await settled(gate)).toBe(false)
    expect(idle).toHaveLength(1)
    idle[0]!({ didTimeout: false, timeRemaining: () => 10 })
    // Open: the waiter resumes in a task of its own, not within the idle callback.
    expect(await settled(gate)).toBe(false)
    vi.advanceTimersByTime(0)
    expect(await settled(gate)).toBe(true)
    expect(performance.getEntriesByName('reperes:first-screen', 'mark').length).toBeGreaterThan(0)
  })

  it('resumes each waiter in a task of its own, so their work does not add up to one long task', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { holdUntilFirstScreen, whenFirstScreenShown } = await freshGate()
    const open = holdUntilFirstScreen()
    const order: string[] = []
    const waiters = ['database', 'prompts', 'sync'].map(name => whenFirstScreenShown().then(() => {
      order.push(name)
      // Work queued by this waiter: it must not run inside the next waiter's task.
      queueMicrotask(() => order.push(`${name} done`))
    }))
    open()
    vi.advanceTimersByTime(1_000)
    await settled(Promise.resolve())
    expect(order).toEqual([])
    // One timer per waiter: each one's work is done before the next begins (resumed in
    // the same task, they would all start before any of their queued work ran).
    await vi.runAllTimersAsync()
    await Promise.all(waiters)
    expect(order).toEqual(['database', 'database done', 'prompts', 'prompts done', 'sync', 'sync done'])
  })

  it('opens after a second in a tab that gets no frames', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { holdUntilFirstScreen, whenFirstScreenShown } = await freshGate()
    const open = holdUntilFirstScreen()
    open()
    vi.advanceTimersByTime(999)
    expect(await settled(whenFirstScreenShown())).toBe(false)
    vi.advanceTimersByTime(1)
    const gate = whenFirstScreenShown()
    expect(await settled(gate)).toBe(false)
    vi.advanceTimersByTime(0)
    expect(await settled(gate)).toBe(true)
  })

  it('keeps the local database closed until then', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    vi.resetModules()
    const { holdUntilFirstScreen } = await import('@/services/firstScreen')
    const { loadDb, onFirstDbUse } = await import('@/db/access')
    // Already loaded: without the gate, loadDb would resolve within a few ticks.
    await import('@/db/database')
    const open = holdUntilFirstScreen()
    const db = loadDb()
    let first = false
    let opened = false
    onFirstDbUse(() => (first = true))
    void db.then(() => (opened = true))
    for (let i = 0; i < 20; i++)
      await new Promise(resolve => setImmediate(resolve))
    expect(opened).toBe(false)
    open()
    vi.advanceTimersByTime(1_000)
    vi.useRealTimers()
    const database = await db
    expect(database.name).toBe('reperes')
    expect(first).toBe(true)
    database.close()
  })
})

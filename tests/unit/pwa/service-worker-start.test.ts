/**
 * When the service worker is registered: with the first screen on a device it
 * already controls (an update check); on a first install, only once start-up
 * is over — after the load event, a delay, and an idle moment — so that its
 * download of the whole app does not compete with the visit's own start.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FIRST_INSTALL_DELAY_MS, whenServiceWorkerMayStart } from '@/services/serviceWorkerStart'
import { settled } from '../shell/helpers'

function fakeEnv(options: { controlled: boolean, readyState: DocumentReadyState }) {
  const load: (() => void)[] = []
  const idle: IdleRequestCallback[] = []
  const env = {
    navigator: { serviceWorker: { controller: options.controlled ? {} : null } } as unknown as Pick<Navigator, 'serviceWorker'>,
    document: { readyState: options.readyState },
    window: {
      addEventListener: (type: string, fn: () => void) => {
        if (type === 'load')
          load.push(fn)
      },
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      requestIdleCallback: (fn: IdleRequestCallback) => idle.push(fn),
    } as unknown as Window,
  }
  return { env, load, idle }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('service worker start', () => {
  it('starts with the first screen where a worker already controls the page (an update check)', async () => {
    const { env, idle } = fakeEnv({ controlled: true, readyState: 'loading' })
    expect(await settled(whenServiceWorkerMayStart(env))).toBe(true)
    expect(idle).toHaveLength(0)
  })

  it('waits, on a first install, for the load event, then the delay, then an idle moment', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { env, load, idle } = fakeEnv({ controlled: false, readyState: 'loading' })
    const start = whenServiceWorkerMayStart(env)
    vi.advanceTimersByTime(FIRST_INSTALL_DELAY_MS * 2)
    expect(await settled(start)).toBe(false)

    load.forEach(fn => fn())
    await settled(start)
    vi.advanceTimersByTime(FIRST_INSTALL_DELAY_MS - 1)
    expect(await settled(start)).toBe(false)
    vi.advanceTimersByTime(1)
    expect(await settled(start)).toBe(false)
    expect(idle).toHaveLength(1)

    idle[0]!({ didTimeout: false, timeRemaining: () => 10 })
    expect(await settled(start)).toBe(true)
  })

  it('counts the delay from now when the page has already loaded', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { env, load, idle } = fakeEnv({ controlled: false, readyState: 'complete' })
    const start = whenServiceWorkerMayStart(env)
    await settled(start)
    vi.advanceTimersByTime(FIRST_INSTALL_DELAY_MS)
    await settled(start)
    expect(load).toHaveLength(0)
    expect(idle).toHaveLength(1)
    idle[0]!({ didTimeout: true, timeRemaining: () => 0 })
    expect(await settled(start)).toBe(true)
  })
})

// useOnline follows navigator.onLine and the online/offline events, without
// touching navigator.connection (vueuse's version reads it on every call, during
// every page's first render), and stops listening with its scope.
import { afterEach, describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { useOnline } from '@/composables/useOnline'

const setOnLine = (value: boolean) => Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => value })

afterEach(() => {
  setOnLine(true)
  Reflect.deleteProperty(window.navigator, 'connection')
})

describe('useOnline', () => {
  it('starts from navigator.onLine and follows the online and offline events', () => {
    setOnLine(false)
    const scope = effectScope()
    const online = scope.run(() => useOnline())!
    expect(online.value).toBe(false)
    window.dispatchEvent(new Event('online'))
    expect(online.value).toBe(true)
    window.dispatchEvent(new Event('offline'))
    expect(online.value).toBe(false)
    scope.stop()
    window.dispatchEvent(new Event('online'))
    expect(online.value).toBe(false)
  })

  it('never reads navigator.connection', () => {
    let reads = 0
    Object.defineProperty(window.navigator, 'connection', { configurable: true, get: () => (reads++, { addEventListener() {} }) })
    const scope = effectScope()
    scope.run(() => useOnline())
    scope.stop()
    expect(reads).toBe(0)
  })
})

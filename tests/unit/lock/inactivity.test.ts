import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { isIdle, readLastActivity, useInactivityLock } from '@/composables/useInactivityLock'

function host(delayMs: number, active = ref(true)) {
  const onIdle = vi.fn()
  const wrapper = mount(defineComponent({
    setup() {
      useInactivityLock(delayMs, onIdle, { active, checkEveryMs: 1_000 })
      return () => h('div')
    },
  }), { attachTo: document.body })
  return { onIdle, wrapper }
}

beforeEach(() => {
  localStorage.clear()
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('auto-lock after inactivity', () => {
  it('is idle only once the delay has passed since a known input', () => {
    expect(isIdle(null, 10_000, 1_000)).toBe(false)
    expect(isIdle(9_000, 9_999, 1_000)).toBe(false)
    expect(isIdle(9_000, 10_000, 1_000)).toBe(true)
  })

  it('locks after the delay without input; input pushes it back', async () => {
    const { onIdle, wrapper } = host(60_000)
    await vi.advanceTimersByTimeAsync(50_000)
    window.dispatchEvent(new KeyboardEvent('keydown'))
    expect(readLastActivity()).not.toBeNull()
    await vi.advanceTimersByTimeAsync(50_000)
    expect(onIdle).not.toHaveBeenCalled()
    window.dispatchEvent(new Event('pointerdown'))
    await vi.advanceTimersByTimeAsync(61_000)
    expect(onIdle).toHaveBeenCalled()
    wrapper.unmount()
  })

  it('counts input in another tab (shared last input time)', async () => {
    const { onIdle, wrapper } = host(60_000)
    await vi.advanceTimersByTimeAsync(50_000)
    localStorage.setItem('reperes.lock.active', String(Date.now()))
    await vi.advanceTimersByTimeAsync(50_000)
    expect(onIdle).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('does nothing while inactive (lock off, or already locked)', async () => {
    const { onIdle, wrapper } = host(1_000, ref(false))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(onIdle).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})

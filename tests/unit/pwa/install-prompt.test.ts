import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { useInstallPrompt } from '@/composables/useInstallPrompt'

function promptEvent(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & { prompt: () => Promise<void>, userChoice: Promise<{ outcome: string }> }
  event.prompt = vi.fn(async () => {})
  event.userChoice = Promise.resolve({ outcome })
  return event
}

function harness() {
  let api!: ReturnType<typeof useInstallPrompt>
  const wrapper = mount(defineComponent({
    setup() {
      api = useInstallPrompt()
      return () => h('div')
    },
  }))
  return { wrapper, api: () => api }
}

describe('useInstallPrompt', () => {
  it('offers installation only after the browser fired beforeinstallprompt', async () => {
    const { wrapper, api } = harness()
    expect(api().deferred.value).toBeNull()
    expect(await api().install()).toBe(false)

    const event = promptEvent('accepted')
    window.dispatchEvent(event)
    await nextTick()
    expect(event.defaultPrevented).toBe(true)
    expect(api().deferred.value).toBe(event)

    expect(await api().install()).toBe(true)
    expect(event.prompt).toHaveBeenCalledOnce()
    // The event can be used once only.
    expect(api().deferred.value).toBeNull()
    wrapper.unmount()
  })

  it('forgets the prompt once the app is installed or the page is left', async () => {
    const { wrapper, api } = harness()
    window.dispatchEvent(promptEvent('dismissed'))
    window.dispatchEvent(new Event('appinstalled'))
    expect(api().deferred.value).toBeNull()
    wrapper.unmount()
    window.dispatchEvent(promptEvent('dismissed'))
    expect(api().deferred.value).toBeNull()
  })
})

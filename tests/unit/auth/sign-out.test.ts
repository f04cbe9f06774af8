import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import AuthSignOut from '@/components/auth/AuthSignOut.vue'
import { i18n } from '@/modules/i18n'
import { useAuthStore } from '@/stores/auth'

function mountSignOut() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const auth = useAuthStore()
  const wrapper = mount(AuthSignOut, { global: { plugins: [pinia, i18n] }, attachTo: document.body })
  return { wrapper, auth }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('AuthSignOut', () => {
  it('warns before losing unsent changes, then signs out only when told to', async () => {
    const { wrapper, auth } = mountSignOut()
    const signOut = vi.fn(async (o: { discardUnsent?: boolean } = {}) => (o.discardUnsent ? { ok: true as const } : { ok: false as const, unsent: 2 }))
    auth.signOut = signOut
    await wrapper.find('[data-testid="sign-out-button"]').trigger('click')
    await flushPromises()
    const warning = wrapper.find('[data-testid="sign-out-warning"]')
    expect(warning.text()).toContain('2 modifications n’ont pas encore été envoyées.')
    expect(document.activeElement).toBe(warning.element)
    await wrapper.find('[data-testid="sign-out-anyway"]').trigger('click')
    await flushPromises()
    expect(signOut).toHaveBeenLastCalledWith({ discardUnsent: true })
    expect(wrapper.text()).toContain('Rien de personnel ne reste sur ce téléphone.')
  })

  it('offers to send the changes first, and signs out once they are sent', async () => {
    const { wrapper, auth } = mountSignOut()
    let unsent = 1
    auth.signOut = vi.fn(async () => (unsent ? { ok: false as const, unsent } : { ok: true as const }))
    auth.sendUnsent = vi.fn(async () => {
      unsent = 0
      return 0
    })
    await wrapper.find('[data-testid="sign-out-button"]').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('1 modification n’a pas encore été envoyée.')
    await wrapper.findAll('button').find(b => b.text() === 'Les envoyer maintenant')!.trigger('click')
    await flushPromises()
    expect(auth.sendUnsent).toHaveBeenCalled()
    expect(wrapper.text()).toContain('Vous êtes déconnecté.')
  })

  it('says so when the changes could not be sent', async () => {
    const { wrapper, auth } = mountSignOut()
    auth.signOut = vi.fn(async () => ({ ok: false as const, unsent: 3 }))
    auth.sendUnsent = vi.fn(async () => 3)
    await wrapper.find('[data-testid="sign-out-button"]').trigger('click')
    await flushPromises()
    await wrapper.findAll('button').find(b => b.text() === 'Les envoyer maintenant')!.trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="status"]').text()).toContain('Elles n’ont pas pu partir')
    expect(auth.signOut).toHaveBeenCalledTimes(1)
  })
})

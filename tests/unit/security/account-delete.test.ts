// Account deletion on the device: only allocataires delete their own account; after the
// server said yes, the app signs out (wiping personal tables and unsent changes) and forgets
// the remaining personal keys of localStorage, keeping the device's settings.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import AccountDataRights from '@/components/account/AccountDataRights.vue'
import { i18n } from '@/modules/i18n'
import { forgetPersonalKeys } from '@/services/account'
import { useAuthStore } from '@/stores/auth'

const deleteAccount = vi.fn()
vi.mock('@/services/account', async original => ({
  ...(await original<typeof import('@/services/account')>()),
  deleteAccount: (...args: unknown[]) => deleteAccount(...args),
}))

const USER = 'de000000-0000-4000-8000-000000000002'

function mountAs(roles: string[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const auth = useAuthStore()
  auth.userId = USER
  auth.profile = { id: USER, display_name: null, preferred_locale: 'fr', roles: roles as never }
  auth.signOut = vi.fn(async () => ({ ok: true as const }))
  const wrapper = mount(AccountDataRights, { global: { plugins: [pinia, i18n] }, attachTo: document.body })
  return { wrapper, auth }
}

beforeEach(() => {
  localStorage.clear()
  deleteAccount.mockReset()
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('account deletion', () => {
  it('is not offered to staff accounts', () => {
    const { wrapper } = mountAs(['referent'])
    expect(wrapper.find('[data-testid="account-delete-start"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Un compte professionnel est fermé par un coordinateur ou une coordinatrice.')
  })

  it('asks for confirmation, deletes, signs out discarding unsent changes and forgets the device\'s personal keys', async () => {
    localStorage.setItem('reperes.settings', '{"locale":"fr"}')
    localStorage.setItem('reperes.appointments.checklist', '{}')
    localStorage.setItem('reperes.catalogue', '{}')
    deleteAccount.mockResolvedValue({ ok: true, data: { deleted: true, appointments_detached: 1, feedback_kept: 0, evaluations_kept: 0 } })
    const { wrapper, auth } = mountAs(['allocataire'])
    await wrapper.find('input[type="checkbox"]').setValue(true)
    await wrapper.find('[data-testid="account-delete-start"]').trigger('click')
    await flushPromises()
    expect(deleteAccount).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Voulez-vous vraiment supprimer votre compte ?')
    await wrapper.find('[data-testid="account-delete-confirm"]').trigger('click')
    await flushPromises()
    expect(deleteAccount).toHaveBeenCalledWith(USER, true)
    expect(auth.signOut).toHaveBeenCalledWith({ discardUnsent: true })
    expect(Object.keys(localStorage)).toEqual(['reperes.settings'])
    expect(wrapper.find('[data-testid="account-deleted"]').text()).toContain('Votre compte a été supprimé.')
  })

  it('keeps everything when the server refuses, and says why', async () => {
    deleteAccount.mockResolvedValue({ ok: false, error: 'offline' })
    const { wrapper, auth } = mountAs(['allocataire', 'groupe_ressource'])
    await wrapper.find('[data-testid="account-delete-start"]').trigger('click')
    await wrapper.find('[data-testid="account-delete-confirm"]').trigger('click')
    await flushPromises()
    expect(deleteAccount).toHaveBeenCalledWith(USER, false)
    expect(auth.signOut).not.toHaveBeenCalled()
    expect(wrapper.find('[role="alert"]').text()).toBe('Il faut une connexion Internet. Réessayez quand vous êtes connecté ou connectée.')
  })

  it('forgets only personal keys', () => {
    const storage = window.localStorage
    for (const k of ['reperes.settings', 'reperes.device_id', 'reperes.booklet', 'reperes.auth.groupe-cache', 'other-app'])
      storage.setItem(k, '1')
    expect(forgetPersonalKeys(storage)).toBe(2)
    expect(Object.keys(storage).sort()).toEqual(['other-app', 'reperes.device_id', 'reperes.settings'])
  })
})

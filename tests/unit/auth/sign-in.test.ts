import type { AuthResult } from '@/services/auth'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { isEmail, normalizePhone, safeRedirect } from '@/domain/contact'
import { i18n, loadLocale } from '@/modules/i18n'
import { routes } from '@/modules/routes'
import { classifyAuthError } from '@/services/auth'
import { useAuthStore } from '@/stores/auth'
import SignInView from '@/views/public/SignInView.vue'

async function mountSignIn(path = '/connexion') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await router.isReady()
  const auth = useAuthStore()
  auth.init = vi.fn(async () => {})
  const wrapper = mount(SignInView, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  return { wrapper, router, auth }
}

afterEach(async () => {
  document.body.innerHTML = ''
  await loadLocale('fr')
})

describe('sign-in helpers', () => {
  it('turns French mobile numbers into E.164', () => {
    expect(normalizePhone('06 12 34 56 78')).toBe('+33612345678')
    expect(normalizePhone('06.12.34.56.78')).toBe('+33612345678')
    expect(normalizePhone('+33 6 12 34 56 78')).toBe('+33612345678')
    expect(normalizePhone('0033612345678')).toBe('+33612345678')
    expect(normalizePhone('12')).toBeNull()
    expect(normalizePhone('abc')).toBeNull()
  })

  it('recognises an e-mail address', () => {
    expect(isEmail(' awa@exemple.fr ')).toBe(true)
    expect(isEmail('awa@exemple')).toBe(false)
    expect(isEmail('awa exemple.fr')).toBe(false)
  })

  it('only redirects inside the app', () => {
    expect(safeRedirect('/avis')).toBe('/avis')
    expect(safeRedirect('/rendez-vous?id=1')).toBe('/rendez-vous?id=1')
    expect(safeRedirect(['/prestations'])).toBe('/prestations')
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', undefined, 42, '/connexion'])
      expect(safeRedirect(bad)).toBe('/')
  })

  it('maps auth errors to a few plain reasons', () => {
    expect(classifyAuthError({ name: 'AuthRetryableFetchError', status: 0 })).toBe('offline')
    expect(classifyAuthError({ status: 400, code: 'invalid_credentials' })).toBe('invalid_credentials')
    expect(classifyAuthError({ status: 403, code: 'otp_expired' })).toBe('invalid_code')
    expect(classifyAuthError({ status: 429, code: 'over_email_send_rate_limit' })).toBe('rate_limited')
    expect(classifyAuthError({ status: 422, code: 'signup_disabled' })).toBe('not_allowed')
    expect(classifyAuthError({ status: 500 })).toBe('unknown')
  })
})

describe('SignInView', () => {
  it('signs staff in with a password and goes back to ?redirect=', async () => {
    const { wrapper, router, auth } = await mountSignIn('/connexion?redirect=/avis')
    const signIn = vi.fn(async (): Promise<AuthResult> => ({ ok: true, userId: 'u1' }))
    auth.signInWithPassword = signIn
    await wrapper.find('[data-testid="pro-toggle"]').setValue(true)
    const form = wrapper.find('[data-testid="password-form"]')
    await form.find('input[type="email"]').setValue('referent@demo.reperes.paris')
    await form.find('input[type="password"]').setValue('demo-password')
    await form.trigger('submit')
    await flushPromises()
    expect(signIn).toHaveBeenCalledWith('referent@demo.reperes.paris', 'demo-password')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/avis'))
  })

  it('still redirects when the sign-in finishes before the page was ready', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = createRouter({ history: createMemoryHistory(), routes })
    await router.push('/connexion?redirect=/avis')
    await router.isReady()
    const auth = useAuthStore()
    let ready!: () => void
    auth.init = vi.fn(() => new Promise<void>(resolve => (ready = resolve)))
    // The session is established (and the page's own init settles) before the form hears back.
    auth.signInWithPassword = vi.fn(async (): Promise<AuthResult> => {
      auth.userId = 'u1'
      ready()
      await flushPromises()
      return { ok: true, userId: 'u1' }
    })
    const wrapper = mount(SignInView, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
    await wrapper.find('[data-testid="pro-toggle"]').setValue(true)
    const form = wrapper.find('[data-testid="password-form"]')
    await form.find('input[type="email"]').setValue('referent@demo.reperes.paris')
    await form.find('input[type="password"]').setValue('demo-password')
    await form.trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/avis'))
    wrapper.unmount()
  })

  it('explains a refusal in plain words and moves focus to it', async () => {
    const { wrapper, auth } = await mountSignIn()
    auth.signInWithPassword = vi.fn(async (): Promise<AuthResult> => ({ ok: false, error: 'invalid_credentials' }))
    await wrapper.find('[data-testid="pro-toggle"]').setValue(true)
    const form = wrapper.find('[data-testid="password-form"]')
    await form.find('input[type="email"]').setValue('referent@demo.reperes.paris')
    await form.find('input[type="password"]').setValue('wrong')
    await form.trigger('submit')
    await flushPromises()
    const error = wrapper.find('[data-testid="sign-in-error"]')
    expect(error.text()).toBe('L’adresse e-mail ou le mot de passe ne correspond pas.')
    expect(error.find('[role="alert"]').exists()).toBe(true)
    expect(document.activeElement).toBe(error.element)
  })

  it('checks the fields before calling the server', async () => {
    const { wrapper, auth } = await mountSignIn()
    auth.signInWithPassword = vi.fn()
    await wrapper.find('[data-testid="pro-toggle"]').setValue(true)
    await wrapper.find('[data-testid="password-form"]').trigger('submit')
    await flushPromises()
    expect(auth.signInWithPassword).not.toHaveBeenCalled()
    const errors = wrapper.findAll('[role="alert"]').map(e => e.text())
    expect(errors).toEqual(['Écrivez une adresse e-mail complète, par exemple nom@exemple.fr.', 'Écrivez votre mot de passe.'])
  })

  it('signs an allocataire in with a code sent by SMS', async () => {
    const { wrapper, router, auth } = await mountSignIn('/connexion?redirect=//evil.example')
    auth.sendOtp = vi.fn(async () => ({ ok: true as const }))
    auth.verifyOtp = vi.fn(async (): Promise<AuthResult> => ({ ok: true, userId: 'u2' }))
    await wrapper.find('input[value="phone"]').setValue(true)
    await wrapper.find('input[type="tel"]').setValue('06 12 34 56 78')
    await wrapper.find('[data-testid="otp-form"]').trigger('submit')
    await flushPromises()
    expect(auth.sendOtp).toHaveBeenCalledWith({ phone: '+33612345678' })
    const codeForm = wrapper.find('[data-testid="code-form"]')
    expect(codeForm.text()).toContain('Nous avons envoyé un code à 6 chiffres à 06 12 34 56 78.')
    expect(document.activeElement).toBe(codeForm.find('input').element)
    await codeForm.find('input').setValue('123 456')
    await codeForm.trigger('submit')
    await flushPromises()
    expect(auth.verifyOtp).toHaveBeenCalledWith({ phone: '+33612345678' }, '123456')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/'))
  })

  it('works in Arabic', async () => {
    await loadLocale('ar')
    const { wrapper, auth } = await mountSignIn()
    auth.sendOtp = vi.fn(async () => ({ ok: false as const, error: 'offline' as const }))
    await wrapper.find('input[type="email"]').setValue('awa@exemple.fr')
    await wrapper.find('[data-testid="otp-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.find('h1').text()).not.toBe('Se connecter')
    expect(wrapper.find('[data-testid="sign-in-error"]').text()).toContain('لا يوجد اتصال بالإنترنت')
  })
})

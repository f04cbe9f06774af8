import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import App from '@/App.vue'
import { STAFF_NAV, visibleItems } from '@/components/layout/navItems'
import { i18n, loadLocale } from '@/modules/i18n'
import { routes } from '@/modules/routes'
import { useAuthStore } from '@/stores/auth'

async function mountAt(path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(App, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  return { wrapper, router, auth: useAuthStore() }
}

/** One task: the shell renders one more of its parts per task at first (App.vue). */
const nextTask = () => new Promise(resolve => setTimeout(resolve, 0))

async function mountedAt(path: string) {
  const mounted = await mountAt(path)
  await nextTask()
  await nextTask()
  return mounted
}

describe('role-dependent navigation', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('filters work areas by any matching role', () => {
    expect(visibleItems(STAFF_NAV, []).map(i => i.to)).toEqual([])
    expect(visibleItems(STAFF_NAV, ['allocataire', 'groupe_ressource']).map(i => i.to)).toEqual(['/groupe'])
    expect(visibleItems(STAFF_NAV, ['referent', 'coordinator']).map(i => i.to)).toEqual(['/suivi', '/admin'])
  })

  it('shows the five allocataire areas and hides work areas when signed out', async () => {
    const { wrapper } = await mountedAt('/')
    const links = wrapper.findAll('nav[aria-label="Navigation principale"] a').map(a => a.text())
    expect(links).toEqual(['Accueil', 'Livret', 'Rendez-vous', 'Prestations', 'Avis'])
    expect(wrapper.find('[data-testid="staff-nav"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows the outreach area once the profile has the role', async () => {
    const { wrapper, auth } = await mountedAt('/')
    auth.profile = { id: 'u1', display_name: 'Awa', preferred_locale: 'fr', roles: ['outreach'] }
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[data-testid="staff-nav"]').text()).toBe('Terrain')
    wrapper.unmount()
  })

  it('answers a restricted route with an explanation instead of the screen', async () => {
    const { wrapper } = await mountedAt('/admin')
    expect(wrapper.find('h1').text()).toBe('Administration')
    expect(wrapper.text()).toContain('Espace réservé')
    expect(wrapper.find('a[href="/connexion?redirect=/admin"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('renders the header first, then the screen, then the bottom navigation, each in a task of its own', async () => {
    const { wrapper } = await mountAt('/livret')
    const shown = () => ({
      header: wrapper.find('header').exists(),
      screen: wrapper.find('main h1').exists(),
      nav: wrapper.find('nav[aria-label="Navigation principale"]').exists(),
    })
    expect(shown()).toEqual({ header: true, screen: false, nav: false })
    await nextTask()
    expect(shown()).toEqual({ header: true, screen: true, nav: false })
    await nextTask()
    expect(shown()).toEqual({ header: true, screen: true, nav: true })
    wrapper.unmount()
  })

  it('gives every route a translated title in each locale', async () => {
    for (const locale of ['fr', 'en', 'ar'] as const) {
      await loadLocale(locale)
      for (const route of routes)
        expect(i18n.global.te(route.meta!.titleKey, locale), `${locale}:${route.meta!.titleKey}`).toBe(true)
    }
    await loadLocale('fr')
  })
})

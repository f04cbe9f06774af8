import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/modules/i18n'
import { routes } from '@/modules/routes'
import BookletView from '@/views/public/BookletView.vue'
import PrestationsView from '@/views/public/PrestationsView.vue'
import StructuresView from '@/views/public/StructuresView.vue'
import { section, SECTIONS } from '../booklet/fixtures'
import { axeViolations } from '../booklet/mountHelpers'
import { PRESTATIONS, structure } from '../catalogue/fixtures'
import { putRows, resetAll, until } from './helpers'

beforeEach(async () => {
  await resetAll()
})

afterEach(() => {
  document.body.innerHTML = ''
})

async function mountAt<T>(component: T, path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return mount(component as any, { attachTo: document.body, global: { plugins: [i18n, router] } })
}

describe('BookletView', () => {
  it('says content comes with the first connection when the device has none yet', async () => {
    const wrapper = await mountAt(BookletView, '/livret')
    window.dispatchEvent(new Event('offline'))
    await until(() => expect(wrapper.get('[data-testid="content-state"]').text()).toContain('première connexion à internet'))
    expect(wrapper.get('h1').text()).toBe('Livret d’accueil')
    window.dispatchEvent(new Event('online'))
  })

  it('shows the reading aids, search, contents and every section, with the change-référent request where it belongs', async () => {
    await putRows('booklet_sections', [...SECTIONS, section({ slug: 'changer-referent', position: 50, title: 'Changer de référent', body: 'Vous pouvez demander.' })])
    const wrapper = await mountAt(BookletView, '/livret')
    await until(() => expect(wrapper.findAll('article.booklet-section')).toHaveLength(4))
    expect(wrapper.findAll('.toc__link').map(a => a.attributes('href'))).toEqual([
      '#livret-rsa', '#livret-droits-devoirs', '#livret-changer-referent', '#livret-contacts',
    ])
    expect(wrapper.find('[data-testid="variant-full"]').exists()).toBe(true)
    expect(wrapper.find('input[type="search"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="text-larger"]').exists()).toBe(true)
    expect(wrapper.get('#livret-changer-referent').find('[data-testid="change-referent"]').exists()).toBe(true)
    expect(wrapper.get('#livret-rsa').find('[data-testid="change-referent"]').exists()).toBe(false)
    // Every section can be read aloud (here the device has no voice: it says so).
    expect(wrapper.findAll('.read-aloud')).toHaveLength(4)
    expect(await axeViolations(wrapper.element)).toEqual([])

    await wrapper.get('[data-testid="variant-full"]').setValue(true)
    await flushPromises()
    expect(wrapper.get('#livret-rsa h2').text()).toBe('Le revenu de solidarité active')
  })
})

describe('PrestationsView', () => {
  it('groups prestations by registre, filters them and shows favourites only', async () => {
    await putRows('prestations', PRESTATIONS)
    const wrapper = await mountAt(PrestationsView, '/prestations')
    await until(() => expect(wrapper.findAll('[data-registre]').length).toBeGreaterThan(0))
    expect(wrapper.findAll('section[data-registre] > h2').map(h => h.text())).toEqual(['Apprendre, se former', 'Rencontrer des employeurs', 'Créer son activité'])
    expect(wrapper.get('a[href="/prestations/p4"]').text()).toBe('Évaluation de l’idée')
    expect(await axeViolations(wrapper.element)).toEqual([])

    await wrapper.get('[data-testid="prestation-p4"] [data-testid="favourite"]').trigger('click')
    await wrapper.get('[data-testid="favourites-only"]').setValue(true)
    expect(wrapper.findAll('article').map(a => a.attributes('data-testid'))).toEqual(['prestation-p4'])
    expect(wrapper.get('.prestations__favourites label').text()).toBe('Seulement mes favoris (1)')
  })
})

describe('StructuresView', () => {
  it('filters by the arrondissement chosen as "near me"', async () => {
    await putRows('structures', [
      structure({ id: 's1', name: 'Espace insertion Paris 18e', arrondissement: 18, opening_hours: { mon: [['09:00', '17:00']] } }),
      structure({ id: 's2', name: 'CAPI Paris 20e', kind: 'CAPI', arrondissement: 20 }),
    ])
    const wrapper = await mountAt(StructuresView, '/structures')
    await until(() => expect(wrapper.findAll('article')).toHaveLength(2))
    const near = wrapper.get('[data-testid="near-me"] select')
    await near.setValue('20')
    expect(wrapper.findAll('article h2').map(h => h.text())).toEqual(['CAPI Paris 20e'])
    expect(wrapper.get('a[href="/structures/s2"]').text()).toContain('Voir la fiche')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

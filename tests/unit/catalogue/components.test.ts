import type { PrestationFilter, StructureFilter } from '@/domain/catalogue'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import EventCard from '@/components/catalogue/EventCard.vue'
import OpeningStatusBadge from '@/components/catalogue/OpeningStatusBadge.vue'
import PrestationCard from '@/components/catalogue/PrestationCard.vue'
import PrestationFilters from '@/components/catalogue/PrestationFilters.vue'
import StructureCard from '@/components/catalogue/StructureCard.vue'
import StructureFilters from '@/components/catalogue/StructureFilters.vue'
import { emptyPrestationFilter, emptyStructureFilter } from '@/domain/catalogue'
import { axeViolations, plugins, useLocale } from '../booklet/mountHelpers'
import { event, PRESTATIONS, structure } from './fixtures'

const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36'
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1'

afterEach(async () => {
  document.body.innerHTML = ''
  await useLocale('fr')
})

function mountWith<T>(component: T, props: Record<string, unknown>) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return mount(component as any, { props, attachTo: document.body, global: { plugins: plugins() } })
}

const EI18 = structure({
  id: 's1', kind: 'EI', name: 'Espace insertion Paris 18e', summary: 'Accueil des allocataires du RSA du 18e.',
  address: '4 rue Affre', postcode: '75018', arrondissement: 18, phone: '01 53 09 00 18', email: 'ei18@example.org',
  website: 'https://www.paris.fr', accessibility: 'Entrée de plain-pied, boucle magnétique à l’accueil.', last_checked_at: '2026-10-01',
  opening_hours: {
    mon: [['09:00', '12:30'], ['13:30', '17:00']], tue: [['09:00', '12:30'], ['13:30', '17:00']], wed: [['09:00', '12:30']],
    thu: [['09:00', '12:30'], ['13:30', '17:00']], fri: [['09:00', '12:30'], ['13:30', '16:30']],
  },
})

describe('StructureCard', () => {
  it('shows whether it is open now, in Paris time', () => {
    const wrapper = mountWith(StructureCard, { structure: EI18, now: new Date('2026-11-30T09:00:00Z'), userAgent: IPHONE })
    expect(wrapper.get('.opening').text()).toBe('Ouvert jusqu’à 12:30')
    expect(wrapper.get('.opening').attributes('data-state')).toBe('open')
  })

  it('gives tap-to-call, e-mail, website and a map link suited to the phone', () => {
    const iphone = mountWith(StructureCard, { structure: EI18, now: new Date('2026-11-30T09:00:00Z'), userAgent: IPHONE })
    const tel = iphone.get('[data-testid="tel-link"]')
    expect(tel.attributes('href')).toBe('tel:0153090018')
    expect(tel.text()).toContain('Appeler le')
    expect(tel.text()).toContain('01 53 09 00 18')
    const web = iphone.get('[data-testid="map-link"]')
    expect(web.attributes('href')).toBe('https://www.openstreetmap.org/search?query=4%20rue%20Affre%2C%2075018%20Paris')
    expect(web.attributes('target')).toBe('_blank')
    expect(iphone.find('a[href="mailto:ei18@example.org"]').exists()).toBe(true)
    expect(iphone.get('a[href="https://www.paris.fr/"]').text()).toContain('paris.fr')

    const android = mountWith(StructureCard, { structure: EI18, now: new Date('2026-11-30T09:00:00Z'), userAgent: ANDROID })
    const geo = android.get('[data-testid="map-link"]')
    expect(geo.attributes('href')).toBe('geo:0,0?q=4%20rue%20Affre%2C%2075018%20Paris')
    expect(geo.attributes('target')).toBeUndefined()
  })

  it('lists the week’s hours and the accessibility notes', () => {
    const wrapper = mountWith(StructureCard, { structure: EI18, now: new Date('2026-11-30T09:00:00Z'), userAgent: IPHONE })
    const rows = wrapper.findAll('details tr')
    expect(rows).toHaveLength(7)
    expect(rows[0]!.text()).toContain('lundi')
    expect(rows[0]!.text()).toContain('09:00 – 12:30')
    expect(rows[6]!.text()).toContain('Fermé')
    expect(wrapper.text()).toContain('boucle magnétique')
    expect(wrapper.text()).toContain('Informations vérifiées le 1 octobre 2026')
    expect(wrapper.get('.structure__kind').text()).toBe('Espace insertion · 18e arrondissement')
  })

  it('toggles the favourite with aria-pressed', async () => {
    const wrapper = mountWith(StructureCard, { structure: EI18, now: new Date('2026-11-30T09:00:00Z'), favourite: true })
    const star = wrapper.get('[data-testid="favourite"]')
    expect(star.attributes('aria-pressed')).toBe('true')
    expect(star.attributes('aria-label')).toBe('Favori : Espace insertion Paris 18e')
    await star.trigger('click')
    expect(wrapper.emitted('toggle-favourite')).toEqual([['s1']])
  })

  it('has no axe violations, in French and in Arabic', async () => {
    const fr = mountWith(StructureCard, { structure: EI18, now: new Date('2026-11-30T09:00:00Z'), favourite: false })
    expect(await axeViolations(fr.element)).toEqual([])
    fr.unmount()
    await useLocale('ar')
    const ar = mountWith(StructureCard, { structure: EI18, now: new Date('2026-11-30T09:00:00Z'), favourite: false })
    expect(ar.get('.structure__kind').text()).toContain('الدائرة 18')
    expect(await axeViolations(ar.element)).toEqual([])
  })
})

describe('OpeningStatusBadge', () => {
  it.each([
    ['2026-11-30T11:05:00Z', 'Ferme bientôt, à 12:30'],
    ['2026-11-30T11:45:00Z', 'Fermé · ouvre aujourd’hui à 13:30'],
    ['2026-11-27T16:00:00Z', 'Fermé · ouvre lundi à 09:00'],
    ['2026-12-01T17:00:00Z', 'Fermé · ouvre demain à 09:00'],
    ['2026-05-14T08:00:00Z', 'Fermé : jour férié · ouvre demain à 09:00'],
  ])('at %s says "%s"', (now, text) => {
    expect(mountWith(OpeningStatusBadge, { hours: EI18.opening_hours, now: new Date(now) }).text()).toBe(text)
  })

  it('speaks the reader’s language', async () => {
    await useLocale('en')
    expect(mountWith(OpeningStatusBadge, { hours: EI18.opening_hours, now: new Date('2026-11-27T16:00:00Z') }).text()).toBe('Closed · opens Monday at 9:00 AM')
    expect(mountWith(OpeningStatusBadge, { hours: {}, now: new Date() }).text()).toBe('Opening hours not given')
  })
})

describe('PrestationCard', () => {
  const p2 = PRESTATIONS.find(p => p.id === 'p2')!

  it('shows the registre, how to get it, for whom and where, in plain words', () => {
    const wrapper = mountWith(PrestationCard, { prestation: p2, structureName: 'Langues et métiers' })
    expect(wrapper.get('.prestation__registre').text()).toBe('Apprendre, se former')
    expect(wrapper.get('h3').text()).toBe(p2.title)
    expect(wrapper.get('[data-testid="access-mode"]').text()).toBe('Avec votre référent Demandez à votre référent : il vous inscrit.')
    expect(wrapper.findAll('.chip').map(c => c.text())).toEqual(['Femmes', 'Parents seuls avec enfants', 'Personnes au RSA'])
    expect(wrapper.text()).toContain('18e arrondissement, 19e arrondissement, 20e arrondissement')
    expect(wrapper.text()).toContain('Langues et métiers')
    expect(wrapper.find('[data-testid="favourite"]').exists()).toBe(false)
  })

  it('says "Tout Paris" and "Accès direct", and toggles the favourite', async () => {
    const p3 = PRESTATIONS.find(p => p.id === 'p3')!
    const wrapper = mountWith(PrestationCard, { prestation: p3, favourite: false })
    expect(wrapper.text()).toContain('Tout Paris')
    expect(wrapper.get('[data-testid="access-mode"]').text()).toContain('Accès direct')
    expect(wrapper.find('.chip').exists()).toBe(false)
    await wrapper.get('[data-testid="favourite"]').trigger('click')
    expect(wrapper.emitted('toggle-favourite')).toEqual([['p3']])
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it('marks French content inside an Arabic interface', async () => {
    await useLocale('ar')
    const wrapper = mountWith(PrestationCard, { prestation: p2, favourite: true })
    expect(wrapper.get('h3').attributes('lang')).toBe('fr')
    expect(wrapper.get('.prestation__registre').text()).toBe('التعلّم والتكوين')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

describe('PrestationFilters', () => {
  it('replaces the filter object on every choice and resets it', async () => {
    let filter: PrestationFilter = emptyPrestationFilter()
    const wrapper = mountWith(PrestationFilters, {
      'modelValue': filter,
      'resultCount': 3,
      'onUpdate:modelValue': (v: PrestationFilter) => {
        filter = v
        wrapper.setProps({ modelValue: v })
      },
    })
    expect(wrapper.get('[role="status"]').text()).toBe('3 prestations')
    expect(wrapper.find('[data-testid="filters-reset"]').exists()).toBe(false)

    const selects = wrapper.findAll('select')
    expect(selects).toHaveLength(4)
    await selects[0]!.setValue('creation_activite')
    expect(filter.registre).toBe('creation_activite')
    await selects[2]!.setValue('18')
    expect(filter.arrondissement).toBe(18)
    await selects[3]!.setValue('direct')
    await wrapper.get('input[type="search"]').setValue('forum')
    expect(filter).toMatchObject({ registre: 'creation_activite', arrondissement: 18, accessMode: 'direct', query: 'forum', public: null })
    await selects[0]!.setValue('')
    expect(filter.registre).toBeNull()

    await wrapper.get('[data-testid="filters-reset"]').trigger('click')
    expect(filter).toEqual({ ...emptyPrestationFilter(), ids: null })
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it('labels every control', () => {
    const wrapper = mountWith(PrestationFilters, { modelValue: emptyPrestationFilter() })
    for (const control of wrapper.findAll('select, input'))
      expect(wrapper.find(`label[for="${control.attributes('id')}"]`).exists()).toBe(true)
    expect(wrapper.findAll('select')[2]!.findAll('option')[1]!.text()).toBe('1er arrondissement')
  })
})

describe('StructureFilters', () => {
  it('filters by kind, arrondissement and text', async () => {
    let filter: StructureFilter = emptyStructureFilter()
    const wrapper = mountWith(StructureFilters, {
      'modelValue': filter,
      'resultCount': 1,
      'onUpdate:modelValue': (v: StructureFilter) => {
        filter = v
        wrapper.setProps({ modelValue: v })
      },
    })
    expect(wrapper.get('[role="status"]').text()).toBe('1 structure')
    const [kind, arrondissement] = wrapper.findAll('select')
    await kind!.setValue('CAPI')
    await arrondissement!.setValue('20')
    await wrapper.get('input').setValue('envierges')
    expect(filter).toEqual({ kind: 'CAPI', arrondissement: 20, query: 'envierges' })
    expect(kind!.findAll('option').map(o => o.text())).toContain('Mission locale (16-25 ans)')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

describe('EventCard', () => {
  const forum = event({
    id: 'e1', kind: 'information_collective', title: 'Information collective : métiers des services à la personne',
    description: 'Aide à domicile, garde d’enfants.', starts_at: '2027-03-04T08:30:00Z', ends_at: '2027-03-04T11:00:00Z',
    place: 'MdEE Paris 20e', address: '15 rue Ramus, 75020 Paris', arrondissement: 20, seats: 30,
    registration: 'Sans inscription.', registration_url: 'https://www.paris.fr/emploi',
  })

  it('shows the date in Paris time, the place with a map, seats and registration', async () => {
    const wrapper = mountWith(EventCard, { event: forum, userAgent: IPHONE })
    expect(wrapper.get('.event__kind').text()).toBe('Réunion d’information')
    const time = wrapper.get('time')
    expect(time.attributes('datetime')).toBe('2027-03-04T08:30:00Z')
    expect(time.text()).toMatch(/jeudi 4 mars 2027/)
    expect(time.text()).toMatch(/09:30/)
    expect(time.text()).toMatch(/12:00/)
    expect(wrapper.get('[data-testid="map-link"]').attributes('href')).toContain('openstreetmap.org')
    expect(wrapper.text()).toContain('30 places')
    expect(wrapper.get('a[href="https://www.paris.fr/emploi"]').text()).toContain('S’inscrire en ligne')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

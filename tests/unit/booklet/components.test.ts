import type { SpeechReader } from '@/services/speech'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import BookletChangedBadge from '@/components/booklet/BookletChangedBadge.vue'
import BookletReadAloud from '@/components/booklet/BookletReadAloud.vue'
import BookletSearch from '@/components/booklet/BookletSearch.vue'
import BookletSection from '@/components/booklet/BookletSection.vue'
import BookletToc from '@/components/booklet/BookletToc.vue'
import BookletVariantSwitch from '@/components/booklet/BookletVariantSwitch.vue'
import { SPEECH_READER } from '@/composables/useReadAloud'
import { chooseSections, tableOfContents } from '@/domain/booklet'
import { createSpeechReader } from '@/services/speech'
import { FakeSynth, makeUtterance, VOICES } from './fakeSpeech'
import { section, SECTIONS } from './fixtures'
import { axeViolations, plugins, useLocale } from './mountHelpers'

afterEach(async () => {
  document.body.innerHTML = ''
  await useLocale('fr')
})

function mountWith<T>(component: T, props: Record<string, unknown>, provide: Record<symbol, unknown> = {}) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return mount(component as any, { props, attachTo: document.body, global: { plugins: plugins(), provide } })
}

const BODY = [
  ':::picto money',
  '### Qui paie le RSA ?',
  '',
  'La **CAF** verse le RSA.',
  'Voir [les structures](/structures) ou [la CAF](https://www.caf.fr).',
  '',
  '- Téléphone : [3230](tel:3230)',
  '- [piège](javascript:alert(1)) <script>alert(1)</script><img src=x onerror=alert(1)>',
  '',
  '### Qui paie le RSA ?',
].join('\n')

describe('BookletSection', () => {
  it('renders Markdown as elements: headings with anchors, router links, safe external and phone links', async () => {
    const wrapper = mountWith(BookletSection, { section: section({ slug: 'rsa', title: 'Le RSA', body: BODY }) })
    const article = wrapper.get('article')
    expect(article.attributes('id')).toBe('livret-rsa')
    expect(article.attributes('lang')).toBe('fr')
    expect(wrapper.get('h2').text()).toBe('Le RSA')
    const h3 = wrapper.findAll('h3')
    expect(h3.map(h => h.attributes('id'))).toEqual(['livret-rsa--qui-paie-le-rsa', 'livret-rsa--qui-paie-le-rsa-2'])
    expect(wrapper.get('strong').text()).toBe('CAF')
    expect(wrapper.find('.booklet-markdown').text()).not.toContain(':::picto')

    const internal = wrapper.get('a[href="/structures"]')
    expect(internal.attributes('target')).toBeUndefined()
    const external = wrapper.get('a[href="https://www.caf.fr/"]')
    expect(external.attributes('target')).toBe('_blank')
    expect(external.attributes('rel')).toContain('noopener')
    expect(external.text()).toContain('nouvel onglet')
    expect(wrapper.get('a[href="tel:3230"]').text()).toBe('3230')
  })

  it('never lets a script, an event handler or a javascript: link through', () => {
    const wrapper = mountWith(BookletSection, { section: section({ slug: 'rsa', title: 'Le RSA', body: BODY }) })
    const html = wrapper.html()
    expect(wrapper.find('script').exists()).toBe(false)
    expect(wrapper.find('img').exists()).toBe(false)
    expect(html).not.toContain('javascript:')
    expect(html).not.toContain('onerror')
    expect(wrapper.text()).toContain('piège')
  })

  it('navigates app links with the router', async () => {
    const wrapper = mountWith(BookletSection, { section: section({ slug: 'rsa', title: 'Le RSA', body: BODY }) })
    const router = wrapper.vm.$router
    await wrapper.get('a[href="/structures"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/structures')
  })

  it('reads an Arabic section right to left with its own language, notices in the interface language', async () => {
    const wrapper = mountWith(BookletSection, {
      section: section({ slug: 'rsa', locale: 'ar', variant: 'full', title: 'ما هو RSA؟', body: 'يدفع **الصندوق** المبلغ.' }),
      variantFallback: true,
      changeStatus: 'updated',
    })
    const article = wrapper.get('article')
    expect(article.attributes('lang')).toBe('ar')
    expect(article.attributes('dir')).toBe('rtl')
    const notice = wrapper.get('.booklet-section__notice')
    expect(notice.attributes('lang')).toBe('fr')
    expect(notice.text()).toContain('lecture facile')
    expect(wrapper.get('.badge').attributes('lang')).toBe('fr')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it('says when a section is shown in another language', async () => {
    await useLocale('en')
    const wrapper = mountWith(BookletSection, { section: section({ slug: 'rsa', title: 'Le RSA', body: 'Texte.' }), localeFallback: true })
    expect(wrapper.get('.booklet-section__notice').text()).toContain('French')
  })

  it('has slots for actions under the title and content after the text', () => {
    const wrapper = mount(BookletSection, {
      props: { section: section({ slug: 'changer-referent', title: 'Changer', body: 'Texte.' }) },
      slots: { actions: '<button type="button">Écouter</button>', after: '<button type="button" id="ask">Demander</button>' },
      global: { plugins: plugins() },
    })
    expect(wrapper.find('.booklet-section__actions button').text()).toBe('Écouter')
    expect(wrapper.find('#ask').exists()).toBe(true)
  })

  it('has no axe violations for every first-edition pictogram and a rich body', async () => {
    const wrapper = mountWith(BookletSection, { section: section({ slug: 'contacts', title: 'Qui contacter ?', body: BODY }), changeStatus: 'new' })
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

describe('BookletToc', () => {
  const entries = tableOfContents(chooseSections(SECTIONS, { locale: 'fr', variant: 'easy' }))

  it('lists in-page links with pictures, current section and badges, and emits select', async () => {
    const wrapper = mountWith(BookletToc, { entries, current: 'droits-devoirs', changes: { 'droits-devoirs': 'updated' } })
    const links = wrapper.findAll('a')
    expect(links.map(a => a.attributes('href'))).toEqual(['#livret-rsa', '#livret-droits-devoirs', '#livret-changer-referent', '#livret-contacts'])
    expect(links[1]!.attributes('aria-current')).toBe('location')
    expect(links[0]!.attributes('aria-current')).toBeUndefined()
    expect(links[1]!.text()).toContain('Mis à jour')
    expect(wrapper.findAll('svg[data-pictogram]').map(s => s.attributes('data-pictogram'))).toEqual(['money', 'scale', 'swap', 'phone'])
    await links[2]!.trigger('click')
    expect(wrapper.emitted('select')).toEqual([['changer-referent']])
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

describe('BookletVariantSwitch', () => {
  it('is a labelled radio group bound to v-model', async () => {
    let model = 'easy'
    const wrapper = mountWith(BookletVariantSwitch, {
      'modelValue': model,
      'onUpdate:modelValue': (v: string) => {
        model = v
        wrapper.setProps({ modelValue: v })
      },
    })
    expect(wrapper.get('legend').text()).toBe('Type de texte')
    const easy = wrapper.get<HTMLInputElement>('[data-testid="variant-easy"]')
    const full = wrapper.get<HTMLInputElement>('[data-testid="variant-full"]')
    expect(easy.element.checked).toBe(true)
    expect(easy.attributes('name')).toBe(full.attributes('name'))
    await full.setValue(true)
    expect(model).toBe('full')
    expect(full.element.checked).toBe(true)
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

describe('BookletSearch', () => {
  const shown = chooseSections(SECTIONS, { locale: 'fr', variant: 'easy' }).map(c => c.section)

  it('shows matching sections with highlighted words and announces the count', async () => {
    const wrapper = mountWith(BookletSearch, { 'sections': shown, 'modelValue': '', 'onUpdate:modelValue': (v: string) => wrapper.setProps({ modelValue: v }) })
    expect(wrapper.get('[role="status"]').text()).toBe('')
    await wrapper.get('input').setValue('referent')
    // The search code loads with the first query.
    await vi.waitFor(() => expect(wrapper.get('[role="status"]').text()).toBe('2 résultats'))
    expect(wrapper.findAll('mark').map(m => m.text())).toContain('référent')
    await wrapper.get('[data-testid="search-hit-rsa"]').trigger('click')
    expect(wrapper.emitted('select')).toEqual([['rsa']])
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it('says when nothing matches', async () => {
    const wrapper = mountWith(BookletSearch, { sections: shown, modelValue: 'jardin' })
    await vi.waitFor(() => expect(wrapper.get('[role="status"]').text()).toContain('Aucun résultat pour « jardin »'))
    expect(wrapper.find('ol').exists()).toBe(false)
  })
})

describe('BookletChangedBadge', () => {
  it('shows nothing once read', () => {
    expect(mountWith(BookletChangedBadge, { status: 'read' }).find('.badge').exists()).toBe(false)
    expect(mountWith(BookletChangedBadge, { status: 'new' }).text()).toBe('Nouveau')
  })
})

describe('BookletReadAloud', () => {
  function withReader(reader: SpeechReader, props: Record<string, unknown>) {
    return mountWith(BookletReadAloud, props, { [SPEECH_READER]: reader })
  }

  it('toggles reading with aria-pressed, shows the state, and stops', async () => {
    const synth = new FakeSynth(VOICES)
    const wrapper = withReader(createSpeechReader(synth, { makeUtterance }), { text: '### Titre\n\nUne phrase. Une autre.', lang: 'fr' })
    await flushPromises()
    const toggle = wrapper.get('[data-testid="read-aloud-toggle"]')
    expect(toggle.attributes('aria-pressed')).toBe('false')
    expect(toggle.text()).toBe('Écouter')

    await toggle.trigger('click')
    await flushPromises()
    expect(toggle.attributes('aria-pressed')).toBe('true')
    expect(wrapper.get('[role="status"]').text()).toBe('Lecture en cours')
    expect(synth.current?.text).toBe('Titre')
    expect(toggle.text()).toBe('Écouter')

    await toggle.trigger('click')
    expect(toggle.attributes('aria-pressed')).toBe('false')
    expect(wrapper.get('[role="status"]').text()).toBe('Lecture en pause')

    await wrapper.get('[data-testid="read-aloud-stop"]').trigger('click')
    expect(wrapper.find('[data-testid="read-aloud-stop"]').exists()).toBe(false)
    expect(wrapper.get('[role="status"]').text()).toBe('')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it('explains that the device has no voice for the language', async () => {
    await useLocale('en')
    const wrapper = withReader(createSpeechReader(new FakeSynth(VOICES), { makeUtterance }), { text: 'مرحبا.', lang: 'ar' })
    await flushPromises()
    expect(wrapper.find('[data-testid="read-aloud-toggle"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="read-aloud-fallback"]').text()).toContain('no voice in Arabic')
  })

  it('explains that the browser cannot read aloud', async () => {
    const wrapper = withReader(createSpeechReader(null), { text: 'Bonjour.', lang: 'fr' })
    await flushPromises()
    expect(wrapper.get('[data-testid="read-aloud-fallback"]').text()).toContain('ne peut pas lire ce texte à voix haute')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it('stops reading when it leaves the page', async () => {
    const synth = new FakeSynth(VOICES)
    const reader = createSpeechReader(synth, { makeUtterance })
    const wrapper = withReader(reader, { text: 'Un. Deux.', lang: 'fr' })
    await wrapper.get('[data-testid="read-aloud-toggle"]').trigger('click')
    await flushPromises()
    expect(reader.state).toBe('speaking')
    wrapper.unmount()
    expect(reader.state).toBe('idle')
  })
})

import type { ContactForm } from '@/domain/outreach'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import OutreachConsentPanel from '@/components/outreach/OutreachConsentPanel.vue'
import OutreachContactForm from '@/components/outreach/OutreachContactForm.vue'
import OutreachWeeklyChart from '@/components/outreach/OutreachWeeklyChart.vue'
import { SPEECH_READER } from '@/composables/useReadAloud'
import { emptyContactForm } from '@/domain/outreach'
import { aggregateDashboard } from '@/domain/outreachDashboard'
import { createSpeechReader } from '@/services/speech'
import { FakeSynth, makeUtterance, VOICES } from '../booklet/fakeSpeech'
import { axeViolations, plugins, useLocale } from '../booklet/mountHelpers'

afterEach(async () => {
  document.body.innerHTML = ''
  await useLocale('fr')
})

const speech = () => createSpeechReader(new FakeSynth(VOICES), { makeUtterance, voicesTimeoutMs: 10 })
const STRUCTURES = [{ id: '5e000000-0000-4000-8000-000000000019', name: 'PLIE Paris nord-est', kind: 'PLIE', arrondissement: 19 }]

/** The form with its v-model wired to a ref the test can read. */
function mountForm(initial: Partial<ContactForm> = {}) {
  const model = ref<ContactForm>({ ...emptyContactForm(crypto.randomUUID(), new Date()), ...initial })
  const submitted: ContactForm[] = []
  const Host = defineComponent(() => () => h(OutreachContactForm, {
    'modelValue': model.value,
    'onUpdate:modelValue': (v: ContactForm) => (model.value = v),
    'teamQuartiers': ['Goutte d\'Or', 'La Chapelle'],
    'structures': STRUCTURES,
    'today': '2026-11-20',
    'submitLabel': 'Enregistrer le contact',
    'onSubmit': (f: ContactForm) => submitted.push(JSON.parse(JSON.stringify(f)) as ContactForm),
  }))
  const wrapper = mount(Host, { attachTo: document.body, global: { plugins: plugins(), provide: { [SPEECH_READER]: speech() } } })
  return { wrapper, model, submitted }
}

describe('the capture form', () => {
  it('saves the minimal contact in taps only: quartier, how, age band, a need', async () => {
    const { wrapper, model, submitted } = mountForm()
    await wrapper.get('input[type="radio"][value="Goutte d\'Or"]').setValue(true)
    await wrapper.get('input[type="radio"][value="market"]').setValue(true)
    await wrapper.get('input[type="radio"][value="18_25"]').setValue(true)
    await wrapper.get('input[type="checkbox"][value="emploi"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(submitted).toHaveLength(1)
    expect(submitted[0]).toMatchObject({ quartier: 'Goutte d\'Or', met_how: 'market', age_band: '18_25', under_26: true, needs: ['emploi'] })
    expect(model.value.under_26).toBe(true)
  })

  it('says what is missing and saves nothing', async () => {
    const { wrapper, submitted } = mountForm()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(submitted).toHaveLength(0)
    expect(wrapper.get('[data-testid="form-errors"]').text()).toContain('choisissez le quartier')
    expect(document.activeElement).toBe(wrapper.get('[data-testid="form-errors"]').element)
  })

  it('asks once more before saving a note with sensitive words', async () => {
    const { wrapper, submitted } = mountForm({ quartier: 'La Chapelle', met_how: 'street', note: 'Sort de prison' })
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(submitted).toHaveLength(0)
    expect(wrapper.get('[data-testid="sensitive-confirm"]').text()).toContain('« prison »')
    await wrapper.get('[data-testid="sensitive-save-anyway"]').trigger('click')
    expect(submitted).toHaveLength(1)
    expect(submitted[0]!.note_confirmed).toBe('Sort de prison')
  })

  it('records consent with the text version and language shown, then offers the identity fields', async () => {
    const { wrapper, model } = mountForm({ quartier: 'La Chapelle', met_how: 'street' })
    await wrapper.get('[data-testid="ask-consent"]').trigger('click')
    const panel = wrapper.get('[data-testid="consent-panel"]')
    await panel.get('input[type="radio"][value="ar"]').setValue(true)
    const text = wrapper.get('[data-testid="consent-text"]')
    expect(text.attributes('lang')).toBe('ar')
    expect(text.attributes('dir')).toBe('rtl')
    expect(text.text()).toContain('12 شهرًا')
    await wrapper.get('[data-testid="consent-accept"]').trigger('click')
    await flushPromises()
    expect(model.value).toMatchObject({ consent: true, consent_version: 'consent-v1.ar' })
    expect(Date.parse(model.value.consent_at!)).toBeGreaterThan(Date.now() - 5_000)
    expect(wrapper.find('[data-testid="consent-given"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('Prénom ou surnom')
  })

  it('has no axe violations, in French and in Arabic', async () => {
    for (const locale of ['fr', 'ar'] as const) {
      await useLocale(locale)
      const { wrapper } = mountForm({ note: 'malade', oriented_structure_id: STRUCTURES[0]!.id, follow_up: { due_on: '2026-11-27', kind: 'call_back' } })
      await flushPromises()
      expect(await axeViolations(wrapper.element), locale).toEqual([])
      wrapper.unmount()
    }
  })
})

describe('the consent panel', () => {
  it('says what is kept, why, how long and who sees it, in the language chosen, and can read it aloud', async () => {
    const wrapper = mount(OutreachConsentPanel, { attachTo: document.body, global: { plugins: plugins(), provide: { [SPEECH_READER]: speech() } } })
    const text = wrapper.get('[data-testid="consent-text"]').text()
    for (const words of ['Ce que nous gardons', 'Pourquoi', '12 mois', '3 mois', 'Qui les voit'])
      expect(text).toContain(words)
    await wrapper.get('input[type="radio"][value="en"]').setValue(true)
    expect(wrapper.get('[data-testid="consent-text"]').text()).toContain('12 months after we last spoke')
    expect(wrapper.find('[data-testid="read-aloud-toggle"]').exists()).toBe(true)
    await wrapper.get('[data-testid="consent-refuse"]').trigger('click')
    expect(wrapper.emitted('refuse')).toHaveLength(1)
  })
})

describe('the weekly chart', () => {
  it('is an image with a text alternative and the same numbers in a table', async () => {
    const data = aggregateDashboard([
      { met_at: '2026-11-16T10:00:00+01:00', quartier: 'Flandre' },
      { met_at: '2026-11-17T10:00:00+01:00', quartier: 'Flandre' },
      { met_at: '2026-11-24T10:00:00+01:00', quartier: 'Belleville' },
    ], { today: '2026-11-26', weeks: 2 })
    const wrapper = mount(OutreachWeeklyChart, { props: { data }, attachTo: document.body, global: { plugins: plugins() } })
    const svg = wrapper.get('svg')
    expect(svg.attributes('role')).toBe('img')
    expect(svg.get('desc').text()).toContain('3 personnes')
    expect(wrapper.findAll('rect')).toHaveLength(2)
    const rows = wrapper.findAll('tbody tr').map(r => r.findAll('th, td').map(c => c.text()))
    expect(rows).toEqual([['Semaine du 16 nov.', '2', '0', '2'], ['Semaine du 23 nov.', '0', '1', '1']])
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

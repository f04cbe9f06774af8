// The groupe ressource workspace and the coordinators' consultation screens on
// the app's real pieces (Dexie in fake-indexeddb, the real write path, routes,
// i18n). Only the RPC reads that are not synced (results) are stubbed.
import type { ReperesDb } from '@/db/database'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadLocale, loadScreenMessages } from '@/modules/i18n'
import { axeViolations, useLocale } from '../booklet/mountHelpers'
import { freshDb, mountRoute, outbox, setOnline, signedInAs } from '../appointments/helpers'

vi.mock('@/services/groupe', () => ({
  fetchResults: vi.fn(async () => ({ ok: true, cached: false, at: '2026-11-25T10:00:00Z', data: { respondents: 3, hidden: false, counts: { pertinence: { 3: 1, 4: 2 }, approve: { true: 2, false: 1 } } } })),
  fetchSharedFeedback: vi.fn(async () => ({ ok: true, cached: false, at: '2026-11-25T10:00:00Z', data: [] })),
  fetchEvaluations: vi.fn(async () => ({ ok: true, cached: false, at: '2026-11-25T10:00:00Z', data: [{ member: 1, answers: { pertinence: 4, comment: 'Utile.' }, submitted_at: '2026-11-24T10:00:00Z' }] })),
}))

const ME = 'de000000-0000-4000-8000-0000000000b1'
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

const letter = {
  id: 'c0000000-0000-4000-8000-0000000000b1', kind: 'document_review', title: 'Relire la convocation', body: 'Dites-nous ce qui n’est pas clair.',
  definition: { document: { title: 'Convocation', text: 'Madame, Monsieur,\nVous êtes convoqué(e) le 12 mars.' } },
  status: 'open', opens_at: iso(Date.now() - DAY), closes_at: iso(Date.now() + 10 * DAY), created_at: iso(Date.now() - DAY), version: 2,
}
const evaluation = {
  id: 'c0000000-0000-4000-8000-0000000000b2', kind: 'prestation_evaluation', title: 'Les ateliers numériques', body: '',
  definition: { questions: ['pertinence', 'coherence', 'effectivite', 'efficacite', 'efficience', 'impact'].map(key => ({ key, type: 'scale' })) },
  status: 'published', outcome: 'Les ateliers passent à 3 heures.', outcome_at: iso(Date.now() - DAY), opens_at: iso(Date.now() - 30 * DAY), closes_at: iso(Date.now() - 2 * DAY), created_at: iso(Date.now() - 30 * DAY), version: 5,
}
const meeting = {
  id: 'c0000000-0000-4000-8000-0000000000b3', kind: 'meeting', title: 'Réunion de mars', body: '',
  definition: { meeting: { starts_at: '2027-03-02T14:00:00+01:00', place: 'Bureau du RSA', agenda: ['Livret', 'Courriers'] } },
  status: 'open', opens_at: iso(Date.now() - DAY), closes_at: null, created_at: iso(Date.now() - DAY), version: 1,
}

afterEach(async () => {
  document.body.innerHTML = ''
  setOnline(true)
  await loadLocale('fr')
})

describe('the groupe ressource workspace', () => {
  let db: ReperesDb
  beforeEach(async () => {
    db = await freshDb()
    await db.serverTable('consultations').bulkPut([letter, evaluation, meeting])
  })

  it('lists what is open and what came of past consultations', async () => {
    const { pinia } = signedInAs(db, ME, ['allocataire', 'groupe_ressource'])
    const { wrapper } = await mountRoute(pinia, '/groupe')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="current-consultations"]').exists()).toBe(true))
    const current = wrapper.get('[data-testid="current-consultations"]').text()
    expect(current).toContain('Relire la convocation')
    expect(current).toContain('Pas encore répondu')
    expect(current).toContain('encore 10 jours')
    expect(wrapper.get('[data-testid="outcomes"]').text()).toContain('Les ateliers numériques')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it('comments on a passage offline: drafts saved on the phone, then submitted with the same evaluation', async () => {
    const { pinia } = signedInAs(db, ME, ['allocataire', 'groupe_ressource'])
    setOnline(false)
    const { wrapper } = await mountRoute(pinia, `/groupe/consultations/${letter.id}`)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="review-document"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="review-document"]').text()).toContain('Vous êtes convoqué(e) le 12 mars.')

    await wrapper.get('[data-testid="passage-add"]').trigger('click')
    const passage = wrapper.get('[data-testid="passage-1"]')
    await passage.get('[data-part="quote"]').setValue('Vous êtes convoqué(e)')
    await passage.get('[data-part="comment"]').setValue('« Convoqué » fait peur.')
    await passage.get('[data-part="wording"]').setValue('Nous vous invitons')
    await wrapper.get('[data-testid="review-changes"]').setValue(true)

    await vi.waitFor(async () => expect(await outbox(db, ME)).toHaveLength(1), { timeout: 4000 })
    const [draft] = await outbox(db, ME)
    expect(draft!.name).toBe('evaluation.upsert')
    expect(draft!.args).toEqual({
      id: expect.any(String), consultation_id: letter.id, submitted: false,
      answers: { approve: false, passage_1_quote: 'Vous êtes convoqué(e)', passage_1_comment: '« Convoqué » fait peur.', passage_1_wording: 'Nous vous invitons' },
    })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="answer-status"]').text()).toBe('Brouillon enregistré sur ce téléphone (sans réseau).'))
    expect(await axeViolations(wrapper.element)).toEqual([])

    await wrapper.get('[data-testid="consultation-answer"]').trigger('submit')
    await vi.waitFor(async () => expect(await outbox(db, ME)).toHaveLength(2))
    const [, sent] = await outbox(db, ME)
    expect(sent!.args).toMatchObject({ id: draft!.args.id, consultation_id: letter.id, submitted: true })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="answer-status"]').text()).toBe('Réponses prêtes : elles partiront dès le retour du réseau.'))
  })

  it('shows the outcome and the group’s results once published, read-only', async () => {
    const { pinia } = signedInAs(db, ME, ['allocataire', 'groupe_ressource'])
    const { wrapper } = await mountRoute(pinia, `/groupe/consultations/${evaluation.id}`)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="results"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="outcome-text"]').text()).toBe('Les ateliers passent à 3 heures.')
    const results = wrapper.get('[data-testid="results"]')
    expect(results.text()).toContain('3 réponses envoyées.')
    expect(results.get('[data-key="pertinence"]').text()).toContain('4 — Tout à fait')
    expect(results.get('[data-key="pertinence"]').text()).toContain('Moyenne : 3,7 sur 4')
    const inputs = wrapper.findAll('fieldset[data-key="pertinence"] input')
    expect(inputs).toHaveLength(5)
    expect(inputs.every(i => i.element.matches(':disabled'))).toBe(true)
    expect(wrapper.text()).toContain('La prestation répond-elle aux besoins des allocataires ?')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it('answers a meeting: "je viens", saved at once through the outbox', async () => {
    const { pinia } = signedInAs(db, ME, ['allocataire', 'groupe_ressource'])
    const { wrapper } = await mountRoute(pinia, `/groupe/consultations/${meeting.id}`)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="meeting-yes"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="meeting"]').text()).toContain('Bureau du RSA')
    await wrapper.get('[data-testid="meeting-yes"]').trigger('click')
    await vi.waitFor(async () => expect((await outbox(db, ME)).map(e => [e.name, e.args.attending])).toEqual([['meeting.respond', true]]))
    await vi.waitFor(() => expect(wrapper.get('[data-testid="meeting-yes"]').attributes('aria-pressed')).toBe('true'))
  })

  it('reads right to left in Arabic without accessibility violations', async () => {
    await useLocale('ar')
    await loadScreenMessages('ar')
    const { pinia } = signedInAs(db, ME, ['allocataire', 'groupe_ressource'])
    const { wrapper } = await mountRoute(pinia, `/groupe/consultations/${evaluation.id}`)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="results"]').exists()).toBe(true))
    expect(wrapper.text()).toContain('هل تلبّي الخدمة احتياجات المستفيدين؟')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

describe('coordinators prepare consultations', () => {
  it('lists every problem of a survey before saving, then saves it as a draft', async () => {
    const db = await freshDb()
    const COORD = 'de000000-0000-4000-8000-0000000000c5'
    const { pinia } = signedInAs(db, COORD, ['coordinator'])
    const { wrapper, router } = await mountRoute(pinia, '/admin/consultations/nouvelle')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="consultation-editor"]').exists()).toBe(true))
    await wrapper.get('[data-testid="kind-survey"]').setValue(true)
    await wrapper.get('[data-testid="consultation-editor"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="definition-errors"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="definition-errors"]').text()).toContain('Un questionnaire compte au moins une question.')
    expect(wrapper.text()).toContain('Donnez un titre à la consultation.')

    await wrapper.get('[data-testid="builder-add"]').trigger('click')
    await wrapper.get('[data-question] input[data-part="label"]').setValue('Par où avez-vous connu le livret ?')
    await wrapper.get('[data-testid="consultation-editor"]').trigger('submit')
    expect(wrapper.get('[data-testid="definition-errors"]').text()).toContain('Question 1 : chaque réponse proposée fait de 1 à 100 caractères.')

    const options = wrapper.get('[data-question] textarea')
    await options.setValue('Mon référent\nUn forum\nInternet')
    await options.trigger('change')
    await wrapper.findAll('input').find(i => i.element.closest('.field') && (i.element as HTMLInputElement).type === 'text')!.setValue('Le livret et vous')
    await wrapper.get('[data-testid="consultation-editor"]').trigger('submit')
    await vi.waitFor(async () => expect(await outbox(db, COORD)).toHaveLength(1))
    const [entry] = await outbox(db, COORD)
    expect(entry!.name).toBe('consultation.upsert')
    expect(entry!.args).toMatchObject({
      kind: 'survey', title: 'Le livret et vous',
      definition: { questions: [{ key: 'q1', type: 'single', label: 'Par où avez-vous connu le livret ?', options: ['Mon référent', 'Un forum', 'Internet'] }] },
    })
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe(`/admin/consultations/${entry!.args.id}`))
  })
})

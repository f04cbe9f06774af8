// The allocataire's feedback channel on the app's real pieces (Dexie in
// fake-indexeddb, the real write path, routes and i18n); the tests play the
// server by editing the synced tables as a pull would.
import type { ReperesDb } from '@/db/database'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fichesToFill, toFeedback } from '@/components/feedback/model'
import { loadLocale } from '@/modules/i18n'
import { axeViolations } from '../booklet/mountHelpers'
import { freshDb, mountRoute, outbox, setOnline, signedInAs } from '../appointments/helpers'

const ME = 'de000000-0000-4000-8000-0000000000a1'
const ATELIER = 'b0000000-0000-4000-8000-000000000006'
const OFFER = '0ff00000-0000-4000-8000-0000000000a1'

async function pulled(db: ReperesDb, row: Record<string, unknown> & { id: string }) {
  await db.transaction('rw', [db.outbox, db.pending, db.serverTable('feedback')], async () => {
    await db.outbox.where('user_id').equals(ME).delete()
    await db.pending.where('[table+user_id]').equals(['feedback', ME]).delete()
    await db.serverTable('feedback').put(row)
  })
}

afterEach(async () => {
  document.body.innerHTML = ''
  setOnline(true)
  await loadLocale('fr')
})

describe('sending feedback offline and following it', () => {
  let db: ReperesDb
  beforeEach(async () => {
    db = await freshDb()
    await db.serverTable('prestations').put({ id: ATELIER, title: 'Ateliers numériques', status: 'published', registre: 'formation' })
    await db.serverTable('prestation_offers').put({ id: OFFER, allocataire_id: ME, prestation_id: ATELIER, status: 'exited', exited_at: '2026-10-01T10:00:00+00:00' })
  })

  it('writes feedback.create to the outbox without network, then shows received, read and the answer', async () => {
    const { pinia } = signedInAs(db, ME, ['allocataire'])
    setOnline(false)
    const { wrapper, router } = await mountRoute(pinia, '/avis/nouveau?sujet=prestation')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="feedback-form"]').exists()).toBe(true))
    expect(await axeViolations(wrapper.element)).toEqual([])

    await vi.waitFor(() => expect(wrapper.find('[data-testid="feedback-subject"]').exists()).toBe(true))
    await wrapper.get('[data-testid="feedback-subject"]').setValue(ATELIER)
    await wrapper.get('[data-testid="feedback-send"]').trigger('submit')
    expect(wrapper.find('[role="alert"]').text()).toBe('Écrivez votre avis avant d’envoyer.')
    expect(await outbox(db, ME)).toHaveLength(0)

    await wrapper.get('textarea').setValue('  Les séances étaient trop courtes.  ')
    await wrapper.get('[data-testid="rating-4"] input').setValue(true)
    await wrapper.get('[data-testid="feedback-share"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(async () => expect(await outbox(db, ME)).toHaveLength(1))
    const [entry] = await outbox(db, ME)
    expect(entry!.name).toBe('feedback.create')
    expect(entry!.args).toMatchObject({ kind: 'prestation', subject_id: ATELIER, body: 'Les séances étaient trop courtes.', rating: 4, share_with_groupe: true, contact_back: false, quote: null })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/avis?envoye=1'))

    await vi.waitFor(() => expect(wrapper.find('[data-testid="feedback-item"]').exists()).toBe(true))
    const item = () => wrapper.get('[data-testid="feedback-item"]')
    expect(item().text()).toContain('Une prestation — Ateliers numériques')
    expect(item().get('[data-testid="feedback-status"]').attributes('data-delivery')).toBe('waiting')
    expect(item().text()).toContain('Enregistré sur ce téléphone')

    const id = String(entry!.args.id)
    await pulled(db, { id, author_id: ME, ...entry!.args, status: 'received', created_at: '2026-11-25T10:00:00+00:00', version: 1 })
    await vi.waitFor(() => expect(item().get('[data-testid="feedback-status"]').attributes('data-delivery')).toBe('sent'))
    expect(item().get('[aria-current="step"]').text()).toContain('Reçu')

    await db.serverTable('feedback').update(id, { status: 'answered', answer: 'Merci, les séances passent à 3 heures.', answered_at: '2026-11-26T10:00:00+00:00', version: 2 })
    await vi.waitFor(() => expect(item().get('[data-testid="feedback-answer"]').text()).toContain('les séances passent à 3 heures'))
    expect(item().get('[aria-current="step"]').text()).toContain('Répondu')
    expect(await axeViolations(wrapper.element)).toEqual([])

    await item().get('[data-testid="feedback-delete"]').trigger('click')
    await item().get('[data-testid="feedback-delete-confirm"]').trigger('click')
    await vi.waitFor(async () => expect((await outbox(db, ME)).map(e => e.name)).toEqual(['feedback.delete']))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="feedback-item"]').exists()).toBe(false))
  })

  it('invites to the fiche de liaison of an ended prestation; skipping puts it aside', async () => {
    const { pinia } = signedInAs(db, ME, ['allocataire'])
    const { wrapper, router } = await mountRoute(pinia, '/avis')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="fiche-invitation"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="fiche-invitation"]').text()).toContain('« Ateliers numériques » est terminée')

    await router.push(`/avis/fiche/${OFFER}`)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="fiche-form"]').exists()).toBe(true))
    await wrapper.get('[data-testid="fiche-form"]').trigger('submit')
    expect(wrapper.get('[role="alert"]').text()).toContain('Répondez à au moins une question')
    const [expected, , changed] = wrapper.findAll('textarea')
    await expected!.setValue('Faire mes démarches CAF seule.')
    await changed!.setValue('Je n’ai plus besoin d’aide pour la CAF.')
    await wrapper.get('[data-testid="fiche-form"]').trigger('submit')
    await vi.waitFor(async () => expect(await outbox(db, ME)).toHaveLength(1))
    const [entry] = await outbox(db, ME)
    expect(entry!.args).toMatchObject({
      kind: 'fiche_liaison', subject_id: ATELIER, body: 'Ateliers numériques',
      expected: 'Faire mes démarches CAF seule.', obtained: null, changed: 'Je n’ai plus besoin d’aide pour la CAF.',
    })
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/avis'))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="fiche-invitation"]').exists()).toBe(false))
  })

  it('keeps a "not now" on this device, for this user only', async () => {
    const { pinia } = signedInAs(db, ME, ['allocataire'])
    const { wrapper } = await mountRoute(pinia, '/avis')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="fiche-dismiss"]').exists()).toBe(true))
    await wrapper.get('[data-testid="fiche-dismiss"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="fiche-invitation"]').exists()).toBe(false))
    // Stored under the session's prefix: signing out removes it with the session.
    expect(Object.keys(localStorage).filter(k => k.includes('fiche'))).toEqual(['reperes.auth.fiche-dismissed'])
  })

  it('shows requests to change référent apart, with their status', async () => {
    await db.serverTable('feedback').put({ id: 'fb000000-0000-4000-8000-0000000000a5', author_id: ME, kind: 'change_referent', body: 'Horaires incompatibles.', status: 'read', share_with_groupe: false, contact_back: true, created_at: '2026-11-20T09:00:00+00:00' })
    const { pinia } = signedInAs(db, ME, ['allocataire'])
    const { wrapper } = await mountRoute(pinia, '/avis')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="referent-requests"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="referent-requests"]').text()).toContain('Demande de changement de référent')
    expect(wrapper.get('[data-testid="referent-requests"] [aria-current="step"]').text()).toContain('Lu')
    expect(wrapper.find('[data-testid="my-feedback"]').exists()).toBe(false)
  })
})

describe('which fiches de liaison are still to fill', () => {
  const ended = [
    { offerId: 'o1', prestationId: 'p1', exitedAt: '2026-10-01T10:00:00Z' },
    { offerId: 'o2', prestationId: 'p2', exitedAt: '2026-11-01T10:00:00Z' },
    { offerId: 'o3', prestationId: 'p3', exitedAt: '2026-09-01T10:00:00Z' },
  ]
  it('drops those filled since the prestation ended and those put aside, newest first', () => {
    const fiche = (subject: string, created: string) => toFeedback({ id: subject, kind: 'fiche_liaison', subject_id: subject, body: 'x', created_at: created })
    const left = fichesToFill(ended, [fiche('p1', '2026-10-02T08:00:00Z'), fiche('p2', '2026-01-01T08:00:00Z')], new Set(['o3']))
    expect(left.map(e => e.offerId)).toEqual(['o2'])
  })
})

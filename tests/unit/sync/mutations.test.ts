import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { MUTATION_NAMES, parseMutationArgs } from '@/domain/mutations'
import { criteriaQuestions } from '@/domain/survey'
import { MUTATION_SPECS } from '@/sync/optimistic'
import ar from '../../../locales/ar.json'
import en from '../../../locales/en.json'
import fr from '../../../locales/fr.json'
import { VALID_ADMIN } from '../admin/validAdmin'

const id = () => crypto.randomUUID()

/** One valid example per mutation of docs/sync-protocol.md. */
const VALID: Record<string, Record<string, unknown>> = {
  'feedback.create': { id: id(), kind: 'fiche_liaison', body: 'Atelier utile', rating: 4, share_with_groupe: true, contact_back: false, expected: 'Trouver une formation', obtained: 'Une inscription' },
  'feedback.delete': { id: id() },
  'appointment.respond': { id: id(), response: 'reschedule', reason: 'Garde d’enfant', preferred_slots: [{ from: '2027-03-01T09:00:00+01:00', to: '2027-03-01T11:00:00+01:00' }, 'le mardi matin'] },
  'appointment.upsert': { id: id(), allocataire_id: id(), kind: 'follow_up', starts_at: '2027-03-01T09:00:00+01:00', duration_min: 45, documents_to_bring: ['Pièce d’identité'] },
  'appointment.set_status': { id: id(), status: 'attended' },
  'appointment.mark_seen': { id: id(), responded_at: '2027-03-01T09:00:00+01:00' },
  'offer.respond': { id: id(), interest: 'interested' },
  'contact.upsert': { id: id(), team_id: id(), quartier: 'Goutte d’Or', met_at: '2027-03-01T15:30:00+01:00', met_how: 'market', age_band: '26_34', needs: ['emploi', 'francais'], consent: true, consent_version: 'v1', first_name_or_alias: 'Sam', phone: '06 12 34 56 78' },
  'referral.respond': { id: id(), response: 'appointment_planned', appointment_at: '2027-03-02T09:30:00+01:00' },
  'follow_up.upsert': { id: id(), contact_id: id(), due_on: '2027-03-08', kind: 'call_back' },
  'follow_up.set_outcome': { id: id(), outcome: 'no_answer' },
  'evaluation.upsert': { id: id(), consultation_id: id(), answers: { pertinence: 4, comment: 'Clair', choices: ['a', 'b'] }, submitted: true },
  'contact.delete': { id: id() },
  'consultation.upsert': { id: id(), kind: 'prestation_evaluation', title: 'Ateliers CV', definition: { questions: criteriaQuestions() }, subject_id: id(), closes_at: '2027-03-01T18:00:00+01:00' },
  'consultation.set_status': { id: id(), status: 'closed' },
  'consultation.publish': { id: id(), outcome: 'Le livret dit maintenant qui appeler.', outcome_section_id: id() },
  'feedback.tag_themes': { id: id(), themes: ['accueil', 'délais'] },
  'meeting.respond': { id: id(), consultation_id: id(), attending: true },
  'profile.update': { display_name: 'Awa', preferred_locale: 'ar', reminder_sms: false },
  ...VALID_ADMIN,
}

const INVALID: [string, Record<string, unknown>][] = [
  ['feedback.create', { ...VALID['feedback.create'], kind: 'other' }], // fiche fields outside a fiche
  ['appointment.respond', { ...VALID['appointment.respond'], response: 'confirmed' }], // slots without reschedule
  ['appointment.respond', { id: id(), response: 'reschedule', preferred_slots: [{ from: '2027-03-01T11:00:00+01:00', to: '2027-03-01T09:00:00+01:00' }] }],
  ['appointment.upsert', { ...VALID['appointment.upsert'], starts_at: '2027-03-01 09:00' }], // no offset
  ['contact.upsert', { ...VALID['contact.upsert'], consent: false }], // identity without consent
  ['contact.upsert', { ...VALID['contact.upsert'], consent_version: undefined }],
  ['contact.upsert', { ...VALID['contact.upsert'], needs: ['sante'] }], // never health
  ['evaluation.upsert', { ...VALID['evaluation.upsert'], answers: { nested: { a: 1 } } }],
  ['appointment.set_status', { id: id(), status: 'reschedule_requested' }], // only the allocataire's answer asks
  ['profile.update', { preferred_locale: 'xx' }],
  ['profile.update', { roles: ['coordinator'] }], // nobody edits their own roles
  ['feedback.create', { ...VALID['feedback.create'], body: 'avant\u0000après' }], // PostgreSQL text has no NUL
  ['feedback.create', { ...VALID['feedback.create'], body: 'moitié \uD83D de smiley' }], // a lone surrogate
  ['feedback.tag_themes', { id: id(), themes: ['\uDE00'] }],
]

describe('mutation schemas', () => {
  it('cover every mutation name, each with its optimistic behaviour', () => {
    expect(Object.keys(VALID).sort()).toEqual([...MUTATION_NAMES].sort())
    expect(Object.keys(MUTATION_SPECS).sort()).toEqual([...MUTATION_NAMES].sort())
  })

  it('have a plain-words label in every language (shown when the server refuses one)', () => {
    for (const [locale, messages] of Object.entries({ fr, en, ar })) {
      const labels = (messages as { sync: { mutation: Record<string, string> } }).sync.mutation
      for (const name of MUTATION_NAMES)
        expect(labels[name.replace('.', '_')], `${locale}: ${name}`).toBeTruthy()
    }
  })

  for (const [name, args] of Object.entries(VALID)) {
    it(`accept a valid ${name}`, () => {
      expect(() => parseMutationArgs(name as never, args)).not.toThrow()
    })
  }

  it.each(INVALID)('refuse an invalid %s', (name, args) => {
    expect(() => parseMutationArgs(name as never, args)).toThrow(ZodError)
  })

  it('accept every well-formed character, emoji and right-to-left text included', () => {
    expect(parseMutationArgs('feedback.create', { ...VALID['feedback.create'], body: 'Merci 🙏 شكرا\nà bientôt' })).toMatchObject({ body: 'Merci 🙏 شكرا\nà bientôt' })
  })

  it('keep null (clears a field) but drop undefined', () => {
    expect(parseMutationArgs('profile.update', { display_name: null, reminder_sms: undefined })).toEqual({ display_name: null })
  })
})

import { describe, expect, it } from 'vitest'
import { parseMutationArgs } from '@/domain/mutations'
import {
  emptyContactForm,
  filterContacts,
  formFromRow,
  NO_FILTERS,
  placeChoices,
  statusAfterSave,
  toContactArgs,
  validateContactForm,
  withAgeBand,
} from '@/domain/outreach'
import { consentVersionFor } from '@/domain/outreachConsent'

const TEAM = '7ea00000-0000-4000-8000-000000000001'
const NOW = new Date('2026-11-20T10:00:00+01:00')

function minimal() {
  return { ...emptyContactForm(crypto.randomUUID(), NOW), quartier: 'Goutte d’Or', met_how: 'market' as const }
}

describe('the capture form', () => {
  it('accepts the minimal contact: a quartier and how people met', () => {
    expect(validateContactForm(minimal())).toEqual({})
  })

  it('names what is missing, with message keys the screen translates', () => {
    const errors = validateContactForm(emptyContactForm(crypto.randomUUID(), NOW))
    expect(errors).toMatchObject({ quartier: 'place', met_how: 'met_how' })
  })

  it('refuses a name or a phone number without consent', () => {
    expect(validateContactForm({ ...minimal(), first_name_or_alias: 'Awa' })).toEqual({ consent: 'identity_without_consent' })
    expect(validateContactForm({ ...minimal(), phone: '06 11 22 33 44' })).toEqual({ consent: 'identity_without_consent' })
  })

  it('records consent with the version of the text shown', () => {
    const form = { ...minimal(), consent: true, consent_version: null, first_name_or_alias: 'Awa' }
    expect(validateContactForm(form)).toEqual({ consent: 'consent_version' })
    expect(validateContactForm({ ...form, consent_version: consentVersionFor('ar'), consent_at: NOW.toISOString() })).toEqual({})
    expect(consentVersionFor('ar')).toBe('consent-v1.ar')
  })

  it('checks phone, e-mail, lengths and dates like the server', () => {
    const form = { ...minimal(), consent: true, consent_version: 'consent-v1.fr', contact_ok: true }
    expect(validateContactForm({ ...form, phone: 'abc' })).toEqual({ phone: 'phone' })
    expect(validateContactForm({ ...form, email: 'awa@' })).toEqual({ email: 'email' })
    expect(validateContactForm({ ...minimal(), note: 'x'.repeat(501) })).toEqual({ note: 'note_long' })
    expect(validateContactForm({ ...minimal(), orientation_reason: 'a\nb' })).toEqual({ orientation_reason: 'reason_long' })
    expect(validateContactForm({ ...minimal(), met_at: new Date(Date.now() + 3_600_000).toISOString() })).toEqual({ met_at: 'met_at_future' })
    expect(validateContactForm({ ...minimal(), under_26: true, over_50: true })).toEqual({ over_50: 'age_conflict' })
    expect(validateContactForm({ ...minimal(), follow_up: { due_on: '', kind: 'call_back' } })).toEqual({ follow_up: 'follow_up_date' })
  })

  it('derives under 26 and over 50 from the age band', () => {
    expect(withAgeBand(minimal(), '18_25')).toMatchObject({ under_26: true, over_50: false })
    expect(withAgeBand({ ...minimal(), under_26: true }, '50_64')).toMatchObject({ under_26: false, over_50: true })
    expect(withAgeBand({ ...minimal(), single_parent: true, under_26: true }, 'unknown')).toMatchObject({ under_26: true, single_parent: true })
  })

  it('offers the team’s quartiers first, then the other QPV, then the arrondissements', () => {
    const choices = placeChoices(['Goutte d\'Or', 'La Chapelle'])
    expect(choices.team).toEqual(['Goutte d\'Or', 'La Chapelle'])
    expect(choices.qpv).not.toContain('Goutte d’Or') // the same quartier, whatever the apostrophe
    expect(choices.qpv).toContain('Flandre')
    expect(choices.arrondissements).toHaveLength(20)
    expect(choices.arrondissements[0]).toBe('Paris 1er')
    expect(choices.arrondissements[17]).toBe('Paris 18e')
  })
})

describe('contact.upsert arguments', () => {
  it('are the whole row, valid for the mutation schema, "now" being when the form was opened', () => {
    const args = toContactArgs({ ...minimal(), needs: ['emploi', 'emploi', 'francais'] }, TEAM)
    expect(() => parseMutationArgs('contact.upsert', args)).not.toThrow()
    expect(args).toMatchObject({ team_id: TEAM, quartier: 'Goutte d’Or', met_at: NOW.toISOString(), needs: ['emploi', 'francais'], consent: false, first_name_or_alias: null, status: 'new' })
    expect(Object.keys(args)).toEqual(expect.arrayContaining(['note', 'oriented_structure_id', 'orientation_reason', 'follow_up_at', 'status']))
  })

  it('never send identity without consent, nor contact details without agreement to be contacted', () => {
    const anonymous = toContactArgs({ ...minimal(), first_name_or_alias: 'Awa', phone: '0611223344' }, TEAM)
    expect(anonymous).toMatchObject({ first_name_or_alias: null, phone: null, email: null })
    const named = toContactArgs({ ...minimal(), consent: true, consent_version: 'consent-v1.fr', consent_at: NOW.toISOString(), first_name_or_alias: ' Awa ', phone: '0611223344' }, TEAM)
    expect(named).toMatchObject({ first_name_or_alias: 'Awa', phone: null })
    const reachable = toContactArgs({ ...minimal(), consent: true, consent_version: 'consent-v1.fr', contact_ok: true, phone: '0611223344' }, TEAM)
    expect(reachable).toMatchObject({ phone: '0611223344' })
    expect(() => parseMutationArgs('contact.upsert', reachable)).not.toThrow()
  })

  it('move the status along with an orientation or a follow-up, never back from a parcours', () => {
    expect(statusAfterSave({ ...minimal(), oriented_structure_id: crypto.randomUUID() })).toBe('oriented')
    expect(statusAfterSave({ ...minimal(), follow_up: { due_on: '2026-11-27', kind: 'call_back' } })).toBe('follow_up')
    expect(statusAfterSave({ ...minimal(), status: 'in_parcours', oriented_structure_id: crypto.randomUUID() })).toBe('in_parcours')
    expect(statusAfterSave({ ...minimal(), status: 'oriented' })).toBe('new')
  })

  it('round-trip through a synced row', () => {
    const form = { ...minimal(), consent: true, consent_version: 'consent-v1.en', consent_at: NOW.toISOString(), first_name_or_alias: 'Sam', contact_ok: true, email: 'sam@example.org', note: 'Cherche le matin.' }
    const row = { ...toContactArgs(form, TEAM), id: form.id, version: 3 }
    const back = formFromRow(row, NOW)
    expect(toContactArgs(back, TEAM)).toEqual(toContactArgs(form, TEAM))
  })
})

describe('the new mutations', () => {
  const id = crypto.randomUUID()
  it('referral.respond: a refusal needs a reason, a date goes with an appointment only', () => {
    expect(() => parseMutationArgs('referral.respond', { id, response: 'declined' })).toThrow()
    expect(() => parseMutationArgs('referral.respond', { id, response: 'declined', reason: 'Déjà suivie' })).not.toThrow()
    expect(() => parseMutationArgs('referral.respond', { id, response: 'accepted', reason: 'Oui' })).toThrow()
    expect(() => parseMutationArgs('referral.respond', { id, response: 'accepted', appointment_at: '2027-01-05T09:00:00+01:00' })).toThrow()
    expect(() => parseMutationArgs('referral.respond', { id, response: 'appointment_planned', appointment_at: '2027-01-05T09:00:00+01:00' })).not.toThrow()
  })

  it('follow_up.upsert and follow_up.set_outcome use the fixed lists', () => {
    expect(() => parseMutationArgs('follow_up.upsert', { id, contact_id: id, due_on: '2027-01-05', kind: 'accompany' })).not.toThrow()
    expect(() => parseMutationArgs('follow_up.upsert', { id, contact_id: id, due_on: '05/01/2027', kind: 'accompany' })).toThrow()
    expect(() => parseMutationArgs('follow_up.set_outcome', { id, outcome: 'lost' })).not.toThrow()
    expect(() => parseMutationArgs('follow_up.set_outcome', { id, outcome: 'gone' })).toThrow()
  })
})

describe('searching the team’s contacts', () => {
  const me = 'me'
  const rows = [
    { id: '1', quartier: 'Goutte d’Or', met_at: '2026-11-02T10:00:00Z', status: 'new', needs: ['emploi'], created_by: me, first_name_or_alias: 'Hélène', note: null },
    { id: '2', quartier: 'La Chapelle', met_at: '2026-11-10T10:00:00Z', status: 'oriented', needs: ['formation'], created_by: 'other', first_name_or_alias: null, note: 'Cherche une école' },
    { id: '3', quartier: 'Goutte d\'Or', met_at: '2026-11-15T23:30:00Z', status: 'closed', needs: ['emploi', 'logement'], created_by: 'other', first_name_or_alias: null, note: null },
  ]
  it('finds words without accents or case, newest first', () => {
    expect(filterContacts(rows, { ...NO_FILTERS, search: 'helene' }, me).map(r => r.id)).toEqual(['1'])
    expect(filterContacts(rows, { ...NO_FILTERS, search: 'ÉCOLE' }, me).map(r => r.id)).toEqual(['2'])
    expect(filterContacts(rows, NO_FILTERS, me).map(r => r.id)).toEqual(['3', '2', '1'])
  })
  it('filters by author, quartier (any apostrophe), status, need and Paris dates', () => {
    expect(filterContacts(rows, { ...NO_FILTERS, mineOnly: true }, me).map(r => r.id)).toEqual(['1'])
    expect(filterContacts(rows, { ...NO_FILTERS, quartier: 'Goutte d\'Or' }, me).map(r => r.id)).toEqual(['3', '1'])
    expect(filterContacts(rows, { ...NO_FILTERS, status: 'oriented' }, me).map(r => r.id)).toEqual(['2'])
    expect(filterContacts(rows, { ...NO_FILTERS, need: 'logement' }, me).map(r => r.id)).toEqual(['3'])
    // 23:30 UTC on the 15th is the 16th in Paris.
    expect(filterContacts(rows, { ...NO_FILTERS, from: '2026-11-16' }, me).map(r => r.id)).toEqual(['3'])
    expect(filterContacts(rows, { ...NO_FILTERS, to: '2026-11-15' }, me).map(r => r.id)).toEqual(['2', '1'])
  })
})

import { describe, expect, it } from 'vitest'
import { ADMIN_MUTATION_SCHEMAS, fieldProblems } from '@/domain/adminMutations'
import { ADMIN_MUTATION_SPECS } from '@/domain/adminOptimistic'
import { MUTATION_SCHEMAS, parseMutationArgs } from '@/domain/mutations'
import { MUTATION_SPECS } from '@/sync/optimistic'
import { VALID_ADMIN } from './validAdmin'

const id = () => crypto.randomUUID()
const CTX = { userId: 'de000000-0000-4000-8000-000000000005', now: '2026-11-25T10:00:00.000Z' }


const INVALID: [keyof typeof ADMIN_MUTATION_SCHEMAS, Record<string, unknown>, string, string][] = [
  ['feedback.answer', { id: id(), answer: '   ' }, 'answer', 'required'],
  ['feedback.answer', { id: id(), answer: 'x'.repeat(4001) }, 'answer', 'too_long'],
  ['feedback.set_status', { id: id(), status: 'lost' }, 'status', 'invalid'],
  ['invitation.create', { id: id(), roles: ['coordinator'] }, 'email', 'required'],
  ['invitation.create', { id: id(), email: 'a@b.fr', roles: ['outreach'] }, 'team_id', 'required'],
  ['invitation.create', { id: id(), phone: '06 12 34 56 78', roles: ['referent'] }, 'structure_id', 'required'],
  ['invitation.create', { id: id(), email: 'a@b.fr', roles: [] }, 'roles', 'invalid'],
  ['invitation.create', { id: id(), email: 'pas-une-adresse', roles: ['coordinator'] }, 'email', 'invalid'],
  ['profile.set_access', { id: id(), roles: ['admin'] }, 'roles', 'invalid'],
  ['booklet_section.save', { ...VALID_ADMIN['booklet_section.save'], slug: 'Mon Slug' }, 'slug', 'invalid'],
  ['booklet_section.save', { ...VALID_ADMIN['booklet_section.save'], title: '' }, 'title', 'required'],
  ['structure.upsert', { ...VALID_ADMIN['structure.upsert'], postcode: '93100' }, 'postcode', 'invalid'],
  ['structure.upsert', { ...VALID_ADMIN['structure.upsert'], opening_hours: { mon: [['17:00', '09:00']] } }, 'opening_hours', 'invalid'],
  ['structure.upsert', { ...VALID_ADMIN['structure.upsert'], website: 'javascript:alert(1)' }, 'website', 'invalid'],
  ['prestation.upsert', { ...VALID_ADMIN['prestation.upsert'], publics: [] }, 'publics', 'invalid'],
  ['prestation.upsert', { ...VALID_ADMIN['prestation.upsert'], arrondissements: [21] }, 'arrondissements', 'invalid'],
  ['event.upsert', { ...VALID_ADMIN['event.upsert'], ends_at: '2027-03-10T08:00:00+01:00' }, 'ends_at', 'invalid'],
  ['event.upsert', { ...VALID_ADMIN['event.upsert'], starts_at: '2027-03-10 09:00' }, 'starts_at', 'invalid'],
]

describe('back-office mutation schemas', () => {
  it('are part of the app’s mutations, each with its optimistic behaviour', () => {
    for (const name of Object.keys(ADMIN_MUTATION_SCHEMAS)) {
      expect(MUTATION_SCHEMAS, name).toHaveProperty([name])
      expect(MUTATION_SPECS, name).toHaveProperty([name])
    }
    expect(Object.keys(VALID_ADMIN).sort()).toEqual(Object.keys(ADMIN_MUTATION_SCHEMAS).sort())
  })

  it.each(Object.entries(VALID_ADMIN))('accept a valid %s', (name, args) => {
    expect(() => parseMutationArgs(name as keyof typeof VALID_ADMIN, args)).not.toThrow()
  })

  it.each(INVALID)('refuse %s with the field at fault', (name, args, field, problem) => {
    const result = ADMIN_MUTATION_SCHEMAS[name].safeParse(args)
    expect(result.success).toBe(false)
    expect(fieldProblems(result.error!)[field]).toBe(problem)
  })

  it('refuse unknown keys, as the server does', () => {
    expect(ADMIN_MUTATION_SCHEMAS['invitation.revoke'].safeParse({ id: id(), reason: 'x' }).success).toBe(false)
  })
})

describe('optimistic previews', () => {
  it('mark an answered feedback answered, keeping a closed one closed', () => {
    const received = { id: 'f1', status: 'received', body: 'Avis' }
    expect(ADMIN_MUTATION_SPECS['feedback.answer'].apply(received, { id: 'f1', answer: 'Merci', answer_locale: 'ar' }, CTX))
      .toMatchObject({ answer: 'Merci', answer_locale: 'ar', status: 'answered', answered_by: CTX.userId })
    expect(ADMIN_MUTATION_SPECS['feedback.answer'].apply({ ...received, status: 'closed' }, { id: 'f1', answer: 'Merci' }, CTX))
      .toMatchObject({ status: 'closed' })
    expect(ADMIN_MUTATION_SPECS['feedback.assign'].apply(received, { id: 'f1' }, CTX)).toMatchObject({ assigned_to: null })
  })

  it('show a new invitation as pending, and a revoked one as revoked', () => {
    const row = ADMIN_MUTATION_SPECS['invitation.create'].apply(undefined, { ...VALID_ADMIN['invitation.create'] }, CTX)!
    expect(row).toMatchObject({ invited_by: CTX.userId, accepted_at: null, revoked_at: null, expires_at: '2026-12-25T10:00:00.000Z' })
    expect(ADMIN_MUTATION_SPECS['invitation.revoke'].apply(row, { id: row.id }, CTX)).toMatchObject({ revoked_at: CTX.now })
  })

  it('start a booklet revision as a draft whose number the server gives', () => {
    const row = ADMIN_MUTATION_SPECS['booklet_section.save'].apply(undefined, { ...VALID_ADMIN['booklet_section.save'] }, CTX)!
    expect(row).toMatchObject({ status: 'draft', revision: null, source_revision: 2, edited_by: CTX.userId })
    const fr = ADMIN_MUTATION_SPECS['booklet_section.save'].apply(undefined, { ...VALID_ADMIN['booklet_section.save'], locale: 'fr' }, CTX)!
    expect(fr.source_revision).toBeNull()
  })

  it('stamp "checked" only when asked, and keep an earlier check otherwise', () => {
    const known = { id: 's1', last_checked_at: '2025-01-01T00:00:00Z', published_at: '2024-01-01T00:00:00Z' }
    const upsert = ADMIN_MUTATION_SPECS['structure.upsert'].apply
    expect(upsert(known, { ...VALID_ADMIN['structure.upsert'], id: 's1' }, CTX)).toMatchObject({ last_checked_at: CTX.now, published_at: '2024-01-01T00:00:00Z' })
    const edited = upsert(known, { ...VALID_ADMIN['structure.upsert'], id: 's1', checked: false }, CTX)!
    expect(edited.last_checked_at).toBe('2025-01-01T00:00:00Z')
    expect(edited).not.toHaveProperty('checked')
  })
})

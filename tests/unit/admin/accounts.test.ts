import type { InvitationRow, PersonRow } from '@/domain/adminAccounts'
import { describe, expect, it } from 'vitest'
import {
  accessProblems, internationalPhone, invitationState, isStaff, normaliseRoles, searchPeople, sortInvitations, toInvitation, toPerson,
} from '@/domain/adminAccounts'
import { accessChange, auditRoles, parseAuditEntries } from '@/domain/adminAudit'

const NOW = new Date('2026-11-25T10:00:00Z')

function invitation(patch: Partial<InvitationRow> & { id: string }): InvitationRow {
  return {
    email: 'x@example.org', phone: null, display_name: null, roles: ['referent'], team_id: null, structure_id: 's1',
    preferred_locale: 'fr', invited_by: 'c1', accepted_at: null, revoked_at: null, expires_at: '2026-12-20T10:00:00Z',
    created_at: '2026-11-20T10:00:00Z', pending: false, ...patch,
  }
}

function person(patch: Partial<PersonRow> & { id: string }): PersonRow {
  return { display_name: null, email: null, phone: null, roles: ['allocataire'], team_id: null, structure_id: null, preferred_locale: 'fr', pending: false, ...patch }
}

describe('invitations', () => {
  it('reads synced rows, keeping only known roles', () => {
    expect(toInvitation({ id: 'i1', roles: ['outreach', 'admin'], email: 'a@b.fr', created_at: 'x' })).toMatchObject({ roles: ['outreach'], preferred_locale: 'fr' })
    expect(toInvitation({ id: 'i2', deleted_at: '2026-01-01' })).toBeNull()
  })

  it('tells pending, accepted, revoked and expired apart', () => {
    expect(invitationState(invitation({ id: 'a' }), NOW)).toBe('pending')
    expect(invitationState(invitation({ id: 'b', accepted_at: '2026-11-21T00:00:00Z', revoked_at: '2026-11-22T00:00:00Z' }), NOW)).toBe('accepted')
    expect(invitationState(invitation({ id: 'c', revoked_at: '2026-11-22T00:00:00Z' }), NOW)).toBe('revoked')
    expect(invitationState(invitation({ id: 'd', expires_at: '2026-11-25T10:00:00Z' }), NOW)).toBe('expired')
  })

  it('lists pending ones first, soonest to expire first, then the rest newest first', () => {
    const list = [
      invitation({ id: 'old-revoked', revoked_at: 'x', created_at: '2026-10-01T00:00:00Z' }),
      invitation({ id: 'late', expires_at: '2026-12-24T00:00:00Z' }),
      invitation({ id: 'new-accepted', accepted_at: 'x', created_at: '2026-11-01T00:00:00Z' }),
      invitation({ id: 'soon', expires_at: '2026-11-30T00:00:00Z' }),
    ]
    expect(sortInvitations(list, NOW).map(i => i.id)).toEqual(['soon', 'late', 'new-accepted', 'old-revoked'])
  })
})

describe('people', () => {
  const PEOPLE = [
    person({ id: 'a', display_name: 'Amina Koné', email: 'amina@example.org', phone: '+33611111111' }),
    person({ id: 'b', display_name: 'Bruno Lefèvre', roles: ['referent'], structure_id: 's1' }),
    person({ id: 'c', display_name: 'Chloé Martin', roles: ['allocataire', 'groupe_ressource'] }),
    person({ id: 'd', display_name: null, email: 'zoe@example.org', roles: ['coordinator'] }),
  ]

  it('shows staff by default (the groupe ressource included), sorted by name', () => {
    expect(searchPeople(PEOPLE, '').map(p => p.id)).toEqual(['b', 'c', 'd'])
    expect(isStaff(PEOPLE[0]!)).toBe(false)
  })

  it('finds anyone by name without accents or case, by email, or by phone digits', () => {
    expect(searchPeople(PEOPLE, 'amina kone').map(p => p.id)).toEqual(['a'])
    expect(searchPeople(PEOPLE, 'LEFEVRE').map(p => p.id)).toEqual(['b'])
    expect(searchPeople(PEOPLE, 'zoe@').map(p => p.id)).toEqual(['d'])
    expect(searchPeople(PEOPLE, '06 11 11').map(p => p.id)).toEqual(['a'])
    expect(searchPeople(PEOPLE, 'nobody')).toEqual([])
    expect(searchPeople(PEOPLE, 'e', 2)).toHaveLength(2)
  })

  it('reads profiles, dropping deleted ones', () => {
    expect(toPerson({ id: 'x', roles: ['referent'], $pending: true })).toMatchObject({ roles: ['referent'], pending: true })
    expect(toPerson({ id: 'y', deleted_at: 'x' })).toBeNull()
  })
})

describe('access drafts', () => {
  it('asks for a team for outreach, a structure for a référent, and at least one role', () => {
    expect(accessProblems({ roles: [], team_id: null, structure_id: null })).toEqual(['roles'])
    expect(accessProblems({ roles: ['outreach', 'referent'], team_id: null, structure_id: null })).toEqual(['team_id', 'structure_id'])
    expect(accessProblems({ roles: ['coordinator'], team_id: null, structure_id: null })).toEqual([])
  })

  it('makes a groupe ressource member an allocataire too, in a stable order', () => {
    expect(normaliseRoles(['groupe_ressource'])).toEqual(['allocataire', 'groupe_ressource'])
    expect(normaliseRoles(['coordinator', 'referent', 'referent'])).toEqual(['referent', 'coordinator'])
  })

  it('writes French numbers in international form, as the server stores them', () => {
    expect(internationalPhone('06 12 34 56 78')).toBe('+33612345678')
    expect(internationalPhone('01.53.09.00.18')).toBe('+33153090018')
    expect(internationalPhone('+44 20 7946 0958')).toBe('+44 20 7946 0958')
  })
})

describe('audit entries', () => {
  it('checks the shape the server sends', () => {
    const entry = { id: 'a0000000-0000-4000-8000-000000000001', at: '2026-11-25T10:00:00Z', action: 'profile.access_changed', actor_id: null, actor_name: null, target_table: 'profiles', target_id: null, target_name: 'Bruno', details: {} }
    expect(parseAuditEntries([entry])).toHaveLength(1)
    expect(() => parseAuditEntries([{ ...entry, details: 'x' }])).toThrow()
  })

  it('says which roles were added and removed', () => {
    expect(accessChange({ old: { roles: ['referent'], team_id: null, structure_id: 's1' }, new: { roles: ['coordinator', 'referent'], team_id: null, structure_id: 's2' } }))
      .toEqual({ added: ['coordinator'], removed: [], teamChanged: false, structureChanged: true })
    expect(accessChange({})).toBeNull()
    expect(auditRoles({ roles: ['outreach', 42] })).toEqual(['outreach'])
  })
})

import type { AccessDraft, PersonRow } from '@/domain/adminAccounts'
import { describe, expect, it } from 'vitest'
import { combineSearch, parsePeople, parseSearch, searchable } from '@/domain/adminPeople'

function person(patch: Partial<PersonRow> & { id: string }): PersonRow {
  return { display_name: null, email: null, phone: null, roles: ['allocataire'], team_id: null, structure_id: null, preferred_locale: 'fr', pending: false, ...patch }
}

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

// The device holds the staff only; allocataires come from the server's search.
const local = [
  person({ id: ID(1), display_name: 'Karim Benali', roles: ['referent'], structure_id: ID(90) }),
  person({ id: ID(2), display_name: 'Fatou Traoré', roles: ['allocataire', 'groupe_ressource'], pending: true }),
]

describe('people searched on the server', () => {
  it('searches from two letters or four phone digits', () => {
    expect(searchable('')).toBe(false)
    expect(searchable(' a ')).toBe(false)
    expect(searchable('am')).toBe(true)
    expect(searchable('06 1')).toBe(false)
    expect(searchable('0612')).toBe(true)
  })

  it('shows the device\'s staff when the query is empty, whatever the server said', () => {
    expect(combineSearch(local, [person({ id: ID(3), display_name: 'Amina Kone' })], new Map(), '').map(p => p.id)).toEqual([ID(2), ID(1)])
  })

  it('adds the server\'s matches to the local ones, each person once, by name', () => {
    const found = [
      person({ id: ID(3), display_name: 'Amina Kone' }),
      // Also on the device, with a change not yet sent: the device's version wins.
      person({ id: ID(2), display_name: 'Fatou Traoré', roles: ['allocataire', 'groupe_ressource'] }),
    ]
    const shown = combineSearch(local, found, new Map(), 'a')
    expect(shown.map(p => p.display_name)).toEqual(['Amina Kone', 'Fatou Traoré', 'Karim Benali'])
    expect(shown.find(p => p.id === ID(2))!.pending).toBe(true)
  })

  it('shows a role change written here for someone found on the server, as pending', () => {
    const drafts = new Map<string, AccessDraft>([[ID(3), { roles: ['allocataire', 'groupe_ressource'], team_id: null, structure_id: ID(90) }]])
    const [amina] = combineSearch([], [person({ id: ID(3), display_name: 'Amina Kone' })], drafts, 'amina')
    expect(amina).toMatchObject({ roles: ['allocataire', 'groupe_ressource'], structure_id: ID(90), pending: true })
  })

  it('keeps at most the limit', () => {
    const found = Array.from({ length: 60 }, (_, i) => person({ id: ID(100 + i), display_name: `Personne ${String(i).padStart(2, '0')}` }))
    expect(combineSearch([], found, new Map(), 'personne')).toHaveLength(50)
  })

  it('checks the server\'s answers and keeps only known roles', () => {
    const row = { id: ID(3), display_name: 'Amina Kone', email: null, phone: '+33600000001', roles: ['allocataire', 'admin'], team_id: null, structure_id: ID(90), referent_id: ID(1), preferred_locale: 'fr', version: 3 }
    expect(parseSearch([row])).toEqual([person({ id: ID(3), display_name: 'Amina Kone', phone: '+33600000001', structure_id: ID(90) })])
    expect(() => parseSearch([{ ...row, id: 'pas-un-id' }])).toThrow()
    expect(() => parseSearch({ rows: [row] })).toThrow()
    expect(parsePeople([{ id: ID(3), display_name: 'Amina Kone', preferred_locale: 'ar', roles: ['allocataire'], referent_id: ID(1), structure_id: null }]))
      .toEqual([{ id: ID(3), display_name: 'Amina Kone', preferred_locale: 'ar', roles: ['allocataire'], referent_id: ID(1), structure_id: null }])
    expect(() => parsePeople([{ id: ID(3) }])).toThrow()
  })
})

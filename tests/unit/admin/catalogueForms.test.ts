import { describe, expect, it } from 'vitest'
import { argsFromForm, formFromRow } from '@/domain/adminCatalogueForms'
import { ADMIN_MUTATION_SCHEMAS } from '@/domain/adminMutations'

const STRUCTURE = {
  id: '5e000000-0000-4000-8000-000000000001', kind: 'EI', name: 'Espace insertion Paris 18e', summary: null, address: '4 rue Affre',
  postcode: '75018', arrondissement: 18, phone: '01 53 09 00 18', email: 'ei18@example.org', website: null, accessibility: null,
  opening_hours: { mon: [['09:00', '12:30'], ['13:30', '17:00']], fri: [['09:00', '12:30']] }, status: 'published',
  published_at: '2026-01-01T00:00:00Z', last_checked_at: '2026-10-01T00:00:00Z',
}

describe('catalogue forms', () => {
  it('turn a structure into form text and back into a valid whole-row upsert', () => {
    const form = formFromRow('structures', STRUCTURE, STRUCTURE.id)
    expect(form.values).toMatchObject({ name: 'Espace insertion Paris 18e', arrondissement: '18', website: '' })
    expect(form.hours.mon).toBe('09:00-12:30, 13:30-17:00')
    const built = argsFromForm('structures', form, true)
    expect('args' in built).toBe(true)
    const args = (built as { args: Record<string, unknown> }).args
    expect(args).toMatchObject({ id: STRUCTURE.id, arrondissement: 18, website: null, checked: true, status: 'published', opening_hours: STRUCTURE.opening_hours })
    expect(ADMIN_MUTATION_SCHEMAS['structure.upsert'].safeParse(args).success).toBe(true)
  })

  it('name the fields it cannot read', () => {
    const form = formFromRow('structures', STRUCTURE, STRUCTURE.id)
    form.hours.tue = 'le matin'
    form.values.arrondissement = 'x'
    expect(argsFromForm('structures', form, false)).toEqual({ invalid: ['arrondissement', 'hours.tue'] })
  })

  it('start a new prestation with sensible values, publics and its language kept', () => {
    const form = formFromRow('prestations', undefined, 'b0000000-0000-4000-8000-0000000000a1')
    expect(form).toMatchObject({ status: 'draft', publics: ['tous'], locale: null, values: { registre: 'formation', access_mode: 'referent' } })
    form.values.title = 'Atelier CV'
    form.values.arrondissements = '18, 19'
    const built = argsFromForm('prestations', form, false) as { args: Record<string, unknown> }
    expect(built.args).toMatchObject({ title: 'Atelier CV', arrondissements: [18, 19], publics: ['tous'], summary: '', checked: false })
    expect(ADMIN_MUTATION_SCHEMAS['prestation.upsert'].safeParse(built.args).success).toBe(true)
  })

  it('read event times as Paris times', () => {
    const form = formFromRow('events', { id: 'e1', kind: 'forum', title: 'Forum', starts_at: '2027-03-10T08:00:00Z', ends_at: null, publics: ['jeunes'], status: 'draft' }, 'e1')
    expect(form.values.starts_at).toBe('2027-03-10T09:00')
    form.values.ends_at = '2027-03-10T13:00'
    const built = argsFromForm('events', form, false) as { args: Record<string, unknown> }
    expect(built.args).toMatchObject({ starts_at: '2027-03-10T09:00:00+01:00', ends_at: '2027-03-10T13:00:00+01:00', publics: ['jeunes'] })
    form.values.starts_at = 'demain'
    expect(argsFromForm('events', form, false)).toEqual({ invalid: ['starts_at'] })
  })
})

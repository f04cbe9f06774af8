import { describe, expect, it } from 'vitest'
import {
  emptyPrestationFilter, favouritesFirst, filterPrestations, filterStructures, groupByRegistre,
  isFavourite, isFilterActive, pruneFavourites, safeWebsite, sortPrestations, telHref, toggleFavourite, upcomingEvents,
} from '@/domain/catalogue'
import { foldText, foldWithIndexMap, queryTerms } from '@/domain/textSearch'
import { event, PRESTATIONS, structure } from './fixtures'

const ids = (rows: { id: string }[]) => rows.map(r => r.id)

describe('text folding', () => {
  it('ignores case, accents and ligatures', () => {
    expect(foldText('Évaluation de l’IDÉE, cœur')).toBe('evaluation de l\'idee, coeur')
    expect(foldText('ÇA')).toBe('ca')
  })

  it('ignores Arabic diacritics and hamza forms', () => {
    expect(foldText('مُرافِق')).toBe(foldText('مرافق'))
    expect(foldText('أحمد')).toBe('احمد')
    expect(foldText('مدرسة')).toBe(foldText('مدرسه'))
  })

  it('maps folded positions back to the original text', () => {
    const { folded, map } = foldWithIndexMap('Œuvre é')
    expect(folded).toBe('oeuvre e')
    expect(map[0]).toBe(0)
    expect(map[1]).toBe(0)
    expect(map[2]).toBe(1)
    expect(map[folded.length]).toBe('Œuvre é'.length)
  })

  it('splits a query into folded words', () => {
    expect(queryTerms('  Français,  FORUM ')).toEqual(['francais', 'forum'])
    expect(queryTerms('')).toEqual([])
  })
})

describe('filterPrestations', () => {
  it('hides archived and deleted prestations and sorts by registre then title', () => {
    expect(ids(filterPrestations(PRESTATIONS, {}))).toEqual(['p3', 'p1', 'p2', 'p5', 'p4'])
  })

  it('filters by registre', () => {
    expect(ids(filterPrestations(PRESTATIONS, { registre: 'creation_activite' }))).toEqual(['p4'])
  })

  it('filters by public, keeping prestations open to everyone', () => {
    expect(ids(filterPrestations(PRESTATIONS, { public: 'femmes' })).sort()).toEqual(['p2', 'p3', 'p5'])
    expect(ids(filterPrestations(PRESTATIONS, { public: 'tous' }))).toHaveLength(5)
  })

  it('filters by arrondissement, keeping Paris-wide prestations', () => {
    expect(ids(filterPrestations(PRESTATIONS, { arrondissement: 12 })).sort()).toEqual(['p1', 'p3', 'p4', 'p5'])
    expect(ids(filterPrestations(PRESTATIONS, { arrondissement: 19 })).sort()).toEqual(['p1', 'p2', 'p3', 'p4'])
  })

  it('filters by access mode', () => {
    expect(ids(filterPrestations(PRESTATIONS, { accessMode: 'direct' }))).toEqual(['p3', 'p4'])
  })

  it('searches free text without accents or case, every word must match', () => {
    expect(ids(filterPrestations(PRESTATIONS, { query: 'FRANCAIS' })).sort()).toEqual(['p1', 'p2'])
    expect(ids(filterPrestations(PRESTATIONS, { query: 'evaluation idee' }))).toEqual(['p4'])
    expect(ids(filterPrestations(PRESTATIONS, { query: 'maison emploi' }))).toEqual(['p4'])
    expect(ids(filterPrestations(PRESTATIONS, { query: 'francais jardin' }))).toEqual([])
  })

  it('puts title matches first when searching', () => {
    expect(ids(filterPrestations(PRESTATIONS, { query: 'employeurs forum' }))).toEqual(['p5'])
    expect(ids(filterPrestations(PRESTATIONS, { query: 'passerelles' }))).toEqual(['p1', 'p2'])
    expect(ids(filterPrestations(PRESTATIONS, { query: 'francais' }, { sort: 'title' }))).toEqual(['p1', 'p2'])
  })

  it('combines filters and restricts to ids (favourites)', () => {
    expect(ids(filterPrestations(PRESTATIONS, { registre: 'formation', accessMode: 'referent', arrondissement: 12 }))).toEqual(['p1'])
    expect(ids(filterPrestations(PRESTATIONS, { ids: ['p4', 'p2'] }))).toEqual(['p2', 'p4'])
  })

  it('groups by registre in catalogue order', () => {
    const groups = groupByRegistre(filterPrestations(PRESTATIONS, {}))
    expect(groups.map(g => g.registre)).toEqual(['formation', 'intermediation', 'creation_activite'])
  })

  it('knows when a filter is active', () => {
    expect(isFilterActive(emptyPrestationFilter())).toBe(false)
    expect(isFilterActive({ ...emptyPrestationFilter(), query: '  ' })).toBe(false)
    expect(isFilterActive({ ...emptyPrestationFilter(), ids: ['p1'] })).toBe(false)
    expect(isFilterActive({ ...emptyPrestationFilter(), arrondissement: 18 })).toBe(true)
  })
})

describe('sortPrestations', () => {
  // Collators are kept per locale: each language still sorts by its own rules,
  // whichever was asked first.
  const titled = (id: string, title: string) => ({ ...PRESTATIONS[0]!, id, title })
  const rows = [titled('z', 'Zéro'), titled('a', 'Ärende'), titled('o', 'Ordre')]

  it('sorts titles by the rules of the language asked, one after the other', () => {
    expect(ids(sortPrestations(rows, 'title', 'sv'))).toEqual(['o', 'z', 'a'])
    expect(ids(sortPrestations(rows, 'title', 'fr'))).toEqual(['a', 'o', 'z'])
    expect(ids(sortPrestations(rows, 'title', 'sv'))).toEqual(['o', 'z', 'a'])
  })

  it('returns a copy for an empty or single-row list', () => {
    expect(sortPrestations([], 'title')).toEqual([])
    const one = [titled('x', 'Seule')]
    const sorted = sortPrestations(one, 'registre')
    expect(sorted).toEqual(one)
    expect(sorted).not.toBe(one)
  })
})

describe('filterStructures', () => {
  const rows = [
    structure({ id: 's1', kind: 'EI', name: 'Espace insertion Paris 18e', arrondissement: 18, address: '4 rue Affre', postcode: '75018' }),
    structure({ id: 's2', kind: 'CAPI', name: 'CAPI Paris 20e', arrondissement: 20, address: '13 rue des Envierges' }),
    structure({ id: 's3', kind: 'EI', name: 'Espace insertion Paris 13e', arrondissement: 13 }),
    structure({ id: 's4', kind: 'ASSOCIATION', name: 'Association parisienne', arrondissement: null }),
    structure({ id: 's5', kind: 'EI', name: 'Ancien Espace insertion', arrondissement: 1, status: 'archived' }),
  ]

  it('sorts by arrondissement, Paris-wide ones last, and hides archived ones', () => {
    expect(ids(filterStructures(rows, {}))).toEqual(['s3', 's1', 's2', 's4'])
  })

  it('filters by kind and arrondissement', () => {
    expect(ids(filterStructures(rows, { kind: 'EI' }))).toEqual(['s3', 's1'])
    expect(ids(filterStructures(rows, { kind: 'EI', arrondissement: 18 }))).toEqual(['s1'])
    expect(ids(filterStructures(rows, { arrondissement: 19 }))).toEqual([])
  })

  it('searches names, streets and postcodes', () => {
    expect(ids(filterStructures(rows, { query: 'envierges' }))).toEqual(['s2'])
    expect(ids(filterStructures(rows, { query: '75018' }))).toEqual(['s1'])
    expect(ids(filterStructures(rows, { query: 'ESPACE 13E' }))).toEqual(['s3'])
  })
})

describe('upcomingEvents', () => {
  const rows = [
    event({ id: 'e1', title: 'Forum Paris pour l’emploi', starts_at: '2027-06-10T08:00:00Z', ends_at: '2027-06-10T16:00:00Z', arrondissement: 12 }),
    event({ id: 'e2', kind: 'information_collective', title: 'Métiers du service à la personne', starts_at: '2027-03-04T08:30:00Z' }),
    event({ id: 'e3', title: 'Forum passé', starts_at: '2026-01-10T08:00:00Z' }),
    event({ id: 'e4', title: 'Forum en cours', starts_at: '2026-11-30T08:00:00Z', ends_at: '2026-11-30T16:00:00Z', publics: ['jeunes'] }),
  ]
  const now = new Date('2026-11-30T10:00:00Z')

  it('keeps events not yet over, soonest first', () => {
    expect(ids(upcomingEvents(rows, now))).toEqual(['e4', 'e2', 'e1'])
  })

  it('filters by kind, arrondissement, public and text', () => {
    expect(ids(upcomingEvents(rows, now, { kind: 'information_collective' }))).toEqual(['e2'])
    expect(ids(upcomingEvents(rows, now, { arrondissement: 12 }))).toEqual(['e1'])
    expect(ids(upcomingEvents(rows, now, { public: 'seniors' }))).toEqual(['e2', 'e1'])
    expect(ids(upcomingEvents(rows, now, { query: 'metiers' }))).toEqual(['e2'])
  })
})

describe('favourites', () => {
  it('toggles ids without mutating the list', () => {
    const start: string[] = ['a']
    const added = toggleFavourite(start, 'b')
    expect(added).toEqual(['b', 'a'])
    expect(start).toEqual(['a'])
    expect(toggleFavourite(added, 'a')).toEqual(['b'])
    expect(isFavourite(added, 'b')).toBe(true)
    expect(isFavourite(added, 'c')).toBe(false)
  })

  it('puts favourites first, keeping the order, and drops vanished ids', () => {
    const rows = [{ id: 'x' }, { id: 'y' }, { id: 'z' }]
    expect(ids(favouritesFirst(rows, ['z', 'x']))).toEqual(['x', 'z', 'y'])
    expect(pruneFavourites(['z', 'gone'], rows)).toEqual(['z'])
  })
})

describe('contact helpers', () => {
  it('builds tel: links from displayed numbers', () => {
    expect(telHref('01 53 09 00 18')).toBe('tel:0153090018')
    expect(telHref('+33 1.53.09.00.18')).toBe('tel:+33153090018')
    expect(telHref('3975')).toBe('tel:3975')
    expect(telHref('appeler le matin')).toBeNull()
    expect(telHref(null)).toBeNull()
  })

  it('keeps only http(s) websites', () => {
    expect(safeWebsite('https://www.francetravail.fr')).toBe('https://www.francetravail.fr/')
    expect(safeWebsite('javascript:alert(1)')).toBeNull()
    expect(safeWebsite('not a url')).toBeNull()
  })
})

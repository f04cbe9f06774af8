import type { Revision } from '@/domain/adminBooklet'
import { describe, expect, it } from 'vitest'
import {
  bookletLocales, diffRevisions, diffStats, diffTokens, sectionSummaries, slugFromTitle, sourceOf, toRevision, track, translationState,
} from '@/domain/adminBooklet'

function rev(patch: Partial<Revision> & { id: string }): Revision {
  return {
    slug: 'rsa', locale: 'fr', variant: 'easy', title: 'Le RSA', body: 'Texte', position: 1, revision: 1, status: 'published',
    source_revision: null, published_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', edited_by: null, pending: false,
    ...patch,
  }
}

const ROWS: Revision[] = [
  rev({ id: 'fr1', revision: 1, status: 'archived' }),
  rev({ id: 'fr2', revision: 2, status: 'published', published_at: '2026-06-01T00:00:00Z' }),
  rev({ id: 'fr3', revision: 3, status: 'draft', published_at: null }),
  rev({ id: 'en1', locale: 'en', revision: 1, source_revision: 1, title: 'The RSA' }),
  rev({ id: 'ar1', locale: 'ar', revision: 1, source_revision: 2, title: 'RSA' }),
  // Written before source revisions were recorded: compared by date.
  rev({ id: 'es1', locale: 'es', revision: 1, published_at: '2026-03-01T00:00:00Z' }),
  rev({ id: 'ff', slug: 'contacts', variant: 'full', position: 6, title: 'Contacts' }),
  rev({ id: 'new', slug: 'sante', revision: null, status: 'draft', position: 9, title: 'Santé', published_at: null, pending: true }),
]

describe('revisions', () => {
  it('reads synced rows and drops deleted ones', () => {
    expect(toRevision({ id: 'x', slug: 'rsa', locale: 'ar', variant: 'easy', revision: 2, status: 'in_review', source_revision: 1 }))
      .toMatchObject({ locale: 'ar', revision: 2, status: 'in_review', source_revision: 1 })
    expect(toRevision({ id: 'y', slug: 'rsa', deleted_at: 'x' })).toBeNull()
  })

  it('finds the live revision and the one being written', () => {
    const t = track(ROWS, 'rsa', 'fr', 'easy')
    expect(t.revisions.map(r => r.id)).toEqual(['fr3', 'fr2', 'fr1'])
    expect(t.published?.id).toBe('fr2')
    expect(t.open?.id).toBe('fr3')
    expect(track(ROWS, 'sante', 'fr', 'easy').latest?.id).toBe('new')
  })

  it('takes the published French text as the source of translations', () => {
    expect(sourceOf(ROWS, 'rsa', 'easy')?.id).toBe('fr2')
    expect(sourceOf(ROWS, 'sante', 'easy')?.id).toBe('new')
  })
})

describe('translation status', () => {
  it('says missing, outdated since the French changed, or up to date', () => {
    expect(translationState(ROWS, 'rsa', 'easy', 'fr')).toBe('source')
    expect(translationState(ROWS, 'rsa', 'easy', 'en')).toBe('outdated')
    expect(translationState(ROWS, 'rsa', 'easy', 'ar')).toBe('up_to_date')
    expect(translationState(ROWS, 'rsa', 'easy', 'es')).toBe('outdated')
    expect(translationState(ROWS, 'rsa', 'full', 'en')).toBe('missing')
  })

  it('does not call a translation outdated by a French draft nobody reads yet', () => {
    const rows = ROWS.filter(r => r.id !== 'fr2' && r.id !== 'fr1')
    // Only a draft in French: the translation follows nothing published.
    expect(translationState([...rows, rev({ id: 'fr-pub', revision: 2, status: 'published' })], 'rsa', 'easy', 'ar')).toBe('up_to_date')
  })

  it('summarises every section in booklet order', () => {
    const summary = sectionSummaries(ROWS, ['fr', 'en', 'ar'])
    expect(summary.map(s => s.slug)).toEqual(['rsa', 'contacts', 'sante'])
    expect(summary[0]!.variants.easy.states).toEqual({ fr: 'source', en: 'outdated', ar: 'up_to_date' })
    expect(summary[0]!.inProgress).toBe(1)
    expect(summary[1]!.variants.easy.states.en).toBe('missing')
    expect(bookletLocales(ROWS, ['fr', 'en', 'ar'])).toEqual(['fr', 'en', 'ar', 'es'])
  })

  it('makes a free slug from a title', () => {
    expect(slugFromTitle('Santé et soins !', new Set())).toBe('sante-et-soins')
    expect(slugFromTitle('Contacts', new Set(['contacts', 'contacts-2']))).toBe('contacts-3')
    expect(slugFromTitle('???', new Set())).toBe('section')
  })
})

describe('diff', () => {
  it('finds the longest common subsequence', () => {
    expect(diffTokens(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual([
      { kind: 'same', text: 'a' }, { kind: 'removed', text: 'b' }, { kind: 'same', text: 'c' }, { kind: 'added', text: 'd' },
    ])
    expect(diffTokens([], ['x'])).toEqual([{ kind: 'added', text: 'x' }])
  })

  it('shows a reworded line as one change with the words that differ', () => {
    const lines = diffRevisions('# Le RSA\n\nVous touchez le RSA chaque mois.\nFin.', '# Le RSA\n\nVous recevez le RSA chaque mois.\nFin.\nNouvelle ligne.')
    expect(lines.map(l => l.kind)).toEqual(['same', 'same', 'changed', 'same', 'added'])
    expect(lines[2]!.words).toEqual([
      { kind: 'same', text: 'Vous ' }, { kind: 'removed', text: 'touchez' }, { kind: 'added', text: 'recevez' }, { kind: 'same', text: ' le RSA chaque mois.' },
    ])
    expect(diffStats(lines)).toEqual({ added: 1, removed: 0, changed: 1 })
  })

  it('finds nothing to show between identical texts', () => {
    expect(diffRevisions('a\nb', 'a\nb').every(l => l.kind === 'same')).toBe(true)
  })
})

import type { InboxItem } from '@/domain/adminFeedback'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_FILTER, filterFromQuery, filterInbox, filterToQuery, inboxCounts, matchesFilter, prestationChoices, themeChoices, themesOf, toInboxItem,
} from '@/domain/adminFeedback'

const ME = 'c0000000-0000-4000-8000-00000000000c'

function item(patch: Partial<InboxItem> & { id: string }): InboxItem {
  return {
    kind: 'other', subject_id: null, body: 'Texte', quote: null, rating: null, share_with_groupe: false, contact_back: false,
    expected: null, obtained: null, changed: null, status: 'received', answer: null, answer_locale: null, answered_at: null,
    answered_by: null, assigned_to: null, themes: [], author_id: 'a1', created_at: '2026-10-01T10:00:00Z', pending: false,
    ...patch,
  }
}

const ITEMS: InboxItem[] = [
  item({ id: 'old-read', status: 'read', created_at: '2026-09-01T10:00:00Z' }),
  item({ id: 'new-unread', status: 'received', created_at: '2026-10-05T10:00:00Z', themes: ['horaires'] }),
  item({ id: 'old-unread', status: 'received', created_at: '2026-09-15T10:00:00Z', kind: 'prestation', subject_id: 'p1', themes: ['horaires', 'duree'] }),
  item({ id: 'referent', kind: 'change_referent', status: 'read', created_at: '2026-10-10T10:00:00Z', assigned_to: ME }),
  item({ id: 'fiche', kind: 'fiche_liaison', subject_id: 'p1', status: 'answered', answer: 'Merci', created_at: '2026-08-01T10:00:00Z' }),
  item({ id: 'closed-new', status: 'closed', created_at: '2026-10-20T10:00:00Z', kind: 'booklet', subject_id: 'p1' }),
]

describe('toInboxItem', () => {
  it('reads a synced row, with safe defaults', () => {
    const i = toInboxItem({ id: 'f1', kind: 'prestation', body: 'Bien', status: 'weird', themes: ['a', 3], $pending: true, rating: 4 })!
    expect(i).toMatchObject({ id: 'f1', kind: 'prestation', status: 'received', themes: ['a'], pending: true, rating: 4, answer: null })
    expect(toInboxItem({ id: 'f2', kind: 'other', body: '', deleted_at: '2026-01-01T00:00:00Z' })).toBeNull()
    expect(toInboxItem({ id: 'f3', kind: 'nonsense', body: 'x' })!.kind).toBe('other')
  })
})

describe('filters', () => {
  const ids = (filter = DEFAULT_FILTER) => filterInbox(ITEMS, filter, ME).map(i => i.id)

  it('shows what waits by default: change-of-référent first, then unread oldest first, then read', () => {
    expect(ids()).toEqual(['referent', 'old-unread', 'new-unread', 'old-read'])
  })

  it('lists answered and closed items newest first after the open ones', () => {
    expect(ids({ ...DEFAULT_FILTER, status: 'all' })).toEqual(['referent', 'old-unread', 'new-unread', 'old-read', 'closed-new', 'fiche'])
  })

  it('filters by type, prestation (prestation and fiche de liaison only), status, assignment and theme', () => {
    expect(ids({ ...DEFAULT_FILTER, status: 'all', kind: 'change_referent' })).toEqual(['referent'])
    expect(ids({ ...DEFAULT_FILTER, status: 'all', prestation: 'p1' })).toEqual(['old-unread', 'fiche'])
    expect(ids({ ...DEFAULT_FILTER, status: 'answered' })).toEqual(['fiche'])
    expect(ids({ ...DEFAULT_FILTER, assigned: 'me' })).toEqual(['referent'])
    expect(ids({ ...DEFAULT_FILTER, assigned: 'nobody' })).toEqual(['old-unread', 'new-unread', 'old-read'])
    expect(ids({ ...DEFAULT_FILTER, theme: 'duree' })).toEqual(['old-unread'])
    expect(matchesFilter(ITEMS[3]!, { ...DEFAULT_FILTER, assigned: 'me' }, null)).toBe(false)
  })

  it('counts what waits', () => {
    expect(inboxCounts(ITEMS)).toEqual({ open: 4, unread: 2, changeReferent: 1 })
  })

  it('lists themes, most used first', () => {
    expect(themesOf(ITEMS)).toEqual(['horaires', 'duree'])
  })

  it('offers the themes at hand, and the chosen one even if no item at hand has it', () => {
    expect(themeChoices(ITEMS, 'all')).toEqual(['horaires', 'duree'])
    expect(themeChoices(ITEMS, 'duree')).toEqual(['horaires', 'duree'])
    expect(themeChoices(ITEMS, 'transport')).toEqual(['horaires', 'duree', 'transport'])
    expect(themeChoices([], 'transport')).toEqual(['transport'])
    expect(themeChoices([], 'all')).toEqual([])
  })

  it('offers every prestation of the catalogue by title, and the chosen one even if gone', () => {
    const catalogue = new Map([['p2', 'Ateliers numériques'], ['p1', 'Écrivain public'], ['p3', 'Coaching emploi'], ['p4', '']])
    expect(prestationChoices(catalogue, 'all').map(p => p.title)).toEqual(['Ateliers numériques', 'Coaching emploi', 'Écrivain public', 'p4'])
    expect(prestationChoices(catalogue, 'p1')).toHaveLength(4)
    expect(prestationChoices(catalogue, 'gone').find(p => p.id === 'gone')).toEqual({ id: 'gone', title: 'gone' })
    expect(prestationChoices(new Map(), 'all')).toEqual([])
  })

  it('round-trips through the address, ignoring unknown values', () => {
    const filter = { kind: 'fiche_liaison', prestation: 'p1', status: 'closed', assigned: 'nobody', theme: 'horaires' } as const
    expect(filterFromQuery(filterToQuery(filter))).toEqual(filter)
    expect(filterToQuery(DEFAULT_FILTER)).toEqual({ type: undefined, prestation: undefined, statut: undefined, suivi: undefined, theme: undefined })
    expect(filterFromQuery({ type: 'drop table', statut: ['x'], suivi: 'everyone' })).toEqual(DEFAULT_FILTER)
  })
})

import { describe, expect, it } from 'vitest'
import {
  filterSheets, formatDayHours, hoursToText, isoToParisLocal, isStale, lastReviewed, parisLocalToIso, parseDayHours, summarise, textToHours,
} from '@/domain/adminCatalogue'

const NOW = new Date('2026-11-25T10:00:00Z')

describe('stale sheets', () => {
  it('takes the later of the last check and the last edit', () => {
    expect(lastReviewed({ last_checked_at: '2026-01-01T00:00:00Z', updated_at: '2026-06-01T00:00:00Z' })).toBe('2026-06-01T00:00:00Z')
    expect(lastReviewed({ last_checked_at: null, updated_at: null, created_at: '2025-01-01T00:00:00Z' })).toBe('2025-01-01T00:00:00Z')
  })

  it('flags sheets neither checked nor updated for six months', () => {
    expect(isStale({ last_checked_at: '2026-05-24T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }, NOW)).toBe(true)
    expect(isStale({ last_checked_at: '2026-05-26T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }, NOW)).toBe(false)
    expect(isStale({}, NOW)).toBe(true)
  })

  it('never flags archived sheets or past events', () => {
    expect(isStale({ status: 'archived', updated_at: '2020-01-01T00:00:00Z' }, NOW)).toBe(false)
    expect(isStale({ starts_at: '2026-01-01T09:00:00+01:00', updated_at: '2020-01-01T00:00:00Z' }, NOW)).toBe(false)
    expect(isStale({ starts_at: '2027-01-01T09:00:00+01:00', updated_at: '2020-01-01T00:00:00Z' }, NOW)).toBe(true)
  })

  it('lists stale sheets first, then by name, with filters', () => {
    const list = [
      summarise('structures', { id: 'a', name: 'Espace insertion 18e', kind: 'EI', status: 'published', last_checked_at: '2026-10-01T00:00:00Z', updated_at: '2026-10-01T00:00:00Z' }, NOW),
      summarise('structures', { id: 'b', name: 'CAPI 20e', kind: 'CAPI', status: 'published', last_checked_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' }, NOW),
      summarise('prestations', { id: 'c', title: 'Atelier CV', registre: 'formation', status: 'draft', updated_at: '2026-11-01T00:00:00Z' }, NOW),
    ]
    expect(list[1]).toMatchObject({ name: 'CAPI 20e', detail: 'CAPI', stale: true })
    expect(filterSheets(list, { query: '', status: 'all', staleOnly: false }).map(s => s.id)).toEqual(['b', 'c', 'a'])
    expect(filterSheets(list, { query: '', status: 'all', staleOnly: true }).map(s => s.id)).toEqual(['b'])
    expect(filterSheets(list, { query: 'insertion', status: 'published', staleOnly: false }).map(s => s.id)).toEqual(['a'])
  })
})

describe('opening hours as text', () => {
  it('reads ranges written the usual ways', () => {
    expect(parseDayHours('09:00-12:30, 13:30-17:00')).toEqual([['09:00', '12:30'], ['13:30', '17:00']])
    expect(parseDayHours('9h-12h30 ; 14h00 – 17h')).toBeNull()
    expect(parseDayHours('9h00-12h30 ; 14h00 – 17h00')).toEqual([['09:00', '12:30'], ['14:00', '17:00']])
    expect(parseDayHours('')).toEqual([])
  })

  it('refuses ranges that close before they open, or nonsense', () => {
    expect(parseDayHours('17:00-09:00')).toBeNull()
    expect(parseDayHours('le matin')).toBeNull()
    expect(parseDayHours('08:00-09:00, 10:00-11:00, 12:00-13:00, 14:00-15:00, 16:00-17:00')).toBeNull()
  })

  it('round-trips a week, naming the days it cannot read', () => {
    const week = { mon: [['09:00', '12:30'], ['13:30', '17:00']], wed: [['09:00', '12:30']] } as const
    const text = hoursToText(week as never)
    expect(text.mon).toBe('09:00-12:30, 13:30-17:00')
    expect(text.tue).toBe('')
    expect(textToHours(text)).toEqual({ hours: week })
    expect(textToHours({ ...text, fri: 'midi' })).toEqual({ invalid: ['fri'] })
    expect(formatDayHours(undefined)).toBe('')
  })
})

describe('Paris times', () => {
  it('writes a Paris wall-clock time with its offset, across clock changes', () => {
    expect(parisLocalToIso('2027-03-10T09:00')).toBe('2027-03-10T09:00:00+01:00')
    expect(parisLocalToIso('2027-07-10T09:00')).toBe('2027-07-10T09:00:00+02:00')
    expect(parisLocalToIso('2027-03-28T12:00')).toBe('2027-03-28T12:00:00+02:00')
    expect(parisLocalToIso('2027-10-31T01:30')).toBe('2027-10-31T01:30:00+02:00')
    expect(parisLocalToIso('10/03/2027')).toBeNull()
  })

  it('reads an instant back as a Paris wall-clock time', () => {
    expect(isoToParisLocal('2027-03-10T08:00:00Z')).toBe('2027-03-10T09:00')
    expect(isoToParisLocal('2027-07-10T09:00:00+02:00')).toBe('2027-07-10T09:00')
    expect(isoToParisLocal(null)).toBe('')
  })
})

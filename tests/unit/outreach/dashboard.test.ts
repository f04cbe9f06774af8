import { describe, expect, it } from 'vitest'
import { addDays, mondayOf, parisDay } from '@/domain/outreach'
import { aggregateDashboard, niceMax } from '@/domain/outreachDashboard'

// Today: Thursday 2026-11-26 (Paris). Four weeks: from Monday 2026-11-02 to Sunday 2026-11-29.
const TODAY = '2026-11-26'
const row = (met_at: string, quartier: string, extra: Record<string, unknown> = {}) => ({ met_at, quartier, consent: false, oriented_structure_id: null, referral_status: 'none', status: 'new', ...extra })

const ROWS = [
  row('2026-11-02T08:00:00+01:00', 'Goutte d’Or'),
  row('2026-11-03T10:00:00+01:00', 'Goutte d\'Or', { consent: true, oriented_structure_id: 's1', referral_status: 'accepted', status: 'in_parcours' }),
  row('2026-11-09T00:30:00+01:00', 'La Chapelle', { oriented_structure_id: 's1', referral_status: 'pending' }),
  // Sunday 23:30 in Paris is still week of 2026-11-09.
  row('2026-11-15T22:30:00Z', 'La Chapelle', { consent: true, oriented_structure_id: 's2', referral_status: 'appointment_planned' }),
  row('2026-11-24T12:00:00+01:00', 'Goutte d’Or', { consent: true, oriented_structure_id: 's2', referral_status: 'declined', status: 'oriented' }),
  row('2026-11-25T12:00:00+01:00', 'Goutte d’Or', { consent: true, oriented_structure_id: 's1', referral_status: 'pending', status: 'oriented' }),
  // Outside the period, deleted by hand, unreadable: not counted.
  row('2026-11-01T22:59:00Z', 'Goutte d’Or'),
  row('2026-11-20T12:00:00+01:00', 'La Chapelle', { deleted_at: '2026-11-21T00:00:00Z' }),
  row('not a date', 'La Chapelle'),
  // Reduced to statistics by retention: still a person met.
  row('2026-11-20T12:00:00+01:00', 'Porte de la Chapelle', { deleted_at: '2026-11-21T00:00:00Z', reduced_at: '2026-11-21T00:00:00Z' }),
]

describe('team dashboard aggregation', () => {
  const d = aggregateDashboard(ROWS, { today: TODAY, weeks: 4 })

  it('covers whole Paris weeks, Monday to Sunday, the current one included', () => {
    expect(d.from).toBe('2026-11-02')
    expect(d.to).toBe('2026-11-29')
    expect(d.weeks.map(w => w.start)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'])
  })

  it('counts people met per week and quartier, one spelling per quartier', () => {
    expect(d.weeks.map(w => w.total)).toEqual([2, 2, 1, 2])
    expect(d.weeks[0]!.byQuartier).toEqual({ 'Goutte d’Or': 2 })
    expect(d.weeks[1]!.byQuartier).toEqual({ 'La Chapelle': 2 })
    expect(d.quartiers).toEqual(['Goutte d’Or', 'La Chapelle', 'Porte de la Chapelle'])
    expect(d.byQuartier).toEqual({ 'Goutte d’Or': 4, 'La Chapelle': 2, 'Porte de la Chapelle': 1 })
  })

  it('counts orientations, answers and parcours as the server’s statistics do', () => {
    expect(d.totals).toEqual({
      met: 7,
      withConsent: 4,
      oriented: 5,
      orientedAnonymous: 1,
      referralsPending: 1, // the anonymous "pending" never waits for anyone
      referralsAccepted: 2, // accepted + appointment planned
      referralsDeclined: 1,
      inParcours: 1,
    })
  })

  it('works with no contact at all', () => {
    const empty = aggregateDashboard([], { today: TODAY, weeks: 8 })
    expect(empty.weeks).toHaveLength(8)
    expect(empty.totals.met).toBe(0)
    expect(empty.quartiers).toEqual([])
  })
})

describe('calendar helpers', () => {
  it('work on Paris days across the DST change', () => {
    expect(parisDay('2026-10-24T22:30:00Z')).toBe('2026-10-25')
    expect(mondayOf('2026-10-25')).toBe('2026-10-19')
    expect(mondayOf('2026-10-26')).toBe('2026-10-26')
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('round chart scales up', () => {
    expect([0, 1, 4, 7, 12, 38, 120].map(niceMax)).toEqual([1, 1, 4, 10, 20, 50, 200])
  })
})

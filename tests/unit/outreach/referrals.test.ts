import { describe, expect, it } from 'vitest'
import { sortReferrals } from '@/composables/useReferralInbox'
import { toContactRow, toFollowUpRow } from '@/domain/outreachRows'
import { dueFollowUps } from '@/domain/outreach'

describe('the référent’s referral list', () => {
  it('shows pending referrals first, longest waiting first, then the answered ones, newest answer first', () => {
    const rows = [
      { id: 'a', referral_status: 'accepted', oriented_at: '2026-11-01T10:00:00Z', referral_answered_at: '2026-11-03T10:00:00Z' },
      { id: 'b', referral_status: 'pending', oriented_at: '2026-11-05T10:00:00Z', referral_answered_at: null },
      { id: 'c', referral_status: 'declined', oriented_at: '2026-11-02T10:00:00Z', referral_answered_at: '2026-11-06T10:00:00Z' },
      { id: 'd', referral_status: 'pending', oriented_at: '2026-11-02T10:00:00Z', referral_answered_at: null },
    ] as const
    expect(sortReferrals(rows).map(r => r.id)).toEqual(['d', 'b', 'c', 'a'])
  })
})

describe('synced rows read for the screens', () => {
  it('fall back to safe values for what a newer server or a pending write may lack', () => {
    const c = toContactRow({ id: 'x', needs: ['emploi', 'sante'], referral_status: 'weird', oriented_structure_id: 's', $pending: true })
    expect(c).toMatchObject({ needs: ['emploi'], referral_status: 'pending', status: 'new', met_how: 'street', consent: false, pending: true })
    expect(toFollowUpRow({ id: 'f', status: 'unknown', kind: 'meet_again' })).toMatchObject({ status: 'planned', kind: 'meet_again' })
  })

  it('make a "today" list of planned follow-ups due today or late, late first', () => {
    const rows = [
      { id: '1', due_on: '2026-11-20', status: 'planned' },
      { id: '2', due_on: '2026-11-18', status: 'planned' },
      { id: '3', due_on: '2026-11-21', status: 'planned' },
      { id: '4', due_on: '2026-11-19', status: 'done' },
      { id: '5', due_on: '2026-11-19', status: 'planned', deleted_at: '2026-11-19T00:00:00Z' },
    ]
    expect(dueFollowUps(rows, '2026-11-20').map(f => f.id)).toEqual(['2', '1'])
  })
})

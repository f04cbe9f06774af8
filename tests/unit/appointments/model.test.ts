import { describe, expect, it } from 'vitest'
import { canRespond, deliveryOf, isSeen, languageName, nextAppointment, slotView, splitByTime, toAppointment } from '@/components/appointments/model'
import { MUTATION_SPECS } from '@/sync/optimistic'
import { appointment, row } from './fixtures'

const NOW = Date.parse('2027-03-20T12:00:00Z')

describe('appointments as the screens read them', () => {
  it('reads a pulled row defensively', () => {
    const a = toAppointment({ id: 'x', kind: 'unknown', status: 'odd', documents_to_bring: ['CV', '', 3], $pending: true })
    expect(a.kind).toBe('follow_up')
    expect(a.status).toBe('scheduled')
    expect(a.documents_to_bring).toEqual(['CV'])
    expect(a.pending).toBe(true)
  })

  it('splits what is ahead (soonest first) from the past (latest first)', () => {
    const list = [
      appointment({ id: 'past-old', starts_at: '2027-01-10T09:00:00Z' }),
      appointment({ id: 'later', starts_at: '2027-04-02T09:00:00Z' }),
      appointment({ id: 'now', starts_at: '2027-03-20T11:30:00Z', duration_min: 60 }),
      appointment({ id: 'past', starts_at: '2027-03-19T09:00:00Z' }),
      appointment({ id: 'cancelled', starts_at: '2027-03-21T09:00:00Z', status: 'cancelled' }),
    ]
    const { upcoming, past } = splitByTime(list, NOW)
    expect(upcoming.map(a => a.id)).toEqual(['now', 'cancelled', 'later'])
    expect(past.map(a => a.id)).toEqual(['past', 'past-old'])
    expect(nextAppointment(list, NOW)?.id).toBe('now')
    expect(nextAppointment(list.filter(a => a.id !== 'now'), NOW)?.id).toBe('later')
  })

  it('lets the allocataire answer only what is ahead and still on the agenda', () => {
    expect(canRespond(appointment({ starts_at: '2027-03-21T09:00:00Z' }), NOW)).toBe(true)
    expect(canRespond(appointment({ starts_at: '2027-03-21T09:00:00Z', status: 'reschedule_requested' }), NOW)).toBe(true)
    expect(canRespond(appointment({ starts_at: '2027-03-21T09:00:00Z', status: 'cancelled' }), NOW)).toBe(false)
    expect(canRespond(appointment({ starts_at: '2027-03-19T09:00:00Z' }), NOW)).toBe(false)
  })
})

describe('where an answer is: waiting for network, sent, seen by the référent', () => {
  const answered = appointment({ response: 'confirmed', responded_at: '2027-03-20T10:00:00.123456+00:00' })

  it('follows the outbox first, then the server\'s row', () => {
    expect(deliveryOf(appointment(), { queued: false, rejected: false })).toBeNull()
    expect(deliveryOf(answered, { queued: true, rejected: false })).toBe('waiting')
    expect(deliveryOf(answered, { queued: false, rejected: true })).toBe('rejected')
    expect(deliveryOf(answered, { queued: false, rejected: false })).toBe('sent')
    expect(deliveryOf({ ...answered, seen_by_referent_at: '2027-03-20T11:00:00+00:00' }, { queued: false, rejected: false })).toBe('seen')
  })

  it('counts as seen only a mark made after the current answer', () => {
    expect(isSeen({ responded_at: '2027-03-20T10:00:00Z', seen_by_referent_at: '2027-03-20T09:00:00Z' })).toBe(false)
    expect(isSeen({ responded_at: '2027-03-20T10:00:00Z', seen_by_referent_at: '2027-03-20T10:00:00Z' })).toBe(true)
    expect(isSeen({ responded_at: null, seen_by_referent_at: '2027-03-20T10:00:00Z' })).toBe(false)
  })

  it('previews appointment.mark_seen only for the answer that was read', () => {
    const apply = MUTATION_SPECS['appointment.mark_seen'].apply
    const ctx = { userId: 'r', now: '2027-03-20T12:00:00.000Z' }
    const current = row({ response: 'confirmed', responded_at: '2027-03-20T10:00:00.123456+00:00' })
    expect(apply(current, { id: current.id, responded_at: '2027-03-20T10:00:00.123456+00:00' }, ctx)?.seen_by_referent_at).toBe(ctx.now)
    expect(apply(current, { id: current.id, responded_at: '2027-03-19T10:00:00+00:00' }, ctx)?.seen_by_referent_at).toBeNull()
    // A device clock behind the server's still previews the answer as seen.
    const late = { userId: 'r', now: '2027-03-20T09:00:00.000Z' }
    expect(isSeen(toAppointment(apply(current, { id: current.id, responded_at: current.responded_at }, late)!))).toBe(true)
    expect(MUTATION_SPECS['appointment.mark_seen'].edits).toBe(false)
  })
})

describe('reschedule slots and languages', () => {
  it('reads slots as ranges, free text, or whatever an older device sent', () => {
    expect(slotView({ from: '2027-03-22T08:00:00Z', to: '2027-03-22T11:00:00Z' })).toEqual({ kind: 'range', from: '2027-03-22T08:00:00Z', to: '2027-03-22T11:00:00Z' })
    expect(slotView('le mardi matin')).toEqual({ kind: 'text', text: 'le mardi matin' })
    expect(slotView({ from: 'morning', days: ['mon', 'tue'] })).toEqual({ kind: 'text', text: 'morning mon tue' })
  })

  it('names the allocataire\'s language in the reader\'s', () => {
    expect(languageName('ar', 'fr')).toBe('arabe')
    expect(languageName('ar', 'en')).toBe('Arabic')
    expect(languageName('ti', 'fr')).toBe('tigrigna')
  })
})

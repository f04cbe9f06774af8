import { afterEach, describe, expect, it } from 'vitest'
import { openingStatus, parseOpeningHours, weeklySummary, zonedInstant, zonedParts } from '@/domain/openingHours'

// Espace insertion Paris 18e (seed data): a lunch break, Wednesday afternoon off, Friday closes earlier.
const EI18 = {
  mon: [['09:00', '12:30'], ['13:30', '17:00']],
  tue: [['09:00', '12:30'], ['13:30', '17:00']],
  wed: [['09:00', '12:30']],
  thu: [['09:00', '12:30'], ['13:30', '17:00']],
  fri: [['09:00', '12:30'], ['13:30', '16:30']],
}

// Winter (CET, UTC+1): 2026-11-30 is a Monday.
const at = (iso: string) => new Date(iso)

describe('openingStatus in Paris time', () => {
  it('is open with the closing time of the current interval', () => {
    expect(openingStatus(EI18, at('2026-11-30T09:00:00Z'))).toMatchObject({ state: 'open', closesAt: '12:30', minutesLeft: 150 })
  })

  it('says "closes soon" at 30 minutes or less, not at 31', () => {
    expect(openingStatus(EI18, at('2026-11-30T10:59:00Z'))).toMatchObject({ state: 'open', minutesLeft: 31 })
    expect(openingStatus(EI18, at('2026-11-30T11:00:00Z'))).toMatchObject({ state: 'closes_soon', closesAt: '12:30', minutesLeft: 30 })
    expect(openingStatus(EI18, at('2026-11-30T11:29:30Z'))).toMatchObject({ state: 'closes_soon', minutesLeft: 1 })
    expect(openingStatus(EI18, at('2026-11-30T11:00:00Z'), { soonMinutes: 15 })).toMatchObject({ state: 'open' })
  })

  it('is closed at the exact closing time, and reopens after lunch the same day', () => {
    const status = openingStatus(EI18, at('2026-11-30T11:30:00Z'))
    expect(status).toMatchObject({ state: 'closed', holiday: null, next: { date: '2026-11-30', weekday: 'mon', time: '13:30', inDays: 0 } })
    expect(openingStatus(EI18, at('2026-11-30T12:30:00Z'))).toMatchObject({ state: 'open', closesAt: '17:00' })
  })

  it('opens at the exact opening time', () => {
    expect(openingStatus(EI18, at('2026-11-30T07:59:59Z'))).toMatchObject({ state: 'closed', next: { time: '09:00', inDays: 0 } })
    expect(openingStatus(EI18, at('2026-11-30T08:00:00Z'))).toMatchObject({ state: 'open' })
  })

  it('finds Monday morning after a Friday evening, across midnight and the weekend', () => {
    // Friday 27 November 2026, 16:30 Paris = closing time.
    const friday = openingStatus(EI18, at('2026-11-27T15:30:00Z'))
    expect(friday).toMatchObject({ state: 'closed', next: { date: '2026-11-30', weekday: 'mon', time: '09:00', inDays: 3 } })
    if (friday.state === 'closed')
      expect(friday.next!.at.toISOString()).toBe('2026-11-30T08:00:00.000Z')
    // One second before and at midnight.
    expect(openingStatus(EI18, at('2026-11-27T22:59:59Z'))).toMatchObject({ state: 'closed', next: { inDays: 3 } })
    expect(openingStatus(EI18, at('2026-11-27T23:00:00Z'))).toMatchObject({ state: 'closed', next: { date: '2026-11-30', inDays: 2 } })
  })

  it('handles hours that run past midnight', () => {
    const night = { fri: [['22:00', '02:00']] }
    expect(openingStatus(night, at('2026-11-27T22:45:00Z'))).toMatchObject({ state: 'open', closesAt: '02:00', minutesLeft: 135 })
    expect(openingStatus(night, at('2026-11-28T00:00:00Z'))).toMatchObject({ state: 'open', closesAt: '02:00', minutesLeft: 60 })
    expect(openingStatus(night, at('2026-11-28T01:00:00Z'))).toMatchObject({ state: 'closed', next: { weekday: 'fri', time: '22:00', inDays: 6 } })
    const toMidnight = { fri: [['20:00', '24:00']] }
    expect(openingStatus(toMidnight, at('2026-11-27T22:45:00Z'))).toMatchObject({ state: 'closes_soon', closesAt: '24:00', minutesLeft: 15 })
  })

  it('is closed on public holidays, and skips them when looking for the next opening', () => {
    // Ascension, Thursday 14 May 2026 (CEST, UTC+2), 10:00 Paris.
    expect(openingStatus(EI18, at('2026-05-14T08:00:00Z'))).toMatchObject({
      state: 'closed', holiday: 'ascension', next: { date: '2026-05-15', weekday: 'fri', time: '09:00', inDays: 1 },
    })
    // Christmas Eve evening: Friday the 25th is a holiday, so Monday the 28th.
    expect(openingStatus(EI18, at('2026-12-24T17:00:00Z'))).toMatchObject({ state: 'closed', holiday: null, next: { date: '2026-12-28', inDays: 4 } })
    expect(openingStatus(EI18, at('2026-04-06T08:00:00Z'))).toMatchObject({ state: 'closed', holiday: 'easter_monday' })
    expect(openingStatus(EI18, at('2026-05-25T08:00:00Z'))).toMatchObject({ state: 'closed', holiday: 'whit_monday' })
    expect(openingStatus(EI18, at('2026-07-14T08:00:00Z'))).toMatchObject({ state: 'closed', holiday: 'bastille_day' })
  })

  it('finds the next opening across the spring and autumn clock changes', () => {
    // Saturday 28 March 2026 18:00 CET; clocks go forward on Sunday night; Monday 09:00 is CEST.
    const spring = openingStatus(EI18, at('2026-03-28T17:00:00Z'))
    expect(spring.state === 'closed' && spring.next!.at.toISOString()).toBe('2026-03-30T07:00:00.000Z')
    // Saturday 24 October 2026 18:00 CEST; clocks go back; Monday 09:00 is CET.
    const autumn = openingStatus(EI18, at('2026-10-24T16:00:00Z'))
    expect(autumn.state === 'closed' && autumn.next!.at.toISOString()).toBe('2026-10-26T08:00:00.000Z')
  })

  it('counts real minutes on the night the clocks change', () => {
    // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST. At 01:40 CET, 03:00 CEST is 20 real minutes away.
    expect(openingStatus({ sun: [['01:00', '03:00']] }, at('2026-03-29T00:40:00Z'))).toMatchObject({ state: 'closes_soon', minutesLeft: 20 })
    // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET. At 01:30 CEST, 03:00 CET is 150 real minutes away.
    expect(openingStatus({ sun: [['01:00', '03:00']] }, at('2026-10-24T23:30:00Z'))).toMatchObject({ state: 'open', minutesLeft: 150 })
  })

  it('answers "unknown" without usable hours, ignoring malformed entries', () => {
    expect(openingStatus({}, at('2026-11-30T09:00:00Z'))).toEqual({ state: 'unknown' })
    expect(openingStatus(null, at('2026-11-30T09:00:00Z'))).toEqual({ state: 'unknown' })
    expect(openingStatus({ mon: [['9h', '12h'], ['10:00']], tue: 'morning' }, at('2026-11-30T09:00:00Z'))).toEqual({ state: 'unknown' })
    expect(openingStatus({ mon: [['9h', '12h'], ['10:00', '11:00']] }, at('2026-11-30T09:00:00Z'))).toMatchObject({ state: 'open', closesAt: '11:00' })
  })

  it('merges overlapping or touching intervals', () => {
    expect(parseOpeningHours({ mon: [['13:00', '17:00'], ['09:00', '12:00'], ['12:00', '13:30']] }).mon).toEqual([{ open: 540, close: 1020 }])
  })

  it('closes when no opening is found within the look-ahead', () => {
    expect(openingStatus({ mon: [['09:00', '10:00']] }, at('2026-11-30T10:00:00Z'), { lookaheadDays: 3 })).toEqual({ state: 'closed', holiday: null, next: null })
  })
})

// Node reads TZ again whenever it changes: the closest thing to moving the phone abroad.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env

describe('device time zone', () => {
  const original = env.TZ
  afterEach(() => {
    env.TZ = original
  })

  it.each(['America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'UTC'])('gives the Paris answer on a device set to %s', (zone) => {
    env.TZ = zone
    // The device really is elsewhere: its local midnight is not Paris's.
    expect(new Date('2026-11-29T23:30:00Z').getDate()).toBe(['America/New_York', 'UTC'].includes(zone) ? 29 : 30)
    // Monday 09:30 Paris.
    expect(openingStatus(EI18, at('2026-11-30T08:30:00Z'))).toMatchObject({ state: 'open', closesAt: '12:30' })
    // Monday 00:30 in Paris while it is still Sunday in New York, already Monday afternoon in Tokyo.
    expect(openingStatus(EI18, at('2026-11-29T23:30:00Z'))).toMatchObject({ state: 'closed', next: { date: '2026-11-30', time: '09:00', inDays: 0 } })
  })
})

describe('zoned helpers', () => {
  it('reads the Paris date, weekday and time of an instant', () => {
    expect(zonedParts(at('2026-11-29T23:30:00Z'))).toMatchObject({ date: '2026-11-30', weekday: 'mon', minutes: 30, offset: 3_600_000 })
    expect(zonedParts(at('2026-07-01T12:00:00Z'))).toMatchObject({ minutes: 14 * 60, offset: 7_200_000 })
  })

  it('maps a skipped wall time forward and a repeated one to its second occurrence', () => {
    expect(zonedInstant('2026-03-29', 150).toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(zonedInstant('2026-10-25', 150).toISOString()).toBe('2026-10-25T01:30:00.000Z')
    expect(zonedInstant('2026-11-30', 540).toISOString()).toBe('2026-11-30T08:00:00.000Z')
  })
})

describe('weeklySummary', () => {
  it('lists the week from Monday with the hours as written', () => {
    const week = weeklySummary(EI18)
    expect(week.map(d => d.day)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
    expect(week[2]).toEqual({ day: 'wed', intervals: [['09:00', '12:30']] })
    expect(week[5]).toEqual({ day: 'sat', intervals: [] })
    expect(weeklySummary({ fri: [['20:00', '24:00']] })[4]!.intervals).toEqual([['20:00', '24:00']])
  })
})

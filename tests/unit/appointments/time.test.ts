import { describe, expect, it } from 'vitest'
import {
  addDays,
  formatDuration,
  formatTimeRange,
  formatWhen,
  groupWeek,
  isSoon,
  mondayOf,
  parisClock,
  parisDay,
  parisInstant,
  weekDays,
  weekRange,
} from '@/components/appointments/time'

const HOUR = 3_600_000

describe('Paris days and times, whatever the device zone', () => {
  it('reads an instant as Paris wall-clock time, summer and winter', () => {
    expect(parisDay('2027-03-27T23:30:00Z')).toBe('2027-03-28') // 00:30 CET
    expect(parisClock('2027-03-27T23:30:00Z')).toBe('00:30')
    expect(parisClock('2027-07-01T08:00:00Z')).toBe('10:00') // CEST
    expect(parisClock('2027-12-01T09:00:00Z')).toBe('10:00') // CET
  })

  it('turns a Paris day and time into the right instant on both sides of a change', () => {
    expect(parisInstant('2027-03-27', '10:00').toISOString()).toBe('2027-03-27T09:00:00.000Z')
    expect(parisInstant('2027-03-29', '10:00').toISOString()).toBe('2027-03-29T08:00:00.000Z')
    expect(parisInstant('2027-10-30', '10:00').toISOString()).toBe('2027-10-30T08:00:00.000Z')
    expect(parisInstant('2027-11-01', '10:00').toISOString()).toBe('2027-11-01T09:00:00.000Z')
    // 02:30 does not exist on 28 March 2027: clocks show 03:30.
    expect(parisClock(parisInstant('2027-03-28', '02:30'))).toBe('03:30')
  })

  it('does calendar arithmetic on dates, never by adding 24 hours', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28')
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29')
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01')
    expect(mondayOf('2027-03-28')).toBe('2027-03-22') // a Sunday belongs to the week before
    expect(mondayOf('2027-03-29')).toBe('2027-03-29')
    expect(weekDays('2027-03-22')).toEqual(['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-27', '2027-03-28'])
  })
})

describe('the référent\'s week across a DST change', () => {
  it('covers 167 hours the week clocks go forward, 169 the week they go back', () => {
    const spring = weekRange('2027-03-22')
    expect(spring.start.toISOString()).toBe('2027-03-21T23:00:00.000Z')
    expect(spring.end.toISOString()).toBe('2027-03-28T22:00:00.000Z')
    expect((spring.end.getTime() - spring.start.getTime()) / HOUR).toBe(167)
    const autumn = weekRange('2027-10-25')
    expect((autumn.end.getTime() - autumn.start.getTime()) / HOUR).toBe(169)
  })

  it('puts each appointment on its Paris day, including around midnight on the change days', () => {
    const items = [
      { id: 'sun-late', starts_at: '2027-03-28T21:30:00Z' }, // Sunday 23:30 CEST
      { id: 'mon-9', starts_at: '2027-03-22T08:00:00Z' }, // Monday 09:00 CET
      { id: 'sat-23', starts_at: '2027-03-27T22:30:00Z' }, // Saturday 23:30 CET
      { id: 'sun-10', starts_at: '2027-03-28T08:00:00Z' }, // Sunday 10:00 CEST
      { id: 'next-mon', starts_at: '2027-03-28T22:30:00Z' }, // Monday 29 00:30 CEST: next week
      { id: 'mon-8', starts_at: '2027-03-22T07:00:00Z' }, // Monday 08:00
    ]
    const week = groupWeek(items, '2027-03-22')
    expect(week.map(d => d.day)).toEqual(weekDays('2027-03-22'))
    expect(week[0]!.items.map(i => i.id)).toEqual(['mon-8', 'mon-9'])
    expect(week[5]!.items.map(i => i.id)).toEqual(['sat-23'])
    expect(week[6]!.items.map(i => i.id)).toEqual(['sun-10', 'sun-late'])
    expect(week.flatMap(d => d.items).map(i => i.id)).not.toContain('next-mon')
    expect(groupWeek(items, '2027-03-29')[0]!.items.map(i => i.id)).toEqual(['next-mon'])
  })

  it('keeps autumn\'s doubled hour on the Sunday', () => {
    const week = groupWeek([
      { id: 'first-0230', starts_at: '2027-10-31T00:30:00Z' }, // 02:30 CEST
      { id: 'second-0230', starts_at: '2027-10-31T01:30:00Z' }, // 02:30 CET
    ], '2027-10-25')
    expect(week[6]!.items.map(i => i.id)).toEqual(['first-0230', 'second-0230'])
  })
})

describe('the 48-hour highlight', () => {
  const now = Date.parse('2027-03-10T12:00:00Z')
  it('lights appointments starting within 48 hours or going on now', () => {
    expect(isSoon('2027-03-11T12:00:00Z', 45, now)).toBe(true)
    expect(isSoon('2027-03-12T12:00:00Z', 45, now)).toBe(true) // exactly 48 h
    expect(isSoon('2027-03-12T12:01:00Z', 45, now)).toBe(false)
    expect(isSoon('2027-03-10T11:30:00Z', 45, now)).toBe(true) // started 30 min ago, lasts 45
    expect(isSoon('2027-03-10T10:00:00Z', 45, now)).toBe(false) // over
  })
})

describe('wording in the reader\'s language, with Latin digits', () => {
  it('formats dates, ranges and durations', () => {
    expect(formatWhen('2027-03-29T08:00:00Z', 'fr')).toBe('lundi 29 mars 2027 à 10:00')
    expect(formatTimeRange('2027-03-29T08:00:00Z', 45, 'fr')).toMatch(/^10:00\s?–\s?10:45$/)
    expect(formatWhen('2027-03-29T08:00:00Z', 'ar')).toContain('10:00')
    const plain = (s: string) => s.replace(/\s/g, ' ')
    expect(plain(formatDuration(45, 'fr'))).toBe('45 minutes')
    expect(plain(formatDuration(60, 'en'))).toBe('1 hour')
    expect(plain(formatDuration(90, 'fr'))).toBe('1 heure et 30 minutes')
  })
})

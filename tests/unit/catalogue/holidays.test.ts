import { describe, expect, it } from 'vitest'
import { addDays, easterSunday, holidayOn, publicHolidays } from '@/domain/holidays'

describe('easterSunday', () => {
  it.each([
    [2000, 4, 23], [2019, 4, 21], [2024, 3, 31], [2025, 4, 20], [2026, 4, 5],
    [2027, 3, 28], [2030, 4, 21], [2038, 4, 25], [2285, 3, 22],
  ])('Easter %i is %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day })
  })
})

describe('publicHolidays', () => {
  it('lists the eleven French public holidays of 2026', () => {
    expect([...publicHolidays(2026)].sort()).toEqual([
      ['2026-01-01', 'new_year'],
      ['2026-04-06', 'easter_monday'],
      ['2026-05-01', 'labour_day'],
      ['2026-05-08', 'victory_day'],
      ['2026-05-14', 'ascension'],
      ['2026-05-25', 'whit_monday'],
      ['2026-07-14', 'bastille_day'],
      ['2026-08-15', 'assumption'],
      ['2026-11-01', 'all_saints'],
      ['2026-11-11', 'armistice'],
      ['2026-12-25', 'christmas'],
    ])
  })

  it('computes the moveable feasts from Easter (Monday +1, Ascension +39, Whit Monday +50)', () => {
    expect(holidayOn('2024-04-01')).toBe('easter_monday')
    expect(holidayOn('2024-05-09')).toBe('ascension')
    expect(holidayOn('2024-05-20')).toBe('whit_monday')
    expect(holidayOn('2025-04-21')).toBe('easter_monday')
    expect(holidayOn('2025-05-29')).toBe('ascension')
    expect(holidayOn('2025-06-09')).toBe('whit_monday')
    // Ascension 2008 fell on 1 May, the same day as Labour Day.
    expect(['ascension', 'labour_day']).toContain(holidayOn('2008-05-01'))
  })

  it('does not count ordinary days, nor Easter Sunday itself', () => {
    expect(holidayOn('2026-04-05')).toBeNull()
    expect(holidayOn('2026-11-30')).toBeNull()
    expect(holidayOn('2026-12-24')).toBeNull()
  })
})

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
  })
})

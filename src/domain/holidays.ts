// French public holidays (jours fériés of metropolitan France, Code du travail
// art. L3133-1): public services are closed on these days. Dates are calendar
// dates ("YYYY-MM-DD"), with no time zone: callers pass the Paris date.

export const HOLIDAYS = [
  'new_year', 'easter_monday', 'labour_day', 'victory_day', 'ascension', 'whit_monday',
  'bastille_day', 'assumption', 'all_saints', 'armistice', 'christmas',
] as const
export type Holiday = (typeof HOLIDAYS)[number]

const FIXED: [month: number, day: number, name: Holiday][] = [
  [1, 1, 'new_year'],
  [5, 1, 'labour_day'],
  [5, 8, 'victory_day'],
  [7, 14, 'bastille_day'],
  [8, 15, 'assumption'],
  [11, 1, 'all_saints'],
  [11, 11, 'armistice'],
  [12, 25, 'christmas'],
]

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number, day: number } {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return { month, day }
}

export function dateKey(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The calendar date `days` after a date key (pure calendar arithmetic, no time zone). */
export function addDays(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d + days))
  return dateKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
}

const cache = new Map<number, Map<string, Holiday>>()

/** Every public holiday of a year, by date key. */
export function publicHolidays(year: number): Map<string, Holiday> {
  let holidays = cache.get(year)
  if (!holidays) {
    holidays = new Map()
    for (const [month, day, name] of FIXED)
      holidays.set(dateKey(year, month, day), name)
    const easter = easterSunday(year)
    const easterKey = dateKey(year, easter.month, easter.day)
    holidays.set(addDays(easterKey, 1), 'easter_monday')
    holidays.set(addDays(easterKey, 39), 'ascension')
    holidays.set(addDays(easterKey, 50), 'whit_monday')
    cache.set(year, holidays)
  }
  return holidays
}

/** The holiday falling on a date key ("2026-05-14" → "ascension"), or null. */
export function holidayOn(key: string): Holiday | null {
  const year = Number(key.slice(0, 4))
  return publicHolidays(year).get(key) ?? null
}

// Date and time wording for the catalogue cards, through Intl in Paris time.
// Digits stay Latin in every language: phone numbers, postcodes and addresses
// are written with them, and times must read the same way next to them.
import type { DayKey } from '@/domain/openingHours'
import { DAYS, PARIS_TIME_ZONE } from '@/domain/openingHours'

const cache = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { numberingSystem: 'latn', ...options })
    cache.set(key, f)
  }
  return f
}

/** "13:30" as this language writes a time of day ("13:30", "1:30 PM"). */
export function formatClock(time: string, locale: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number]
  return formatter(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1, h % 24, m)))
}

/** "lundi", "Monday", "الاثنين". 1 January 2024 was a Monday. */
export function weekdayName(day: DayKey, locale: string): string {
  return formatter(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + DAYS.indexOf(day))))
}

/** A calendar date ("YYYY-MM-DD" or ISO instant) as a long date in Paris. */
export function formatDate(value: string | Date, locale: string): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value)
  return formatter(locale, { dateStyle: 'long', timeZone: PARIS_TIME_ZONE }).format(date)
}

/** An event's date and times in Paris: "mardi 12 janvier 2027, 09:30 – 12:00". */
export function formatEventRange(startsAt: string, endsAt: string | null, locale: string): string {
  const start = new Date(startsAt)
  const full = formatter(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: PARIS_TIME_ZONE })
  if (!endsAt)
    return full.format(start)
  return full.formatRange(start, new Date(endsAt))
}

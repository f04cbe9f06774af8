// Date and time wording for the catalogue cards (opening hours, events),
// through Intl in Paris time (domain/dateFormat.ts).
import type { DayKey } from '@/domain/openingHours'
import { dateFormatter as formatter, PARIS_TIME_ZONE } from '@/domain/dateFormat'
import { DAYS } from '@/domain/openingHours'

/** "13:30" as this language writes a time of day ("13:30", "1:30 PM"). */
export function formatClock(time: string, locale: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number]
  return formatter(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1, h % 24, m)))
}

/** "lundi", "Monday", "الاثنين". 1 January 2024 was a Monday. */
export function weekdayName(day: DayKey, locale: string): string {
  return formatter(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + DAYS.indexOf(day))))
}

/** An event's date and times in Paris: "mardi 12 janvier 2027, 09:30 – 12:00". */
export function formatEventRange(startsAt: string, endsAt: string | null, locale: string): string {
  const start = new Date(startsAt)
  const full = formatter(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: PARIS_TIME_ZONE })
  if (!endsAt)
    return full.format(start)
  return full.formatRange(start, new Date(endsAt))
}

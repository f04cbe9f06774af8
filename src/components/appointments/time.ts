// Appointment times are instants; people read them as Paris wall-clock time,
// whatever zone the phone is set to. Calendar days ("YYYY-MM-DD") are Paris
// days, and their arithmetic is done on dates, never by adding 24 hours: a
// Paris day lasts 23 or 25 hours on the DST weekends.
// Digits stay Latin in every language, as elsewhere in the app.

import { dateFormatter, PARIS_TIME_ZONE } from '@/domain/dateFormat'

const HOUR = 3_600_000
const DAY = 24 * HOUR

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return dateFormatter(locale, { timeZone: PARIS_TIME_ZONE, ...options })
}

function toMs(value: string | number | Date): number {
  return typeof value === 'number' ? value : new Date(value).getTime()
}

/** Paris wall-clock fields of an instant. */
function parisFields(instant: number): { y: number, m: number, d: number, h: number, mi: number } {
  const parts: Record<string, string> = {}
  for (const p of formatter('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant))
    parts[p.type] = p.value
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), mi: Number(parts.minute) }
}

/** Paris' offset from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
export function parisOffsetMs(instant: number): number {
  const f = parisFields(instant)
  const wall = Date.UTC(f.y, f.m - 1, f.d, f.h, f.mi)
  return wall - Math.floor(instant / 60_000) * 60_000
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The Paris calendar day of an instant, "YYYY-MM-DD". */
export function parisDay(value: string | number | Date): string {
  const f = parisFields(toMs(value))
  return `${f.y}-${pad(f.m)}-${pad(f.d)}`
}

/** The Paris time of day of an instant, "HH:MM". */
export function parisClock(value: string | number | Date): string {
  const f = parisFields(toMs(value))
  return `${pad(f.h)}:${pad(f.mi)}`
}

/**
 * The instant of a Paris day and time. A time that does not exist (skipped by the
 * spring change, 02:00–03:00) is read one hour later, as clocks show it.
 */
export function parisInstant(day: string, clock = '00:00'): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const [h, mi] = clock.split(':').map(Number) as [number, number]
  const wall = Date.UTC(y, m - 1, d, h, mi)
  // Two passes: the offset at the guess may differ from the offset at the answer.
  const first = wall - parisOffsetMs(wall)
  return new Date(wall - parisOffsetMs(first))
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** Days from one calendar day to another (never off by one across DST). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY)
}

/** The Monday of the week of a day (weeks start on Monday in France). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((weekday + 6) % 7))
}

export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}

/** The instants a Paris week covers: [Monday 00:00, next Monday 00:00). 167 to 169 hours. */
export function weekRange(monday: string): { start: Date, end: Date } {
  return { start: parisInstant(monday), end: parisInstant(addDays(monday, 7)) }
}

export interface WeekDay<T> {
  day: string
  items: T[]
}

/** A week's items, one entry per Paris day (Monday first), each day sorted by time. */
export function groupWeek<T extends { starts_at: string }>(items: readonly T[], monday: string): WeekDay<T>[] {
  const days = weekDays(monday).map(day => ({ day, items: [] as T[] }))
  const index = new Map(days.map((d, i) => [d.day, i]))
  for (const item of items) {
    const i = index.get(parisDay(item.starts_at))
    if (i !== undefined)
      days[i]!.items.push(item)
  }
  for (const d of days)
    d.items.sort((a, b) => toMs(a.starts_at) - toMs(b.starts_at))
  return days
}

export const SOON_MS = 48 * HOUR

/** Starts within the next 48 hours, or is going on now. */
export function isSoon(startsAt: string, durationMin: number, now: number): boolean {
  const start = toMs(startsAt)
  return start - now <= SOON_MS && start + durationMin * 60_000 > now
}

/** "lundi 22 mars 2027" for a Paris day. */
export function formatDay(day: string, locale: string, style: 'full' | 'long' | 'medium' = 'full'): string {
  return formatter(locale, { dateStyle: style }).format(parisInstant(day, '12:00'))
}

/** "lun. 22 mars" — compact, for the week grid. */
export function formatShortDay(day: string, locale: string): string {
  return formatter(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(parisInstant(day, '12:00'))
}

/** "10:00" as the language writes a time of day. */
export function formatTime(value: string | number | Date, locale: string): string {
  return formatter(locale, { timeStyle: 'short' }).format(toMs(value))
}

/** "lundi 22 mars 2027 à 10:00" — the appointment's date and time in Paris. */
export function formatWhen(value: string | number | Date, locale: string): string {
  return formatter(locale, { dateStyle: 'full', timeStyle: 'short' }).format(toMs(value))
}

/** "10:00 – 10:45" */
export function formatTimeRange(startsAt: string, durationMin: number, locale: string): string {
  const start = toMs(startsAt)
  return formatter(locale, { timeStyle: 'short' }).formatRange(start, start + durationMin * 60_000)
}

/** "45 minutes", "1 heure", "1 heure et 30 minutes" in the language. */
export function formatDuration(minutes: number, locale: string): string {
  const unit = (value: number, u: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long', numberingSystem: 'latn' }).format(value)
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  const parts = [h ? unit(h, 'hour') : '', m || !h ? unit(m, 'minute') : ''].filter(Boolean)
  return new Intl.ListFormat(locale, { type: 'unit', style: 'long' }).format(parts)
}

/** "aujourd’hui", "demain", "dans 3 jours": the Paris day of an instant seen from now. */
export function formatRelativeDay(value: string | number | Date, now: number, locale: string): string {
  const diff = daysBetween(parisDay(now), parisDay(value))
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto', numberingSystem: 'latn' } as Intl.RelativeTimeFormatOptions).format(diff, 'day')
}

/** A preferred slot: "mardi 3 mars, 09:00 – 12:00" (or its start alone). */
export function formatSlot(from: string, to: string | null, locale: string): string {
  const f = formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })
  return to ? f.formatRange(toMs(from), toMs(to)) : f.format(toMs(from))
}

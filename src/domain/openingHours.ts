// Is a structure open? Opening hours are Paris wall-clock times, so every
// computation happens in Europe/Paris through Intl, whatever the device's own
// time zone (a phone set to another country, a traveller). Instants are
// compared as real instants, so the day clocks change is handled too.
import type { Holiday } from './holidays'
import { PARIS_TIME_ZONE } from './dateFormat'
import { addDays, holidayOn } from './holidays'

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type DayKey = (typeof DAYS)[number]

/** Minutes after local midnight; `close` may be 1440 (midnight at the end of the day). */
export interface Interval { open: number, close: number }
export type WeeklySchedule = Record<DayKey, Interval[]>

export interface NextOpening {
  /** Paris calendar date, "YYYY-MM-DD". */
  date: string
  weekday: DayKey
  /** Paris wall-clock time, "HH:MM". */
  time: string
  at: Date
  /** 0 = later today, 1 = tomorrow… */
  inDays: number
}

export type OpeningStatus =
  | { state: 'unknown' }
  | { state: 'open' | 'closes_soon', closesAt: string, closesAtInstant: Date, minutesLeft: number }
  | { state: 'closed', holiday: Holiday | null, next: NextOpening | null }

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/

function toMinutes(value: unknown): number | null {
  if (typeof value !== 'string')
    return null
  const m = TIME.exec(value)
  if (!m)
    return null
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4])
}

export function formatMinutes(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

function emptySchedule(): WeeklySchedule {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }
}

/** Valid [open, close] pairs of one day as written (for display), dropping malformed ones. */
function validPairs(value: unknown): [number, number][] {
  if (!Array.isArray(value))
    return []
  const pairs: [number, number][] = []
  for (const pair of value) {
    if (!Array.isArray(pair) || pair.length !== 2)
      continue
    const open = toMinutes(pair[0])
    const close = toMinutes(pair[1])
    if (open !== null && close !== null && open !== close && open !== 1440)
      pairs.push([open, close])
  }
  return pairs.sort((a, b) => a[0] - b[0])
}

/**
 * Normalises the opening_hours JSON of a structure: malformed entries are
 * dropped (the data is typed by people), an interval past midnight
 * (["22:00","02:00"]) is split across the two days, and overlapping or
 * touching intervals are merged.
 */
export function parseOpeningHours(value: unknown): WeeklySchedule {
  const schedule = emptySchedule()
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return schedule
  const record = value as Record<string, unknown>
  DAYS.forEach((day, index) => {
    for (const [open, close] of validPairs(record[day])) {
      if (close > open) {
        schedule[day].push({ open, close })
      }
      else {
        schedule[day].push({ open, close: 1440 })
        schedule[DAYS[(index + 1) % 7]!].push({ open: 0, close })
      }
    }
  })
  for (const day of DAYS)
    schedule[day] = merge(schedule[day])
  return schedule
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.open - b.open)
  const out: Interval[] = []
  for (const interval of sorted) {
    const last = out[out.length - 1]
    if (last && interval.open <= last.close)
      last.close = Math.max(last.close, interval.close)
    else
      out.push({ ...interval })
  }
  return out
}

export function hasOpeningHours(schedule: WeeklySchedule): boolean {
  return DAYS.some(day => schedule[day].length > 0)
}

/** The week as written, Monday first, for a timetable ("HH:MM" pairs; empty = closed). */
export function weeklySummary(value: unknown): { day: DayKey, intervals: [string, string][] }[] {
  const record = value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {}
  return DAYS.map(day => ({
    day,
    intervals: validPairs(record[day]).map(([o, c]) => [formatMinutes(o), c === 1440 ? '24:00' : formatMinutes(c)]),
  }))
}

// ---------------------------------------------------------------------------
// Time zone arithmetic through Intl
// ---------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', weekday: 'short',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

const WEEKDAYS: Record<string, DayKey> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' }

export interface ZonedParts {
  /** "YYYY-MM-DD" in the time zone. */
  date: string
  weekday: DayKey
  /** Minutes after local midnight. */
  minutes: number
  /** Offset from UTC in milliseconds at that instant. */
  offset: number
}

/** Calendar date, weekday and wall-clock time of an instant in a time zone. */
export function zonedParts(instant: Date, timeZone = PARIS_TIME_ZONE): ZonedParts {
  const parts: Record<string, string> = {}
  for (const p of formatter(timeZone).formatToParts(instant))
    parts[p.type] = p.value
  const y = Number(parts.year)
  const mo = Number(parts.month)
  const d = Number(parts.day)
  const h = Number(parts.hour) % 24
  const mi = Number(parts.minute)
  const s = Number(parts.second)
  const wall = Date.UTC(y, mo - 1, d, h, mi, s)
  const whole = Math.floor(instant.getTime() / 1000) * 1000
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 'mon',
    minutes: h * 60 + mi,
    offset: wall - whole,
  }
}

/**
 * The instant at which the wall clock of a time zone shows `minutes` on `date`.
 * A time skipped when clocks go forward resolves to the same wall time one
 * hour later; a repeated time when they go back resolves to its second occurrence.
 */
export function zonedInstant(date: string, minutes: number, timeZone = PARIS_TIME_ZONE): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const wall = Date.UTC(y, m - 1, d, 0, minutes)
  const first = zonedParts(new Date(wall), timeZone).offset
  let t = wall - first
  const second = zonedParts(new Date(t), timeZone).offset
  if (second !== first)
    t = wall - second
  return new Date(t)
}

function weekdayOf(date: string): DayKey {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  // getUTCDay: 0 = Sunday.
  return DAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7]!
}

/** The intervals of a date, none on a public holiday. */
function intervalsOn(schedule: WeeklySchedule, date: string): Interval[] {
  return holidayOn(date) ? [] : schedule[weekdayOf(date)]
}

// ---------------------------------------------------------------------------
// The status
// ---------------------------------------------------------------------------

export interface OpeningOptions {
  /** "Closes soon" when closing in this many minutes or fewer (default 30). */
  soonMinutes?: number
  /** How many days ahead to look for the next opening (default 14). */
  lookaheadDays?: number
  timeZone?: string
}

export function openingStatus(hours: unknown, now: Date, options: OpeningOptions = {}): OpeningStatus {
  const schedule = parseOpeningHours(hours)
  if (!hasOpeningHours(schedule))
    return { state: 'unknown' }
  const { soonMinutes = 30, lookaheadDays = 14, timeZone = PARIS_TIME_ZONE } = options
  const t = now.getTime()
  const today = zonedParts(now, timeZone).date

  // The interval open now may have started yesterday (past midnight) or today.
  for (const date of [addDays(today, -1), today]) {
    for (const interval of intervalsOn(schedule, date)) {
      const openAt = zonedInstant(date, interval.open, timeZone).getTime()
      const close = closingOf(schedule, date, interval, timeZone)
      if (openAt <= t && t < close.at.getTime()) {
        const minutesLeft = Math.ceil((close.at.getTime() - t) / 60_000)
        return {
          state: minutesLeft <= soonMinutes ? 'closes_soon' : 'open',
          closesAt: close.time,
          closesAtInstant: close.at,
          minutesLeft,
        }
      }
    }
  }
  return { state: 'closed', holiday: holidayOn(today), next: nextOpening(schedule, today, t, lookaheadDays, timeZone) }
}

/** When an interval really ends: one running to midnight continues into the next day's 00:00 interval. */
function closingOf(schedule: WeeklySchedule, date: string, interval: Interval, timeZone: string): { at: Date, time: string } {
  if (interval.close === 1440) {
    const tomorrow = addDays(date, 1)
    const follow = intervalsOn(schedule, tomorrow)[0]
    if (follow && follow.open === 0)
      return { at: zonedInstant(tomorrow, follow.close, timeZone), time: formatMinutes(follow.close) }
    return { at: zonedInstant(tomorrow, 0, timeZone), time: '24:00' }
  }
  return { at: zonedInstant(date, interval.close, timeZone), time: formatMinutes(interval.close) }
}

function nextOpening(schedule: WeeklySchedule, today: string, t: number, lookaheadDays: number, timeZone: string): NextOpening | null {
  for (let inDays = 0; inDays <= lookaheadDays; inDays++) {
    const date = addDays(today, inDays)
    for (const interval of intervalsOn(schedule, date)) {
      const at = zonedInstant(date, interval.open, timeZone)
      if (at.getTime() > t)
        return { date, weekday: weekdayOf(date), time: formatMinutes(interval.open), at, inDays }
    }
  }
  return null
}

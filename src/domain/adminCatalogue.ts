// The catalogue editor's pure side: which sheets are stale (not checked or
// updated for six months, as good service directories flag them), listing and
// filtering, and the conversions between a form and a whole-row upsert
// (opening hours as text, Paris wall-clock times as instants with an offset).
import type { WeeklyHours } from './catalogue'
import { foldText } from './textSearch'
import { WEEK_DAYS } from './adminMutations'

export const CATALOGUE_KINDS = ['structures', 'prestations', 'events'] as const
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number]

/** Sheets not checked nor updated for this long are flagged. */
export const STALE_MONTHS = 6

export interface SheetDates {
  last_checked_at?: string | null
  updated_at?: string | null
  created_at?: string | null
}

/** The last time someone vouched for the sheet: checked, or else edited. */
export function lastReviewed(row: SheetDates): string | null {
  const dates = [row.last_checked_at, row.updated_at ?? row.created_at].filter((d): d is string => typeof d === 'string' && d !== '')
  return dates.length ? dates.sort().at(-1)! : null
}

export function isStale(row: SheetDates & { status?: string, starts_at?: string }, now: Date): boolean {
  if (row.status === 'archived')
    return false
  // A past event will not mislead anyone: nobody goes to it any more.
  if (row.starts_at && Date.parse(row.starts_at) < now.getTime())
    return false
  const reviewed = lastReviewed(row)
  if (!reviewed)
    return true
  const limit = new Date(now)
  limit.setMonth(limit.getMonth() - STALE_MONTHS)
  return Date.parse(reviewed) < limit.getTime()
}

export interface SheetFilter {
  query: string
  status: 'all' | 'draft' | 'published' | 'archived'
  staleOnly: boolean
}

export interface SheetSummary {
  id: string
  name: string
  detail: string | null
  status: string
  lastChecked: string | null
  stale: boolean
  pending: boolean
}

/** Any catalogue row, loosely: the summary reads a few columns of each kind. */
interface AnyRow extends SheetDates {
  id: string
  name?: unknown
  title?: unknown
  kind?: unknown
  registre?: unknown
  starts_at?: string
  status?: string
  $pending?: boolean
}

export function summarise(kind: CatalogueKind, row: AnyRow, now: Date): SheetSummary {
  const name = kind === 'structures' ? row.name : row.title
  const detail = kind === 'structures' ? row.kind : kind === 'prestations' ? row.registre : row.starts_at
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)
  return {
    id: row.id,
    name: String(name ?? ''),
    detail: text(detail),
    status: row.status ?? 'draft',
    lastChecked: row.last_checked_at ?? null,
    stale: isStale(row, now),
    pending: row.$pending === true,
  }
}

/** Stale sheets first (they need someone), then by name. */
export function filterSheets(list: readonly SheetSummary[], filter: SheetFilter): SheetSummary[] {
  const terms = foldText(filter.query).split(/\s+/).filter(Boolean)
  return list
    .filter(s => filter.status === 'all' || s.status === filter.status)
    .filter(s => !filter.staleOnly || s.stale)
    .filter(s => terms.every(t => foldText(s.name).includes(t)))
    .sort((a, b) => Number(b.stale) - Number(a.stale) || a.name.localeCompare(b.name))
}

// ---------------------------------------------------------------------------
// Opening hours as text: "09:00-12:30, 13:30-17:00" for a day
// ---------------------------------------------------------------------------

const RANGE = /^([01]?\d|2[0-3])[:h.]([0-5]\d)\s*[-–à]\s*([01]?\d|2[0-4])[:h.]([0-5]\d)$/

export function formatDayHours(ranges: readonly (readonly [string, string])[] | undefined): string {
  return (ranges ?? []).map(([a, b]) => `${a}-${b}`).join(', ')
}

/** Parses one day's ranges; null when unreadable or when a range closes before it opens. */
export function parseDayHours(text: string): [string, string][] | null {
  const parts = text.split(/[,;]/).map(p => p.trim()).filter(Boolean)
  const out: [string, string][] = []
  for (const part of parts) {
    const m = RANGE.exec(part)
    if (!m)
      return null
    const open = `${m[1]!.padStart(2, '0')}:${m[2]}`
    const close = `${m[3]!.padStart(2, '0')}:${m[4]}`
    if (open >= close || (close > '24:00'))
      return null
    out.push([open, close])
  }
  return out.length > 4 ? null : out
}

export type HoursText = Record<(typeof WEEK_DAYS)[number], string>

export function hoursToText(hours: WeeklyHours | Record<string, unknown> | null | undefined): HoursText {
  const h = (hours ?? {}) as WeeklyHours
  return Object.fromEntries(WEEK_DAYS.map(d => [d, formatDayHours(h[d])])) as HoursText
}

/** The week as the server stores it, or the days that could not be read. */
export function textToHours(text: HoursText): { hours: WeeklyHours } | { invalid: (typeof WEEK_DAYS)[number][] } {
  const hours: WeeklyHours = {}
  const invalid: (typeof WEEK_DAYS)[number][] = []
  for (const day of WEEK_DAYS) {
    const parsed = parseDayHours(text[day] ?? '')
    if (parsed === null)
      invalid.push(day)
    else if (parsed.length)
      hours[day] = parsed
  }
  return invalid.length ? { invalid } : { hours }
}

// ---------------------------------------------------------------------------
// Paris wall-clock time <-> instant (events are entered as Paris times)
// ---------------------------------------------------------------------------

function parisOffsetMinutes(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find(p => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((asUtc - instant) / 60_000)
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0')

/** "2027-03-10T09:00" in Paris → "2027-03-10T09:00:00+01:00"; null if unreadable. */
export function parisLocalToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!m)
    return null
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]))
  // The offset at the guessed instant, corrected once (right across clock changes).
  let offset = parisOffsetMinutes(wall)
  offset = parisOffsetMinutes(wall - offset * 60_000)
  const sign = offset >= 0 ? '+' : '-'
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
}

/** An instant as a Paris wall-clock time for a datetime-local input. */
export function isoToParisLocal(iso: string | null | undefined): string {
  if (!iso)
    return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t))
    return ''
  const shifted = new Date(t + parisOffsetMinutes(t) * 60_000)
  return shifted.toISOString().slice(0, 16)
}

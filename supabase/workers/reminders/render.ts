// Reminder messages in the recipient's language, dates and times in Paris time.
import { smsLength, toGsm7 } from './gsm.ts'
import { textsFor, type ReminderTexts } from './messages.ts'
import type { ClaimedReminder } from './types.ts'

const ZONE = 'Europe/Paris'
/** One GSM-7 part; two UCS-2 parts for scripts that cannot be GSM-7 (Arabic). */
const SMS_BUDGET = { gsm7: 160, ucs2: 134 }

type Context = Pick<
  ClaimedReminder,
  | 'locale'
  | 'kind'
  | 'title'
  | 'starts_at'
  | 'duration_min'
  | 'mode'
  | 'location'
  | 'documents_to_bring'
  | 'structure_name'
  | 'structure_address'
  | 'structure_phone'
>

function format(t: ReminderTexts, date: Date, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(t.intl, { timeZone: ZONE, ...options }).format(date)
}

function time(t: ReminderTexts, date: Date): string {
  return format(t, date, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
}

/** Days between the Paris calendar dates of two instants. */
function dayDiff(from: Date, to: Date): number {
  const day = (d: Date) => {
    const [y, m, dd] = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(d)
      .split('-')
      .map(Number)
    return Date.UTC(y ?? 0, (m ?? 1) - 1, dd ?? 1) / 86_400_000
  }
  return day(to) - day(from)
}

/** "aujourd'hui à 14:00", "demain à 08:45", or "le mer. 18 juin à 14:00". */
export function when(t: ReminderTexts, startsAt: Date, now: Date): string {
  const diff = dayDiff(now, startsAt)
  if (diff === 0) return t.today(time(t, startsAt))
  if (diff === 1) return t.tomorrow(time(t, startsAt))
  return t.onDate(format(t, startsAt, { weekday: 'short', day: 'numeric', month: 'short' }), time(t, startsAt))
}

function smsPlace(t: ReminderTexts, r: Context): string {
  if (r.mode === 'phone') return t.byPhone
  if (r.mode === 'video') return t.byVideo
  return (r.location?.trim() || [r.structure_name, r.structure_address].filter((s) => s?.trim()).join(', ')).replace(/\s+/g, ' ')
}

function fits(text: string): boolean {
  const { encoding, length } = smsLength(text)
  return length <= SMS_BUDGET[encoding]
}

/** The SMS: when, where, answer in the app; the place is shortened to keep it short. */
export function renderSms(r: Context, now: Date): string {
  const t = textsFor(r.locale)
  const plain = t.intl.startsWith('ar') ? (s: string) => s : toGsm7
  const at = when(t, r.starts_at, now)
  const place = smsPlace(t, r)
  const full = plain(t.sms(at, place))
  if (fits(full)) return full
  const chars = [...place]
  for (let n = chars.length - 1; n >= 8; n--) {
    const text = plain(t.sms(at, `${chars.slice(0, n).join('').trimEnd()}...`))
    if (fits(text)) return text
  }
  return plain(t.sms(at, ''))
}

function emailPlace(t: ReminderTexts, r: Context): string {
  if (r.mode === 'phone') return t.byPhone
  const location = r.location?.trim() ?? ''
  const parts = [location, r.structure_name, r.structure_address]
    .map((s) => s?.trim() ?? '')
    .filter((s, i) => s && (i === 0 || !location.includes(s)))
  const place = parts.join(', ')
  return r.mode === 'video' ? [t.byVideo, location].filter(Boolean).join(' — ') : place
}

/** The email: subject and a plain-text body with what, when, where and what to bring. */
export function renderEmail(r: Context): { subject: string; text: string } {
  const t = textsFor(r.locale)
  const startTime = time(t, r.starts_at)
  const shortDate = format(t, r.starts_at, { weekday: 'short', day: 'numeric', month: 'short' })
  const longDate = format(t, r.starts_at, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
  const label = t.kinds[r.kind] ?? r.kind
  const title = r.title?.trim()
  const place = emailPlace(t, r)
  const docs = r.documents_to_bring.map((d) => d.trim()).filter(Boolean)
  const lines = [
    t.greeting,
    '',
    t.intro,
    '',
    `${t.what} ${label}${title && title !== label ? ` (${title})` : ''}`,
    `${t.whenLabel} ${t.onDate(longDate, startTime)} (${t.minutes(r.duration_min)})`,
    ...(place ? [`${t.whereLabel} ${place}`] : []),
    ...(docs.length ? ['', t.documents, ...docs.map((d) => `- ${d}`)] : []),
    '',
    t.cannotCome(r.structure_phone?.trim() || null),
    '',
    '-- ',
    t.footer,
  ]
  return { subject: t.subject(t.onDate(shortDate, startTime)), text: lines.join('\n') + '\n' }
}

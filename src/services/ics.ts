// Calendar export of one appointment as an iCalendar file (RFC 5545), built on the
// device with no network: the allocataire adds it to their phone's agenda, whose alarm
// then works offline.
//
// Choices:
// - Times are written in Europe/Paris with a VTIMEZONE, computed from the appointment's UTC
//   instant with Intl (never the device's own zone): a phone set to another zone still
//   shows the right hour, and DST changes are the calendar's job.
// - UID is `<appointment id>@reperes.paris`, so importing the file again after a change
//   updates the same event (SEQUENCE = the row's version when known).
// - One alarm, 2 hours before (TRIGGER:-PT2H): the database already sends reminders two
//   days before and on the morning of the day (SMS/email); what is missing is "time to
//   leave", which a phone alarm does best.
// - Text is escaped (\ ; , and newlines) and lines are folded at 75 octets without ever
//   cutting a UTF-8 sequence (Arabic, accents, emoji).

export type AppointmentMode = 'in_person' | 'phone' | 'video'

export interface IcsAppointment {
  id: string
  kind: string
  title?: string | null
  /** An instant: ISO 8601 with offset (as the server sends it) or a Date. */
  starts_at: string | Date
  duration_min: number
  mode?: AppointmentMode | null
  location?: string | null
  documents_to_bring?: readonly string[] | null
  status?: string | null
  version?: number | null
  /** Who the allocataire meets (their référent's name), if known. */
  person?: string | null
  structure?: { name?: string | null; address?: string | null; phone?: string | null } | null
}

/**
 * Words in the user's language (from vue-i18n), so this file stays language-free. Labels
 * that introduce a value carry their own punctuation ("Personne à rencontrer :",
 * "Person to meet:"), as typography differs between languages.
 */
export interface IcsLabels {
  /** SUMMARY per appointment kind, e.g. { follow_up: 'Rendez-vous de suivi' }. */
  kinds: Readonly<Record<string, string>>
  phone: string
  video: string
  personToMeet: string
  documentsToBring: string
  /** What to do if you cannot come, e.g. "Si vous ne pouvez pas venir, répondez dans l'application." */
  ifYouCannotCome: string
  /** Before the structure's phone number in the description, e.g. "Téléphone de la structure :". */
  structurePhone?: string
  /** Text of the alarm. */
  alarm: string
  /** Start of the file name, e.g. "rendez-vous". ASCII letters, digits and dashes are kept. */
  fileName?: string
}

export const ICS_TIMEZONE = 'Europe/Paris'
export const ICS_UID_DOMAIN = 'reperes.paris'
export const ICS_ALARM_TRIGGER = '-PT2H'

const CRLF = '\r\n'
const MAX_OCTETS = 75

// The zone's rules since 1996 (EU summer time: last Sunday of March and of October, 01:00 UTC).
const VTIMEZONE_PARIS = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

const encoder = new TextEncoder()

/**
 * Folds one content line into chunks of at most 75 octets (continuations start with a
 * space, which counts). Splits between code points only, so every chunk is valid UTF-8.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line
  const out: string[] = []
  let current = ''
  let octets = 0
  let limit = MAX_OCTETS
  for (const ch of line) {
    const size = encoder.encode(ch).length
    if (octets + size > limit) {
      out.push(current)
      current = ''
      octets = 0
      limit = MAX_OCTETS - 1
    }
    current += ch
    octets += size
  }
  out.push(current)
  return out.join(CRLF + ' ')
}

interface LocalParts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  second: string
}

let parisFormat: Intl.DateTimeFormat | undefined

/** Wall-clock time in Paris of an instant, whatever the device's zone. */
export function parisParts(instant: Date): LocalParts {
  parisFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: ICS_TIMEZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  const parts: Record<string, string> = {}
  for (const p of parisFormat.formatToParts(instant)) parts[p.type] = p.value
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
  }
}

function parisDateTime(instant: Date): string {
  const p = parisParts(instant)
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`
}

function utcDateTime(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

function toInstant(value: string | Date): Date {
  const d = value instanceof Date ? new Date(value.getTime()) : new Date(value)
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid appointment start: ${String(value)}`)
  return d
}

function locationOf(a: IcsAppointment, labels: IcsLabels): string {
  const place = a.location?.trim() || [a.structure?.name, a.structure?.address].filter((s) => s?.trim()).join(', ')
  if (a.mode === 'phone') return labels.phone
  if (a.mode === 'video') return place ? `${labels.video} — ${place}` : labels.video
  return place
}

function descriptionOf(a: IcsAppointment, labels: IcsLabels, summary: string): string {
  const lines: string[] = []
  const title = a.title?.trim()
  if (title && title !== summary) lines.push(title)
  if (a.person?.trim()) lines.push(`${labels.personToMeet} ${a.person.trim()}`)
  const docs = (a.documents_to_bring ?? []).map((d) => d.trim()).filter(Boolean)
  if (docs.length) lines.push(labels.documentsToBring, ...docs.map((d) => `- ${d}`))
  lines.push(labels.ifYouCannotCome)
  if (a.structure?.phone?.trim()) {
    lines.push(`${labels.structurePhone ?? labels.phone} ${a.structure.phone.trim()}`)
  }
  return lines.join('\n')
}

/** The .ics text of one appointment: a VCALENDAR with one VEVENT, CRLF line endings. */
export function appointmentToIcs(a: IcsAppointment, labels: IcsLabels, now: Date = new Date()): string {
  const start = toInstant(a.starts_at)
  const end = new Date(start.getTime() + a.duration_min * 60_000)
  const summary = labels.kinds[a.kind] ?? a.title?.trim() ?? a.kind
  const location = locationOf(a, labels)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Reperes Paris//Rendez-vous//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...VTIMEZONE_PARIS,
    'BEGIN:VEVENT',
    `UID:${a.id}@${ICS_UID_DOMAIN}`,
    `DTSTAMP:${utcDateTime(now)}`,
    `DTSTART;TZID=${ICS_TIMEZONE}:${parisDateTime(start)}`,
    `DTEND;TZID=${ICS_TIMEZONE}:${parisDateTime(end)}`,
    ...(a.version != null ? [`SEQUENCE:${Math.max(0, Math.trunc(a.version))}`] : []),
    `STATUS:${a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeText(summary)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `DESCRIPTION:${escapeText(descriptionOf(a, labels, summary))}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(labels.alarm)}`,
    `TRIGGER:${ICS_ALARM_TRIGGER}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join(CRLF) + CRLF
}

/** e.g. `rendez-vous-2027-03-29-1000.ics`, in Paris time. */
export function icsFileName(a: IcsAppointment, labels: IcsLabels): string {
  const p = parisParts(toInstant(a.starts_at))
  const prefix = (labels.fileName ?? 'rendez-vous')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `${prefix || 'rendez-vous'}-${p.year}-${p.month}-${p.day}-${p.hour}${p.minute}.ics`
}

export interface IcsDownload {
  url: string
  filename: string
  /** Frees the Blob URL once the link was used. */
  revoke: () => void
}

/** A Blob URL and a file name for `<a :href="url" :download="filename">`. */
export function downloadIcs(a: IcsAppointment, labels: IcsLabels, now: Date = new Date()): IcsDownload {
  const blob = new Blob([appointmentToIcs(a, labels, now)], { type: 'text/calendar;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  return { url, filename: icsFileName(a, labels), revoke: () => URL.revokeObjectURL(url) }
}

// Dates and labels as the outreach screens show them: Paris time, Latin digits in every
// language (as elsewhere in the app), names only when the person consented.
import type { ContactRow } from '@/domain/outreachRows'

const cache = new Map<string, Intl.DateTimeFormat>()

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { numberingSystem: 'latn', timeZone: 'Europe/Paris', ...options })
    cache.set(key, f)
  }
  return f
}

/** "mardi 3 mars" for a Paris day "YYYY-MM-DD". */
export function formatDay(day: string, locale: string): string {
  // Noon UTC is the same calendar day in Paris all year round.
  return format(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${day}T12:00:00Z`))
}

/** "3 mars" for a Paris day. */
export function formatShortDay(day: string, locale: string): string {
  return format(locale, { day: 'numeric', month: 'short' }).format(new Date(`${day}T12:00:00Z`))
}

/** "3 mars, 14:05" for an instant. */
export function formatDateTime(iso: string, locale: string): string {
  return format(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
}

/** "14:05" for an instant. */
export function formatTime(iso: string, locale: string): string {
  return format(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
}

/** How a contact is named in lists: their first name or alias, else "anonymous". */
export function contactName(c: Pick<ContactRow, 'consent' | 'first_name_or_alias'>, anonymous: string): string {
  return c.consent && c.first_name_or_alias ? c.first_name_or_alias : anonymous
}

/** A local date-time input's value ("YYYY-MM-DDTHH:mm", the phone's zone) for an instant. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The instant of a local date-time input's value, or null when incomplete. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value))
    return null
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

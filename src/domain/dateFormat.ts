// Dates as people read them: through Intl, in Paris time, with Latin digits in
// every language (phone numbers, postcodes and addresses are written with them,
// and dates must read the same way next to them). Shared by every screen that
// shows a date; the catalogue's own wording (opening hours, events) builds on it
// in components/catalogue/format.ts.

export const PARIS_TIME_ZONE = 'Europe/Paris'

const cache = new Map<string, Intl.DateTimeFormat>()

/** An Intl.DateTimeFormat with Latin digits, made once per locale and options. */
export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { numberingSystem: 'latn', ...options })
    cache.set(key, f)
  }
  return f
}

/** A calendar date ("YYYY-MM-DD" or ISO instant) as a long date in Paris. */
export function formatDate(value: string | Date, locale: string): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value)
  return dateFormatter(locale, { dateStyle: 'long', timeZone: PARIS_TIME_ZONE }).format(date)
}

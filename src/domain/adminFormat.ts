// Number and date formats of the back office. Figures are written in Latin
// digits in every language (as elsewhere in the app), and a rate shows all the
// precision the server gives (4 decimals of a fraction = 2 of a percentage),
// so what the table and chart print is exactly what the export holds.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`
  let f = cache.get(key) as Intl.NumberFormat | undefined
  if (!f) {
    f = new Intl.NumberFormat(locale, { numberingSystem: 'latn', ...options } as Intl.NumberFormatOptions)
    cache.set(key, f)
  }
  return f
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`
  let f = cache.get(key) as Intl.DateTimeFormat | undefined
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { numberingSystem: 'latn', timeZone: 'Europe/Paris', ...options })
    cache.set(key, f)
  }
  return f
}

export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value)
}

export function formatRate(value: number | null, locale: string): string {
  if (value === null)
    return '—'
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value)
}

/** A calendar date ("2026-03-01") written for readers, without any zone shift. */
export function formatDay(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}

/** An instant, in Paris time. */
export function formatInstant(value: string, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value))
}

export function formatShortDate(value: string, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium' }).format(new Date(value))
}

/** Reads back a count or a rate as printed by the formats above (tests compare screens with exports). */
export function readFormattedNumber(text: string, locale: string): number | null {
  const decimal = numberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(1.5).find(p => p.type === 'decimal')?.value ?? '.'
  const compact = text.replace(/[\s\u00A0\u202F\u200E\u200F\u061C]/g, '')
  if (compact === '—' || compact === '')
    return null
  const percent = compact.includes('%') || compact.includes('٪')
  const digits = [...compact].filter(ch => /[\d-]/.test(ch) || ch === decimal).join('').replace(decimal, '.')
  const n = Number(digits)
  if (digits === '' || !Number.isFinite(n))
    return null
  return percent ? Math.round(n * 100) / 10000 : n
}

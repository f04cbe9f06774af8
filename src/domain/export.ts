// The person's data as public.account_export() returns it, and the two files the app makes
// of it on the device: the JSON document as is (machine-readable, art. 20 GDPR) and a readable,
// printable HTML page (art. 15). The page is built from escaped text only, has no script, and
// is saved as a file: it is opened from the device, never rendered inside the app.
import { z } from 'zod'

const row = z.record(z.string(), z.unknown())

export const accountExportSchema = z.looseObject({
  format: z.literal('reperes.account_export'),
  version: z.literal(1),
  generated_at: z.string(),
  user_id: z.string(),
  profile: row.nullable(),
  appointments: z.array(row),
  reminders: z.array(row).default([]),
  prestation_offers: z.array(row),
  feedback: z.array(row),
  evaluations: z.array(row),
  invitation: row.nullable().default(null),
  sync: z.looseObject({ mutations: z.number(), devices: z.array(row) }).optional(),
})

export type AccountExport = z.infer<typeof accountExportSchema>
export type ExportRow = Record<string, unknown>

/** reperes-mes-donnees-2026-11-25.json (the day in the person's time zone). */
export function exportFileName(at: Date, extension: 'json' | 'html'): string {
  const day = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`
  return `reperes-mes-donnees-${day}.${extension}`
}

export function exportJson(doc: AccountExport): string {
  return `${JSON.stringify(doc, null, 2)}\n`
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!)
}

/** Words of the page, in the person's language (the caller translates). */
export interface ExportLabels {
  title: string
  generated: (date: string) => string
  intro: string
  empty: string
  yes: string
  no: string
  sections: Record<'profile' | 'appointments' | 'reminders' | 'offers' | 'feedback' | 'evaluations' | 'invitation' | 'devices', string>
  /** The label of a field (display_name, starts_at...). */
  field: (name: string) => string
  /** A readable value for coded values (appointment kinds, statuses...), or the code itself. */
  value: (group: string, code: string) => string
}

interface Column {
  key: string
  kind?: 'date' | 'datetime' | 'bool' | 'code' | 'json' | 'list'
  group?: string
}

/** What each section shows; the JSON file keeps every column. */
const SECTIONS: { name: keyof ExportLabels['sections'], rows: (doc: AccountExport) => ExportRow[], columns: Column[] }[] = [
  {
    name: 'profile',
    rows: doc => (doc.profile ? [doc.profile] : []),
    columns: [
      { key: 'display_name' }, { key: 'email' }, { key: 'phone' }, { key: 'preferred_locale' },
      { key: 'structure_name' }, { key: 'reminder_sms', kind: 'bool' }, { key: 'reminder_email', kind: 'bool' },
      { key: 'created_at', kind: 'datetime' },
    ],
  },
  {
    name: 'appointments',
    rows: doc => doc.appointments,
    columns: [
      { key: 'starts_at', kind: 'datetime' }, { key: 'kind', kind: 'code', group: 'appointment_kind' }, { key: 'title' },
      { key: 'structure_name' }, { key: 'location' }, { key: 'referent_name' },
      { key: 'status', kind: 'code', group: 'appointment_status' }, { key: 'response', kind: 'code', group: 'appointment_response' },
      { key: 'response_reason' }, { key: 'documents_to_bring', kind: 'list' },
    ],
  },
  {
    name: 'reminders',
    rows: doc => doc.reminders,
    columns: [{ key: 'scheduled_for', kind: 'datetime' }, { key: 'channel' }, { key: 'recipient' }, { key: 'status' }, { key: 'sent_at', kind: 'datetime' }],
  },
  {
    name: 'offers',
    rows: doc => doc.prestation_offers,
    columns: [
      { key: 'prestation_title' }, { key: 'proposed_at', kind: 'date' }, { key: 'status', kind: 'code', group: 'offer_status' },
      { key: 'message' }, { key: 'entered_at', kind: 'date' }, { key: 'exited_at', kind: 'date' },
    ],
  },
  {
    name: 'feedback',
    rows: doc => doc.feedback,
    columns: [
      { key: 'created_at', kind: 'datetime' }, { key: 'kind', kind: 'code', group: 'feedback_kind' }, { key: 'body' },
      { key: 'rating' }, { key: 'share_with_groupe', kind: 'bool' }, { key: 'contact_back', kind: 'bool' },
      { key: 'status', kind: 'code', group: 'feedback_status' }, { key: 'answer' },
    ],
  },
  {
    name: 'evaluations',
    rows: doc => doc.evaluations,
    columns: [{ key: 'consultation_title' }, { key: 'answers', kind: 'json' }, { key: 'submitted_at', kind: 'datetime' }],
  },
  {
    name: 'invitation',
    rows: doc => (doc.invitation ? [doc.invitation] : []),
    columns: [{ key: 'display_name' }, { key: 'email' }, { key: 'phone' }, { key: 'accepted_at', kind: 'datetime' }],
  },
  {
    name: 'devices',
    rows: doc => doc.sync?.devices ?? [],
    columns: [{ key: 'device_id' }, { key: 'mutations' }, { key: 'first_at', kind: 'datetime' }, { key: 'last_at', kind: 'datetime' }],
  },
]

function formatValue(value: unknown, column: Column, labels: ExportLabels, locale: string): string {
  if (value === null || value === undefined || value === '')
    return ''
  switch (column.kind) {
    case 'bool': return value === true ? labels.yes : value === false ? labels.no : String(value)
    case 'code': return labels.value(column.group ?? column.key, String(value))
    case 'list': return Array.isArray(value) ? value.map(String).join(', ') : String(value)
    case 'json': return typeof value === 'object' ? JSON.stringify(value, null, 1) : String(value)
    case 'date':
    case 'datetime': {
      const at = new Date(String(value))
      if (Number.isNaN(at.getTime()))
        return String(value)
      return new Intl.DateTimeFormat(locale, column.kind === 'date'
        ? { dateStyle: 'long', timeZone: 'Europe/Paris' }
        : { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(at)
    }
    default: return typeof value === 'object' ? JSON.stringify(value) : String(value)
  }
}

function section(doc: AccountExport, spec: (typeof SECTIONS)[number], labels: ExportLabels, locale: string): string {
  const rows = spec.rows(doc)
  const body = rows.length === 0
    ? `<p class="empty">${escapeHtml(labels.empty)}</p>`
    : rows.map((r) => {
        const items = spec.columns
          .map(c => [c, formatValue(r[c.key], c, labels, locale)] as const)
          .filter(([, text]) => text !== '')
          .map(([c, text]) => `<dt>${escapeHtml(labels.field(c.key))}</dt><dd>${escapeHtml(text)}</dd>`)
        return `<dl>${items.join('')}</dl>`
      }).join('\n')
  return `<section><h2>${escapeHtml(labels.sections[spec.name])} (${rows.length})</h2>\n${body}</section>`
}

/** A complete, self-contained HTML document (print styles included, no script). */
export function exportHtml(doc: AccountExport, labels: ExportLabels, locale: string, dir: 'ltr' | 'rtl'): string {
  const generated = formatValue(doc.generated_at, { key: 'generated_at', kind: 'datetime' }, labels, locale)
  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(labels.title)}</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 2px solid #1d4f91; margin-top: 2rem; }
dl { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0.25rem 1rem; padding: 0.75rem 0; border-bottom: 1px solid #ccc; margin: 0; }
dt { font-weight: 700; } dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.empty { color: #444; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } dl { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${escapeHtml(labels.title)}</h1>
<p>${escapeHtml(labels.generated(generated))}</p>
<p>${escapeHtml(labels.intro)}</p>
${SECTIONS.map(s => section(doc, s, labels, locale)).join('\n')}
</body>
</html>
`
}

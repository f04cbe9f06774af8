// The catalogue editor's forms: which fields each kind of sheet has, a
// sheet's row turned into form values (all text), and form values turned back
// into the whole-row upsert the server expects (empty text = no value).
import type { CatalogueKind, HoursText } from './adminCatalogue'
import { hoursToText, isoToParisLocal, parisLocalToIso, textToHours } from './adminCatalogue'
import { EVENT_KINDS, PUBLICS, REGISTRES, STRUCTURE_KINDS } from './catalogue'

export type FieldType = 'text' | 'textarea' | 'select' | 'number' | 'datetime' | 'email' | 'tel' | 'url'

export interface FieldSpec {
  key: string
  type: FieldType
  required?: boolean
  /** Values of a select; labels come from the screen. */
  options?: readonly string[]
  max?: number
}

const ARRONDISSEMENT_OPTIONS = Array.from({ length: 20 }, (_, i) => String(i + 1))

export const SHEET_FIELDS: Readonly<Record<CatalogueKind, readonly FieldSpec[]>> = {
  structures: [
    { key: 'name', type: 'text', required: true, max: 160 },
    { key: 'kind', type: 'select', required: true, options: STRUCTURE_KINDS },
    { key: 'summary', type: 'textarea', max: 1000 },
    { key: 'address', type: 'text', max: 200 },
    { key: 'postcode', type: 'text', max: 5 },
    { key: 'arrondissement', type: 'select', options: ARRONDISSEMENT_OPTIONS },
    { key: 'phone', type: 'tel', max: 20 },
    { key: 'email', type: 'email', max: 254 },
    { key: 'website', type: 'url', max: 300 },
    { key: 'accessibility', type: 'textarea', max: 500 },
  ],
  prestations: [
    { key: 'title', type: 'text', required: true, max: 160 },
    { key: 'registre', type: 'select', required: true, options: REGISTRES },
    { key: 'summary', type: 'textarea', max: 1000 },
    { key: 'eligibility', type: 'textarea', max: 1000 },
    { key: 'how_to_access', type: 'textarea', max: 1000 },
    { key: 'access_mode', type: 'select', required: true, options: ['referent', 'direct'] },
    { key: 'operator', type: 'text', max: 160 },
    { key: 'structure_id', type: 'select' },
    { key: 'duration', type: 'text', max: 120 },
    { key: 'cost', type: 'text', max: 120 },
    { key: 'arrondissements', type: 'text', max: 80 },
    { key: 'source_ref', type: 'text', max: 120 },
  ],
  events: [
    { key: 'title', type: 'text', required: true, max: 160 },
    { key: 'kind', type: 'select', required: true, options: EVENT_KINDS },
    { key: 'starts_at', type: 'datetime', required: true },
    { key: 'ends_at', type: 'datetime' },
    { key: 'description', type: 'textarea', max: 2000 },
    { key: 'structure_id', type: 'select' },
    { key: 'place', type: 'text', max: 160 },
    { key: 'address', type: 'text', max: 200 },
    { key: 'arrondissement', type: 'select', options: ARRONDISSEMENT_OPTIONS },
    { key: 'seats', type: 'number' },
    { key: 'registration', type: 'textarea', max: 500 },
    { key: 'registration_url', type: 'url', max: 300 },
  ],
}

/** Kinds with a "for whom" list. */
export const HAS_PUBLICS: readonly CatalogueKind[] = ['prestations', 'events']
export const ALL_PUBLICS = PUBLICS

export interface SheetForm {
  id: string
  status: 'draft' | 'published' | 'archived'
  values: Record<string, string>
  publics: string[]
  hours: HoursText
  /** Kept as it was: the editor does not change a sheet's language. */
  locale: string | null
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v))

export function formFromRow(kind: CatalogueKind, row: Record<string, unknown> | undefined, id: string): SheetForm {
  const values: Record<string, string> = {}
  for (const field of SHEET_FIELDS[kind]) {
    const v = row?.[field.key]
    if (field.key === 'arrondissements')
      values[field.key] = Array.isArray(v) ? v.join(', ') : ''
    else if (field.type === 'datetime')
      values[field.key] = isoToParisLocal(typeof v === 'string' ? v : null)
    else
      values[field.key] = text(v)
  }
  // Sensible first values for a new sheet.
  if (!row) {
    if (kind === 'structures')
      values.kind = 'ASSOCIATION'
    if (kind === 'prestations') {
      values.registre = 'formation'
      values.access_mode = 'referent'
    }
    if (kind === 'events')
      values.kind = 'forum'
  }
  const publics = Array.isArray(row?.publics) ? (row.publics as unknown[]).map(String) : ['tous']
  const status = row?.status === 'published' || row?.status === 'archived' ? row.status : 'draft'
  const locale = typeof row?.locale === 'string' ? row.locale : null
  return { id, status, values, publics, hours: hoursToText(kind === 'structures' ? row?.opening_hours as never : undefined), locale }
}

export type ArgsResult = { args: Record<string, unknown> } | { invalid: string[] }

/** The upsert's arguments (every field, as the protocol asks), or the fields that cannot be read. */
export function argsFromForm(kind: CatalogueKind, form: SheetForm, checked: boolean): ArgsResult {
  const args: Record<string, unknown> = { id: form.id, status: form.status, checked }
  const invalid: string[] = []
  for (const field of SHEET_FIELDS[kind]) {
    const raw = (form.values[field.key] ?? '').trim()
    if (field.key === 'arrondissements') {
      const list = raw ? raw.split(/[,;\s]+/).filter(Boolean).map(Number) : []
      if (list.some(n => !Number.isInteger(n)))
        invalid.push(field.key)
      args[field.key] = list
    }
    else if (field.type === 'datetime') {
      const iso = raw ? parisLocalToIso(raw) : null
      if (raw && !iso)
        invalid.push(field.key)
      args[field.key] = iso
    }
    else if (field.type === 'number' || field.key === 'arrondissement') {
      const n = raw ? Number(raw) : null
      if (n !== null && !Number.isInteger(n))
        invalid.push(field.key)
      args[field.key] = n
    }
    else {
      args[field.key] = raw || null
    }
  }
  if (kind !== 'structures')
    args.locale = form.locale
  if (kind === 'prestations') {
    args.publics = form.publics
    args.summary = args.summary ?? ''
  }
  if (kind === 'events')
    args.publics = form.publics.length ? form.publics : null
  if (kind === 'structures') {
    const hours = textToHours(form.hours)
    if ('invalid' in hours)
      invalid.push(...hours.invalid.map(d => `hours.${d}`))
    else
      args.opening_hours = hours.hours
  }
  return invalid.length ? { invalid } : { args }
}

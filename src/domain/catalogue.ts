// Public catalogue: prestations, structures and events as the device stores them
// (columns of the public tables), and the pure filtering, sorting and favourite
// helpers the catalogue screens use. No I/O here.

import { foldText, matchesTerms, queryTerms } from './textSearch'

/** The six registres of the PDIE Annexe II, in the order the catalogue shows them. */
export const REGISTRES = [
  'formation', 'projet_professionnel', 'emploi_durable', 'ess', 'intermediation', 'creation_activite',
] as const
export type Registre = (typeof REGISTRES)[number]

export const PUBLICS = [
  'tous', 'rsa', 'jeunes', 'seniors', 'femmes', 'parents_isoles', 'sans_domicile', 'artistes', 'createurs',
] as const
export type Public = (typeof PUBLICS)[number]

export const ACCESS_MODES = ['direct', 'referent'] as const
export type AccessMode = (typeof ACCESS_MODES)[number]

export const STRUCTURE_KINDS = [
  'EI', 'CAPI', 'SSDP', 'PSA', 'MDEE', 'PLIE', 'MISSION_LOCALE', 'E2C', 'POLE_EMPLOI', 'ASSOCIATION',
] as const
export type StructureKind = (typeof STRUCTURE_KINDS)[number]

export const EVENT_KINDS = ['forum', 'information_collective', 'pre_recrutement', 'atelier'] as const
export type EventKind = (typeof EVENT_KINDS)[number]

/** Paris has 20 arrondissements. */
export const ARRONDISSEMENTS = Array.from({ length: 20 }, (_, i) => i + 1)

export type PublicationStatus = 'draft' | 'published' | 'archived'

/** Columns shared by every public content row. */
interface ContentRow {
  id: string
  status?: PublicationStatus
  published_at?: string | null
  created_at?: string
  updated_at?: string
  deleted_at?: string | null
  version?: number
}

/** Weekly opening hours: day → list of [open, close] "HH:MM" pairs (see openingHours.ts). */
export type WeeklyHours = Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>>

export interface StructureRow extends ContentRow {
  kind: StructureKind
  name: string
  summary: string | null
  address: string | null
  postcode: string | null
  arrondissement: number | null
  opening_hours: WeeklyHours | Record<string, unknown>
  phone: string | null
  email: string | null
  website: string | null
  accessibility: string | null
  last_checked_at: string | null
}

export interface PrestationRow extends ContentRow {
  registre: Registre
  title: string
  summary: string
  publics: Public[]
  eligibility: string | null
  how_to_access: string | null
  access_mode: AccessMode
  operator: string | null
  structure_id: string | null
  duration: string | null
  cost: string | null
  locale: string
  /** Empty: the whole of Paris. */
  arrondissements: number[]
  source_ref: string | null
  last_checked_at: string | null
}

export interface EventRow extends ContentRow {
  kind: EventKind
  title: string
  description: string | null
  starts_at: string
  ends_at: string | null
  structure_id: string | null
  place: string | null
  address: string | null
  arrondissement: number | null
  seats: number | null
  registration: string | null
  registration_url: string | null
  publics: Public[]
  locale: string
}

// ---------------------------------------------------------------------------
// Visibility
// ---------------------------------------------------------------------------

/** Published and not deleted (rows without a status are taken as published). */
export function isVisible(row: ContentRow): boolean {
  return !row.deleted_at && (row.status === undefined || row.status === 'published')
}

// ---------------------------------------------------------------------------
// Prestations
// ---------------------------------------------------------------------------

export interface PrestationFilter {
  registre?: Registre | null
  /** The reader's public: prestations for "tous" always match. */
  public?: Public | null
  /** Prestations limited to other arrondissements are hidden; Paris-wide ones always match. */
  arrondissement?: number | null
  accessMode?: AccessMode | null
  query?: string
  /** Only these ids (e.g. favourites), when set. */
  ids?: readonly string[] | null
}

export function emptyPrestationFilter(): Required<Omit<PrestationFilter, 'ids'>> {
  return { registre: null, public: null, arrondissement: null, accessMode: null, query: '' }
}

/** Whether any filter the reader chose is set (a restriction to ids, e.g. favourites, is not one). */
export function isFilterActive(filter: PrestationFilter | StructureFilter): boolean {
  return Object.entries(filter).some(([key, value]) =>
    key === 'ids' ? false : key === 'query' ? Boolean(String(value ?? '').trim()) : value !== null && value !== undefined)
}

function prestationFields(p: PrestationRow): (string | null)[] {
  return [p.title, p.summary, p.operator, p.eligibility, p.how_to_access, p.duration]
}

export function prestationMatches(p: PrestationRow, filter: PrestationFilter, terms = queryTerms(filter.query)): boolean {
  if (filter.registre && p.registre !== filter.registre)
    return false
  if (filter.public && filter.public !== 'tous' && !p.publics.includes(filter.public) && !p.publics.includes('tous'))
    return false
  if (filter.arrondissement && p.arrondissements.length && !p.arrondissements.includes(filter.arrondissement))
    return false
  if (filter.accessMode && p.access_mode !== filter.accessMode)
    return false
  if (filter.ids && !filter.ids.includes(p.id))
    return false
  return matchesTerms(terms, prestationFields(p))
}

export type PrestationSort = 'registre' | 'title' | 'relevance'

/**
 * Visible prestations matching the filter. Sorted by registre then title by
 * default; with a query, 'relevance' puts title matches first.
 */
export function filterPrestations(
  rows: readonly PrestationRow[],
  filter: PrestationFilter,
  options: { sort?: PrestationSort, locale?: string } = {},
): PrestationRow[] {
  const terms = queryTerms(filter.query)
  const found = rows.filter(p => isVisible(p) && prestationMatches(p, filter, terms))
  return sortPrestations(found, options.sort ?? (terms.length ? 'relevance' : 'registre'), options.locale, terms)
}

// Building an Intl.Collator loads the locale's collation tables (≈ 15 ms on a cheap
// phone, measured in a first-visit profile): one per locale, made on the first
// comparison — a list of zero or one row never pays for it, a filter typed letter by
// letter pays once.
const collators = new Map<string, Intl.Collator>()
function collator(locale: string): Intl.Collator {
  let c = collators.get(locale)
  if (!c) {
    c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
    collators.set(locale, c)
  }
  return c
}

export function sortPrestations(
  rows: readonly PrestationRow[],
  sort: PrestationSort,
  locale = 'fr',
  terms: readonly string[] = [],
): PrestationRow[] {
  const byTitle = (a: PrestationRow, b: PrestationRow) => collator(locale).compare(a.title, b.title)
  const byRegistre = (a: PrestationRow, b: PrestationRow) =>
    REGISTRES.indexOf(a.registre) - REGISTRES.indexOf(b.registre) || byTitle(a, b)
  if (sort === 'title')
    return [...rows].sort(byTitle)
  if (sort === 'relevance' && terms.length) {
    const score = (p: PrestationRow) => {
      const title = foldText(p.title)
      return terms.filter(t => title.includes(t)).length
    }
    return [...rows].sort((a, b) => score(b) - score(a) || byRegistre(a, b))
  }
  return [...rows].sort(byRegistre)
}

/** Prestations grouped by registre, in catalogue order, skipping empty registres. */
export function groupByRegistre(rows: readonly PrestationRow[]): { registre: Registre, items: PrestationRow[] }[] {
  return REGISTRES
    .map(registre => ({ registre, items: rows.filter(p => p.registre === registre) }))
    .filter(group => group.items.length > 0)
}

// ---------------------------------------------------------------------------
// Structures
// ---------------------------------------------------------------------------

export interface StructureFilter {
  kind?: StructureKind | null
  arrondissement?: number | null
  query?: string
  ids?: readonly string[] | null
}

export function emptyStructureFilter(): Required<Omit<StructureFilter, 'ids'>> {
  return { kind: null, arrondissement: null, query: '' }
}

export function structureMatches(s: StructureRow, filter: StructureFilter, terms = queryTerms(filter.query)): boolean {
  if (filter.kind && s.kind !== filter.kind)
    return false
  if (filter.arrondissement && s.arrondissement !== filter.arrondissement)
    return false
  if (filter.ids && !filter.ids.includes(s.id))
    return false
  return matchesTerms(terms, [s.name, s.summary, s.address, s.postcode])
}

/** Visible structures matching the filter, by arrondissement then name (Paris-wide ones last). */
export function filterStructures(rows: readonly StructureRow[], filter: StructureFilter, locale = 'fr'): StructureRow[] {
  const terms = queryTerms(filter.query)
  return rows
    .filter(s => isVisible(s) && structureMatches(s, filter, terms))
    .sort((a, b) => (a.arrondissement ?? 99) - (b.arrondissement ?? 99) || collator(locale).compare(a.name, b.name))
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

export interface EventFilter {
  kind?: EventKind | null
  arrondissement?: number | null
  public?: Public | null
  query?: string
}

/** Visible events not yet over at `now`, soonest first. */
export function upcomingEvents(rows: readonly EventRow[], now: Date, filter: EventFilter = {}): EventRow[] {
  const terms = queryTerms(filter.query)
  const t = now.getTime()
  return rows
    .filter((e) => {
      if (!isVisible(e) || Date.parse(e.ends_at ?? e.starts_at) < t)
        return false
      if (filter.kind && e.kind !== filter.kind)
        return false
      if (filter.arrondissement && e.arrondissement !== filter.arrondissement)
        return false
      if (filter.public && filter.public !== 'tous' && !e.publics.includes(filter.public) && !e.publics.includes('tous'))
        return false
      return matchesTerms(terms, [e.title, e.description, e.place, e.address])
    })
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
}

// ---------------------------------------------------------------------------
// Favourites: a list of ids, kept by the caller (store, storage); never mutated here
// ---------------------------------------------------------------------------

export function isFavourite(favourites: readonly string[], id: string): boolean {
  return favourites.includes(id)
}

/** Adds or removes an id; returns a new list (newest first). */
export function toggleFavourite(favourites: readonly string[], id: string): string[] {
  return favourites.includes(id) ? favourites.filter(f => f !== id) : [id, ...favourites]
}

/** Keeps the order of `rows`, favourites first. */
export function favouritesFirst<T extends { id: string }>(rows: readonly T[], favourites: readonly string[]): T[] {
  const set = new Set(favourites)
  return [...rows.filter(r => set.has(r.id)), ...rows.filter(r => !set.has(r.id))]
}

/** Drops ids whose row no longer exists (archived or deleted content). */
export function pruneFavourites(favourites: readonly string[], rows: readonly { id: string }[]): string[] {
  const ids = new Set(rows.map(r => r.id))
  return favourites.filter(f => ids.has(f))
}

// ---------------------------------------------------------------------------
// Small display helpers
// ---------------------------------------------------------------------------

/** A `tel:` href from a displayed number ("01 53 09 00 18" → "tel:0153090018"); null if unusable. */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone)
    return null
  const digits = phone.replace(/[\s.()-]/g, '')
  return /^\+?\d{3,15}$/.test(digits) ? `tel:${digits}` : null
}

/** Only http(s) links are shown as links; anything else is not a website. */
export function safeWebsite(url: string | null | undefined): string | null {
  if (!url)
    return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null
  }
  catch {
    return null
  }
}

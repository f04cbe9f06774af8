// The welcome booklet (livret d'accueil, PDIE Action 34): choosing the text to
// show (language and "lecture facile" / full variant, with fallbacks), table of
// contents, search, "what changed since I last read it", anchors and pictograms.
// Pure functions over booklet_sections rows. What needs Markdown parsed (the
// text itself, search, read-aloud) is in bookletMarkdown.ts, loaded with the
// sections rather than with the page.
import { foldText } from './textSearch'

export const BOOKLET_VARIANTS = ['easy', 'full'] as const
export type BookletVariant = (typeof BOOKLET_VARIANTS)[number]

/** The language every section is written in first (the source of translations). */
export const BOOKLET_SOURCE_LOCALE = 'fr'

export interface BookletSectionRow {
  id: string
  slug: string
  locale: string
  variant: BookletVariant
  title: string
  /** Markdown. */
  body: string
  position: number
  revision: number
  status?: 'draft' | 'in_review' | 'published' | 'archived'
  published_at?: string | null
  created_at?: string
  updated_at?: string
  deleted_at?: string | null
  version?: number
}

// ---------------------------------------------------------------------------
// Pictograms: each section gets a picture, for readers who read little
// ---------------------------------------------------------------------------

export const PICTOGRAMS = [
  'book', 'money', 'scale', 'compass', 'toolbox', 'swap', 'phone', 'people', 'health', 'calendar', 'home', 'info',
] as const
export type Pictogram = (typeof PICTOGRAMS)[number]

/** The pictogram of each section of the first edition. */
export const SECTION_PICTOGRAMS: Readonly<Record<string, Pictogram>> = {
  'rsa': 'money',
  'droits-devoirs': 'scale',
  'accompagnement': 'compass',
  'prestations': 'toolbox',
  'changer-referent': 'swap',
  'contacts': 'phone',
  'groupe-ressource': 'people',
}

function isPictogram(value: string): value is Pictogram {
  return (PICTOGRAMS as readonly string[]).includes(value)
}

// A section a coordinator adds later may name its pictogram on its first line:
// ":::picto health". The line is never shown.
const PICTO_DIRECTIVE = /^[ \t]*:::picto[ \t]+([a-z]+)[ \t]*(?:\r?\n|$)/

/** The body without its pictogram line. */
export function stripDirectives(body: string): string {
  return body.replace(PICTO_DIRECTIVE, '')
}

export function pictogramOf(section: Pick<BookletSectionRow, 'slug' | 'body'>): Pictogram {
  const named = PICTO_DIRECTIVE.exec(section.body)?.[1]
  if (named && isPictogram(named))
    return named
  return SECTION_PICTOGRAMS[section.slug] ?? 'book'
}

// ---------------------------------------------------------------------------
// Anchors: /livret#livret-rsa opens a section
// ---------------------------------------------------------------------------

const ANCHOR_PREFIX = 'livret-'

export function sectionAnchor(slug: string): string {
  return `${ANCHOR_PREFIX}${slug}`
}

/** "#livret-rsa" → "rsa"; null for any other hash. */
export function slugFromHash(hash: string | null | undefined): string | null {
  const id = decodeURIComponent((hash ?? '').replace(/^#/, ''))
  if (!id.startsWith(ANCHOR_PREFIX))
    return null
  const slug = id.slice(ANCHOR_PREFIX.length).split('--')[0] ?? ''
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : null
}

/** Id of a heading inside a section: "livret-rsa--qui-paie-le-rsa". */
export function headingAnchor(slug: string, text: string): string {
  const words = foldText(text).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')
  return `${sectionAnchor(slug)}--${words || 'titre'}`
}

// ---------------------------------------------------------------------------
// Choosing the text to show
// ---------------------------------------------------------------------------

export function isPublished(row: BookletSectionRow): boolean {
  return !row.deleted_at && (row.status === undefined || row.status === 'published')
}

export interface ChosenSection {
  section: BookletSectionRow
  /** Shown in another language than asked (not translated yet). */
  localeFallback: boolean
  /** Shown in the other variant (no "lecture facile" for it, or no full text). */
  variantFallback: boolean
}

function other(variant: BookletVariant): BookletVariant {
  return variant === 'easy' ? 'full' : 'easy'
}

/**
 * The version of each section to show for a language and variant. Order of
 * preference: the language and variant asked; the same language in the other
 * variant (a reader of Arabic is better served by Arabic than by French); the
 * source language in the variant asked; then in the other variant.
 */
export function chooseSections(
  rows: readonly BookletSectionRow[],
  prefs: { locale: string, variant: BookletVariant },
): ChosenSection[] {
  const bySlug = new Map<string, BookletSectionRow[]>()
  for (const row of rows) {
    if (!isPublished(row))
      continue
    const list = bySlug.get(row.slug) ?? []
    list.push(row)
    bySlug.set(row.slug, list)
  }
  const order: [string, BookletVariant][] = [
    [prefs.locale, prefs.variant],
    [prefs.locale, other(prefs.variant)],
    [BOOKLET_SOURCE_LOCALE, prefs.variant],
    [BOOKLET_SOURCE_LOCALE, other(prefs.variant)],
  ]
  const chosen: ChosenSection[] = []
  for (const versions of bySlug.values()) {
    let pick: BookletSectionRow | undefined
    for (const [locale, variant] of order) {
      pick = newest(versions.filter(v => v.locale === locale && v.variant === variant))
      if (pick)
        break
    }
    // Written only in a third language: better than nothing.
    pick ??= newest(versions)
    if (pick) {
      chosen.push({
        section: pick,
        localeFallback: pick.locale !== prefs.locale,
        variantFallback: pick.variant !== prefs.variant,
      })
    }
  }
  return chosen.sort((a, b) => a.section.position - b.section.position || a.section.slug.localeCompare(b.section.slug))
}

function newest(rows: BookletSectionRow[]): BookletSectionRow | undefined {
  return rows.reduce<BookletSectionRow | undefined>((best, r) => (!best || r.revision > best.revision ? r : best), undefined)
}

export interface TocEntry {
  slug: string
  title: string
  anchor: string
  pictogram: Pictogram
  locale: string
  variant: BookletVariant
  localeFallback: boolean
  variantFallback: boolean
}

export function tableOfContents(chosen: readonly ChosenSection[]): TocEntry[] {
  return chosen.map(({ section, localeFallback, variantFallback }) => ({
    slug: section.slug,
    title: section.title,
    anchor: sectionAnchor(section.slug),
    pictogram: pictogramOf(section),
    locale: section.locale,
    variant: section.variant,
    localeFallback,
    variantFallback,
  }))
}

// ---------------------------------------------------------------------------
// Markdown to plain text (search, read-aloud)
// ---------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: '\u00A0' }

/** Decodes the few HTML entities an author may type; marked leaves them as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
      return Number.isFinite(code) && code > 0 && code <= 0x10FFFF ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

// ---------------------------------------------------------------------------
// Links inside the booklet
// ---------------------------------------------------------------------------

export type BookletLink =
  | { kind: 'route', to: string }
  | { kind: 'external', href: string }
  | { kind: 'contact', href: string }
  | { kind: 'unsafe' }

/**
 * What a Markdown link may become. App routes ("/structures", "/livret#livret-rsa")
 * navigate inside the app; https, tel: and mailto: are ordinary links; anything
 * else (javascript:, data:, protocol-relative…) is shown as plain text.
 */
export function classifyLink(href: string | null | undefined): BookletLink {
  const value = (href ?? '').trim()
  if (/^#[\w-]+$/.test(value))
    return { kind: 'route', to: value }
  if (/^\/(?![/\\])[^\s]*$/.test(value))
    return { kind: 'route', to: value }
  if (/^tel:\+?[\d .-]{2,20}$/i.test(value))
    return { kind: 'contact', href: `tel:${value.slice(4).replace(/[ .-]/g, '')}` }
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(value))
    return { kind: 'contact', href: value }
  try {
    const url = new URL(value)
    if (url.protocol === 'https:' || url.protocol === 'http:')
      return { kind: 'external', href: url.href }
  }
  catch {
    // not a URL
  }
  return { kind: 'unsafe' }
}

// ---------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------

export interface SearchHit {
  slug: string
  title: string
  anchor: string
  /** A piece of the section's text around the first match. */
  snippet: string
  /** [start, end) ranges of matches inside the snippet, for <mark>. */
  highlights: [number, number][]
  inTitle: boolean
  matches: number
}

// ---------------------------------------------------------------------------
// What changed since the reader last read a section
// ---------------------------------------------------------------------------

/** What the reader saw of a section, by slug (kept on the device by the caller). */
export interface ReadMark {
  revision: number
  /** published_at (or updated_at) of the version read. */
  updated_at: string
  locale: string
  variant: BookletVariant
}
export type LastRead = Readonly<Record<string, ReadMark>>

export type ChangeStatus = 'new' | 'updated' | 'read'

function publishedTime(section: BookletSectionRow): number {
  return Date.parse(section.published_at ?? section.updated_at ?? '') || 0
}

export function changeStatus(section: BookletSectionRow, lastRead: LastRead): ChangeStatus {
  const seen = lastRead[section.slug]
  if (!seen)
    return 'new'
  const sameText = seen.locale === section.locale && seen.variant === section.variant
  if ((sameText && section.revision > seen.revision) || publishedTime(section) > (Date.parse(seen.updated_at) || 0))
    return 'updated'
  return 'read'
}

/**
 * Sections new or updated since the last reading. On a first visit (nothing
 * read yet) nothing is "changed": the whole booklet is simply new.
 */
export function whatChanged(sections: readonly BookletSectionRow[], lastRead: LastRead): { slug: string, status: Exclude<ChangeStatus, 'read'> }[] {
  if (!Object.keys(lastRead).length)
    return []
  return sections
    .map(section => ({ slug: section.slug, status: changeStatus(section, lastRead) }))
    .filter((c): c is { slug: string, status: 'new' | 'updated' } => c.status !== 'read')
}

/** whatChanged as a map by slug, the shape BookletToc's `changes` prop takes. */
export function changesBySlug(sections: readonly BookletSectionRow[], lastRead: LastRead): Partial<Record<string, ChangeStatus>> {
  return Object.fromEntries(whatChanged(sections, lastRead).map(c => [c.slug, c.status]))
}

/** The read marks after reading a section (a new object; the input is not changed). */
export function markRead(lastRead: LastRead, section: BookletSectionRow): Record<string, ReadMark> {
  return {
    ...lastRead,
    [section.slug]: {
      revision: section.revision,
      updated_at: section.published_at ?? section.updated_at ?? new Date(0).toISOString(),
      locale: section.locale,
      variant: section.variant,
    },
  }
}

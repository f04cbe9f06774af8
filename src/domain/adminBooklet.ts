// The booklet as its editors see it: every revision of every section, per
// language and variant; which revision is live and which is being written;
// whether each translation follows the current French text; and the
// differences between two revisions. Pure functions over booklet_sections rows.
import type { BookletVariant } from './booklet'
import { BOOKLET_SOURCE_LOCALE, BOOKLET_VARIANTS } from './booklet'

export type SectionStatus = 'draft' | 'in_review' | 'published' | 'archived'

export interface Revision {
  id: string
  slug: string
  locale: string
  variant: BookletVariant
  title: string
  body: string
  position: number
  /** null while a new revision waits for the server to number it. */
  revision: number | null
  status: SectionStatus
  source_revision: number | null
  published_at: string | null
  updated_at: string | null
  edited_by: string | null
  pending: boolean
}

const STATUSES: readonly SectionStatus[] = ['draft', 'in_review', 'published', 'archived']
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

export function toRevision(row: Record<string, unknown>): Revision | null {
  if (row.deleted_at || typeof row.slug !== 'string')
    return null
  return {
    id: String(row.id),
    slug: row.slug,
    locale: str(row.locale) ?? BOOKLET_SOURCE_LOCALE,
    variant: row.variant === 'easy' ? 'easy' : 'full',
    title: typeof row.title === 'string' ? row.title : '',
    body: typeof row.body === 'string' ? row.body : '',
    position: num(row.position) ?? 0,
    revision: num(row.revision),
    status: STATUSES.includes(row.status as SectionStatus) ? row.status as SectionStatus : 'draft',
    source_revision: num(row.source_revision),
    published_at: str(row.published_at),
    updated_at: str(row.updated_at),
    edited_by: str(row.edited_by),
    pending: row.$pending === true,
  }
}

/** Newest first; a revision not numbered yet (just created on this device) is the newest. */
export function byRevisionDesc(a: Revision, b: Revision): number {
  return (b.revision ?? Number.MAX_SAFE_INTEGER) - (a.revision ?? Number.MAX_SAFE_INTEGER)
}

/** The revisions of one section in one language and variant, newest first. */
export function revisionsOf(rows: readonly Revision[], slug: string, locale: string, variant: BookletVariant): Revision[] {
  return rows.filter(r => r.slug === slug && r.locale === locale && r.variant === variant).sort(byRevisionDesc)
}

export interface Track {
  revisions: Revision[]
  published: Revision | null
  /** The draft or text in review, if one is being written. */
  open: Revision | null
  latest: Revision | null
}

export function track(rows: readonly Revision[], slug: string, locale: string, variant: BookletVariant): Track {
  const revisions = revisionsOf(rows, slug, locale, variant)
  return {
    revisions,
    published: revisions.find(r => r.status === 'published') ?? null,
    open: revisions.find(r => r.status === 'draft' || r.status === 'in_review') ?? null,
    latest: revisions[0] ?? null,
  }
}

// ---------------------------------------------------------------------------
// Translation status: missing, or outdated since the French changed
// ---------------------------------------------------------------------------

export type TranslationState = 'source' | 'missing' | 'outdated' | 'up_to_date'

/** The French text translations follow: the published one, else the latest being written. */
export function sourceOf(rows: readonly Revision[], slug: string, variant: BookletVariant): Revision | null {
  const t = track(rows, slug, BOOKLET_SOURCE_LOCALE, variant)
  return t.published ?? t.latest
}

/**
 * Whether a language's text follows the current French one. A translation
 * records the French revision it was made from (source_revision); one that
 * does not (written before that was recorded) is compared by date: outdated
 * if the French was published after it.
 */
export function translationState(rows: readonly Revision[], slug: string, variant: BookletVariant, locale: string): TranslationState {
  if (locale === BOOKLET_SOURCE_LOCALE)
    return 'source'
  const t = track(rows, slug, locale, variant)
  const text = t.published ?? t.latest
  if (!text)
    return 'missing'
  const source = sourceOf(rows, slug, variant)
  if (!source || source.revision === null)
    return 'up_to_date'
  if (text.source_revision !== null)
    return text.source_revision < source.revision ? 'outdated' : 'up_to_date'
  const sourceDate = source.published_at ?? source.updated_at
  const textDate = text.published_at ?? text.updated_at
  return sourceDate && textDate && sourceDate > textDate ? 'outdated' : 'up_to_date'
}

export interface SectionSummary {
  slug: string
  title: string
  position: number
  /** Per variant: the French track, then each language's state. */
  variants: Record<BookletVariant, { source: Track, states: Record<string, TranslationState> }>
  /** Something is being written or reviewed in some language. */
  inProgress: number
  inReview: number
}

/** Every section, in booklet order, with its state in each language and variant. */
export function sectionSummaries(rows: readonly Revision[], locales: readonly string[]): SectionSummary[] {
  const slugs = [...new Set(rows.map(r => r.slug))]
  return slugs.map((slug) => {
    const mine = rows.filter(r => r.slug === slug)
    const titleRow = sourceOf(mine, slug, 'easy') ?? sourceOf(mine, slug, 'full') ?? [...mine].sort(byRevisionDesc)[0]!
    const variants = Object.fromEntries(BOOKLET_VARIANTS.map(variant => [variant, {
      source: track(mine, slug, BOOKLET_SOURCE_LOCALE, variant),
      states: Object.fromEntries(locales.map(l => [l, translationState(mine, slug, variant, l)])),
    }])) as SectionSummary['variants']
    return {
      slug,
      title: titleRow.title,
      position: titleRow.position,
      variants,
      inProgress: mine.filter(r => r.status === 'draft').length,
      inReview: mine.filter(r => r.status === 'in_review').length,
    }
  }).sort((a, b) => a.position - b.position || a.slug.localeCompare(b.slug))
}

/** Languages worth a column: the app's, then any other the booklet is written in. */
export function bookletLocales(rows: readonly Revision[], appLocales: readonly string[]): string[] {
  const others = [...new Set(rows.map(r => r.locale))].filter(l => !appLocales.includes(l)).sort()
  return [...appLocales, ...others]
}

/** A free slug for a new section, from its title ("Santé et soins" → "sante-et-soins"). */
export function slugFromTitle(title: string, taken: ReadonlySet<string>): string {
  const base = title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'section'
  let slug = base
  for (let i = 2; taken.has(slug); i++)
    slug = `${base}-${i}`
  return slug
}

// ---------------------------------------------------------------------------
// Differences between two revisions
// ---------------------------------------------------------------------------

export type DiffOp = { kind: 'same' | 'added' | 'removed', text: string }

/** Longest-common-subsequence diff of two token lists (lines or words). */
export function diffTokens(before: readonly string[], after: readonly string[]): DiffOp[] {
  const n = before.length
  const m = after.length
  // lcs[i][j] = length of the LCS of before[i..] and after[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  }
  const out: DiffOp[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ kind: 'same', text: before[i]! })
      i++
      j++
    }
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ kind: 'removed', text: before[i++]! })
    }
    else {
      out.push({ kind: 'added', text: after[j++]! })
    }
  }
  while (i < n)
    out.push({ kind: 'removed', text: before[i++]! })
  while (j < m)
    out.push({ kind: 'added', text: after[j++]! })
  return out
}

export interface DiffLine {
  kind: 'same' | 'added' | 'removed' | 'changed'
  /** For a changed line: the words, marked. */
  words?: DiffOp[]
  text: string
}

/**
 * Line by line (Markdown paragraphs are lines); a removed line followed by an
 * added one is shown as one changed line with the words that differ, which
 * is how editors read a rewording.
 */
export function diffRevisions(before: string, after: string): DiffLine[] {
  const ops = diffTokens(before.split(/\r?\n/), after.split(/\r?\n/))
  const out: DiffLine[] = []
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!
    const next = ops[k + 1]
    if (op.kind === 'removed' && next?.kind === 'added') {
      const words = diffTokens(op.text.split(/(\s+)/), next.text.split(/(\s+)/))
      out.push({ kind: 'changed', text: next.text, words: mergeOps(words) })
      k++
    }
    else {
      out.push({ kind: op.kind, text: op.text })
    }
  }
  return out
}

/** Adjacent operations of the same kind as one (fewer, longer marks to read). */
function mergeOps(ops: readonly DiffOp[]): DiffOp[] {
  const out: DiffOp[] = []
  for (const op of ops) {
    const last = out[out.length - 1]
    if (last && last.kind === op.kind)
      last.text += op.text
    else
      out.push({ ...op })
  }
  return out
}

export function diffStats(lines: readonly DiffLine[]): { added: number, removed: number, changed: number } {
  return {
    added: lines.filter(l => l.kind === 'added').length,
    removed: lines.filter(l => l.kind === 'removed').length,
    changed: lines.filter(l => l.kind === 'changed').length,
  }
}

// The coordinators' feedback inbox, as pure functions over synced rows: what a
// feedback item is, the filters (type, prestation, status, assignment) and
// the order of the list. The screens and the store add nothing but I/O.
import { FEEDBACK_STATUSES } from './adminMutations'
import { FEEDBACK_KINDS } from './mutations'

export { FEEDBACK_KINDS }
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number]
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number]

export interface InboxItem {
  id: string
  kind: FeedbackKind
  subject_id: string | null
  body: string
  quote: string | null
  rating: number | null
  share_with_groupe: boolean
  contact_back: boolean
  expected: string | null
  obtained: string | null
  changed: string | null
  status: FeedbackStatus
  answer: string | null
  answer_locale: string | null
  answered_at: string | null
  answered_by: string | null
  assigned_to: string | null
  themes: string[]
  author_id: string | null
  created_at: string
  /** A write of this device not yet accepted by the server. */
  pending: boolean
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** A synced feedback row as the inbox reads it; null for a deleted one (a tombstone). */
export function toInboxItem(row: Record<string, unknown>): InboxItem | null {
  if (row.deleted_at)
    return null
  const kind = (FEEDBACK_KINDS as readonly string[]).includes(String(row.kind)) ? row.kind as FeedbackKind : 'other'
  const status = (FEEDBACK_STATUSES as readonly string[]).includes(String(row.status)) ? row.status as FeedbackStatus : 'received'
  return {
    id: String(row.id),
    kind,
    subject_id: str(row.subject_id),
    body: typeof row.body === 'string' ? row.body : '',
    quote: str(row.quote),
    rating: typeof row.rating === 'number' ? row.rating : null,
    share_with_groupe: row.share_with_groupe === true,
    contact_back: row.contact_back === true,
    expected: str(row.expected),
    obtained: str(row.obtained),
    changed: str(row.changed),
    status,
    answer: str(row.answer),
    answer_locale: str(row.answer_locale),
    answered_at: str(row.answered_at),
    answered_by: str(row.answered_by),
    assigned_to: str(row.assigned_to),
    themes: Array.isArray(row.themes) ? row.themes.filter((t): t is string => typeof t === 'string') : [],
    author_id: str(row.author_id),
    created_at: str(row.created_at) ?? '',
    pending: row.$pending === true,
  }
}

/** Kinds whose subject is a prestation (what the prestation filter looks at). */
export const PRESTATION_KINDS: readonly FeedbackKind[] = ['prestation', 'fiche_liaison']

export const STATUS_FILTERS = ['open', 'all', ...FEEDBACK_STATUSES] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]
export const ASSIGNMENT_FILTERS = ['any', 'me', 'nobody'] as const
export type AssignmentFilter = (typeof ASSIGNMENT_FILTERS)[number]

export interface InboxFilter {
  kind: FeedbackKind | 'all'
  prestation: string | 'all'
  status: StatusFilter
  assigned: AssignmentFilter
  theme: string | 'all'
}

export const DEFAULT_FILTER: InboxFilter = { kind: 'all', prestation: 'all', status: 'open', assigned: 'any', theme: 'all' }

/** Open = still waiting for the coordinators: neither answered nor closed. */
export const isOpen = (item: Pick<InboxItem, 'status'>) => item.status === 'received' || item.status === 'read'

export function matchesFilter(item: InboxItem, filter: InboxFilter, me: string | null): boolean {
  if (filter.kind !== 'all' && item.kind !== filter.kind)
    return false
  if (filter.prestation !== 'all' && !(PRESTATION_KINDS.includes(item.kind) && item.subject_id === filter.prestation))
    return false
  if (filter.status === 'open' ? !isOpen(item) : filter.status !== 'all' && item.status !== filter.status)
    return false
  if (filter.assigned === 'me' && (!me || item.assigned_to !== me))
    return false
  if (filter.assigned === 'nobody' && item.assigned_to !== null)
    return false
  if (filter.theme !== 'all' && !item.themes.includes(filter.theme))
    return false
  return true
}

/**
 * Requests to change référent first (someone waits for a decision about their
 * follow-up), then unread before read, then oldest first among open items so
 * nobody waits longest; closed and answered items newest first.
 */
export function inboxOrder(a: InboxItem, b: InboxItem): number {
  const rank = (i: InboxItem) => (isOpen(i) ? (i.kind === 'change_referent' ? 0 : i.status === 'received' ? 1 : 2) : 3)
  const r = rank(a) - rank(b)
  if (r !== 0)
    return r
  return isOpen(a) ? a.created_at.localeCompare(b.created_at) : b.created_at.localeCompare(a.created_at)
}

export function filterInbox(items: readonly InboxItem[], filter: InboxFilter, me: string | null): InboxItem[] {
  return items.filter(i => matchesFilter(i, filter, me)).sort(inboxOrder)
}

/** Every theme tagged so far, for the theme filter, most used first. */
export function themesOf(items: readonly InboxItem[]): string[] {
  const counts = new Map<string, number>()
  for (const item of items) {
    for (const theme of item.themes)
      counts.set(theme, (counts.get(theme) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t)
}

/**
 * The themes the inbox offers to filter by: those of the items at hand (on the
 * device, and the older ones read so far), most used first, and the one chosen
 * (from a bookmarked address) even when none of those items has it: the filter
 * then shows what it applies, and still finds the server's older items.
 */
export function themeChoices(items: readonly InboxItem[], chosen: string): string[] {
  const themes = themesOf(items)
  return chosen !== 'all' && !themes.includes(chosen) ? [...themes, chosen] : themes
}

/**
 * The prestations the inbox offers to filter by: the whole catalogue the device
 * holds, by title (older feedback, on the server, may be about any of them), and
 * the one chosen even if the catalogue no longer has it (shown by its id).
 */
export function prestationChoices(catalogue: ReadonlyMap<string, string>, chosen: string, locale = 'fr'): { id: string, title: string }[] {
  const choices = [...catalogue].map(([id, title]) => ({ id, title: title || id }))
  if (chosen !== 'all' && !catalogue.has(chosen))
    choices.push({ id: chosen, title: chosen })
  return choices.sort((a, b) => a.title.localeCompare(b.title, locale))
}

export function inboxCounts(items: readonly InboxItem[]): { open: number, unread: number, changeReferent: number } {
  const open = items.filter(isOpen)
  return {
    open: open.length,
    unread: open.filter(i => i.status === 'received').length,
    changeReferent: open.filter(i => i.kind === 'change_referent').length,
  }
}

/** Reads a filter from the address (?type=…&prestation=…&statut=…&suivi=…&theme=…), ignoring anything unknown. */
export function filterFromQuery(query: Record<string, unknown>): InboxFilter {
  const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value) ? value as T : fallback
  const free = (value: unknown) => (typeof value === 'string' && value.length > 0 && value.length <= 80 ? value : 'all')
  return {
    kind: pick(query.type, ['all', ...FEEDBACK_KINDS] as const, 'all'),
    prestation: free(query.prestation),
    status: pick(query.statut, STATUS_FILTERS, 'open'),
    assigned: pick(query.suivi, ASSIGNMENT_FILTERS, 'any'),
    theme: free(query.theme),
  }
}

export function filterToQuery(filter: InboxFilter): Record<string, string | undefined> {
  const keep = (value: string, fallback: string) => (value === fallback ? undefined : value)
  return {
    type: keep(filter.kind, DEFAULT_FILTER.kind),
    prestation: keep(filter.prestation, DEFAULT_FILTER.prestation),
    statut: keep(filter.status, DEFAULT_FILTER.status),
    suivi: keep(filter.assigned, DEFAULT_FILTER.assigned),
    theme: keep(filter.theme, DEFAULT_FILTER.theme),
  }
}

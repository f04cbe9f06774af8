// Feedback as the allocataire's screens use it: a typed view of the synced row
// (or of its optimistic preview), and the small decisions of the channel —
// what the status means, where a write stands, which ended prestations still
// wait for their fiche de liaison.
import type { LocalRow } from '@/db/types'
import { FEEDBACK_KINDS } from '@/domain/mutations'

export type FeedbackKind = (typeof FEEDBACK_KINDS)[number]
export type FeedbackStatus = 'received' | 'read' | 'answered' | 'closed'
/** What a person can choose to talk about (the two others have their own paths). */
export const FREE_KINDS = ['prestation', 'appointment', 'document', 'booklet', 'other'] as const satisfies readonly FeedbackKind[]
export type FreeKind = (typeof FREE_KINDS)[number]

export interface Feedback {
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
  /** The language the answer was written in (shown as written, marked for screen readers). */
  answer_locale: string | null
  answered_at: string | null
  themes: string[]
  created_at: string
  /** Written on this device, not yet accepted by the server. */
  pending: boolean
}

/** Where a write stands, from the person's point of view. */
export type Delivery = 'rejected' | 'waiting' | 'sending' | 'sent'

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

export function toFeedback(row: LocalRow): Feedback {
  const kind = (FEEDBACK_KINDS as readonly unknown[]).includes(row.kind) ? row.kind as FeedbackKind : 'other'
  const status = (['received', 'read', 'answered', 'closed'] as const).find(s => s === row.status) ?? 'received'
  return {
    id: row.id,
    kind,
    subject_id: str(row.subject_id),
    body: String(row.body ?? ''),
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
    themes: Array.isArray(row.themes) ? row.themes.map(String) : [],
    created_at: String(row.created_at ?? ''),
    pending: row.$pending === true,
  }
}

export function deliveryOf(f: Pick<Feedback, 'pending'>, state: { rejected: boolean, online: boolean }): Delivery {
  if (state.rejected)
    return 'rejected'
  if (f.pending)
    return state.online ? 'sending' : 'waiting'
  return 'sent'
}

/** Newest first; device times only order what the person wrote on this device. */
export function newestFirst(a: Feedback, b: Feedback): number {
  return b.created_at.localeCompare(a.created_at)
}

export interface EndedPrestation {
  offerId: string
  prestationId: string
  exitedAt: string
}

/**
 * Ended prestations (exited offers) whose fiche de liaison is still to fill:
 * none written for that prestation since it ended, and not put aside.
 */
export function fichesToFill(ended: readonly EndedPrestation[], feedback: readonly Feedback[], dismissed: ReadonlySet<string>): EndedPrestation[] {
  return ended
    .filter(e => !dismissed.has(e.offerId))
    .filter(e => !feedback.some(f => f.kind === 'fiche_liaison' && f.subject_id === e.prestationId && f.created_at >= e.exitedAt.slice(0, 10)))
    .sort((a, b) => b.exitedAt.localeCompare(a.exitedAt))
}

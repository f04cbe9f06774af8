// Consultations and a member's evaluation as the groupe's and the
// coordinators' screens use them: typed views of synced rows, and the few
// decisions they share (can I still answer? what is my answer's state?).
import type { LocalRow } from '@/db/types'
import type { Answers } from '@/domain/evaluation'
import type { ConsultationDefinition, ConsultationKind } from '@/domain/survey'
import { CONSULTATION_KINDS, parseDefinition } from '@/domain/survey'

export type ConsultationStatus = 'draft' | 'open' | 'closed' | 'published'

export interface Consultation {
  id: string
  kind: ConsultationKind
  title: string
  body: string
  definition: ConsultationDefinition
  /** The raw definition, for editing (kept as stored). */
  rawDefinition: Record<string, unknown>
  subject_id: string | null
  opens_at: string | null
  closes_at: string | null
  status: ConsultationStatus
  outcome: string | null
  outcome_section_id: string | null
  outcome_at: string | null
  created_at: string
  pending: boolean
}

export interface Evaluation {
  id: string
  consultation_id: string
  answers: Answers
  submitted_at: string | null
  updated_at: string | null
  pending: boolean
}

/** For a member: not open yet, answering, answers closed, outcome published. */
export type Phase = 'upcoming' | 'open' | 'closed' | 'published'
export type AnswerState = 'none' | 'draft' | 'submitted'

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

export function toConsultation(row: LocalRow): Consultation {
  const raw = typeof row.definition === 'object' && row.definition !== null && !Array.isArray(row.definition) ? row.definition as Record<string, unknown> : {}
  return {
    id: row.id,
    kind: (CONSULTATION_KINDS as readonly unknown[]).includes(row.kind) ? row.kind as ConsultationKind : 'survey',
    title: String(row.title ?? ''),
    body: String(row.body ?? ''),
    definition: parseDefinition(raw),
    rawDefinition: raw,
    subject_id: str(row.subject_id),
    opens_at: str(row.opens_at),
    closes_at: str(row.closes_at),
    status: (['draft', 'open', 'closed', 'published'] as const).find(s => s === row.status) ?? 'draft',
    outcome: str(row.outcome),
    outcome_section_id: str(row.outcome_section_id),
    outcome_at: str(row.outcome_at),
    created_at: String(row.created_at ?? ''),
    pending: row.$pending === true,
  }
}

export function toEvaluation(row: LocalRow): Evaluation {
  const answers = typeof row.answers === 'object' && row.answers !== null && !Array.isArray(row.answers) ? row.answers as Answers : {}
  return {
    id: row.id,
    consultation_id: String(row.consultation_id ?? ''),
    answers,
    submitted_at: str(row.submitted_at),
    updated_at: str(row.updated_at),
    pending: row.$pending === true,
  }
}

/** The same rule as the server's consultation_accepts_answers, on the device's clock (display only). */
export function phaseOf(c: Pick<Consultation, 'status' | 'opens_at' | 'closes_at'>, now: number): Phase {
  if (c.status === 'published')
    return 'published'
  if (c.status !== 'open')
    return 'closed'
  if (c.opens_at && Date.parse(c.opens_at) > now)
    return 'upcoming'
  if (c.closes_at && Date.parse(c.closes_at) <= now)
    return 'closed'
  return 'open'
}

export function answerState(e: Evaluation | null | undefined): AnswerState {
  if (!e)
    return 'none'
  return e.submitted_at ? 'submitted' : 'draft'
}

/** Open consultations, the soonest deadline first (none last). */
export function byDeadline(a: Consultation, b: Consultation): number {
  const da = a.closes_at ? Date.parse(a.closes_at) : Infinity
  const db = b.closes_at ? Date.parse(b.closes_at) : Infinity
  return da - db || a.title.localeCompare(b.title)
}

/** Published outcomes, the newest first. */
export function byOutcome(a: Consultation, b: Consultation): number {
  return (b.outcome_at ?? b.closes_at ?? '').localeCompare(a.outcome_at ?? a.closes_at ?? '')
}

/** Days left before closing, rounded up (0 = closes today); null without a deadline. */
export function daysLeft(closesAt: string | null, now: number): number | null {
  if (!closesAt)
    return null
  return Math.max(0, Math.ceil((Date.parse(closesAt) - now) / 86_400_000))
}

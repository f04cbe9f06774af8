// A member's answers to a consultation and what they add up to. Answers are a
// flat object (the server accepts scalars and lists of scalars only), so the
// passages commented in a document review are numbered keys:
// passage_<n>_quote / _comment / _wording. Aggregation counts exactly what the
// server's consultation_results counts: numbers and yes/no for every key,
// choices for the definition's choice questions, never free text.
import type { ConsultationDefinition, Question } from './survey'
import { isCriterion, SCALE_DEFAULT } from './survey'

export type AnswerValue = string | number | boolean | null | Array<string | number | boolean | null>
export type Answers = Record<string, AnswerValue>

export interface Passage {
  quote: string
  comment: string
  wording: string
}

export const MAX_PASSAGES = 15
const PASSAGE_RE = /^passage_(\d{1,2})_(quote|comment|wording)$/

export function passagesOf(answers: Answers): Passage[] {
  const byIndex = new Map<number, Passage>()
  for (const [key, value] of Object.entries(answers)) {
    const m = PASSAGE_RE.exec(key)
    if (!m || typeof value !== 'string')
      continue
    const i = Number(m[1])
    const p = byIndex.get(i) ?? { quote: '', comment: '', wording: '' }
    p[m[2] as keyof Passage] = value
    byIndex.set(i, p)
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, p]) => p)
}

/** Replaces the passages in answers (renumbered 1..n, empty ones dropped). */
export function withPassages(answers: Answers, passages: readonly Passage[]): Answers {
  const out: Answers = Object.fromEntries(Object.entries(answers).filter(([k]) => !PASSAGE_RE.test(k)))
  passages
    .filter(p => p.quote.trim() || p.comment.trim() || p.wording.trim())
    .slice(0, MAX_PASSAGES)
    .forEach((p, i) => {
      for (const part of ['quote', 'comment', 'wording'] as const) {
        if (p[part].trim())
          out[`passage_${i + 1}_${part}`] = p[part].trim()
      }
    })
  return out
}

/** Answers ready to send: trimmed texts, empty answers left out. */
export function cleanAnswers(answers: Answers): Answers {
  const out: Answers = {}
  for (const [key, value] of Object.entries(answers)) {
    if (typeof value === 'string') {
      if (value.trim())
        out[key] = value.trim()
    }
    else if (Array.isArray(value)) {
      if (value.length)
        out[key] = value
    }
    else if (value !== null && value !== undefined) {
      out[key] = value
    }
  }
  return out
}

function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === null || value === undefined)
    return false
  if (typeof value === 'string')
    return value.trim() !== ''
  if (Array.isArray(value))
    return value.length > 0
  return true
}

/** Keys of the required questions left unanswered (submitting needs none). */
export function missingRequired(definition: ConsultationDefinition, answers: Answers): string[] {
  return (definition.questions ?? []).filter(q => q.required && !isAnswered(answers[q.key])).map(q => q.key)
}

/** { key: { value: count } } over submitted answers, as the server counts them. */
export type Counts = Record<string, Record<string, number>>

export interface Results {
  respondents: number
  /** The groupe gets no counts below 3 respondents (they would identify people). */
  hidden: boolean
  counts: Counts
}

function choiceKeys(definition: ConsultationDefinition): Set<string> {
  return new Set((definition.questions ?? []).filter(q => q.type === 'single' || q.type === 'multiple').map(q => q.key))
}

/** The same counts as the server's consultation_results, from a list of answers. */
export function countAnswers(definition: ConsultationDefinition, answersList: readonly Answers[]): Counts {
  const choices = choiceKeys(definition)
  const counts: Counts = {}
  const add = (key: string, value: string) => {
    counts[key] ??= {}
    counts[key][value] = (counts[key][value] ?? 0) + 1
  }
  for (const answers of answersList) {
    for (const [key, value] of Object.entries(answers)) {
      if (typeof value === 'number' || typeof value === 'boolean')
        add(key, String(value))
      else if (typeof value === 'string' && choices.has(key))
        add(key, value)
      else if (Array.isArray(value) && choices.has(key))
        value.filter((v): v is string => typeof v === 'string').forEach(v => add(key, v))
    }
  }
  return counts
}

/** Reads the server's answer; anything malformed counts as nothing. */
export function parseResults(raw: unknown): Results {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const counts: Counts = {}
  if (typeof r.counts === 'object' && r.counts !== null) {
    for (const [key, values] of Object.entries(r.counts as Record<string, unknown>)) {
      if (typeof values !== 'object' || values === null)
        continue
      counts[key] = Object.fromEntries(Object.entries(values as Record<string, unknown>)
        .filter(([, n]) => typeof n === 'number' && Number.isInteger(n) && n >= 0) as Array<[string, number]>)
    }
  }
  return { respondents: typeof r.respondents === 'number' ? r.respondents : 0, hidden: r.hidden === true, counts }
}

export interface Bar {
  /** The answer as stored ("3", "true", an option's text). */
  value: string
  count: number
  /** Share of the people who answered this question, 0..1. */
  share: number
}

export interface QuestionSummary {
  key: string
  kind: 'scale' | 'choice' | 'yes_no'
  /** People who gave an answer to this question (unknown for multiple choice). */
  answered: number | null
  /** Respondents who gave none ("je ne sais pas", skipped). */
  noAnswer: number | null
  bars: Bar[]
  /** Scales: mean of the answers, one decimal; null when nobody answered. */
  mean: number | null
  /** Scales: the middle answer (lower middle for an even count). */
  median: number | null
}

function bars(entries: Array<[string, number]>, answered: number): Bar[] {
  return entries.map(([value, count]) => ({ value, count, share: answered ? count / answered : 0 }))
}

/** A scale question: every step from min to max, zeros included, with mean and median. */
export function summarizeScale(key: string, counts: Record<string, number>, respondents: number, min: number = SCALE_DEFAULT.min, max: number = SCALE_DEFAULT.max): QuestionSummary {
  const steps: Array<[string, number]> = []
  for (let v = min; v <= max; v++)
    steps.push([String(v), counts[String(v)] ?? 0])
  const answered = steps.reduce((n, [, c]) => n + c, 0)
  const total = steps.reduce((s, [v, c]) => s + Number(v) * c, 0)
  let median: number | null = null
  if (answered) {
    let seen = 0
    const middle = Math.ceil(answered / 2)
    for (const [v, c] of steps) {
      seen += c
      if (seen >= middle) {
        median = Number(v)
        break
      }
    }
  }
  return {
    key,
    kind: 'scale',
    answered,
    noAnswer: Math.max(0, respondents - answered),
    bars: bars(steps, answered),
    mean: answered ? Math.round((total / answered) * 10) / 10 : null,
    median,
  }
}

/**
 * A choice question: its options in the coordinator's order, then any other
 * value given. Single choice: shares of the people who answered. Multiple
 * choice: nobody knows from counts how many people ticked nothing, so shares
 * are of all respondents and may add up to more than 1.
 */
export function summarizeChoice(key: string, counts: Record<string, number>, respondents: number, options: readonly string[], multiple = false): QuestionSummary {
  const entries: Array<[string, number]> = options.map(o => [o, counts[o] ?? 0])
  for (const [value, n] of Object.entries(counts)) {
    if (!options.includes(value))
      entries.push([value, n])
  }
  const answered = multiple ? null : entries.reduce((n, [, c]) => n + c, 0)
  return {
    key,
    kind: 'choice',
    answered,
    noAnswer: answered === null ? null : Math.max(0, respondents - answered),
    bars: bars(entries, answered ?? respondents),
    mean: null,
    median: null,
  }
}

export function summarizeYesNo(key: string, counts: Record<string, number>, respondents: number): QuestionSummary {
  const entries: Array<[string, number]> = [['true', counts.true ?? 0], ['false', counts.false ?? 0]]
  const answered = entries[0]![1] + entries[1]![1]
  return { key, kind: 'yes_no', answered, noAnswer: Math.max(0, respondents - answered), bars: bars(entries, answered), mean: null, median: null }
}

function summarizeQuestion(q: Question, results: Results): QuestionSummary | null {
  const counts = results.counts[q.key] ?? {}
  if (q.type === 'scale')
    return summarizeScale(q.key, counts, results.respondents, q.min ?? SCALE_DEFAULT.min, q.max ?? SCALE_DEFAULT.max)
  if (q.type === 'single' || q.type === 'multiple')
    return summarizeChoice(q.key, counts, results.respondents, q.options ?? [], q.type === 'multiple')
  return null
}

/**
 * Results per question, in the definition's order: the six criteria first when
 * present, then yes/no answers the app asks itself (approve, attending).
 */
export function summarize(definition: ConsultationDefinition, results: Results): QuestionSummary[] {
  const questions = [...(definition.questions ?? [])].sort((a, b) => Number(isCriterion(b.key)) - Number(isCriterion(a.key)))
  const out = questions.map(q => summarizeQuestion(q, results)).filter((s): s is QuestionSummary => s !== null)
  for (const key of ['approve', 'attending']) {
    if (results.counts[key])
      out.push(summarizeYesNo(key, results.counts[key], results.respondents))
  }
  return out
}

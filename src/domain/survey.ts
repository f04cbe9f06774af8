// What a coordinator asks the groupe ressource: the definition of a consultation
// (questions, the document to review, the meeting). Validation mirrors the
// server's sync_private.definition_error so a coordinator sees every mistake in
// the form, each as a code + parameters the screen translates; the server checks
// again. Parsing for display is lenient: older definitions stay readable.

export const CONSULTATION_KINDS = ['document_review', 'prestation_evaluation', 'survey', 'meeting'] as const
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number]

export const QUESTION_TYPES = ['single', 'multiple', 'scale', 'text'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

/** The six evaluation questions of PDIE Action 40, in their order. */
export const CRITERIA = ['pertinence', 'coherence', 'effectivite', 'efficacite', 'efficience', 'impact'] as const
export type Criterion = (typeof CRITERIA)[number]

/** Answer keys the app itself uses (document review, meetings, comments): never question keys. */
export const RESERVED_KEYS = ['comment', 'approve', 'attending', 'note'] as const

export interface Question {
  key: string
  type: QuestionType
  label?: string
  help?: string
  required?: boolean
  /** Choices (single / multiple): the answer is the option's text. */
  options?: string[]
  /** Scale bounds; 1 to 4 when absent. */
  min?: number
  max?: number
}

export interface DocumentToReview {
  title?: string
  text: string
}

export interface MeetingInfo {
  starts_at: string
  ends_at?: string
  place: string
  agenda?: string[]
}

export interface ConsultationDefinition {
  questions?: Question[]
  document?: DocumentToReview
  meeting?: MeetingInfo
}

export interface DefinitionError {
  /** Where: 'definition', 'questions.2.options', 'meeting.place'… */
  path: string
  /** i18n key suffix under consultations.errors. */
  code: string
  params?: Record<string, string | number>
}

export const SCALE_DEFAULT = { min: 1, max: 4 } as const
const KEY_RE = /^[a-z][a-z0-9_]{0,39}$/
/** ISO 8601 with an explicit offset, as the server requires. */
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$/

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown, min: number, max: number) => typeof v === 'string' && v.trim().length >= min && v.trim().length <= max
const onlyKeys = (o: Record<string, unknown>, allowed: readonly string[]) => Object.keys(o).every(k => allowed.includes(k))

export function isCriterion(key: string): key is Criterion {
  return (CRITERIA as readonly string[]).includes(key)
}

export function isReservedKey(key: string): boolean {
  return (RESERVED_KEYS as readonly string[]).includes(key) || key.startsWith('passage_') || key.endsWith('_comment')
}

export function instantOf(value: unknown): number | null {
  if (typeof value !== 'string' || !INSTANT_RE.test(value))
    return null
  const ms = Date.parse(value.replace(' ', 'T'))
  return Number.isNaN(ms) ? null : ms
}

function questionErrors(q: unknown, n: number, seen: Set<string>): DefinitionError[] {
  const at = (field: string, code: string, params: Record<string, string | number> = {}): DefinitionError =>
    ({ path: `questions.${n - 1}${field ? `.${field}` : ''}`, code, params: { n, ...params } })
  if (!isObject(q) || !onlyKeys(q, ['key', 'type', 'label', 'options', 'min', 'max', 'required', 'help']))
    return [at('', 'question_shape')]
  const errors: DefinitionError[] = []
  const key = typeof q.key === 'string' ? q.key : ''
  if (!KEY_RE.test(key))
    errors.push(at('key', 'key_format'))
  else if (isReservedKey(key))
    errors.push(at('key', 'key_reserved', { key }))
  else if (seen.has(key))
    errors.push(at('key', 'key_duplicate', { key }))
  seen.add(key)
  const type = q.type as QuestionType
  if (!(QUESTION_TYPES as readonly unknown[]).includes(q.type))
    return [...errors, at('type', 'type_unknown')]
  if ('label' in q ? !isText(q.label, 1, 300) : !(type === 'scale' && isCriterion(key)))
    errors.push(at('label', 'label_required'))
  if ('help' in q && !(typeof q.help === 'string' && q.help.length <= 500))
    errors.push(at('help', 'help_too_long'))
  if ('required' in q && typeof q.required !== 'boolean')
    errors.push(at('required', 'required_boolean'))
  if (type === 'single' || type === 'multiple') {
    const options = q.options
    if (!Array.isArray(options) || options.length < 2 || options.length > 12)
      errors.push(at('options', 'options_count'))
    else if (!options.every(o => isText(o, 1, 100)))
      errors.push(at('options', 'option_length'))
    else if (new Set(options.map(o => String(o).trim().toLowerCase())).size !== options.length)
      errors.push(at('options', 'option_duplicate'))
  }
  else if ('options' in q) {
    errors.push(at('options', 'options_not_allowed'))
  }
  if (type === 'scale') {
    const min = q.min ?? SCALE_DEFAULT.min
    const max = q.max ?? SCALE_DEFAULT.max
    if (typeof min !== 'number' || typeof max !== 'number' || !Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max > 10 || min >= max)
      errors.push(at('max', 'scale_range'))
    else if (isCriterion(key) && (min !== 1 || max !== 4))
      errors.push(at('max', 'criterion_scale'))
  }
  else if ('min' in q || 'max' in q) {
    errors.push(at('min', 'bounds_not_allowed'))
  }
  return errors
}

function documentErrors(doc: unknown): DefinitionError[] {
  if (isObject(doc) && onlyKeys(doc, ['title', 'text']) && isText(doc.text, 1, 20000)
    && (!('title' in doc) || (typeof doc.title === 'string' && doc.title.length <= 200)))
    return []
  return [{ path: 'document.text', code: 'document_invalid' }]
}

function meetingErrors(m: unknown): DefinitionError[] {
  if (!isObject(m) || !onlyKeys(m, ['starts_at', 'ends_at', 'place', 'agenda']))
    return [{ path: 'meeting', code: 'meeting_shape' }]
  const errors: DefinitionError[] = []
  const start = instantOf(m.starts_at)
  if (start === null)
    errors.push({ path: 'meeting.starts_at', code: 'meeting_start' })
  if ('ends_at' in m) {
    const end = instantOf(m.ends_at)
    if (end === null || (start !== null && end <= start))
      errors.push({ path: 'meeting.ends_at', code: 'meeting_end' })
  }
  if (!isText(m.place, 1, 200))
    errors.push({ path: 'meeting.place', code: 'meeting_place' })
  if ('agenda' in m && !(Array.isArray(m.agenda) && m.agenda.length <= 20 && m.agenda.every(a => isText(a, 1, 200))))
    errors.push({ path: 'meeting.agenda', code: 'meeting_agenda' })
  return errors
}

/**
 * Every problem of a definition for a consultation of this kind ([] = valid).
 * hasSubject: the consultation points at a booklet section or a prestation.
 */
export function validateDefinition(kind: ConsultationKind, definition: unknown, options: { hasSubject?: boolean } = {}): DefinitionError[] {
  if (!isObject(definition))
    return [{ path: 'definition', code: 'definition_object' }]
  if (!onlyKeys(definition, ['questions', 'document', 'meeting']))
    return [{ path: 'definition', code: 'definition_unknown_part' }]
  const errors: DefinitionError[] = []
  const seen = new Set<string>()
  const questions = definition.questions
  if (questions !== undefined) {
    if (!Array.isArray(questions))
      errors.push({ path: 'questions', code: 'questions_list' })
    else if (questions.length > 30)
      errors.push({ path: 'questions', code: 'questions_too_many' })
    else
      questions.forEach((q, i) => errors.push(...questionErrors(q, i + 1, seen)))
  }
  if (definition.document !== undefined)
    errors.push(...documentErrors(definition.document))
  if (definition.meeting !== undefined)
    errors.push(...meetingErrors(definition.meeting))

  if (kind === 'document_review' && definition.document === undefined && !options.hasSubject)
    errors.push({ path: 'document.text', code: 'review_needs_text' })
  if (kind === 'prestation_evaluation' && !CRITERIA.every(c => seen.has(c)))
    errors.push({ path: 'questions', code: 'criteria_missing' })
  if (kind === 'survey' && seen.size === 0)
    errors.push({ path: 'questions', code: 'survey_empty' })
  if (kind === 'meeting' && definition.meeting === undefined)
    errors.push({ path: 'meeting', code: 'meeting_missing' })
  if (kind !== 'meeting' && definition.meeting !== undefined)
    errors.push({ path: 'meeting', code: 'meeting_not_allowed' })
  if (kind !== 'document_review' && definition.document !== undefined)
    errors.push({ path: 'document', code: 'document_not_allowed' })
  return errors
}

/** The six criteria as scale questions (labels come from the app, translated). */
export function criteriaQuestions(): Question[] {
  return CRITERIA.map(key => ({ key, type: 'scale' as const }))
}

/** A definition as stored, read leniently for display: unknown parts are dropped. */
export function parseDefinition(raw: unknown): ConsultationDefinition {
  if (!isObject(raw))
    return {}
  const out: ConsultationDefinition = {}
  if (Array.isArray(raw.questions)) {
    out.questions = raw.questions.filter(isObject).filter(q => typeof q.key === 'string' && (QUESTION_TYPES as readonly unknown[]).includes(q.type)).map(q => ({
      key: String(q.key),
      type: q.type as QuestionType,
      ...(typeof q.label === 'string' ? { label: q.label } : {}),
      ...(typeof q.help === 'string' ? { help: q.help } : {}),
      ...(q.required === true ? { required: true } : {}),
      ...(Array.isArray(q.options) ? { options: q.options.map(String) } : {}),
      ...(q.type === 'scale' ? { min: typeof q.min === 'number' ? q.min : SCALE_DEFAULT.min, max: typeof q.max === 'number' ? q.max : SCALE_DEFAULT.max } : {}),
    }))
  }
  if (isObject(raw.document) && typeof raw.document.text === 'string')
    out.document = { text: raw.document.text, ...(typeof raw.document.title === 'string' ? { title: raw.document.title } : {}) }
  if (isObject(raw.meeting) && typeof raw.meeting.starts_at === 'string') {
    const m = raw.meeting
    out.meeting = {
      starts_at: String(m.starts_at),
      place: typeof m.place === 'string' ? m.place : '',
      ...(typeof m.ends_at === 'string' ? { ends_at: m.ends_at } : {}),
      ...(Array.isArray(m.agenda) ? { agenda: m.agenda.map(String) } : {}),
    }
  }
  return out
}

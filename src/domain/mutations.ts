// One zod schema per mutation of docs/sync-protocol.md. They mirror the
// server's checks (column constraints and handler validation) so that a
// mistake is caught in the form, before it ever reaches the outbox; the
// server still validates everything again.
import { z } from 'zod'
import { validateDefinition } from './survey'
import { ADMIN_MUTATION_BUILDERS } from './adminMutations'
import { day, instant, line, opt, text, uuid } from './fields'
import { lazyRecord } from './lazyRecord'

export const FEEDBACK_KINDS = ['prestation', 'appointment', 'document', 'booklet', 'other', 'change_referent', 'fiche_liaison'] as const
export const APPOINTMENT_KINDS = ['first_reception', 'diagnostic', 'follow_up', 'bilan_sante', 'mdee_session', 'pre_recrutement', 'forum_preparation', 'information_collective'] as const
export const APPOINTMENT_STATUSES = ['scheduled', 'confirmed', 'cancel_requested', 'reschedule_requested', 'cancelled', 'attended', 'missed', 'excused'] as const
/** The statuses a référent may set (the server refuses the others). */
export const SETTABLE_APPOINTMENT_STATUSES = ['scheduled', 'confirmed', 'cancelled', 'attended', 'missed', 'excused'] as const
export type SettableAppointmentStatus = (typeof SETTABLE_APPOINTMENT_STATUSES)[number]
export const APPOINTMENT_RESPONSES = ['confirmed', 'cannot_come', 'reschedule'] as const
export const MET_HOW = ['street', 'market', 'association', 'event', 'partner'] as const
export const AGE_BANDS = ['16_17', '18_25', '26_34', '35_49', '50_64', '65_plus', 'unknown'] as const
export const NEEDS = ['emploi', 'formation', 'francais', 'numerique', 'droits', 'logement', 'garde_enfants', 'mobilite', 'creation_activite', 'budget', 'autre'] as const
/** Languages a profile may prefer (the server's locale_code domain). */
export const PROFILE_LOCALES = ['fr', 'en', 'ar', 'es', 'pt', 'zh', 'ro', 'ru', 'uk', 'tr', 'ta', 'bn', 'fa', 'ps', 'ti', 'so', 'wo', 'ff', 'bm', 'sw', 'ln', 'kab'] as const
export const CONTACT_STATUSES = ['new', 'follow_up', 'oriented', 'in_parcours', 'closed'] as const
export const REFERRAL_RESPONSES = ['accepted', 'declined', 'appointment_planned'] as const
export const FOLLOW_UP_KINDS = ['call_back', 'meet_again', 'accompany'] as const
export const FOLLOW_UP_OUTCOMES = ['done', 'no_answer', 'lost', 'planned'] as const

const feedbackCreate = () => z.strictObject({
  id: uuid,
  kind: z.enum(FEEDBACK_KINDS),
  subject_id: opt(uuid),
  body: text(4000),
  quote: opt(line(300)),
  rating: opt(z.int().min(1).max(5)),
  share_with_groupe: z.boolean(),
  contact_back: z.boolean(),
  expected: opt(text(2000)),
  obtained: opt(text(2000)),
  changed: opt(text(2000)),
}).refine(a => !(a.kind === 'change_referent' && a.share_with_groupe), {
  path: ['share_with_groupe'], message: 'A request to change référent is never shared with the groupe.',
}).refine(a => a.kind === 'fiche_liaison' || (a.expected == null && a.obtained == null && a.changed == null), {
  path: ['kind'], message: 'Expected/obtained/changed belong to a fiche de liaison.',
})

const slot = () => z.union([
  z.strictObject({ from: instant, to: opt(instant) })
    .refine(s => s.to == null || Date.parse(s.from) < Date.parse(s.to), { message: 'A slot ends after it starts.' }),
  line(200),
])

const appointmentRespond = () => z.strictObject({
  id: uuid,
  response: z.enum(APPOINTMENT_RESPONSES),
  reason: opt(text(500)),
  preferred_slots: opt(z.array(slot()).max(10)),
}).refine(a => a.preferred_slots == null || a.response === 'reschedule', {
  path: ['preferred_slots'], message: 'Slots are only proposed to move an appointment.',
})

const appointmentUpsert = () => z.strictObject({
  id: uuid,
  allocataire_id: uuid,
  structure_id: opt(uuid),
  referent_id: opt(uuid),
  event_id: opt(uuid),
  kind: z.enum(APPOINTMENT_KINDS),
  title: opt(line(160)),
  starts_at: instant,
  duration_min: opt(z.int().min(5).max(600)),
  mode: opt(z.enum(['in_person', 'phone', 'video'])),
  location: opt(line(300)),
  documents_to_bring: opt(z.array(line(200)).max(20)),
  note: opt(text(1000)),
})

const contactUpsert = () => z.strictObject({
  id: uuid,
  team_id: uuid,
  quartier: line(80),
  met_at: instant,
  met_how: z.enum(MET_HOW),
  age_band: opt(z.enum(AGE_BANDS)),
  needs: opt(z.array(z.enum(NEEDS)).max(11)),
  rsa: opt(z.enum(['yes', 'no', 'unknown'])),
  under_26: opt(z.boolean()),
  over_50: opt(z.boolean()),
  single_parent: opt(z.boolean()),
  consent: opt(z.boolean()),
  consent_version: opt(line(40)),
  consent_at: opt(instant),
  first_name_or_alias: opt(line(60)),
  phone: opt(z.string().regex(/^\+?[0-9 .-]{6,20}$/)),
  email: opt(z.string().trim().max(254).regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/)),
  note: opt(text(500)),
  follow_up_at: opt(day),
  oriented_structure_id: opt(uuid),
  orientation_reason: opt(line(300)),
  status: opt(z.enum(CONTACT_STATUSES)),
}).refine(a => a.consent || (a.first_name_or_alias == null && a.phone == null && a.email == null), {
  path: ['consent'], message: 'Identity is recorded only with consent.',
}).refine(a => !a.consent || a.consent_version != null, {
  path: ['consent_version'], message: 'Consent is recorded with the version of the text shown.',
}).refine(a => !(a.under_26 && a.over_50), { path: ['over_50'], message: 'Under 26 and over 50 exclude each other.' })

/** The receiving structure's answer to a referral (outreach hand-off). */
const referralRespond = () => z.strictObject({
  id: uuid,
  response: z.enum(REFERRAL_RESPONSES),
  reason: opt(text(300)),
  appointment_at: opt(instant),
}).refine(a => a.response !== 'declined' || a.reason != null, {
  path: ['reason'], message: 'A refusal gives its reason.',
}).refine(a => a.response === 'declined' || a.reason == null, {
  path: ['reason'], message: 'A reason goes only with a refusal.',
}).refine(a => a.response === 'appointment_planned' || a.appointment_at == null, {
  path: ['appointment_at'], message: 'A date goes only with a planned appointment.',
})

/** Evaluation answers: flat, scalar or list-of-scalar values (Action 40's questions). */
const scalar = () => z.union([z.string().max(4000), z.number(), z.boolean(), z.null()])
const answer = () => z.union([scalar(), z.array(z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).max(50)])

// Consultations of the groupe ressource (coordinators), meeting answers and
// themes on shared feedback (groupe ressource). Definitions are checked as the
// server checks them (src/domain/survey.ts).
export const CONSULTATION_KINDS_ARG = ['document_review', 'prestation_evaluation', 'survey', 'meeting'] as const
const consultationUpsert = () => z.strictObject({
  id: uuid,
  kind: z.enum(CONSULTATION_KINDS_ARG),
  title: line(200),
  body: opt(text(8000)),
  definition: z.record(z.string(), z.unknown()),
  subject_id: opt(uuid),
  opens_at: opt(instant),
  closes_at: opt(instant),
}).refine(a => !a.opens_at || !a.closes_at || Date.parse(a.closes_at) > Date.parse(a.opens_at), {
  path: ['closes_at'], message: 'Closing comes after opening.',
}).refine(a => validateDefinition(a.kind, a.definition, { hasSubject: a.subject_id != null }).length === 0, {
  path: ['definition'], message: 'The definition is not valid (see validateDefinition).',
})

// Built on first use (see lazyRecord.ts).
export const MUTATION_SCHEMAS = lazyRecord({
  'feedback.create': feedbackCreate,
  'feedback.delete': () => z.strictObject({ id: uuid }),
  'appointment.respond': appointmentRespond,
  'appointment.upsert': appointmentUpsert,
  // The requests (cancel_requested, reschedule_requested) come only from the allocataire's answer.
  'appointment.set_status': () => z.strictObject({ id: uuid, status: z.enum(SETTABLE_APPOINTMENT_STATUSES) }),
  // The référent read the answer given at responded_at (as pulled).
  'appointment.mark_seen': () => z.strictObject({ id: uuid, responded_at: instant }),
  'offer.respond': () => z.strictObject({ id: uuid, interest: z.enum(['interested', 'not_interested']) }),
  'contact.upsert': contactUpsert,
  // The person asked to be forgotten: the team erases the contact (a tombstone).
  'contact.delete': () => z.strictObject({ id: uuid }),
  'referral.respond': referralRespond,
  'follow_up.upsert': () => z.strictObject({ id: uuid, contact_id: uuid, due_on: day, kind: z.enum(FOLLOW_UP_KINDS) }),
  'follow_up.set_outcome': () => z.strictObject({ id: uuid, outcome: z.enum(FOLLOW_UP_OUTCOMES) }),
  'evaluation.upsert': () => z.strictObject({
    id: uuid,
    consultation_id: uuid,
    answers: z.record(z.string().min(1).max(60), answer()).refine(a => Object.keys(a).length <= 60, { message: 'At most 60 answers.' }),
    submitted: z.boolean(),
  }),
  'consultation.upsert': consultationUpsert,
  'consultation.set_status': () => z.strictObject({ id: uuid, status: z.enum(['open', 'closed']), closes_at: opt(instant) }),
  'consultation.publish': () => z.strictObject({ id: uuid, outcome: text(8000), outcome_section_id: opt(uuid) }),
  'feedback.tag_themes': () => z.strictObject({ id: uuid, themes: z.array(line(40)).max(10) }),
  'meeting.respond': () => z.strictObject({ id: uuid, consultation_id: uuid, attending: z.boolean(), note: opt(text(500)) }),
  'profile.update': () => z.strictObject({
    // null or "" clears the name.
    display_name: opt(z.string().trim().max(120).regex(/^[^\x00-\x1F\x7F]*$/)),
    preferred_locale: opt(z.enum(PROFILE_LOCALES)),
    reminder_sms: opt(z.boolean()),
    reminder_email: opt(z.boolean()),
  }),
  // The coordinators' back office (feedback inbox, accounts, booklet, catalogue).
  ...ADMIN_MUTATION_BUILDERS,
})

export type MutationName = keyof typeof MUTATION_SCHEMAS
export type MutationArgs<N extends MutationName> = z.input<(typeof MUTATION_SCHEMAS)[N]>

export const MUTATION_NAMES = Object.keys(MUTATION_SCHEMAS) as MutationName[]

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(MUTATION_SCHEMAS, name)
}

/**
 * Validates and normalises (trims) mutation arguments. Throws a ZodError on
 * invalid input; undefined values are dropped so the JSON sent is minimal.
 */
export function parseMutationArgs<N extends MutationName>(name: N, args: unknown): Record<string, unknown> {
  const schema = MUTATION_SCHEMAS[name] as z.ZodType
  const parsed = schema.parse(args) as Record<string, unknown>
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined))
}

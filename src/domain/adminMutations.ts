// The back office's sync mutations (server: 20261125000900_admin.sql), as zod
// schemas that mirror the server's checks. src/domain/mutations.ts spreads
// them into MUTATION_SCHEMAS; the forms use them (safeParse) to show a
// mistake next to its field before anything is queued.
import { z } from 'zod'
import { EVENT_KINDS, PUBLICS, REGISTRES, STRUCTURE_KINDS } from './catalogue'
import { instant, line, opt, text, uuid } from './fields'
import { lazyRecord } from './lazyRecord'
import { ROLES } from './roles'

/** The server's locale_code domain (kept apart from mutations.ts, which imports this file). */
export const CONTENT_LOCALES = ['fr', 'en', 'ar', 'es', 'pt', 'zh', 'ro', 'ru', 'uk', 'tr', 'ta', 'bn', 'fa', 'ps', 'ti', 'so', 'wo', 'ff', 'bm', 'sw', 'ln', 'kab'] as const
export type ContentLocale = (typeof CONTENT_LOCALES)[number]
export const isContentLocale = (value: unknown): value is ContentLocale => (CONTENT_LOCALES as readonly unknown[]).includes(value)
export const FEEDBACK_STATUSES = ['received', 'read', 'answered', 'closed'] as const
export const SECTION_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const
export const PUBLICATION_STATUSES = ['draft', 'published', 'archived'] as const
export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

const phone = () => z.string().trim().regex(/^\+?[0-9 .-]{6,20}$/)
const email = () => z.string().trim().max(254).regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/)
const url = () => z.string().trim().max(300).regex(/^https?:\/\/\S+$/)

/** Message of the refinements that stand for a missing value (see fieldProblems). */
const REQUIRED = 'required'

/** Roles with the scope they need: an outreach worker's team, a référent's structure. */
function withScope<T extends z.ZodType<{ roles: readonly string[], team_id?: string | null, structure_id?: string | null }>>(schema: T) {
  return schema
    .refine(a => !a.roles.includes('outreach') || a.team_id != null, { path: ['team_id'], message: REQUIRED })
    .refine(a => !a.roles.includes('referent') || a.structure_id != null, { path: ['structure_id'], message: REQUIRED })
}

const invitationCreate = () => withScope(z.strictObject({
  id: uuid,
  email: opt(email()),
  phone: opt(phone()),
  display_name: opt(line(120)),
  roles: z.array(z.enum(ROLES)).min(1).max(5),
  team_id: opt(uuid),
  structure_id: opt(uuid),
  preferred_locale: opt(z.enum(CONTENT_LOCALES)),
})).refine(a => a.email != null || a.phone != null, { path: ['email'], message: REQUIRED })

const profileSetAccess = () => withScope(z.strictObject({
  id: uuid,
  roles: z.array(z.enum(ROLES)).min(1).max(5),
  team_id: opt(uuid),
  structure_id: opt(uuid),
}))

const time = () => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/)
const hours = () => z.partialRecord(z.enum(WEEK_DAYS), z.array(z.tuple([time(), time()]).refine(([a, b]) => a < b, { message: 'Opens before it closes.' })).max(4))

const structureUpsert = () => z.strictObject({
  id: uuid,
  kind: z.enum(STRUCTURE_KINDS),
  name: line(160),
  summary: opt(text(1000)),
  address: opt(line(200)),
  postcode: opt(z.string().trim().regex(/^75\d{3}$/)),
  arrondissement: opt(z.int().min(1).max(20)),
  opening_hours: opt(hours()),
  phone: opt(phone()),
  email: opt(email()),
  website: opt(url()),
  accessibility: opt(text(500)),
  status: z.enum(PUBLICATION_STATUSES),
  checked: opt(z.boolean()),
})

const prestationUpsert = () => z.strictObject({
  id: uuid,
  registre: z.enum(REGISTRES),
  title: line(160),
  summary: opt(z.string().trim().max(1000)),
  publics: z.array(z.enum(PUBLICS)).min(1).max(9),
  eligibility: opt(text(1000)),
  how_to_access: opt(text(1000)),
  access_mode: z.enum(['referent', 'direct']),
  operator: opt(line(160)),
  structure_id: opt(uuid),
  duration: opt(line(120)),
  cost: opt(line(120)),
  locale: opt(z.enum(CONTENT_LOCALES)),
  arrondissements: opt(z.array(z.int().min(1).max(20)).max(20)),
  source_ref: opt(line(120)),
  status: z.enum(PUBLICATION_STATUSES),
  checked: opt(z.boolean()),
})

const eventUpsert = () => z.strictObject({
  id: uuid,
  kind: z.enum(EVENT_KINDS),
  title: line(160),
  description: opt(text(2000)),
  starts_at: instant,
  ends_at: opt(instant),
  structure_id: opt(uuid),
  place: opt(line(160)),
  address: opt(line(200)),
  arrondissement: opt(z.int().min(1).max(20)),
  seats: opt(z.int().min(0).max(100000)),
  registration: opt(text(500)),
  registration_url: opt(url()),
  publics: opt(z.array(z.enum(PUBLICS)).max(9)),
  locale: opt(z.enum(CONTENT_LOCALES)),
  status: z.enum(PUBLICATION_STATUSES),
  checked: opt(z.boolean()),
}).refine(a => a.ends_at == null || Date.parse(a.ends_at) >= Date.parse(a.starts_at), {
  path: ['ends_at'], message: 'An event ends after it starts.',
})

export const BOOKLET_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

const bookletSave = () => z.strictObject({
  id: uuid,
  slug: z.string().max(80).regex(BOOKLET_SLUG),
  locale: z.enum(CONTENT_LOCALES),
  variant: z.enum(['easy', 'full']),
  title: line(200),
  // A draft may be empty; publishing checks it is not.
  body: z.string().max(20000),
  position: z.int().min(0).max(10000),
  source_revision: opt(z.int().min(1)),
})

/** How to build each back-office schema: mutations.ts builds its own from them. */
export const ADMIN_MUTATION_BUILDERS = {
  'feedback.answer': () => z.strictObject({ id: uuid, answer: text(4000), answer_locale: opt(z.enum(CONTENT_LOCALES)) }),
  'feedback.assign': () => z.strictObject({ id: uuid, assigned_to: opt(uuid) }),
  'feedback.set_status': () => z.strictObject({ id: uuid, status: z.enum(FEEDBACK_STATUSES) }),
  'invitation.create': invitationCreate,
  'invitation.revoke': () => z.strictObject({ id: uuid }),
  'profile.set_access': profileSetAccess,
  'booklet_section.save': bookletSave,
  'booklet_section.set_status': () => z.strictObject({ id: uuid, status: z.enum(SECTION_STATUSES), open_consultation: opt(z.boolean()) }),
  'structure.upsert': structureUpsert,
  'prestation.upsert': prestationUpsert,
  'event.upsert': eventUpsert,
}

// Built on first use (see lazyRecord.ts).
export const ADMIN_MUTATION_SCHEMAS = lazyRecord(ADMIN_MUTATION_BUILDERS)

export type AdminMutationName = keyof typeof ADMIN_MUTATION_SCHEMAS

/** The first problem of each field, as a code the forms translate (admin.form.errors.*). */
export type FieldProblem = 'required' | 'too_long' | 'invalid'

export function fieldProblems(error: z.ZodError): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '')
    if (out[field])
      continue
    if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array'))
      out[field] = 'too_long'
    else if ((issue.code === 'too_small' && issue.origin === 'string')
      || (issue.code === 'custom' && issue.message === REQUIRED)
      || (issue.code === 'invalid_type' && /received (undefined|null)/.test(issue.message)))
      out[field] = 'required'
    else
      out[field] = 'invalid'
  }
  return out
}

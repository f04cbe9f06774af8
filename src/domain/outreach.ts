// Field contacts (repérage, PDIE Actions 12-13): the capture form's shape and rules,
// its conversion to the contact.upsert mutation (the whole row), and the pure helpers
// the team screens share (search, filters, follow-ups due). No Vue, no Dexie: tested alone.
import type { MutationArgs } from './mutations'
import { z } from 'zod'
import { AGE_BANDS, CONTACT_STATUSES, FOLLOW_UP_KINDS, MET_HOW, NEEDS } from './mutations'

export type MetHow = (typeof MET_HOW)[number]
export type AgeBand = (typeof AGE_BANDS)[number]
export type Need = (typeof NEEDS)[number]
export type ContactStatus = (typeof CONTACT_STATUSES)[number]
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number]
export type Rsa = 'yes' | 'no' | 'unknown'
export type ReferralStatus = 'none' | 'pending' | 'accepted' | 'declined' | 'appointment_planned'
export type FollowUpStatus = 'planned' | 'done' | 'no_answer' | 'lost'

/** Age bands that settle "under 26" / "over 50" by themselves. */
const UNDER_26_BANDS: readonly AgeBand[] = ['16_17', '18_25']
const OVER_50_BANDS: readonly AgeBand[] = ['50_64', '65_plus']

/**
 * Paris' priority neighbourhoods (quartiers prioritaires de la politique de la ville), by
 * arrondissement, as field teams name them. Offered after the team's own quartiers; a
 * plain arrondissement is the fallback. Never a street, never coordinates.
 */
export const PARIS_QPV: ReadonlyArray<{ name: string, arrondissement: number }> = [
  { name: 'Grange-aux-Belles-Terrage', arrondissement: 10 },
  { name: 'Fontaine-au-Roi', arrondissement: 11 },
  { name: 'Chevaleret-Oudiné', arrondissement: 13 },
  { name: 'Villa d’Este-Place de Vénétie', arrondissement: 13 },
  { name: 'Bédier-Boutroux', arrondissement: 13 },
  { name: 'Kellermann-Paul Bourget', arrondissement: 13 },
  { name: 'Porte de Vanves', arrondissement: 14 },
  { name: 'Les Périchaux', arrondissement: 15 },
  { name: 'Porte de Saint-Ouen-Porte Pouchet', arrondissement: 17 },
  { name: 'Goutte d’Or', arrondissement: 18 },
  { name: 'La Chapelle', arrondissement: 18 },
  { name: 'Porte de la Chapelle', arrondissement: 18 },
  { name: 'Porte Montmartre-Porte de Clignancourt', arrondissement: 18 },
  { name: 'Amiraux-Simplon-Poissonniers', arrondissement: 18 },
  { name: 'Flandre', arrondissement: 19 },
  { name: 'Stalingrad-Riquet', arrondissement: 19 },
  { name: 'Danube-Solidarité', arrondissement: 19 },
  { name: 'Michelet', arrondissement: 19 },
  { name: 'Belleville', arrondissement: 20 },
  { name: 'Porte de Montreuil', arrondissement: 20 },
  { name: 'Porte de Bagnolet-Saint-Blaise', arrondissement: 20 },
]

/** "Paris 1er", "Paris 18e": the stored value when no quartier fits. */
export function arrondissementLabel(n: number): string {
  return `Paris ${n}${n === 1 ? 'er' : 'e'}`
}
export const PARIS_ARRONDISSEMENTS: readonly string[] = Array.from({ length: 20 }, (_, i) => arrondissementLabel(i + 1))

/** Same word whatever the apostrophe or case: "Goutte d'Or" is the team's "Goutte d’Or". */
export function placeKey(name: string): string {
  return name.normalize('NFC').replace(/[’‘`´]/g, '\'').toLocaleLowerCase('fr').trim()
}

/** Where the person was met, offered in order: the team's quartiers, then every other QPV, then arrondissements. */
export function placeChoices(teamQuartiers: readonly string[]): { team: string[], qpv: string[], arrondissements: string[] } {
  const team = [...new Set(teamQuartiers.map(q => q.trim()).filter(Boolean))]
  const known = new Set(team.map(placeKey))
  return {
    team,
    qpv: PARIS_QPV.map(q => q.name).filter(name => !known.has(placeKey(name))),
    arrondissements: [...PARIS_ARRONDISSEMENTS],
  }
}

// ---------------------------------------------------------------------------
// The capture form
// ---------------------------------------------------------------------------

export interface FollowUpDraft {
  due_on: string
  kind: FollowUpKind
}

/** Everything the capture form holds; what a draft saves at every keystroke. */
export interface ContactForm {
  id: string
  /** When the form was opened: "now" by default for when the person was met. */
  started_at: string
  quartier: string
  /** null: met when the form was opened (started_at). */
  met_at: string | null
  met_how: MetHow | null
  age_band: AgeBand
  needs: Need[]
  rsa: Rsa
  under_26: boolean
  over_50: boolean
  single_parent: boolean
  consent: boolean
  consent_version: string | null
  consent_at: string | null
  first_name_or_alias: string
  /** The person agrees to be contacted: only then a phone or an e-mail. */
  contact_ok: boolean
  phone: string
  email: string
  note: string
  /** The note as it was when the worker confirmed it despite sensitive words. */
  note_confirmed: string | null
  oriented_structure_id: string
  orientation_reason: string
  follow_up: FollowUpDraft | null
  status: ContactStatus
  /** Legacy next-contact date some rows carry: sent back unchanged. */
  follow_up_at: string | null
}

export function emptyContactForm(id: string, now: Date): ContactForm {
  return {
    id,
    started_at: now.toISOString(),
    quartier: '',
    met_at: null,
    met_how: null,
    age_band: 'unknown',
    needs: [],
    rsa: 'unknown',
    under_26: false,
    over_50: false,
    single_parent: false,
    consent: false,
    consent_version: null,
    consent_at: null,
    first_name_or_alias: '',
    contact_ok: false,
    phone: '',
    email: '',
    note: '',
    note_confirmed: null,
    oriented_structure_id: '',
    orientation_reason: '',
    follow_up: null,
    status: 'new',
    follow_up_at: null,
  }
}

/** Picking an age band settles "under 26" and "over 50" (they stay editable for "unknown"). */
export function withAgeBand(form: ContactForm, band: AgeBand): ContactForm {
  const under = UNDER_26_BANDS.includes(band)
  const over = OVER_50_BANDS.includes(band)
  return { ...form, age_band: band, under_26: band === 'unknown' ? form.under_26 : under, over_50: band === 'unknown' ? form.over_50 : over }
}

const PHONE = /^\+?[0-9 .-]{6,20}$/
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const ONE_LINE = /^[^\x00-\x1F\x7F]*$/

/**
 * The form's rules, with message keys (outreach.errors.*) the screen translates. They
 * mirror the server's (contact.upsert) so a mistake shows in the form, not in the sync panel.
 */
export const contactFormSchema = z.object({
  quartier: z.string().trim().min(1, 'place').max(80, 'place'),
  met_at: z.string().nullable(),
  started_at: z.string(),
  met_how: z.enum(MET_HOW, { error: 'met_how' }).nullable().refine(v => v !== null, 'met_how'),
  first_name_or_alias: z.string().trim().max(60, 'name_long').regex(ONE_LINE, 'name_long'),
  phone: z.string().trim().refine(v => v === '' || PHONE.test(v), 'phone'),
  email: z.string().trim().max(254, 'email').refine(v => v === '' || EMAIL.test(v), 'email'),
  note: z.string().trim().max(500, 'note_long'),
  orientation_reason: z.string().trim().max(300, 'reason_long').regex(ONE_LINE, 'reason_long'),
  consent: z.boolean(),
  consent_version: z.string().nullable(),
  under_26: z.boolean(),
  over_50: z.boolean(),
  follow_up: z.object({ due_on: z.iso.date('follow_up_date'), kind: z.enum(FOLLOW_UP_KINDS) }).nullable(),
}).superRefine((f, ctx) => {
  const metAt = Date.parse(f.met_at ?? f.started_at)
  if (Number.isNaN(metAt))
    ctx.addIssue({ code: 'custom', path: ['met_at'], message: 'met_at' })
  else if (metAt > Date.now() + 5 * 60_000)
    ctx.addIssue({ code: 'custom', path: ['met_at'], message: 'met_at_future' })
  const identity = f.first_name_or_alias.trim() || f.phone.trim() || f.email.trim()
  if (identity && !f.consent)
    ctx.addIssue({ code: 'custom', path: ['consent'], message: 'identity_without_consent' })
  if (f.consent && !f.consent_version)
    ctx.addIssue({ code: 'custom', path: ['consent'], message: 'consent_version' })
  if (f.under_26 && f.over_50)
    ctx.addIssue({ code: 'custom', path: ['over_50'], message: 'age_conflict' })
})

export type FormErrors = Partial<Record<string, string>>

/** Field → message key of the first problem, empty when the form can be saved. */
export function validateContactForm(form: ContactForm): FormErrors {
  const result = contactFormSchema.safeParse(form)
  if (result.success)
    return {}
  const errors: FormErrors = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form')
    errors[field] ??= issue.message
  }
  return errors
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim())

/** The status a save leaves: orienting or planning a follow-up moves a new contact along. */
export function statusAfterSave(form: ContactForm): ContactStatus {
  if (form.status === 'in_parcours' || form.status === 'closed')
    return form.status
  if (form.oriented_structure_id)
    return 'oriented'
  if (form.follow_up || form.status === 'follow_up')
    return 'follow_up'
  return form.status === 'oriented' ? 'new' : form.status
}

/**
 * contact.upsert arguments: every field, since the server replaces the whole row.
 * Identity and contact details are sent only with consent (and contact only when agreed).
 */
export function toContactArgs(form: ContactForm, teamId: string): MutationArgs<'contact.upsert'> {
  const consent = form.consent
  const canContact = consent && form.contact_ok
  return {
    id: form.id,
    team_id: teamId,
    quartier: form.quartier.trim(),
    met_at: new Date(form.met_at ?? form.started_at).toISOString(),
    // validateContactForm refuses a form without it before anything is saved.
    met_how: form.met_how as MetHow,
    age_band: form.age_band,
    needs: [...new Set(form.needs)],
    rsa: form.rsa,
    under_26: form.under_26,
    over_50: form.over_50,
    single_parent: form.single_parent,
    consent,
    consent_version: consent ? form.consent_version : null,
    consent_at: consent ? form.consent_at : null,
    first_name_or_alias: consent ? orNull(form.first_name_or_alias) : null,
    phone: canContact ? orNull(form.phone) : null,
    email: canContact ? orNull(form.email) : null,
    note: orNull(form.note),
    follow_up_at: form.follow_up_at,
    oriented_structure_id: orNull(form.oriented_structure_id),
    orientation_reason: form.oriented_structure_id ? orNull(form.orientation_reason) : null,
    status: statusAfterSave(form),
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const strOrNull = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)
const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T): T =>
  (values as readonly unknown[]).includes(v) ? v as T : fallback

/** A synced contact row back into the form, to edit it. */
export function formFromRow(row: Record<string, unknown>, now: Date): ContactForm {
  const phone = str(row.phone)
  const email = str(row.email)
  return {
    ...emptyContactForm(String(row.id), now),
    started_at: str(row.met_at) || now.toISOString(),
    quartier: str(row.quartier),
    met_at: strOrNull(row.met_at),
    met_how: oneOf([...MET_HOW, ''] as const, row.met_how, '') || null,
    age_band: oneOf(AGE_BANDS, row.age_band, 'unknown'),
    needs: Array.isArray(row.needs) ? row.needs.filter((n): n is Need => (NEEDS as readonly unknown[]).includes(n)) : [],
    rsa: oneOf(['yes', 'no', 'unknown'] as const, row.rsa, 'unknown'),
    under_26: row.under_26 === true,
    over_50: row.over_50 === true,
    single_parent: row.single_parent === true,
    consent: row.consent === true,
    consent_version: strOrNull(row.consent_version),
    consent_at: strOrNull(row.consent_at),
    first_name_or_alias: str(row.first_name_or_alias),
    contact_ok: phone !== '' || email !== '',
    phone,
    email,
    note: str(row.note),
    note_confirmed: str(row.note) || null,
    oriented_structure_id: str(row.oriented_structure_id),
    orientation_reason: str(row.orientation_reason),
    status: oneOf(CONTACT_STATUSES, row.status, 'new'),
    follow_up_at: strOrNull(row.follow_up_at),
  }
}

// ---------------------------------------------------------------------------
// Lists: search, filters, follow-ups due
// ---------------------------------------------------------------------------

/** Lower case, without accents or Arabic vowel marks: what searching compares. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036F\u064B-\u065F\u0670]/g, '').toLocaleLowerCase('fr')
}

export interface ContactFilters {
  search: string
  quartier: string
  status: ContactStatus | ''
  need: Need | ''
  /** Paris days, inclusive; '' = open. */
  from: string
  to: string
  /** Only the contacts this worker recorded. */
  mineOnly: boolean
}

export const NO_FILTERS: ContactFilters = { search: '', quartier: '', status: '', need: '', from: '', to: '', mineOnly: false }

export interface ContactLike {
  id: string
  quartier?: unknown
  met_at?: unknown
  status?: unknown
  needs?: unknown
  created_by?: unknown
  first_name_or_alias?: unknown
  note?: unknown
  orientation_reason?: unknown
}

export function filterContacts<T extends ContactLike>(rows: readonly T[], f: ContactFilters, userId: string | null): T[] {
  const words = fold(f.search).split(/\s+/).filter(Boolean)
  return rows.filter((r) => {
    if (f.mineOnly && r.created_by !== userId)
      return false
    if (f.quartier && placeKey(str(r.quartier)) !== placeKey(f.quartier))
      return false
    if (f.status && r.status !== f.status)
      return false
    if (f.need && !(Array.isArray(r.needs) && r.needs.includes(f.need)))
      return false
    const day = typeof r.met_at === 'string' ? parisDay(r.met_at) : ''
    if (f.from && day < f.from)
      return false
    if (f.to && day > f.to)
      return false
    if (words.length) {
      const haystack = fold([r.first_name_or_alias, r.note, r.quartier, r.orientation_reason].map(str).join(' '))
      return words.every(w => haystack.includes(w))
    }
    return true
  }).sort((a, b) => str(b.met_at).localeCompare(str(a.met_at)))
}

export interface FollowUpLike {
  id: string
  contact_id?: unknown
  due_on?: unknown
  status?: unknown
  created_by?: unknown
  deleted_at?: unknown
}

/** Follow-ups still planned for today or before (late first), the "today" list. */
export function dueFollowUps<T extends FollowUpLike>(rows: readonly T[], today: string): T[] {
  return rows
    .filter(r => !r.deleted_at && r.status === 'planned' && typeof r.due_on === 'string' && r.due_on <= today)
    .sort((a, b) => str(a.due_on).localeCompare(str(b.due_on)) || a.id.localeCompare(b.id))
}

// ---------------------------------------------------------------------------
// Paris calendar days (the team works on Paris days whatever the phone's zone)
// ---------------------------------------------------------------------------

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })

/** "YYYY-MM-DD" of an instant in Paris. */
export function parisDay(value: string | number | Date): string {
  return dayFormat.format(new Date(value))
}

/** A day plus n days, on the calendar (DST never shifts it). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** The Monday of a day's week (ISO weeks start on Monday). */
export function mondayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
  return addDays(day, -weekday)
}

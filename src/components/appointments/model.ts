// Appointments as the screens use them: a typed view of the synced row (which
// is JSON as sync_pull sent it, or as the optimistic overlay previewed it),
// and the small decisions shared by the allocataire's and the référent's
// screens: what is ahead, whether an answer reached the référent, what can
// still be answered.
import type { LocalRow } from '@/db/types'
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES } from '@/domain/mutations'

export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number]
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]
export type AppointmentMode = 'in_person' | 'phone' | 'video'
export type AppointmentResponse = 'confirmed' | 'cannot_come' | 'reschedule'

export interface Appointment {
  id: string
  allocataire_id: string
  referent_id: string | null
  /** Who the allocataire meets (copied by the database from the référent's profile). */
  referent_name: string | null
  structure_id: string | null
  /** Set when the appointment is a registration to a public event (forum, information collective). */
  event_id: string | null
  kind: AppointmentKind
  title: string | null
  starts_at: string
  duration_min: number
  mode: AppointmentMode
  location: string | null
  documents_to_bring: string[]
  note: string | null
  status: AppointmentStatus
  response: AppointmentResponse | null
  response_reason: string | null
  preferred_slots: unknown[] | null
  responded_at: string | null
  seen_by_referent_at: string | null
  reminded_at: string | null
  version: number | null
  /** A local write to this row has not come back from the server yet. */
  pending: boolean
}

export interface StructureInfo {
  id: string
  name: string
  address: string | null
  postcode: string | null
  phone: string | null
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly unknown[]).includes(v) ? (v as T) : fallback

export function toAppointment(row: LocalRow): Appointment {
  return {
    id: row.id,
    allocataire_id: String(row.allocataire_id ?? ''),
    referent_id: str(row.referent_id),
    referent_name: str(row.referent_name),
    structure_id: str(row.structure_id),
    event_id: str(row.event_id),
    kind: oneOf(row.kind, APPOINTMENT_KINDS, 'follow_up'),
    title: str(row.title),
    starts_at: String(row.starts_at ?? ''),
    duration_min: typeof row.duration_min === 'number' ? row.duration_min : 45,
    mode: oneOf(row.mode, ['in_person', 'phone', 'video'] as const, 'in_person'),
    location: str(row.location),
    documents_to_bring: Array.isArray(row.documents_to_bring) ? row.documents_to_bring.filter((d): d is string => typeof d === 'string' && d.trim() !== '') : [],
    note: str(row.note),
    status: oneOf(row.status, APPOINTMENT_STATUSES, 'scheduled'),
    response: (['confirmed', 'cannot_come', 'reschedule'] as const).find(r => r === row.response) ?? null,
    response_reason: str(row.response_reason),
    preferred_slots: Array.isArray(row.preferred_slots) ? row.preferred_slots : null,
    responded_at: str(row.responded_at),
    seen_by_referent_at: str(row.seen_by_referent_at),
    reminded_at: str(row.reminded_at),
    version: typeof row.version === 'number' ? row.version : null,
    pending: row.$pending === true,
  }
}

export function toStructure(row: LocalRow): StructureInfo {
  return { id: row.id, name: String(row.name ?? ''), address: str(row.address), postcode: str(row.postcode), phone: str(row.phone) }
}

const endOf = (a: Pick<Appointment, 'starts_at' | 'duration_min'>) => Date.parse(a.starts_at) + a.duration_min * 60_000

/** Ahead (or going on now), soonest first; past, latest first. */
export function splitByTime(list: readonly Appointment[], now: number): { upcoming: Appointment[], past: Appointment[] } {
  const upcoming = list.filter(a => endOf(a) > now).sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
  const past = list.filter(a => endOf(a) <= now).sort((a, b) => Date.parse(b.starts_at) - Date.parse(a.starts_at))
  return { upcoming, past }
}

/** Statuses in which the appointment still stands on the agenda. */
export const ACTIVE_STATUSES: readonly AppointmentStatus[] = ['scheduled', 'confirmed', 'cancel_requested', 'reschedule_requested']

/** The allocataire may (still) answer: the database refuses answers to past or closed appointments. */
export function canRespond(a: Appointment, now: number): boolean {
  return ACTIVE_STATUSES.includes(a.status) && Date.parse(a.starts_at) > now
}

/** The next appointment to go to (cancelled ones aside). */
export function nextAppointment(list: readonly Appointment[], now: number): Appointment | null {
  return splitByTime(list, now).upcoming.find(a => a.status !== 'cancelled') ?? null
}

/** The référent read the current answer (marked after it was given). */
export function isSeen(a: Pick<Appointment, 'responded_at' | 'seen_by_referent_at'>): boolean {
  return !!a.responded_at && !!a.seen_by_referent_at && Date.parse(a.seen_by_referent_at) >= Date.parse(a.responded_at)
}

/**
 * Where the allocataire's answer is: refused by the server (kept for a retry),
 * still on this phone, received by the server, or read by the référent.
 */
export type Delivery = 'rejected' | 'waiting' | 'sent' | 'seen'

export function deliveryOf(a: Appointment, state: { queued: boolean, rejected: boolean }): Delivery | null {
  if (state.rejected)
    return 'rejected'
  if (state.queued)
    return 'waiting'
  if (!a.response)
    return null
  return isSeen(a) ? 'seen' : 'sent'
}

/** A reschedule request's slot as text: {from, to} instants, free text, or anything older devices sent. */
export type SlotView = { kind: 'range', from: string, to: string | null } | { kind: 'text', text: string }

export function slotView(slot: unknown): SlotView {
  if (typeof slot === 'string')
    return { kind: 'text', text: slot }
  if (slot && typeof slot === 'object') {
    const s = slot as Record<string, unknown>
    if (typeof s.from === 'string' && !Number.isNaN(Date.parse(s.from)))
      return { kind: 'range', from: s.from, to: typeof s.to === 'string' && !Number.isNaN(Date.parse(s.to)) ? s.to : null }
    const words = Object.values(s).flat().filter(v => typeof v === 'string' || typeof v === 'number')
    return { kind: 'text', text: words.join(' ') }
  }
  return { kind: 'text', text: String(slot ?? '') }
}

// Building an Intl.DisplayNames costs more than using one: one per reader's language.
const displayNames = new Map<string, Intl.DisplayNames>()

/** A language's own name in the reader's language ("arabe", "Arabic"); the code if unknown. */
export function languageName(code: string | null | undefined, locale: string): string {
  if (!code)
    return ''
  try {
    let names = displayNames.get(locale)
    if (!names) {
      names = new Intl.DisplayNames([locale], { type: 'language' })
      displayNames.set(locale, names)
    }
    return names.of(code) ?? code
  }
  catch {
    return code
  }
}

/** A `tel:` link for a phone number as written in France ("01 53 09 00 18"); null if it is not one. */
export function telHref(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/[\s.()-]/g, '') ?? ''
  return /^\+?\d{3,15}$/.test(digits) ? `tel:${digits}` : null
}

/** Only http(s) addresses become links (a video call's address, typically). */
export function safeUrl(text: string | null | undefined): string | null {
  const value = text?.trim() ?? ''
  return /^https?:\/\/\S+$/i.test(value) ? value : null
}

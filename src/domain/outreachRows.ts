// Synced outreach rows (as sync_pull sends them, with pending writes applied) read into
// typed shapes for the screens. Unknown or missing values fall back to safe defaults:
// a row from a newer server never breaks an older app.
import type { AgeBand, ContactStatus, FollowUpKind, FollowUpStatus, MetHow, Need, ReferralStatus, Rsa } from './outreach'
import { AGE_BANDS, CONTACT_STATUSES, FOLLOW_UP_KINDS, MET_HOW, NEEDS } from './mutations'

type Row = Record<string, unknown> & { id: string, $pending?: boolean }

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)
const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T): T =>
  (values as readonly unknown[]).includes(v) ? v as T : fallback
const REFERRAL_STATUSES: readonly ReferralStatus[] = ['none', 'pending', 'accepted', 'declined', 'appointment_planned']
const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['planned', 'done', 'no_answer', 'lost']

export interface ContactRow {
  id: string
  team_id: string | null
  created_by: string | null
  quartier: string
  met_at: string
  met_how: MetHow
  age_band: AgeBand
  needs: Need[]
  rsa: Rsa
  under_26: boolean
  over_50: boolean
  single_parent: boolean
  consent: boolean
  consent_version: string | null
  consent_at: string | null
  first_name_or_alias: string | null
  phone: string | null
  email: string | null
  note: string | null
  oriented_structure_id: string | null
  oriented_at: string | null
  orientation_reason: string | null
  referral_status: ReferralStatus
  referral_decline_reason: string | null
  referral_answered_at: string | null
  referral_appointment_at: string | null
  status: ContactStatus
  reduced_at: string | null
  created_at: string | null
  updated_at: string | null
  version: number | null
  /** A write on it has not reached the server yet. */
  pending: boolean
  raw: Row
}

export function toContactRow(r: Row): ContactRow {
  return {
    id: r.id,
    team_id: text(r.team_id),
    created_by: text(r.created_by),
    quartier: text(r.quartier) ?? '',
    met_at: text(r.met_at) ?? text(r.created_at) ?? new Date(0).toISOString(),
    met_how: oneOf(MET_HOW, r.met_how, 'street'),
    age_band: oneOf(AGE_BANDS, r.age_band, 'unknown'),
    needs: Array.isArray(r.needs) ? r.needs.filter((n): n is Need => (NEEDS as readonly unknown[]).includes(n)) : [],
    rsa: oneOf(['yes', 'no', 'unknown'] as const, r.rsa, 'unknown'),
    under_26: r.under_26 === true,
    over_50: r.over_50 === true,
    single_parent: r.single_parent === true,
    consent: r.consent === true,
    consent_version: text(r.consent_version),
    consent_at: text(r.consent_at),
    first_name_or_alias: text(r.first_name_or_alias),
    phone: text(r.phone),
    email: text(r.email),
    note: text(r.note),
    oriented_structure_id: text(r.oriented_structure_id),
    oriented_at: text(r.oriented_at),
    orientation_reason: text(r.orientation_reason),
    referral_status: oneOf(REFERRAL_STATUSES, r.referral_status, r.oriented_structure_id ? 'pending' : 'none'),
    referral_decline_reason: text(r.referral_decline_reason),
    referral_answered_at: text(r.referral_answered_at),
    referral_appointment_at: text(r.referral_appointment_at),
    status: oneOf(CONTACT_STATUSES, r.status, 'new'),
    reduced_at: text(r.reduced_at),
    created_at: text(r.created_at),
    updated_at: text(r.updated_at),
    version: typeof r.version === 'number' ? r.version : null,
    pending: r.$pending === true,
    raw: r,
  }
}

export interface FollowUpRow {
  id: string
  contact_id: string
  created_by: string | null
  due_on: string
  kind: FollowUpKind
  status: FollowUpStatus
  closed_at: string | null
  pending: boolean
}

export function toFollowUpRow(r: Row): FollowUpRow {
  return {
    id: r.id,
    contact_id: text(r.contact_id) ?? '',
    created_by: text(r.created_by),
    due_on: text(r.due_on) ?? '',
    kind: oneOf(FOLLOW_UP_KINDS, r.kind, 'call_back'),
    status: oneOf(FOLLOW_UP_STATUSES, r.status, 'planned'),
    closed_at: text(r.closed_at),
    pending: r.$pending === true,
  }
}

export interface ContactEvent {
  id: string
  contact_id: string
  actor_id: string | null
  actor_name: string | null
  actor_side: 'team' | 'structure' | 'system'
  action: string
  fields: string[]
  detail: string | null
  at: string
}

export function toContactEvent(r: Row): ContactEvent {
  return {
    id: r.id,
    contact_id: text(r.contact_id) ?? '',
    actor_id: text(r.actor_id),
    actor_name: text(r.actor_name),
    actor_side: oneOf(['team', 'structure', 'system'] as const, r.actor_side, 'system'),
    action: text(r.action) ?? 'updated',
    fields: Array.isArray(r.fields) ? r.fields.filter((f): f is string => typeof f === 'string') : [],
    detail: text(r.detail),
    at: text(r.at) ?? text(r.created_at) ?? new Date(0).toISOString(),
  }
}

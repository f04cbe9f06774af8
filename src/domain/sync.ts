// Shapes shared by the client sync engine and the database contract
// (docs/sync-protocol.md). Changing the shape of pull/push means a new
// SCHEMA_VERSION on both sides; adding a mutation name never does.

export const SCHEMA_VERSION = 1

/** Content everyone may read, kept on the device across sign-outs. */
export const PUBLIC_TABLES = ['structures', 'prestations', 'events', 'booklet_sections'] as const

/** Rows that belong to (or concern) the signed-in person: wiped on sign-out. */
export const PERSONAL_TABLES = [
  'profiles', 'appointments', 'prestation_offers', 'feedback', 'consultations',
  'evaluations', 'outreach_contacts', 'teams', 'invitations',
  'outreach_follow_ups', 'outreach_contact_events',
] as const

export const SERVER_TABLES = [...PUBLIC_TABLES, ...PERSONAL_TABLES] as const

export type PublicTable = (typeof PUBLIC_TABLES)[number]
export type PersonalTable = (typeof PERSONAL_TABLES)[number]
export type ServerTable = (typeof SERVER_TABLES)[number]

export function isServerTable(name: string): name is ServerTable {
  return (SERVER_TABLES as readonly string[]).includes(name)
}

/** A row exactly as sync_pull sends it; only these fields are relied upon. */
export interface ServerRow {
  id: string
  version?: number
  updated_at?: string
  [column: string]: unknown
}

export type RejectReason = 'validation' | 'forbidden' | 'conflict' | 'not_found' | 'unknown_mutation'

export type PushResult =
  | { mutation_id: string, status: 'applied' | 'duplicate' }
  | { mutation_id: string, status: 'rejected', reason: RejectReason | string, message?: string, field?: string }

export interface PushMutation {
  mutation_id: string
  name: string
  args: Record<string, unknown>
  base_version?: number
}

export interface PullPage {
  changes: Partial<Record<string, ServerRow[]>>
  tombstones: Partial<Record<string, string[]>>
  cursor: string
  has_more: boolean
}

// The Dexie schema, version by version. A released version is never edited:
// a change is a new entry (with an upgrade function if data must move), and
// tests/unit/db/upgrade.test.ts opens a database of every earlier version.
import type { ServerTable } from '@/domain/sync'

export const DB_NAME = 'reperes'

/** The user whose personal rows the device holds (meta table). */
export const OWNER_KEY = 'owner'

type Stores = Record<string, string | null>

/** Server tables: rows exactly as sync_pull sends them, keyed by id. */
const SERVER_STORES: Record<ServerTable, string> = {
  structures: 'id, kind',
  prestations: 'id, registre',
  events: 'id, starts_at',
  booklet_sections: 'id, [slug+locale+variant]',
  profiles: 'id',
  appointments: 'id, allocataire_id, starts_at',
  prestation_offers: 'id, allocataire_id',
  feedback: 'id, author_id',
  consultations: 'id',
  evaluations: 'id, consultation_id',
  outreach_contacts: 'id, team_id, met_at',
  teams: 'id',
  invitations: 'id',
  outreach_follow_ups: 'id, contact_id, due_on',
  outreach_contact_events: 'id, contact_id',
}

/** Local-only tables: the write queue and what the engine needs to remember. */
const LOCAL_STORES = {
  // Autoincrement seq is the only ordering of writes: never a device clock.
  outbox: '++seq, &mutation_id, user_id, [table+row_id]',
  // Writes the server refused, kept until the user retries or discards them.
  quarantine: 'mutation_id, seq, user_id',
  // Writes the server accepted whose row has not been pulled back yet.
  applied: 'mutation_id, seq, user_id, [table+row_id]',
  // Optimistic rows: server row + pending writes, per user, apart from server rows.
  pending: '[user_id+table+id], [table+user_id]',
  // Pull cursor and last successful sync, per user ('anon' when signed out).
  sync_state: 'key',
  // Device id, storage sentinel, owner of the personal rows, counters.
  meta: 'key',
  // Forms being typed (field contacts): personal, kept per user until saved or wiped.
  drafts: '[user_id+key], user_id',
}

/** Version 1 as released, frozen: later versions add stores, never edit these. */
const V1_STORES: Stores = {
  structures: 'id, kind',
  prestations: 'id, registre',
  events: 'id, starts_at',
  booklet_sections: 'id, [slug+locale+variant]',
  profiles: 'id',
  appointments: 'id, allocataire_id, starts_at',
  prestation_offers: 'id, allocataire_id',
  feedback: 'id, author_id',
  consultations: 'id',
  evaluations: 'id, consultation_id',
  outreach_contacts: 'id, team_id, met_at',
  teams: 'id',
  invitations: 'id',
  outbox: '++seq, &mutation_id, user_id, [table+row_id]',
  quarantine: 'mutation_id, seq, user_id',
  applied: 'mutation_id, seq, user_id, [table+row_id]',
  pending: '[user_id+table+id], [table+user_id]',
  sync_state: 'key',
  meta: 'key',
}

export const SCHEMA_HISTORY: ReadonlyArray<{ version: number, stores: Stores }> = [
  { version: 1, stores: V1_STORES },
  // Outreach follow-ups and contact history (server tables), form drafts (local).
  { version: 2, stores: { ...SERVER_STORES, ...LOCAL_STORES } },
]

export const CURRENT_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version

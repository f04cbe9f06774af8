// People a coordinator looks up on the server rather than holding on the device
// (public.admin_people_search, public.admin_people): the device syncs the staff's
// profiles only, and allocataires are fetched when a screen needs them, kept in
// memory, never in IndexedDB. The answers are checked before any screen uses them.
import type { AccessDraft, PersonRow } from './adminAccounts'
import { z } from 'zod'
import { searchPeople, toPerson } from './adminAccounts'

/** What the feedback inbox shows of a person: name, language, référent, structure. */
export interface PersonInfo {
  id: string
  display_name: string | null
  preferred_locale: string | null
  roles: string[]
  referent_id: string | null
  structure_id: string | null
}

const nullableText = z.string().nullable()
const personInfo = z.object({
  id: z.guid(),
  display_name: nullableText,
  preferred_locale: nullableText,
  roles: z.array(z.string()),
  referent_id: z.guid().nullable(),
  structure_id: z.guid().nullable(),
})
const searchRow = personInfo.extend({
  email: nullableText,
  phone: nullableText,
  team_id: z.guid().nullable(),
})

/** At most this many ids in one admin_people call (the server refuses more). */
export const PEOPLE_BATCH = 500
/** Searches shorter than this wait for more letters (a single letter matches half of Paris). */
export const SEARCH_MIN_LENGTH = 2

export function parsePeople(data: unknown): PersonInfo[] {
  return z.array(personInfo).parse(data)
}

export function parseSearch(data: unknown): PersonRow[] {
  return z.array(searchRow).parse(data)
    .map(row => toPerson(row))
    .filter((p): p is PersonRow => p !== null)
}

/** Whether a query is worth a server search: two letters, or four digits of a phone. */
export function searchable(query: string): boolean {
  const q = query.trim()
  return q.replace(/\D/g, '').length >= 4 || q.replace(/[\s\d]/g, '').length >= SEARCH_MIN_LENGTH
}

/** A change of roles written on this device for someone it does not hold, not yet confirmed by a search. */
export type AccessDrafts = ReadonlyMap<string, AccessDraft>

const byName = (a: PersonRow, b: PersonRow) => (a.display_name ?? a.email ?? '').localeCompare(b.display_name ?? b.email ?? '')

/**
 * What the accounts list shows for a query: the people on the device that match
 * (staff; all of them when the query is empty) and the server's matches, each
 * person once. A person the device holds is shown as the device has them (maybe
 * with a change not yet sent); one found on the server with a change written here
 * shows that change, pending.
 */
export function combineSearch(local: readonly PersonRow[], found: readonly PersonRow[], drafts: AccessDrafts, query: string, limit = 50): PersonRow[] {
  const matches = searchPeople(local, query, limit)
  if (!query.trim())
    return matches
  const mine = new Map(local.map(p => [p.id, p]))
  const seen = new Set(matches.map(p => p.id))
  const fromServer = found.filter(p => !seen.has(p.id)).map((p) => {
    const held = mine.get(p.id)
    if (held)
      return held
    const draft = drafts.get(p.id)
    return draft ? { ...p, roles: [...draft.roles], team_id: draft.team_id, structure_id: draft.structure_id, pending: true } : p
  })
  return [...matches, ...fromServer].sort(byName).slice(0, limit)
}

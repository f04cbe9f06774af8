// Accounts in the back office, as pure functions over synced rows: the state
// of an invitation, who counts as staff, searching people, and the draft of a
// role change (roles with the team or structure they need).
import type { Role } from './roles'
import { foldText } from './textSearch'
import { ROLES } from './roles'

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired'

export interface InvitationRow {
  id: string
  email: string | null
  phone: string | null
  display_name: string | null
  roles: Role[]
  team_id: string | null
  structure_id: string | null
  preferred_locale: string
  invited_by: string | null
  accepted_at: string | null
  revoked_at: string | null
  expires_at: string | null
  created_at: string
  pending: boolean
}

export interface PersonRow {
  id: string
  display_name: string | null
  email: string | null
  phone: string | null
  roles: Role[]
  team_id: string | null
  structure_id: string | null
  preferred_locale: string | null
  pending: boolean
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const roles = (v: unknown): Role[] => (Array.isArray(v) ? v.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)) : [])

export function toInvitation(row: Record<string, unknown>): InvitationRow | null {
  if (row.deleted_at)
    return null
  return {
    id: String(row.id),
    email: str(row.email),
    phone: str(row.phone),
    display_name: str(row.display_name),
    roles: roles(row.roles),
    team_id: str(row.team_id),
    structure_id: str(row.structure_id),
    preferred_locale: str(row.preferred_locale) ?? 'fr',
    invited_by: str(row.invited_by),
    accepted_at: str(row.accepted_at),
    revoked_at: str(row.revoked_at),
    expires_at: str(row.expires_at),
    created_at: str(row.created_at) ?? '',
    pending: row.$pending === true,
  }
}

export function toPerson(row: Record<string, unknown>): PersonRow | null {
  if (row.deleted_at)
    return null
  return {
    id: String(row.id),
    display_name: str(row.display_name),
    email: str(row.email),
    phone: str(row.phone),
    roles: roles(row.roles),
    team_id: str(row.team_id),
    structure_id: str(row.structure_id),
    preferred_locale: str(row.preferred_locale),
    pending: row.$pending === true,
  }
}

export function invitationState(inv: InvitationRow, now: Date): InvitationState {
  if (inv.accepted_at)
    return 'accepted'
  if (inv.revoked_at)
    return 'revoked'
  if (inv.expires_at && Date.parse(inv.expires_at) <= now.getTime())
    return 'expired'
  return 'pending'
}

/** Pending invitations first (soonest to expire first), then the rest newest first. */
export function sortInvitations(list: readonly InvitationRow[], now: Date): InvitationRow[] {
  return [...list].sort((a, b) => {
    const pa = invitationState(a, now) === 'pending'
    const pb = invitationState(b, now) === 'pending'
    if (pa !== pb)
      return pa ? -1 : 1
    return pa ? (a.expires_at ?? '').localeCompare(b.expires_at ?? '') : b.created_at.localeCompare(a.created_at)
  })
}

/** Staff: anyone holding a role beyond "allocataire" (the groupe ressource included). */
export const isStaff = (p: Pick<PersonRow, 'roles'>) => p.roles.some(r => r !== 'allocataire')

/**
 * People shown in the accounts list: staff by default; with a query, anyone
 * whose name, email or phone matches (accent- and case-insensitive, phone by
 * digits), at most `limit` of them.
 */
export function searchPeople(people: readonly PersonRow[], query: string, limit = 50): PersonRow[] {
  const terms = foldText(query).split(/\s+/).filter(Boolean)
  const digits = query.replace(/\D/g, '')
  const matches = (p: PersonRow) => {
    if (!terms.length)
      return isStaff(p)
    const hay = foldText(`${p.display_name ?? ''} ${p.email ?? ''}`)
    const phone = (p.phone ?? '').replace(/\D/g, '')
    return terms.every(t => hay.includes(t)) || (digits.length >= 4 && phone.includes(digits.replace(/^0/, '')))
  }
  return people.filter(matches)
    .sort((a, b) => (a.display_name ?? a.email ?? '').localeCompare(b.display_name ?? b.email ?? ''))
    .slice(0, limit)
}

export interface AccessDraft {
  roles: Role[]
  team_id: string | null
  structure_id: string | null
}

/** What a role set needs: a team for outreach, a structure for a référent. */
export function accessProblems(draft: AccessDraft): ('roles' | 'team_id' | 'structure_id')[] {
  const out: ('roles' | 'team_id' | 'structure_id')[] = []
  if (!draft.roles.length)
    out.push('roles')
  if (draft.roles.includes('outreach') && !draft.team_id)
    out.push('team_id')
  if (draft.roles.includes('referent') && !draft.structure_id)
    out.push('structure_id')
  return out
}

/** A groupe ressource member is also an allocataire (as the server records it). */
export function normaliseRoles(list: readonly Role[]): Role[] {
  const set = new Set(list)
  if (set.has('groupe_ressource'))
    set.add('allocataire')
  return ROLES.filter(r => set.has(r))
}

/** The French national number a coordinator types, as the server stores it (+33…). */
export function internationalPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return /^0[1-9]\d{8}$/.test(digits) ? `+33${digits.slice(1)}` : phone.trim()
}

// The audit log as the back office reads it (public.admin_audit_log): who did
// what, when, to whom. Details are the JSON the database triggers wrote; the
// helpers here turn them into the few facts a coordinator needs to read.
import { z } from 'zod'
import { ROLES } from './roles'

const auditEntry = z.object({
  id: z.guid(),
  at: z.string(),
  action: z.string(),
  actor_id: z.guid().nullable(),
  actor_name: z.string().nullable(),
  target_table: z.string().nullable(),
  target_id: z.guid().nullable(),
  target_name: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
})

export type AuditEntry = z.infer<typeof auditEntry>

export function parseAuditEntries(data: unknown): AuditEntry[] {
  return z.array(auditEntry).parse(data)
}

/** Actions the screen names; anything else is shown as its code. */
export const AUDIT_ACTIONS = [
  'invitation.created', 'invitation.accepted', 'invitation.revoked', 'invitation.deleted', 'invitation.updated',
  'profile.created', 'profile.access_changed', 'booklet.published', 'outreach.retention',
] as const

export const AUDIT_FILTERS = ['all', 'invitation.', 'profile.', 'booklet.'] as const
export type AuditFilter = (typeof AUDIT_FILTERS)[number]

const roleList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((r): r is string => typeof r === 'string' && (ROLES as readonly string[]).includes(r)) : []

export interface AccessChange {
  added: string[]
  removed: string[]
  teamChanged: boolean
  structureChanged: boolean
}

/** For profile.access_changed: which roles were added or removed, and whether the scope moved. */
export function accessChange(details: Record<string, unknown>): AccessChange | null {
  const before = details.old as Record<string, unknown> | undefined
  const after = details.new as Record<string, unknown> | undefined
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object')
    return null
  const was = roleList(before.roles)
  const is = roleList(after.roles)
  return {
    added: is.filter(r => !was.includes(r)),
    removed: was.filter(r => !is.includes(r)),
    teamChanged: (before.team_id ?? null) !== (after.team_id ?? null),
    structureChanged: (before.structure_id ?? null) !== (after.structure_id ?? null),
  }
}

/** Roles named by an invitation or profile entry. */
export function auditRoles(details: Record<string, unknown>): string[] {
  return roleList(details.roles)
}

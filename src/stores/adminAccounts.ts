import type { QuarantineEntry } from '@/db/types'
import type { AccessDraft, InvitationRow, PersonRow } from '@/domain/adminAccounts'
import type { AccessDrafts } from '@/domain/adminPeople'
import type { ContentLocale } from '@/domain/adminMutations'
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { readRows } from '@/db/read'
import { normaliseRoles, toInvitation, toPerson } from '@/domain/adminAccounts'
import { useAuthStore } from './auth'
import { useSyncStore } from './sync'

export interface NamedOption {
  id: string
  name: string
}

interface Snapshot {
  invitations: InvitationRow[]
  people: PersonRow[]
  teams: NamedOption[]
  structures: NamedOption[]
  rejected: Map<string, QuarantineEntry>
  loaded: boolean
}

export interface InvitationDraft extends AccessDraft {
  id: string
  email: string | null
  phone: string | null
  display_name: string | null
  preferred_locale: ContentLocale
}

const byName = (a: NamedOption, b: NamedOption) => a.name.localeCompare(b.name)

/**
 * Accounts as the coordinator's device holds them (every invitation, and the
 * profiles of the staff: anybody else is searched on the server, see
 * useAccountSearch), with the teams and structures a role may need.
 * Invitations, revocations and role changes go through the outbox.
 */
export const useAdminAccountsStore = defineStore('adminAccounts', () => {
  const auth = useAuthStore()
  const sync = useSyncStore()

  const snapshot = useLiveQuery<Snapshot>(async (db) => {
    const me = auth.userId
    const [invitations, profiles, teams, structures, refused] = await Promise.all([
      readRows(db, 'invitations', me),
      readRows(db, 'profiles', me),
      readRows(db, 'teams', me, t => !t.deleted_at),
      db.serverTable('structures').filter(s => !s.deleted_at && s.status !== 'archived').toArray(),
      me ? db.quarantine.where('user_id').equals(me).filter(e => e.table === 'invitations' || e.table === 'profiles').toArray() : [],
    ])
    return {
      invitations: invitations.map(toInvitation).filter((i): i is InvitationRow => i !== null),
      people: profiles.map(toPerson).filter((p): p is PersonRow => p !== null),
      teams: teams.map(t => ({ id: t.id, name: String(t.name ?? '') })).sort(byName),
      structures: structures.map(s => ({ id: s.id, name: String(s.name ?? '') })).sort(byName),
      rejected: new Map(refused.map(e => [e.row_id, e])),
      loaded: true,
    }
  }, [() => auth.userId])

  const loaded = computed(() => snapshot.value?.loaded === true)
  const invitations = computed(() => snapshot.value?.invitations ?? [])
  const people = computed(() => snapshot.value?.people ?? [])
  const teams = computed(() => snapshot.value?.teams ?? [])
  const structures = computed(() => snapshot.value?.structures ?? [])
  const teamName = (id: string | null) => (id ? teams.value.find(t => t.id === id)?.name ?? null : null)
  const structureName = (id: string | null) => (id ? structures.value.find(s => s.id === id)?.name ?? null : null)
  const personName = (id: string | null) => (id ? people.value.find(p => p.id === id)?.display_name ?? null : null)
  const refusal = (id: string) => snapshot.value?.rejected.get(id)

  const invite = (draft: InvitationDraft) => sync.write('invitation.create', {
    id: draft.id,
    email: draft.email,
    phone: draft.phone,
    display_name: draft.display_name,
    roles: normaliseRoles(draft.roles),
    team_id: draft.roles.includes('outreach') ? draft.team_id : null,
    structure_id: draft.structure_id,
    preferred_locale: draft.preferred_locale,
  })
  const revoke = (id: string) => sync.write('invitation.revoke', { id })
  // Role changes of people the device does not hold: the optimistic overlay has no
  // row to change, so the list shows them from here until a search after the
  // sync brings the server's row.
  const drafts = shallowRef<AccessDrafts>(new Map())
  async function setAccess(id: string, draft: AccessDraft) {
    const roles = normaliseRoles(draft.roles)
    await sync.write('profile.set_access', { id, roles, team_id: draft.team_id, structure_id: draft.structure_id })
    if (!people.value.some(p => p.id === id))
      drafts.value = new Map(drafts.value).set(id, { ...draft, roles })
  }
  const clearDrafts = () => {
    if (drafts.value.size)
      drafts.value = new Map()
  }

  return {
    snapshot, loaded, invitations, people, teams, structures, teamName, structureName, personName, refusal, invite, revoke,
    setAccess, drafts, clearDrafts,
  }
})

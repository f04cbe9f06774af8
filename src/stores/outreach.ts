import type { ContactForm, ContactStatus, FollowUpDraft } from '@/domain/outreach'
import type { ContactRow, FollowUpRow } from '@/domain/outreachRows'
import type { QuarantineEntry } from '@/db/types'
import { useIntervalFn } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { readRow, readRows } from '@/db/read'
import { dueFollowUps, formFromRow, parisDay, toContactArgs } from '@/domain/outreach'
import { toContactRow, toFollowUpRow } from '@/domain/outreachRows'
import { useAuthStore } from './auth'
import { useSyncStore } from './sync'

export interface StructureChoice {
  id: string
  name: string
  kind: string
  arrondissement: number | null
}

interface Snapshot {
  me: { id: string, team_id: string | null, display_name: string | null } | null
  team: { id: string, name: string, kind: string, quartiers: string[] } | null
  contacts: ContactRow[]
  followUps: FollowUpRow[]
  structures: StructureChoice[]
  queued: Set<string>
  rejected: Map<string, QuarantineEntry>
}

const OUTREACH_TABLES = new Set(['outreach_contacts', 'outreach_follow_ups'])
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)

/** Marks the time of a contact's save, for the benchmark (User Timing, read with performance.getEntriesByName). */
export const SAVE_MEASURE = 'outreach-save'

/**
 * The field team's data on this device: their team, its contacts and follow-ups (what
 * row-level security lets the device pull), with pending writes applied. Every change
 * goes through the outbox, so it works the same with or without a network.
 */
export const useOutreachStore = defineStore('outreach', () => {
  const auth = useAuthStore()
  const sync = useSyncStore()
  const uid = () => auth.userId

  const snapshot = useLiveQuery<Snapshot>(async (db) => {
    const id = uid()
    const empty: Snapshot = { me: null, team: null, contacts: [], followUps: [], structures: [], queued: new Set(), rejected: new Map() }
    if (!id)
      return empty
    const me = await readRow(db, 'profiles', id, id)
    const teamId = text(me?.team_id)
    const [teams, contacts, followUps, structures, queued, refused] = await Promise.all([
      readRows(db, 'teams', id, t => t.id === teamId),
      readRows(db, 'outreach_contacts', id, r => !r.deleted_at && r.team_id === teamId),
      readRows(db, 'outreach_follow_ups', id, r => !r.deleted_at),
      db.serverTable('structures').filter(s => s.status === 'published' && !s.deleted_at).toArray(),
      db.outbox.where('user_id').equals(id).filter(e => OUTREACH_TABLES.has(e.table)).toArray(),
      db.quarantine.where('user_id').equals(id).filter(e => OUTREACH_TABLES.has(e.table)).toArray(),
    ])
    const team = teams[0]
    return {
      me: me ? { id, team_id: teamId, display_name: text(me.display_name) } : null,
      team: team
        ? { id: team.id, name: text(team.name) ?? '', kind: text(team.kind) ?? '', quartiers: Array.isArray(team.quartiers) ? team.quartiers.filter((q): q is string => typeof q === 'string') : [] }
        : null,
      contacts: contacts.map(toContactRow).sort((a, b) => b.met_at.localeCompare(a.met_at)),
      followUps: followUps.map(toFollowUpRow),
      structures: structures.map(s => ({
        id: s.id,
        name: text(s.name) ?? '',
        kind: text(s.kind) ?? '',
        arrondissement: typeof s.arrondissement === 'number' ? s.arrondissement : null,
      })).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      queued: new Set(queued.map(e => e.row_id)),
      rejected: new Map(refused.map(e => [e.row_id, e])),
    }
  }, [uid], { onError: () => {} })

  const now = ref(Date.now())
  useIntervalFn(() => (now.value = Date.now()), 60_000)
  const today = computed(() => parisDay(now.value))

  const loaded = computed(() => snapshot.value !== undefined)
  const me = computed(() => snapshot.value?.me ?? null)
  const team = computed(() => snapshot.value?.team ?? null)
  const contacts = computed(() => snapshot.value?.contacts ?? [])
  const followUps = computed(() => snapshot.value?.followUps ?? [])
  const structures = computed(() => snapshot.value?.structures ?? [])
  const contactById = computed(() => new Map(contacts.value.map(c => [c.id, c])))
  const structureById = computed(() => new Map(structures.value.map(s => [s.id, s])))
  const followUpsByContact = computed(() => {
    const map = new Map<string, FollowUpRow[]>()
    for (const f of followUps.value)
      map.set(f.contact_id, [...(map.get(f.contact_id) ?? []), f])
    for (const list of map.values())
      list.sort((a, b) => b.due_on.localeCompare(a.due_on))
    return map
  })
  /** Planned follow-ups due today or late, of contacts still on the device. */
  const due = computed(() => dueFollowUps(followUps.value, today.value).filter(f => contactById.value.has(f.contact_id)))
  /** Referrals the structures answered, newest first (what the worker wants to hear about). */
  const answeredReferrals = computed(() => contacts.value
    .filter(c => c.referral_answered_at && ['accepted', 'declined', 'appointment_planned'].includes(c.referral_status))
    .sort((a, b) => (b.referral_answered_at ?? '').localeCompare(a.referral_answered_at ?? '')))

  function isQueued(id: string) {
    return snapshot.value?.queued.has(id) ?? false
  }
  function rejection(id: string) {
    return snapshot.value?.rejected.get(id)
  }

  function requireTeam(): string {
    const teamId = me.value?.team_id
    if (!teamId)
      throw new Error('This account belongs to no outreach team.')
    return teamId
  }

  /** Records a contact (new or edited) and the follow-up planned with it; outbox first, network later. */
  async function saveContact(form: ContactForm): Promise<void> {
    const teamId = requireTeam()
    performance.mark(`${SAVE_MEASURE}-start`)
    await sync.write('contact.upsert', toContactArgs(form, teamId))
    if (form.follow_up)
      await planFollowUp(form.id, form.follow_up)
    performance.measure(SAVE_MEASURE, `${SAVE_MEASURE}-start`)
    performance.clearMarks(`${SAVE_MEASURE}-start`)
  }

  /** Rewrites a contact with a change (the whole row, as contact.upsert wants). */
  async function update(id: string, change: (form: ContactForm) => ContactForm): Promise<void> {
    const row = contactById.value.get(id)
    if (!row)
      throw new Error('Unknown contact.')
    const form = change(formFromRow(row.raw, new Date()))
    await sync.write('contact.upsert', toContactArgs({ ...form, follow_up: null }, row.team_id ?? requireTeam()))
  }

  function orient(id: string, structureId: string | null, reason: string) {
    return update(id, f => ({ ...f, oriented_structure_id: structureId ?? '', orientation_reason: structureId ? reason : '', status: structureId ? 'oriented' : (f.status === 'oriented' ? 'new' : f.status) }))
  }

  function setStatus(id: string, status: ContactStatus) {
    return update(id, f => ({ ...f, status }))
  }

  /** The person changed their mind: identity goes at once (the server erases it too). */
  function withdrawConsent(id: string) {
    return update(id, f => ({ ...f, consent: false, consent_version: null, consent_at: null, first_name_or_alias: '', phone: '', email: '', contact_ok: false }))
  }

  /** The person asked to be forgotten: the contact goes from every device (a tombstone). */
  async function erase(id: string) {
    await sync.write('contact.delete', { id })
  }

  async function planFollowUp(contactId: string, draft: FollowUpDraft, id: string = crypto.randomUUID()) {
    await sync.write('follow_up.upsert', { id, contact_id: contactId, due_on: draft.due_on, kind: draft.kind })
  }

  /** Done, no answer, or person lost (the contact is then closed); 'planned' undoes. */
  async function setFollowUpOutcome(followUp: FollowUpRow, outcome: 'done' | 'no_answer' | 'lost' | 'planned') {
    await sync.write('follow_up.set_outcome', { id: followUp.id, outcome })
    const contact = contactById.value.get(followUp.contact_id)
    if (outcome === 'lost' && contact && contact.status !== 'closed')
      await setStatus(contact.id, 'closed')
  }

  return {
    loaded, me, team, contacts, followUps, structures, contactById, structureById, followUpsByContact, due, answeredReferrals,
    today, now, isQueued, rejection, saveContact, orient, setStatus, withdrawConsent, erase, planFollowUp, setFollowUpOutcome,
  }
})

import type { Appointment, AppointmentKind, AppointmentMode, StructureInfo } from '@/components/appointments/model'
import type { SettableAppointmentStatus } from '@/domain/mutations'
import type { QuarantineEntry } from '@/db/types'
import { useDocumentVisibility, useIntervalFn } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ACTIVE_STATUSES, isSeen, toAppointment, toStructure } from '@/components/appointments/model'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { readRow, readRows } from '@/db/read'
import { useAuthStore } from './auth'
import { useSyncStore } from './sync'

export interface FollowedPerson {
  id: string
  display_name: string | null
  preferred_locale: string
  phone: string | null
  email: string | null
  reminder_sms: boolean
  reminder_email: boolean
}

/** Everything appointment.upsert needs: the whole row, as the protocol asks. */
export interface AppointmentDraft {
  id: string
  allocataire_id: string
  structure_id: string | null
  referent_id: string | null
  event_id: string | null
  kind: AppointmentKind
  title: string | null
  starts_at: string
  duration_min: number
  mode: AppointmentMode
  location: string | null
  documents_to_bring: string[]
  note: string | null
}

interface Snapshot {
  me: { id: string, structure_id: string | null, display_name: string | null } | null
  people: FollowedPerson[]
  appointments: Appointment[]
  structures: StructureInfo[]
  queued: Set<string>
  rejected: Map<string, QuarantineEntry>
}

/** Answers come in while the référent works: look for them this often while the screen is shown. */
export const REFRESH_MS = 60_000

/**
 * The référent's side: the allocataires they follow (what row-level security
 * lets their device pull), their appointments, and the writes that schedule,
 * move, cancel, close and acknowledge them — all through the outbox.
 */
export const useReferentStore = defineStore('referent', () => {
  const auth = useAuthStore()
  const sync = useSyncStore()
  const uid = () => auth.userId

  const snapshot = useLiveQuery<Snapshot>(async (db) => {
    const id = uid()
    const empty: Snapshot = { me: null, people: [], appointments: [], structures: [], queued: new Set(), rejected: new Map() }
    if (!id)
      return empty
    const [me, profiles, rows, structures, queued, refused] = await Promise.all([
      readRow(db, 'profiles', id, id),
      readRows(db, 'profiles', id, p => p.id !== id && !p.deleted_at && Array.isArray(p.roles) && p.roles.includes('allocataire')),
      readRows(db, 'appointments', id, r => !r.deleted_at),
      db.serverTable('structures').filter(s => s.status === 'published' && !s.deleted_at).toArray(),
      db.outbox.where('user_id').equals(id).filter(e => e.table === 'appointments').toArray(),
      db.quarantine.where('user_id').equals(id).filter(e => e.table === 'appointments').toArray(),
    ])
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)
    return {
      me: me ? { id, structure_id: text(me.structure_id), display_name: text(me.display_name) } : null,
      people: profiles.map(p => ({
        id: p.id,
        display_name: text(p.display_name),
        preferred_locale: text(p.preferred_locale) ?? 'fr',
        phone: text(p.phone),
        email: text(p.email),
        reminder_sms: p.reminder_sms !== false,
        reminder_email: p.reminder_email !== false,
      })).sort((a, b) => (a.display_name ?? '').localeCompare(b.display_name ?? '', 'fr')),
      appointments: rows.map(toAppointment).sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at)),
      structures: structures.map(toStructure).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      queued: new Set(queued.map(e => e.row_id)),
      rejected: new Map(refused.map(e => [e.row_id, e])),
    }
  }, [uid], { onError: () => {} })

  const now = ref(Date.now())
  useIntervalFn(() => (now.value = Date.now()), 60_000)

  const loaded = computed(() => snapshot.value !== undefined)
  const me = computed(() => snapshot.value?.me ?? null)
  const people = computed(() => snapshot.value?.people ?? [])
  const appointments = computed(() => snapshot.value?.appointments ?? [])
  const structures = computed(() => snapshot.value?.structures ?? [])
  const personById = computed(() => new Map(people.value.map(p => [p.id, p])))
  const structureById = computed(() => new Map(structures.value.map(s => [s.id, s])))

  /** Answers the référent has not marked as read, oldest first. */
  const unreadResponses = computed(() => appointments.value
    .filter(a => a.response && !isSeen(a) && ACTIVE_STATUSES.includes(a.status))
    .sort((a, b) => Date.parse(a.responded_at ?? a.starts_at) - Date.parse(b.responded_at ?? b.starts_at)))

  /** Appointments over whose attendance is not recorded yet. */
  const toClose = computed(() => appointments.value
    .filter(a => ACTIVE_STATUSES.includes(a.status) && Date.parse(a.starts_at) + a.duration_min * 60_000 <= now.value))

  function byId(id: string) {
    return appointments.value.find(a => a.id === id)
  }

  // Each person's next appointment, found in one pass (a référent may follow
  // thousands of people: a search per person would scan every appointment).
  const nextByPerson = computed(() => {
    const next = new Map<string, Appointment>()
    for (const a of appointments.value) {
      if (a.status === 'cancelled' || Date.parse(a.starts_at) <= now.value)
        continue
      const known = next.get(a.allocataire_id)
      if (!known || Date.parse(a.starts_at) < Date.parse(known.starts_at))
        next.set(a.allocataire_id, a)
    }
    return next
  })

  function nextFor(personId: string): Appointment | null {
    return nextByPerson.value.get(personId) ?? null
  }

  function isQueued(id: string) {
    return snapshot.value?.queued.has(id) ?? false
  }

  function rejection(id: string) {
    return snapshot.value?.rejected.get(id)
  }

  function draftOf(a: Appointment): AppointmentDraft {
    return {
      id: a.id,
      allocataire_id: a.allocataire_id,
      structure_id: a.structure_id,
      referent_id: a.referent_id,
      event_id: a.event_id,
      kind: a.kind,
      title: a.title,
      starts_at: a.starts_at,
      duration_min: a.duration_min,
      mode: a.mode,
      location: a.location,
      documents_to_bring: a.documents_to_bring,
      note: a.note,
    }
  }

  /** Creates or replaces an appointment (the whole row: the protocol's upsert). */
  async function save(draft: AppointmentDraft) {
    await sync.write('appointment.upsert', {
      ...draft,
      title: draft.title?.trim() || null,
      location: draft.location?.trim() || null,
      note: draft.note?.trim() || null,
      documents_to_bring: draft.documents_to_bring.map(d => d.trim()).filter(Boolean),
    })
  }

  async function setStatus(id: string, status: SettableAppointmentStatus) {
    await sync.write('appointment.set_status', { id, status })
  }

  async function markSeen(a: Appointment) {
    if (a.responded_at)
      await sync.write('appointment.mark_seen', { id: a.id, responded_at: a.responded_at })
  }

  // Allocataires answer from their phones: while a référent screen is shown,
  // look for answers now and then (the engine also syncs when the page comes back).
  const visibility = useDocumentVisibility()
  const watching = ref(0)
  useIntervalFn(() => {
    if (watching.value > 0 && visibility.value === 'visible' && sync.online)
      void sync.syncNow().catch(() => {})
  }, REFRESH_MS)

  /** Screens call it on mount; the returned function on unmount. */
  function watchForAnswers(): () => void {
    watching.value++
    return () => {
      watching.value--
    }
  }

  return {
    loaded, now, me, people, appointments, structures, personById, structureById, unreadResponses, toClose,
    byId, nextFor, isQueued, rejection, draftOf, save, setStatus, markSeen, watchForAnswers,
  }
})

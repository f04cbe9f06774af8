import type { Appointment, AppointmentResponse, Delivery, StructureInfo } from '@/components/appointments/model'
import type { QuarantineEntry } from '@/db/types'
import { useIntervalFn } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { deliveryOf, nextAppointment, splitByTime, toAppointment, toStructure } from '@/components/appointments/model'
import { formatRelativeDay, formatTime } from '@/components/appointments/time'
import { useAppointmentNotifications } from '@/composables/useAppointmentNotifications'
import { useDocumentChecklist } from '@/composables/useDocumentChecklist'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { readRow, readRows } from '@/db/read'
import { directionOf, isLocale } from '@/domain/locale'
import { i18n } from '@/modules/i18n'
import { useAuthStore } from './auth'
import { useSyncStore } from './sync'

export interface ReminderProfile {
  phone: string | null
  email: string | null
  reminder_sms: boolean
  reminder_email: boolean
  preferred_locale: string
}

interface Snapshot {
  appointments: Appointment[]
  structures: Map<string, StructureInfo>
  profile: ReminderProfile | null
  queued: Set<string>
  rejected: Map<string, QuarantineEntry>
}

export interface PreferredSlot {
  from: string
  to: string
}

/**
 * The signed-in allocataire's appointments, read from the device, and their
 * answers, written through the outbox (so they work offline). Also the
 * device-side extras: the documents checklist and the "near" notification.
 */
export const useAppointmentsStore = defineStore('appointments', () => {
  const auth = useAuthStore()
  const sync = useSyncStore()
  const uid = () => auth.userId

  const snapshot = useLiveQuery<Snapshot>(async (db) => {
    const id = uid()
    const empty: Snapshot = { appointments: [], structures: new Map(), profile: null, queued: new Set(), rejected: new Map() }
    if (!id)
      return empty
    const [rows, profile, queued, refused] = await Promise.all([
      readRows(db, 'appointments', id, r => r.allocataire_id === id && !r.deleted_at),
      readRow(db, 'profiles', id, id),
      db.outbox.where('user_id').equals(id).filter(e => e.table === 'appointments').toArray(),
      db.quarantine.where('user_id').equals(id).filter(e => e.table === 'appointments').toArray(),
    ])
    const appointments = rows.map(toAppointment)
    const structureIds = [...new Set(appointments.map(a => a.structure_id).filter((s): s is string => !!s))]
    const structures = (await db.serverTable('structures').bulkGet(structureIds)).filter(s => !!s).map(toStructure)
    return {
      appointments,
      structures: new Map(structures.map(s => [s.id, s])),
      profile: profile
        ? {
            phone: typeof profile.phone === 'string' ? profile.phone : null,
            email: typeof profile.email === 'string' ? profile.email : null,
            reminder_sms: profile.reminder_sms !== false,
            reminder_email: profile.reminder_email !== false,
            preferred_locale: typeof profile.preferred_locale === 'string' ? profile.preferred_locale : 'fr',
          }
        : null,
      queued: new Set(queued.map(e => e.row_id)),
      rejected: new Map(refused.map(e => [e.row_id, e])),
    }
  }, [uid], { onError: () => {} })

  // A minute is precise enough for "upcoming / past" and the 48-hour highlight.
  const now = ref(Date.now())
  useIntervalFn(() => (now.value = Date.now()), 60_000)

  /** The first read of the device's data is done (an empty list then means "none"). */
  const loaded = computed(() => snapshot.value !== undefined)
  const appointments = computed(() => snapshot.value?.appointments ?? [])
  const split = computed(() => splitByTime(appointments.value, now.value))
  const upcoming = computed(() => split.value.upcoming)
  const past = computed(() => split.value.past)
  const next = computed(() => nextAppointment(appointments.value, now.value))
  const profile = computed(() => snapshot.value?.profile ?? null)

  function byId(id: string): Appointment | undefined {
    return appointments.value.find(a => a.id === id)
  }

  function structureOf(a: Appointment | null | undefined): StructureInfo | null {
    return (a?.structure_id && snapshot.value?.structures.get(a.structure_id)) || null
  }

  function delivery(a: Appointment): Delivery | null {
    return deliveryOf(a, { queued: snapshot.value?.queued.has(a.id) ?? false, rejected: snapshot.value?.rejected.has(a.id) ?? false })
  }

  function rejection(id: string): QuarantineEntry | undefined {
    return snapshot.value?.rejected.get(id)
  }

  async function respond(id: string, response: AppointmentResponse, details: { reason?: string | null, slots?: PreferredSlot[] } = {}) {
    const reason = details.reason?.trim() || undefined
    const slots = response === 'reschedule' && details.slots?.length ? details.slots : undefined
    await sync.write('appointment.respond', { id, response, reason, preferred_slots: slots })
  }

  async function setReminders(change: { reminder_sms?: boolean, reminder_email?: boolean }) {
    await sync.write('profile.update', change)
  }

  const checklist = useDocumentChecklist(uid)
  // Ticks of appointments that are over (or gone) have no use any more.
  watch(upcoming, (list) => {
    if (loaded.value)
      checklist.keepOnly(list.map(a => a.id))
  })

  const notifications = useAppointmentNotifications(upcoming, {
    content: (a) => {
      const { t, locale } = i18n.global
      const lang = locale.value
      return {
        title: t('appointments.notify.title'),
        body: t('appointments.notify.body', { day: formatRelativeDay(a.starts_at, Date.now(), lang), time: formatTime(a.starts_at, lang) }),
        lang,
        dir: isLocale(lang) ? directionOf(lang) : 'ltr',
        url: `/rendez-vous/${a.id}`,
      }
    },
    onClick: (a) => {
      void import('@/modules/router').then(({ appRouter }) => appRouter().push(`/rendez-vous/${a.id}`))
    },
  })

  return {
    loaded, now, appointments, upcoming, past, next, profile, byId, structureOf, delivery, rejection,
    respond, setReminders, checklist, notifications,
  }
})

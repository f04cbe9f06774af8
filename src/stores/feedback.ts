import type { EndedPrestation, Feedback, FreeKind } from '@/components/feedback/model'
import type { QuarantineEntry } from '@/db/types'
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { deliveryOf, fichesToFill, newestFirst, toFeedback } from '@/components/feedback/model'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { readRows } from '@/db/read'
import { i18n } from '@/modules/i18n'
import { AUTH_STORAGE_KEY } from '@/services/storageKeys'
import { useAuthStore } from './auth'
import { useSyncStore } from './sync'

export interface SubjectOption {
  id: string
  label: string
  /** Appointments: their date (shown next to them) and kind (when untitled). */
  date?: string
  kind?: string
}

interface Snapshot {
  feedback: Feedback[]
  rejected: Map<string, QuarantineEntry>
  ended: EndedPrestation[]
  prestations: Map<string, string>
  offered: string[]
  appointments: SubjectOption[]
  sections: SubjectOption[]
}

export interface FeedbackDraft {
  kind: FreeKind | 'fiche_liaison'
  subject_id: string | null
  body: string
  quote: string
  rating: number | null
  share_with_groupe: boolean
  contact_back: boolean
  expected?: string
  obtained?: string
  changed?: string
}

/** Fiches de liaison the person put aside ("pas maintenant"): this device, this user; gone at sign-out. */
const DISMISSED_KEY = `${AUTH_STORAGE_KEY}.fiche-dismissed`

function readDismissed(user: string | null): Set<string> {
  if (!user)
    return new Set()
  try {
    const value = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? 'null') as { user?: string, ids?: unknown } | null
    return new Set(value?.user === user && Array.isArray(value.ids) ? value.ids.map(String) : [])
  }
  catch {
    return new Set()
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')

/**
 * The allocataire's feedback channel: what they sent (with its status and
 * the answer), the fiches de liaison to fill after a prestation ended, and
 * the writes — through the outbox, so sending works offline.
 */
export const useFeedbackStore = defineStore('feedback', () => {
  const auth = useAuthStore()
  const sync = useSyncStore()
  const uid = () => auth.userId
  const locale = () => String(i18n.global.locale.value)

  const snapshot = useLiveQuery<Snapshot>(async (db) => {
    const id = uid()
    const empty: Snapshot = { feedback: [], rejected: new Map(), ended: [], prestations: new Map(), offered: [], appointments: [], sections: [] }
    if (!id)
      return empty
    const [rows, refused, offers, appointments, prestations, sections] = await Promise.all([
      readRows(db, 'feedback', id, r => r.author_id === id && !r.deleted_at),
      db.quarantine.where('user_id').equals(id).filter(e => e.table === 'feedback').toArray(),
      readRows(db, 'prestation_offers', id, r => r.allocataire_id === id && !r.deleted_at),
      readRows(db, 'appointments', id, r => r.allocataire_id === id && !r.deleted_at),
      db.serverTable('prestations').toArray(),
      db.serverTable('booklet_sections').filter(s => s.status === 'published' && s.variant === 'easy' && (s.locale === locale() || s.locale === 'fr')).toArray(),
    ])
    return {
      feedback: rows.map(toFeedback).sort(newestFirst),
      rejected: new Map(refused.map(e => [e.row_id, e])),
      ended: offers.filter(o => o.status === 'exited' && typeof o.exited_at === 'string')
        .map(o => ({ offerId: o.id, prestationId: String(o.prestation_id), exitedAt: String(o.exited_at) })),
      prestations: new Map(prestations.map(p => [p.id, text(p.title)])),
      offered: [...new Set(offers.filter(o => ['interested', 'entered', 'exited'].includes(String(o.status))).map(o => String(o.prestation_id)))],
      appointments: appointments
        .sort((a, b) => text(b.starts_at).localeCompare(text(a.starts_at)))
        .map(a => ({ id: a.id, label: text(a.title), kind: text(a.kind), date: text(a.starts_at) })),
      // One entry per section, in the reader's language when it exists.
      sections: [...new Map(sections.sort((a, b) => Number(a.locale === locale()) - Number(b.locale === locale()))
        .map(s => [text(s.slug), s])).values()]
        .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
        .map(s => ({ id: s.id, label: text(s.title) })),
    }
  }, [uid, locale], { onError: () => {} })

  const dismissed = ref<Set<string>>(new Set())
  watch(uid, user => (dismissed.value = readDismissed(user)), { immediate: true })

  const loaded = computed(() => snapshot.value !== undefined)
  const feedback = computed(() => snapshot.value?.feedback ?? [])
  /** What the person said, apart from their requests to change référent. */
  const mine = computed(() => feedback.value.filter(f => f.kind !== 'change_referent'))
  const referentRequests = computed(() => feedback.value.filter(f => f.kind === 'change_referent'))
  const fiches = computed(() => fichesToFill(snapshot.value?.ended ?? [], feedback.value, dismissed.value))

  function byId(id: string) {
    return feedback.value.find(f => f.id === id)
  }

  function prestationTitle(id: string | null): string | null {
    return (id && snapshot.value?.prestations.get(id)) || null
  }

  function rejection(id: string) {
    return snapshot.value?.rejected.get(id)
  }

  function delivery(f: Feedback) {
    return deliveryOf(f, { rejected: snapshot.value?.rejected.has(f.id) ?? false, online: sync.online })
  }

  /** What this kind of feedback may be about, for the subject list. */
  function subjects(kind: FreeKind): SubjectOption[] {
    const s = snapshot.value
    if (!s)
      return []
    if (kind === 'prestation')
      return s.offered.map(id => ({ id, label: s.prestations.get(id) ?? '' })).filter(o => o.label)
    if (kind === 'appointment')
      return s.appointments
    if (kind === 'booklet')
      return s.sections
    return []
  }

  function subjectLabel(f: Feedback): string | null {
    const s = snapshot.value
    if (!s || !f.subject_id)
      return null
    if (f.kind === 'prestation' || f.kind === 'fiche_liaison')
      return s.prestations.get(f.subject_id) ?? null
    return [...s.appointments, ...s.sections].find(o => o.id === f.subject_id)?.label ?? null
  }

  /** Saves on the device with its outbox entry; the engine sends it when it can. */
  async function send(draft: FeedbackDraft): Promise<string> {
    const id = crypto.randomUUID()
    const fiche = draft.kind === 'fiche_liaison'
    await sync.write('feedback.create', {
      id,
      kind: draft.kind,
      subject_id: draft.subject_id,
      body: draft.body.trim(),
      quote: draft.quote.trim() || null,
      rating: draft.rating,
      share_with_groupe: draft.share_with_groupe,
      contact_back: draft.contact_back,
      ...(fiche
        ? { expected: draft.expected?.trim() || null, obtained: draft.obtained?.trim() || null, changed: draft.changed?.trim() || null }
        : {}),
    })
    return id
  }

  async function remove(id: string) {
    await sync.write('feedback.delete', { id })
  }

  function dismissFiche(offerId: string) {
    const user = uid()
    if (!user)
      return
    dismissed.value = new Set([...dismissed.value, offerId])
    try {
      localStorage.setItem(DISMISSED_KEY, JSON.stringify({ user, ids: [...dismissed.value] }))
    }
    catch {
      // Not remembered on this device: the invitation comes back next time.
    }
  }

  return {
    loaded, feedback, mine, referentRequests, fiches, byId, prestationTitle, rejection, delivery, subjects, subjectLabel,
    send, remove, dismissFiche, endedOffer: (offerId: string) => snapshot.value?.ended.find(e => e.offerId === offerId) ?? null,
  }
})

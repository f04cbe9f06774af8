import type { Consultation, Evaluation } from '@/components/groupe/model'
import type { QuarantineEntry } from '@/db/types'
import type { Answers, Results } from '@/domain/evaluation'
import type { SharedFeedback } from '@/services/groupe'
import { useIntervalFn } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { byDeadline, byOutcome, phaseOf, toConsultation, toEvaluation } from '@/components/groupe/model'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { readRows } from '@/db/read'
import { parseResults } from '@/domain/evaluation'
import { useAuthStore } from './auth'
import { useSyncStore } from './sync'

const service = () => import('@/services/groupe')

interface Snapshot {
  consultations: Consultation[]
  evaluations: Map<string, Evaluation>
  rejected: Map<string, QuarantineEntry>
  /** feedback.tag_themes not yet accepted: feedback id -> themes. */
  queuedThemes: Map<string, string[]>
}

export type Loaded<T> = { state: 'loading' } | { state: 'ok', data: T, at: string, cached: boolean } | { state: 'error', error: 'offline' | 'forbidden' | 'failed' }

/**
 * The groupe ressource member's workspace: the consultations opened to the
 * group (synced), their own answers (synced; drafts saved through the outbox,
 * so they work offline), what came of each consultation, and the feedback
 * allocataires shared with the group (read on demand, kept for offline).
 */
export const useGroupeStore = defineStore('groupe', () => {
  const auth = useAuthStore()
  const sync = useSyncStore()
  const uid = () => auth.userId

  const snapshot = useLiveQuery<Snapshot>(async (db) => {
    const id = uid()
    const empty: Snapshot = { consultations: [], evaluations: new Map(), rejected: new Map(), queuedThemes: new Map() }
    if (!id)
      return empty
    const [consultations, evaluations, refused, queued] = await Promise.all([
      readRows(db, 'consultations', id, r => !r.deleted_at && r.status !== 'draft'),
      readRows(db, 'evaluations', id, r => r.author_id === id && !r.deleted_at),
      db.quarantine.where('user_id').equals(id).filter(e => e.table === 'evaluations').toArray(),
      db.outbox.where('user_id').equals(id).filter(e => e.name === 'feedback.tag_themes').sortBy('seq'),
    ])
    return {
      consultations: consultations.map(toConsultation),
      evaluations: new Map(evaluations.map(toEvaluation).map(e => [e.consultation_id, e])),
      rejected: new Map(refused.map(e => [e.row_id, e])),
      queuedThemes: new Map(queued.map(e => [e.row_id, (e.args.themes as string[]) ?? []])),
    }
  }, [uid], { onError: () => {} })

  const now = ref(Date.now())
  useIntervalFn(() => (now.value = Date.now()), 60_000)

  const loaded = computed(() => snapshot.value !== undefined)
  const consultations = computed(() => snapshot.value?.consultations ?? [])
  const phase = (c: Consultation) => phaseOf(c, now.value)
  const current = computed(() => consultations.value.filter(c => ['open', 'upcoming'].includes(phase(c))).sort(byDeadline))
  const waiting = computed(() => consultations.value.filter(c => phase(c) === 'closed').sort(byOutcome))
  const outcomes = computed(() => consultations.value.filter(c => phase(c) === 'published').sort(byOutcome))

  function byId(id: string) {
    return consultations.value.find(c => c.id === id)
  }

  function evaluationOf(consultationId: string): Evaluation | null {
    return snapshot.value?.evaluations.get(consultationId) ?? null
  }

  function rejectionOf(evaluationId: string | undefined) {
    return evaluationId ? snapshot.value?.rejected.get(evaluationId) : undefined
  }

  // One evaluation per member and consultation: the id chosen for a first draft
  // is kept until its row shows up, so two quick saves never make two rows.
  const newIds = new Map<string, string>()
  function evaluationId(consultationId: string): string {
    const existing = evaluationOf(consultationId)?.id
    if (existing)
      return existing
    let id = newIds.get(consultationId)
    if (!id) {
      id = crypto.randomUUID()
      newIds.set(consultationId, id)
    }
    return id
  }

  async function save(consultationId: string, answers: Answers, submitted: boolean) {
    await sync.write('evaluation.upsert', { id: evaluationId(consultationId), consultation_id: consultationId, answers, submitted })
  }

  async function respondToMeeting(consultationId: string, attending: boolean, note: string) {
    await sync.write('meeting.respond', { id: evaluationId(consultationId), consultation_id: consultationId, attending, note: note.trim() || null })
  }

  // ---- shared feedback (not synced: the group reads it without authors) ----
  const shared = ref<Loaded<SharedFeedback[]>>({ state: 'loading' })

  async function loadShared() {
    const user = uid()
    if (!user)
      return
    if (shared.value.state !== 'ok')
      shared.value = { state: 'loading' }
    const result = await (await service()).fetchSharedFeedback(user)
    shared.value = result.ok ? { state: 'ok', data: result.data, at: result.at, cached: result.cached } : { state: 'error', error: result.error }
  }

  /** Shared feedback with this member's tags not yet sent already applied. */
  const sharedFeedback = computed(() => {
    if (shared.value.state !== 'ok')
      return []
    const queued = snapshot.value?.queuedThemes ?? new Map<string, string[]>()
    return shared.value.data.map(f => (queued.has(f.id) ? { ...f, themes: queued.get(f.id)!, pending: true } : { ...f, pending: false }))
  })

  async function tag(feedbackId: string, themes: string[]) {
    const clean = [...new Set(themes.map(t => t.trim().toLowerCase()).filter(Boolean))].sort()
    await sync.write('feedback.tag_themes', { id: feedbackId, themes: clean })
    // The list is not synced: keep showing the new themes once the write has left the outbox.
    const s = shared.value
    if (s.state === 'ok')
      shared.value = { ...s, data: s.data.map(f => (f.id === feedbackId ? { ...f, themes: clean } : f)) }
  }

  async function results(consultationId: string): Promise<Loaded<Results>> {
    const user = uid()
    if (!user)
      return { state: 'error', error: 'forbidden' }
    const r = await (await service()).fetchResults(user, consultationId)
    return r.ok ? { state: 'ok', data: parseResults(r.data), at: r.at, cached: r.cached } : { state: 'error', error: r.error }
  }

  return {
    loaded, now, consultations, current, waiting, outcomes, phase, byId, evaluationOf, rejectionOf, save, respondToMeeting,
    shared, sharedFeedback, loadShared, tag, results,
  }
})

export interface ConsultationDraft {
  id: string
  kind: Consultation['kind']
  title: string
  body: string
  definition: Record<string, unknown>
  subject_id: string | null
  opens_at: string | null
  closes_at: string | null
}

export interface Option {
  id: string
  label: string
  status?: string
}

interface AdminSnapshot {
  consultations: Consultation[]
  rejected: Map<string, QuarantineEntry>
  sections: Option[]
  prestations: Option[]
}

const STATUS_ORDER = { draft: 0, open: 1, closed: 2, published: 3 } as const
const text = (v: unknown) => (typeof v === 'string' ? v : '')

/**
 * The coordinators' side (minimal): prepare, open, close consultations and
 * publish what came of them — all through the outbox — and read results and
 * evaluations (authors as pseudonyms) from the server.
 */
export const useConsultationsAdminStore = defineStore('consultations-admin', () => {
  const auth = useAuthStore()
  const sync = useSyncStore()
  const uid = () => auth.userId

  const snapshot = useLiveQuery<AdminSnapshot>(async (db) => {
    const id = uid()
    const empty: AdminSnapshot = { consultations: [], rejected: new Map(), sections: [], prestations: [] }
    if (!id)
      return empty
    const [consultations, refused, sections, prestations] = await Promise.all([
      readRows(db, 'consultations', id, r => !r.deleted_at),
      db.quarantine.where('user_id').equals(id).filter(e => e.table === 'consultations').toArray(),
      db.serverTable('booklet_sections').filter(s => !s.deleted_at && s.locale === 'fr').toArray(),
      db.serverTable('prestations').filter(p => !p.deleted_at && p.status === 'published').toArray(),
    ])
    return {
      consultations: consultations.map(toConsultation)
        .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.created_at.localeCompare(a.created_at)),
      rejected: new Map(refused.map(e => [e.row_id, e])),
      sections: sections
        .sort((a, b) => text(a.slug).localeCompare(text(b.slug)) || Number(b.revision ?? 0) - Number(a.revision ?? 0))
        .map(s => ({ id: s.id, label: `${text(s.title)} (${text(s.variant)}, r${Number(s.revision ?? 1)})`, status: text(s.status) })),
      prestations: prestations.map(p => ({ id: p.id, label: text(p.title) })).sort((a, b) => a.label.localeCompare(b.label, 'fr')),
    }
  }, [uid], { onError: () => {} })

  const loaded = computed(() => snapshot.value !== undefined)
  const consultations = computed(() => snapshot.value?.consultations ?? [])
  const sections = computed(() => snapshot.value?.sections ?? [])
  const prestations = computed(() => snapshot.value?.prestations ?? [])

  const byId = (id: string) => consultations.value.find(c => c.id === id)
  // Counted on the server: coordinators' devices hold no evaluation (their authors
  // are not theirs to see). Null until known (offline and never fetched).
  const counts = shallowRef<Record<string, number> | null>(null)
  async function refreshCounts() {
    const user = uid()
    if (!user)
      return
    const r = await (await service()).fetchSubmissionCounts(user)
    if (r.ok)
      counts.value = r.data
  }
  const submittedCount = (id: string): number | null => (counts.value ? counts.value[id] ?? 0 : null)
  const rejectionOf = (id: string) => snapshot.value?.rejected.get(id)
  const sectionLabel = (id: string | null) => (id ? sections.value.find(s => s.id === id)?.label ?? null : null)

  async function save(draft: ConsultationDraft) {
    await sync.write('consultation.upsert', {
      ...draft,
      title: draft.title.trim(),
      body: draft.body.trim() || null,
    })
  }

  async function open(id: string, closesAt: string | null) {
    await sync.write('consultation.set_status', { id, status: 'open', closes_at: closesAt })
  }

  async function close(id: string) {
    await sync.write('consultation.set_status', { id, status: 'closed' })
  }

  async function publish(id: string, outcome: string, sectionId: string | null) {
    await sync.write('consultation.publish', { id, outcome: outcome.trim(), outcome_section_id: sectionId })
  }

  async function results(id: string): Promise<Loaded<Results>> {
    const user = uid()
    if (!user)
      return { state: 'error', error: 'forbidden' }
    const r = await (await service()).fetchResults(user, id)
    return r.ok ? { state: 'ok', data: parseResults(r.data), at: r.at, cached: r.cached } : { state: 'error', error: r.error }
  }

  async function evaluations(id: string) {
    const user = uid()
    if (!user)
      return { ok: false as const, error: 'forbidden' as const }
    return (await service()).fetchEvaluations(user, id)
  }

  return {
    loaded, consultations, sections, prestations, byId, submittedCount, refreshCounts, rejectionOf, sectionLabel,
    save, open, close, publish, results, evaluations,
  }
})

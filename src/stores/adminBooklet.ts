import type { QuarantineEntry } from '@/db/types'
import type { Revision, SectionStatus } from '@/domain/adminBooklet'
import type { ContentLocale } from '@/domain/adminMutations'
import type { BookletVariant } from '@/domain/booklet'
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { readRows } from '@/db/read'
import { toRevision } from '@/domain/adminBooklet'
import { useAuthStore } from './auth'
import { useSyncStore } from './sync'

interface Snapshot {
  revisions: Revision[]
  editors: Map<string, string>
  /** Open groupe ressource reviews, by the booklet revision they are about. */
  reviews: Map<string, { id: string, status: string }>
  rejected: Map<string, QuarantineEntry>
  loaded: boolean
}

export interface SectionDraft {
  id: string
  slug: string
  locale: ContentLocale
  variant: BookletVariant
  title: string
  body: string
  position: number
  source_revision: number | null
}

/**
 * Every revision of the booklet in every language (coordinators' devices hold
 * drafts and texts in review too), who edited them, and the groupe
 * ressource's reviews about them. Edits go through the outbox.
 */
export const useAdminBookletStore = defineStore('adminBooklet', () => {
  const auth = useAuthStore()
  const sync = useSyncStore()

  const snapshot = useLiveQuery<Snapshot>(async (db) => {
    const me = auth.userId
    const [rows, profiles, consultations, refused] = await Promise.all([
      readRows(db, 'booklet_sections', me),
      readRows(db, 'profiles', me, p => Array.isArray(p.roles) && p.roles.includes('coordinator')),
      readRows(db, 'consultations', me, c => !c.deleted_at && c.kind === 'document_review' && typeof c.subject_id === 'string'),
      me ? db.quarantine.where('user_id').equals(me).filter(e => e.table === 'booklet_sections').toArray() : [],
    ])
    return {
      revisions: rows.map(toRevision).filter((r): r is Revision => r !== null),
      editors: new Map(profiles.map(p => [p.id, String(p.display_name ?? '')])),
      reviews: new Map(consultations.map(c => [String(c.subject_id), { id: c.id, status: String(c.status) }])),
      rejected: new Map(refused.map(e => [e.row_id, e])),
      loaded: true,
    }
  }, [() => auth.userId])

  const loaded = computed(() => snapshot.value?.loaded === true)
  const revisions = computed(() => snapshot.value?.revisions ?? [])
  const editorName = (id: string | null) => (id ? snapshot.value?.editors.get(id) ?? null : null)
  const reviewOf = (id: string) => snapshot.value?.reviews.get(id)
  const refusal = (id: string) => snapshot.value?.rejected.get(id)

  const save = (draft: SectionDraft) => sync.write('booklet_section.save', {
    ...draft, source_revision: draft.locale === 'fr' ? null : draft.source_revision,
  })
  const setStatus = (id: string, status: SectionStatus, openConsultation = false) =>
    sync.write('booklet_section.set_status', { id, status, open_consultation: openConsultation || null })

  return { snapshot, loaded, revisions, editorName, reviewOf, refusal, save, setStatus }
})

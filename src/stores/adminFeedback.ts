import type { QuarantineEntry } from '@/db/types'
import type { InboxItem } from '@/domain/adminFeedback'
import type { ArchivedRow } from '@/domain/adminFeedbackArchive'
import type { ContentLocale } from '@/domain/adminMutations'
import type { PersonInfo } from '@/domain/adminPeople'
import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { loadDb } from '@/db/access'
import { readRows } from '@/db/read'
import { toInboxItem } from '@/domain/adminFeedback'
import { fetchFeedbackItem, fetchPeople } from '@/services/admin'
import { useAuthStore } from './auth'
import { useSyncStore } from './sync'
import { useOnline } from '@/composables/useOnline'

export type { PersonInfo }

interface Snapshot {
  items: InboxItem[]
  people: Map<string, PersonInfo>
  prestations: Map<string, string>
  structures: Map<string, string>
  sections: Map<string, string>
  rejected: Map<string, QuarantineEntry>
  loaded: boolean
}

/** Authors named at once from a list: its top, as far as anyone reads without filtering. */
const AUTHORS_SHOWN = 200

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)

/** What opening an item the device does not hold came to. */
export type OpenResult = 'held' | 'missing'

/**
 * The feedback and change-of-référent requests the coordinator's device holds
 * (every item still waiting, and those changed in the last 90 days; older ones
 * are read from the server: useFeedbackArchive, `open`), with the names
 * needed to read them: prestations, structures, booklet sections, the staff
 * (on the device) and the authors (asked of the server, kept in memory: the
 * device holds no allocataire's profile). Answers, assignments and statuses go
 * through the outbox.
 */
export const useAdminFeedbackStore = defineStore('adminFeedback', () => {
  const auth = useAuthStore()
  const sync = useSyncStore()

  const snapshot = useLiveQuery<Snapshot>(async (db) => {
    const me = auth.userId
    const [feedback, profiles, prestations, structures, sections, refused] = await Promise.all([
      readRows(db, 'feedback', me),
      readRows(db, 'profiles', me, p => !p.deleted_at),
      db.serverTable('prestations').toArray(),
      db.serverTable('structures').toArray(),
      db.serverTable('booklet_sections').toArray(),
      me ? db.quarantine.where('user_id').equals(me).filter(e => e.table === 'feedback').toArray() : [],
    ])
    return {
      items: feedback.map(toInboxItem).filter((i): i is InboxItem => i !== null),
      people: new Map(profiles.map(p => [p.id, {
        id: p.id,
        display_name: text(p.display_name),
        preferred_locale: text(p.preferred_locale),
        roles: Array.isArray(p.roles) ? p.roles.map(String) : [],
        referent_id: text(p.referent_id),
        structure_id: text(p.structure_id),
      }])),
      prestations: new Map(prestations.map(p => [p.id, String(p.title ?? '')])),
      structures: new Map(structures.map(s => [s.id, String(s.name ?? '')])),
      sections: new Map(sections.map(s => [s.id, String(s.title ?? '')])),
      rejected: new Map(refused.map(e => [e.row_id, e])),
      loaded: true,
    }
  }, [() => auth.userId])

  const items = computed(() => snapshot.value?.items ?? [])
  const loaded = computed(() => snapshot.value?.loaded === true)
  // Authors (their référents are staff, on the device): the screens ask for those
  // they show (`nameAuthors`), fetched once per session while online.
  const online = useOnline()
  const fetched = shallowRef(new Map<string, PersonInfo>())
  const asked = new Set<string>()
  const wanted = shallowRef<string[]>([])
  const people = computed(() => {
    const local = snapshot.value?.people ?? new Map<string, PersonInfo>()
    return fetched.value.size ? new Map([...fetched.value, ...local]) : local
  })
  async function lookUp() {
    const me = auth.userId
    const missing = wanted.value.filter(id => !people.value.has(id) && !asked.has(id))
    if (!me || !online.value || !missing.length)
      return
    missing.forEach(id => asked.add(id))
    try {
      const found = await fetchPeople(missing, me)
      fetched.value = new Map([...fetched.value, ...found.map(p => [p.id, p] as const)])
    }
    catch {
      // Offline or refused: names show as unknown; asked again when back online.
      missing.forEach(id => asked.delete(id))
    }
  }
  watch([wanted, () => snapshot.value?.people, online], () => void lookUp())
  /** Names the authors of these items (at most AUTHORS_SHOWN of them: the top of a list). */
  function nameAuthors(list: readonly InboxItem[]) {
    const ids = [...new Set(list.slice(0, AUTHORS_SHOWN).map(i => i.author_id).filter((id): id is string => !!id))]
    if (ids.some(id => !wanted.value.includes(id)))
      wanted.value = [...new Set([...wanted.value, ...ids])]
  }
  // Archived rows the inbox listed (in memory): opening one stores it on the device.
  const archived = new Map<string, ArchivedRow>()
  function remember(rows: readonly ArchivedRow[]) {
    rows.forEach(r => archived.set(r.id, r))
  }
  watch(() => auth.userId, () => {
    fetched.value = new Map()
    wanted.value = []
    asked.clear()
    archived.clear()
  })
  const coordinators = computed(() => [...people.value.values()].filter(p => p.roles.includes('coordinator'))
    .sort((a, b) => (a.display_name ?? '').localeCompare(b.display_name ?? '')))

  function item(id: string): InboxItem | undefined {
    return items.value.find(i => i.id === id)
  }

  /**
   * Brings an item the device does not hold (archived: answered or closed more than
   * 90 days ago) onto the device, from the inbox's archive pages or else the server,
   * so it reads, answers and reopens like any other. Throws AdminServiceError
   * (offline, refused) when it has to ask the server and cannot.
   */
  async function open(id: string): Promise<OpenResult> {
    const me = auth.userId
    if (!me || item(id))
      return 'held'
    const row = archived.get(id) ?? await fetchFeedbackItem(id, me)
    if (!row)
      return 'missing'
    const [db, { holdFetchedRow }] = await Promise.all([loadDb(), import('@/sync/fetched')])
    // Not stored (signed out, or another user, meanwhile): nothing will show, say so.
    return await holdFetchedRow(db, 'feedback', row, me) ? 'held' : 'missing'
  }

  function subjectName(i: InboxItem): string | null {
    if (!i.subject_id)
      return null
    const s = snapshot.value
    if (i.kind === 'prestation' || i.kind === 'fiche_liaison')
      return s?.prestations.get(i.subject_id) ?? null
    if (i.kind === 'booklet')
      return s?.sections.get(i.subject_id) ?? null
    return null
  }

  const prestationName = (id: string) => snapshot.value?.prestations.get(id) ?? null
  /** Every prestation the device holds, id → title: the inbox's prestation filter. */
  const prestationTitles = computed(() => snapshot.value?.prestations ?? new Map<string, string>())
  const structureName = (id: string | null) => (id ? snapshot.value?.structures.get(id) ?? null : null)

  const answer = (id: string, text: string, locale: ContentLocale | null) =>
    sync.write('feedback.answer', { id, answer: text, answer_locale: locale })
  const assign = (id: string, to: string | null) => sync.write('feedback.assign', { id, assigned_to: to })
  const setStatus = (id: string, status: InboxItem['status']) => sync.write('feedback.set_status', { id, status })

  return {
    snapshot, items, loaded, people, coordinators, item, open, remember, subjectName, prestationName, prestationTitles, structureName, nameAuthors, answer, assign, setStatus,
  }
})

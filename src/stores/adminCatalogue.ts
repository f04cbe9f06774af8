import type { QuarantineEntry } from '@/db/types'
import type { CatalogueKind } from '@/domain/adminCatalogue'
import type { MutationArgs } from '@/domain/mutations'
import type { ServerRow } from '@/domain/sync'
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { readRows } from '@/db/read'
import { useAuthStore } from './auth'
import { useSyncStore } from './sync'

interface Snapshot {
  rows: Record<CatalogueKind, ServerRow[]>
  rejected: Map<string, QuarantineEntry>
  loaded: boolean
}

export const UPSERTS = { structures: 'structure.upsert', prestations: 'prestation.upsert', events: 'event.upsert' } as const

/**
 * Structures, prestations and events as coordinators see them (drafts and
 * archived sheets included), with this device's pending edits applied.
 */
export const useAdminCatalogueStore = defineStore('adminCatalogue', () => {
  const auth = useAuthStore()
  const sync = useSyncStore()

  const snapshot = useLiveQuery<Snapshot>(async (db) => {
    const me = auth.userId
    const [structures, prestations, events, refused] = await Promise.all([
      readRows(db, 'structures', me, r => !r.deleted_at),
      readRows(db, 'prestations', me, r => !r.deleted_at),
      readRows(db, 'events', me, r => !r.deleted_at),
      me ? db.quarantine.where('user_id').equals(me).filter(e => ['structures', 'prestations', 'events'].includes(e.table)).toArray() : [],
    ])
    return { rows: { structures, prestations, events }, rejected: new Map(refused.map(e => [e.row_id, e])), loaded: true }
  }, [() => auth.userId])

  const loaded = computed(() => snapshot.value?.loaded === true)
  const rows = (kind: CatalogueKind) => snapshot.value?.rows[kind] ?? []
  const row = (kind: CatalogueKind, id: string) => rows(kind).find(r => r.id === id)
  const refusal = (id: string) => snapshot.value?.rejected.get(id)
  const structureOptions = computed(() => rows('structures')
    .map(s => ({ id: s.id, name: String(s.name ?? '') }))
    .sort((a, b) => a.name.localeCompare(b.name)))

  function save<K extends CatalogueKind>(kind: K, args: MutationArgs<(typeof UPSERTS)[K]>) {
    return sync.write(UPSERTS[kind], args as never)
  }

  return { snapshot, loaded, rows, row, refusal, structureOptions, save }
})

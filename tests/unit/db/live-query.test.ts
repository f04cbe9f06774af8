import { describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { loadDb } from '@/db/access'
import { readRows } from '@/db/read'
import { writeMutation } from '@/sync/write'

const USER = '11111111-1111-4111-8111-111111111111'

describe('useLiveQuery', () => {
  it('follows the database and its dependencies, and stops when its scope ends', async () => {
    const db = await loadDb()
    const kind = ref('EI')
    const scope = effectScope()
    const names = scope.run(() => useLiveQuery(
      async d => (await d.serverTable('structures').where('kind').equals(kind.value).toArray()).map(r => r.name).sort(),
      [kind],
      { initial: [] as unknown[] },
    ))!
    expect(names.value).toEqual([])

    await db.serverTable('structures').bulkPut([
      { id: crypto.randomUUID(), kind: 'EI', name: 'EI 18e' },
      { id: crypto.randomUUID(), kind: 'CAPI', name: 'CAPI 20e' },
    ])
    await vi.waitFor(() => expect(names.value).toEqual(['EI 18e']))

    kind.value = 'CAPI'
    await nextTick()
    await vi.waitFor(() => expect(names.value).toEqual(['CAPI 20e']))

    scope.stop()
    await db.serverTable('structures').put({ id: crypto.randomUUID(), kind: 'CAPI', name: 'CAPI 12e' })
    await new Promise(r => setTimeout(r, 50))
    expect(names.value).toEqual(['CAPI 20e'])
  })

  it('shows a local write at once, before any sync', async () => {
    const db = await loadDb()
    const scope = effectScope()
    const rows = scope.run(() => useLiveQuery(d => readRows(d, 'feedback', USER)))!
    const { id } = await writeMutation({ db, userId: USER }, 'feedback.create', { id: crypto.randomUUID(), kind: 'booklet', body: 'Clair', share_with_groupe: false, contact_back: false })
    await vi.waitFor(() => expect(rows.value?.map(r => r.id)).toEqual([id]))
    expect(rows.value?.[0]?.$pending).toBe(true)
    scope.stop()
  })
})

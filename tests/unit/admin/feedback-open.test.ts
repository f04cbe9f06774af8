// Opening an archived feedback item (answered or closed more than 90 days ago):
// the row the inbox listed is stored on the device, and the item screen waits for
// it only if it really was stored.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { loadDb } from '@/db/access'
import { OWNER_KEY } from '@/db/schema'
import { parseArchivedRows } from '@/domain/adminFeedbackArchive'
import { useAdminFeedbackStore } from '@/stores/adminFeedback'
import { useAuthStore } from '@/stores/auth'

const COORDINATOR = 'c0000000-0000-4000-8000-000000000001'
const OTHER = 'c0000000-0000-4000-8000-000000000002'
const ID = 'fb900000-0000-4000-8000-000000000001'
const [archived] = parseArchivedRows([{
  id: ID, author_id: 'de000000-0000-4000-8000-000000000001', kind: 'other', subject_id: null, body: 'Retour',
  status: 'closed', answer: 'Merci.', answered_at: '2026-01-02T10:00:00+00:00', themes: [],
  created_at: '2026-01-01T10:00:00+00:00', updated_at: '2026-02-01T10:00:00+00:00', deleted_at: null, version: 3, row_xid: '812',
}])

async function deviceOf(owner: string | null) {
  const db = await loadDb()
  await Promise.all(db.tables.map(t => t.clear()))
  if (owner)
    await db.meta.put({ key: OWNER_KEY, value: owner })
  return db
}

beforeEach(() => {
  setActivePinia(createPinia())
  useAuthStore().userId = COORDINATOR
})

describe('opening an archived feedback item', () => {
  it('stores the listed row on the coordinator\'s device and says it is held', async () => {
    const db = await deviceOf(COORDINATOR)
    const store = useAdminFeedbackStore()
    store.remember([archived!])
    expect(await store.open(ID)).toBe('held')
    expect(await db.serverTable('feedback').get(ID)).toMatchObject({ status: 'closed', version: 3 })
  })

  it('says it is missing when the device changed hands during the fetch, so the screen stops loading', async () => {
    for (const owner of [null, OTHER]) {
      const db = await deviceOf(owner)
      const store = useAdminFeedbackStore()
      store.remember([archived!])
      expect(await store.open(ID), String(owner)).toBe('missing')
      expect(await db.serverTable('feedback').count()).toBe(0)
    }
  })
})

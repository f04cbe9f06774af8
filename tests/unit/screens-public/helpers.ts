// Shared set-up of the public-screen tests: the app's database (fake-indexeddb)
// emptied between tests, rows put in through the db layer, a fresh Pinia, an
// empty localStorage, and the sync store's `write` routed to the real write
// path (row + outbox in one transaction) without starting a sync session.
import type { ServerRow, ServerTable } from '@/domain/sync'
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { loadDb } from '@/db/access'
import { useAuthStore } from '@/stores/auth'
import { useSettingsStore } from '@/stores/settings'
import { useSyncStore } from '@/stores/sync'
import { writeMutation } from '@/sync/write'

export const USER = '11111111-1111-4111-8111-111111111111'
export const OTHER = '22222222-2222-4222-8222-222222222222'

/** A new Pinia (as after a reload), in French: jsdom's browser speaks English. */
export function freshPinia() {
  setActivePinia(createPinia())
  useSettingsStore().locale = 'fr'
}

export async function resetAll() {
  localStorage.clear()
  freshPinia()
  const db = await loadDb()
  await Promise.all(db.tables.map(table => table.clear()))
  return db
}

export async function putRows(table: ServerTable, rows: readonly object[]) {
  const db = await loadDb()
  await db.serverTable(table).bulkPut(rows as ServerRow[])
}

/** Signs `userId` in as far as the screens can tell, and sends writes through the real local write path. */
export async function signInAs(userId: string, roles: string[] = ['allocataire']) {
  const db = await loadDb()
  const auth = useAuthStore()
  auth.userId = userId
  auth.profile = { id: userId, display_name: null, preferred_locale: 'fr', roles: roles as never }
  const sync = useSyncStore()
  const write = vi.spyOn(sync, 'write').mockImplementation(async (name, args) => writeMutation({ db, userId }, name, args))
  return { db, write }
}

/** Resolves once `check` stops throwing (live queries answer asynchronously). */
export async function until(check: () => void) {
  await vi.waitFor(check, { timeout: 2_000, interval: 10 })
}

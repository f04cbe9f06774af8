// Mounting the appointment screens on the app's real pieces: the Dexie
// database (fake-indexeddb), the real write path (optimistic row + outbox
// entry), the app's routes and i18n. Only the network is absent: the tests
// play the server's part by editing the synced tables, as a pull would.
import type { Component } from 'vue'
import type { ReperesDb } from '@/db/database'
import type { LocalRow } from '@/db/types'
import type { MutationArgs, MutationName } from '@/domain/mutations'
import type { Role } from '@/domain/roles'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { loadDb } from '@/db/access'
import { i18n } from '@/modules/i18n'
import { routes } from '@/modules/routes'
import { useAuthStore } from '@/stores/auth'
import { useSyncStore } from '@/stores/sync'
import { writeMutation } from '@/sync/write'

export async function freshDb(): Promise<ReperesDb> {
  const db = await loadDb()
  await Promise.all(db.tables.map(t => t.clear()))
  return db
}

/** Signs a user in as far as the screens can tell, with writes going to the real outbox. */
export function signedInAs(db: ReperesDb, userId: string, roles: Role[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const auth = useAuthStore()
  auth.userId = userId
  auth.profile = { id: userId, display_name: null, preferred_locale: 'fr', roles }
  const sync = useSyncStore()
  sync.syncNow = vi.fn(async () => {})
  sync.write = (<N extends MutationName>(name: N, args: MutationArgs<N>) => writeMutation({ db, userId }, name, args)) as typeof sync.write
  return { pinia, auth, sync }
}

export async function mountRoute(pinia: ReturnType<typeof createPinia>, path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  const wrapper = mount(RouterView as Component, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

export async function outbox(db: ReperesDb, userId: string) {
  return db.outbox.where('user_id').equals(userId).sortBy('seq')
}

/**
 * What the server's answer and the next pull do to the device: the outbox is
 * emptied, the row comes back as the server wrote it, the overlay goes.
 */
export async function serverApplies(db: ReperesDb, userId: string, row: LocalRow) {
  await db.transaction('rw', [db.outbox, db.pending, db.serverTable('appointments')], async () => {
    await db.outbox.where('user_id').equals(userId).delete()
    await db.pending.where('[table+user_id]').equals(['appointments', userId]).delete()
    await db.serverTable('appointments').put(row)
  })
}

export function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online })
  window.dispatchEvent(new Event(online ? 'online' : 'offline'))
}

import type { QuarantineEntry } from '@/db/types'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import SyncStatus from '@/components/sync/SyncStatus.vue'
import { formatRelative } from '@/composables/useRelativeTime'
import { i18n, loadLocale } from '@/modules/i18n'
import { routes } from '@/modules/routes'
import { useAuthStore } from '@/stores/auth'
import { useSyncStore } from '@/stores/sync'

const refused: QuarantineEntry = {
  seq: 4, mutation_id: 'm-1', user_id: 'u1', name: 'feedback.create', table: 'feedback', row_id: 'r-1',
  args: { id: 'r-1', kind: 'other', body: 'Le guichet ferme trop tôt le mardi.', share_with_groupe: true, contact_back: false },
  created_at: new Date(Date.now() - 5 * 60_000).toISOString(), attempts: 0, last_error: null,
  reason: 'validation', message: 'Le champ « body » est trop long.', rejected_at: new Date().toISOString(),
}

async function mountStatus() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes })
  const auth = useAuthStore()
  auth.userId = 'u1'
  const sync = useSyncStore()
  sync.bind = vi.fn(async () => {})
  sync.retry = vi.fn(async () => {})
  sync.discard = vi.fn(async () => {})
  sync.syncNow = vi.fn(async () => {})
  const wrapper = mount(SyncStatus, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  return { wrapper, sync }
}

afterEach(async () => {
  document.body.innerHTML = ''
  await loadLocale('fr')
})

describe('SyncStatus', () => {
  it('shows the pending count on a disclosure button that opens the details', async () => {
    const { wrapper, sync } = await mountStatus()
    sync.pendingCount = 3
    await flushPromises()
    const toggle = wrapper.find('[data-testid="sync-status"]')
    expect(toggle.text()).toContain('3 en attente')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    const panel = wrapper.find('[data-testid="sync-panel"]')
    expect(toggle.attributes('aria-controls')).toBe(panel.attributes('id'))
    expect(panel.isVisible()).toBe(false)
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(panel.isVisible()).toBe(true)
    expect(wrapper.find('[data-testid="sync-pending"]').text()).toBe('3 modifications en attente')
    await wrapper.find('[data-testid="sync-now"]').trigger('click')
    expect(sync.syncNow).toHaveBeenCalled()
    // Escape closes and gives the focus back to the button.
    await panel.trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(panel.isVisible()).toBe(false)
    expect(document.activeElement).toBe(toggle.element)
  })

  it('lists refused writes in plain words, with retry and a confirmed discard', async () => {
    const { wrapper, sync } = await mountStatus()
    sync.rejected = [refused]
    await flushPromises()
    await wrapper.find('[data-testid="sync-status"]').trigger('click')
    // The panel's list is a lazy chunk: let it load.
    await vi.dynamicImportSettled()
    await flushPromises()
    const list = wrapper.find('[data-testid="sync-rejected"]')
    expect(list.text()).toContain('Nouvel avis')
    expect(list.text()).toContain('Le guichet ferme trop tôt le mardi.')
    expect(list.text()).toContain('Une information n’est pas valide.')
    expect(list.text()).toContain('Message du serveur : Le champ « body » est trop long.')
    expect(list.text()).toContain('Faite il y a 5 minutes')
    const button = (label: string) => list.findAll('button').find(b => b.text() === label)!
    await button('Réessayer').trigger('click')
    expect(sync.retry).toHaveBeenCalledWith('m-1')
    await button('Supprimer').trigger('click')
    await flushPromises()
    expect(sync.discard).not.toHaveBeenCalled()
    expect(document.activeElement?.textContent).toContain('Supprimer définitivement cette modification ?')
    await button('Non, garder').trigger('click')
    expect(sync.discard).not.toHaveBeenCalled()
    await button('Supprimer').trigger('click')
    await button('Oui, supprimer').trigger('click')
    expect(sync.discard).toHaveBeenCalledWith('m-1')
  })

  it('tells when it last synced, in the current language', async () => {
    const { wrapper, sync } = await mountStatus()
    const snapshot = { ready: true, userId: 'u1', versionChanged: false, engine: { phase: 'idle' as const, lastError: null, errorKind: null, nextRetryAt: null, failures: 0, evicted: false, lastSyncAt: new Date(Date.now() - 2 * 3_600_000).toISOString() } }
    sync.snapshot = snapshot
    await flushPromises()
    expect(wrapper.find('[data-testid="sync-panel"]').text()).toContain('Dernière synchronisation : il y a 2 heures')
    await loadLocale('ar')
    await flushPromises()
    expect(wrapper.find('[data-testid="sync-panel"]').text()).toContain(formatRelative(Date.now() - 2 * 3_600_000, Date.now(), 'ar')!)
  })

  it('says when it will try again after a failure, in plain words', async () => {
    const { wrapper, sync } = await mountStatus()
    const engine = { phase: 'retrying' as const, lastError: 'TypeError: fetch failed', errorKind: 'network' as const, nextRetryAt: Date.now() + 4 * 60_000 + 5_000, failures: 3, evicted: false, lastSyncAt: null }
    sync.snapshot = { ready: true, userId: 'u1', versionChanged: false, engine }
    await flushPromises()
    const panel = wrapper.find('[data-testid="sync-panel"]')
    expect(panel.text()).toContain('La synchronisation n’a pas marché. Nouvel essai dans 4 minutes.')
    expect(panel.text()).not.toContain('fetch failed')
    expect(wrapper.find('[data-testid="sync-status"]').classes()).toContain('sync__toggle--attention')
  })

  it('words relative times with Intl in each locale', () => {
    const now = Date.UTC(2027, 0, 10, 12)
    expect(formatRelative(now - 20_000, now, 'fr')).toBeNull()
    expect(formatRelative(now - 3 * 60_000, now, 'fr')).toBe('il y a 3 minutes')
    expect(formatRelative(now + 2 * 60_000, now, 'en')).toBe('in 2 minutes')
    expect(formatRelative(now - 86_400_000, now, 'fr')).toBe('hier')
  })
})

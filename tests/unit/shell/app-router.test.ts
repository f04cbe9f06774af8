// The router is created at its first use (main.ts, one task after the modules'
// evaluation), not when its module loads: loading the module builds no route
// matcher and leaves the browser's history entry alone.
import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { routes } from '@/modules/routes'

describe('appRouter', () => {
  it('creates the router at the first call, once, with every route', async () => {
    const replaceState = vi.spyOn(window.history, 'replaceState')
    const { appRouter } = await import('@/modules/router')
    expect(replaceState).not.toHaveBeenCalled()

    const router = appRouter()
    // createWebHistory takes over the current entry (its state) when created.
    expect(replaceState).toHaveBeenCalled()
    expect(appRouter()).toBe(router)
    const reference = createRouter({ history: createMemoryHistory(), routes })
    expect(router.getRoutes().map(r => r.path)).toEqual(reference.getRoutes().map(r => r.path))
    expect(router.resolve('/prestations').name).toBe(reference.resolve('/prestations').name)
  })

  it('sets the page title after a navigation (its guards are installed)', async () => {
    const { appRouter } = await import('@/modules/router')
    const router = appRouter()
    await router.push('/prestations')
    expect(document.title).toMatch(/— Repères$/)
  })
})

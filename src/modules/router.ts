import type { RouteLocationNormalized, Router } from 'vue-router'
import type { MessageGroup } from './i18n'
import { nextTick } from 'vue'
import { createRouter, createWebHistory, START_LOCATION } from 'vue-router'
import { i18n, loadScreenMessages, SCREEN_GROUPS, wantedLocale } from './i18n'
import { routes } from './routes'

let router: Router | undefined

/**
 * The app's router, created at the first call. Not at module load: building
 * the matchers of every route (each path tokenized, scored and sorted) and
 * taking over the browser's history entry were the largest pieces of the
 * boot's module evaluation, the longest task of a first visit. main.ts calls
 * this one task later.
 */
export function appRouter(): Router {
  router ??= withGuards(createRouter({
    history: createWebHistory(),
    routes,
    // The first page opens at its top already: scrolling there would force a layout in
    // the middle of the first render (≈ 12 ms on a cheap phone, in a first-visit profile).
    scrollBehavior: (to, from, saved) =>
      saved ?? (to.hash ? { el: to.hash, top: 8 } : from === START_LOCATION ? false : { top: 0 }),
  }))
  return router
}

export function pageTitle(titleKey: string): string {
  const { t } = i18n.global
  return `${t(titleKey)} — ${t('app.name')}`
}

// Every screen but the shell's home needs its words before it renders: the
// groups its route names, otherwise the public and screen words, and for the
// professionals' screens the staff words too. The fetch starts before the
// screen's own chunk is loaded, so both download together; beforeResolve then
// waits for the words.
export function messageGroups(to: Pick<RouteLocationNormalized, 'meta'>): MessageGroup[] {
  if (to.meta.words)
    return to.meta.words
  return to.meta.roles?.some(role => role !== 'allocataire') ? [...SCREEN_GROUPS, 'staff'] : SCREEN_GROUPS
}

function withGuards(created: Router): Router {
  created.beforeEach((to) => {
    if (to.name !== 'home')
      void loadScreenMessages(wantedLocale(), messageGroups(to)).catch(() => {})
  })
  created.beforeResolve(async (to) => {
    if (to.name !== 'home')
      await loadScreenMessages(wantedLocale(), messageGroups(to)).catch(() => {})
  })

  created.afterEach((to, from) => {
    document.title = pageTitle(to.meta.titleKey)
    // After an in-app navigation, move focus to the new page's heading so
    // screen-reader and keyboard users start at the top of the new content.
    if (from.matched.length > 0 && to.path !== from.path) {
      void nextTick(() => {
        document.querySelector<HTMLElement>('main h1')?.focus()
      })
    }
  })
  return created
}

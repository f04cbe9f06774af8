import { nextTick } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import { i18n, loadScreenMessages } from './i18n'
import { routes } from './routes'

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (to, _from, saved) => saved ?? (to.hash ? { el: to.hash, top: 8 } : { top: 0 }),
})

export function pageTitle(titleKey: string): string {
  const { t } = i18n.global
  return `${t(titleKey)} — ${t('app.name')}`
}

// Every screen but the shell's home needs its words before it renders.
router.beforeResolve(async (to) => {
  if (to.name !== 'home')
    await loadScreenMessages(i18n.global.locale.value).catch(() => {})
})

router.afterEach((to, from) => {
  document.title = pageTitle(to.meta.titleKey)
  // After an in-app navigation, move focus to the new page's heading so
  // screen-reader and keyboard users start at the top of the new content.
  if (from.matched.length > 0 && to.path !== from.path) {
    void nextTick(() => {
      document.querySelector<HTMLElement>('main h1')?.focus()
    })
  }
})

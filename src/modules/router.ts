import { nextTick } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import { i18n } from './i18n'
import { routes } from './routes'

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

export function pageTitle(titleKey: string): string {
  const { t } = i18n.global
  return `${t(titleKey)} — ${t('app.name')}`
}

router.afterEach((to, from) => {
  document.title = pageTitle(to.meta.titleKey)
  // After an in-app navigation, move focus to the new page's heading so
  // screen-reader and keyboard users start at the top of the new content.
  if (from.matched.length > 0) {
    void nextTick(() => {
      document.querySelector<HTMLElement>('main h1')?.focus()
    })
  }
})

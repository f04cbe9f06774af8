// Mounting helpers shared by the booklet and catalogue component tests: the
// app's real i18n, a memory router, and axe-core run on the rendered DOM.
import type { Plugin } from 'vue'
import axe from 'axe-core'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, loadLocale } from '@/modules/i18n'

export function testRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:path(.*)*', component: { render: () => null } }],
  })
}

export function plugins(): Plugin[] {
  return [i18n, testRouter()]
}

export async function useLocale(locale: 'fr' | 'en' | 'ar') {
  await loadLocale(locale)
}

/**
 * axe-core violations inside an element. Colour contrast needs a layout engine
 * (checked in the browser by the e2e suite); "region" concerns whole pages.
 */
export async function axeViolations(element: Element): Promise<string[]> {
  const result = await axe.run(element, {
    rules: { 'color-contrast': { enabled: false }, 'region': { enabled: false } },
  })
  return result.violations.map(v => `${v.id}: ${v.help} — ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
}

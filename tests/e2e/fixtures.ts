import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { expect } from '@playwright/test'

/** Routes a signed-out visitor can open (role areas show their restriction notice). */
export const ROUTES = ['/', '/livret', '/rendez-vous', '/prestations', '/structures', '/avis', '/groupe', '/terrain', '/suivi', '/admin', '/compte', '/connexion', '/nulle-part']

export async function chooseLocale(page: Page, locale: 'fr' | 'en' | 'ar') {
  await page.getByTestId('language-switch').selectOption(locale)
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
}

/** Zero axe violations against WCAG 2.1 A/AA rules. */
export async function expectNoAxeViolations(page: Page, context: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const summary = results.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
  expect(summary, `axe violations on ${context}`).toEqual([])
}

/** Resolves once the service worker controls the page (not only `ready`). */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true)
}

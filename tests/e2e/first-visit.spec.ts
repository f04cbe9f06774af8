import { expect, test } from '@playwright/test'
import { FIRST_INSTALL_DELAY_MS } from '../../src/services/serviceWorkerStart'
import { expectNoAxeViolations, waitForServiceWorker } from './fixtures'

// A first visit to a public screen: its own page preloads the screen's code
// and words (vite/routePreload.ts), and the shell waits for them so that the
// screen renders right after the header (App.vue renders its parts one task
// apart), with every word. Any other path gets index.html: the shell first,
// the screen once its code has come.

/**
 * Records, in the page, what had been downloaded when the header first
 * appeared, and the text of <main> when the screen's heading first appeared.
 */
async function watchFirstRender(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __loadedAtShell?: string[], __firstMainText?: string }
    new MutationObserver((_mutations, observer) => {
      if (!w.__loadedAtShell && document.querySelector('#app header'))
        w.__loadedAtShell = performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)
      if (document.querySelector('main h1')) {
        w.__firstMainText = document.querySelector('main')?.textContent ?? ''
        observer.disconnect()
      }
    }).observe(document, { childList: true, subtree: true })
  })
}

const loadedAtShell = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __loadedAtShell?: string[] }).__loadedAtShell ?? [])

/** Every file the page has downloaded so far, by path. */
const fetchedPaths = (page: import('@playwright/test').Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map(e => new URL(e.name).pathname))

/** Message keys shown as they are: words the screen asked for but its page did not bring. */
const RAW_KEY = /\b(booklet|catalogue|structures|offers|auth|feedback|appointments|account|lock|pages|common|settings)\.[a-z_]+\.?[a-z_]*/

for (const [path, title] of [['/prestations', 'Prestations'], ['/livret', 'Livret d’accueil'], ['/structures', 'Structures d’accompagnement'], ['/prestations/evenements', 'Événements pour l’emploi'], ['/connexion', 'Se connecter']] as const) {
  test(`${path} preloads its screen and paints it with the shell`, async ({ page, request }) => {
    const html = await (await request.get(path)).text()
    const preloads = [...html.matchAll(/<link rel="(modulepreload|preload)"[^>]*href="([^"]+)"[^>]*data-screen>/g)].map(m => m[2]!)
    expect(preloads.length).toBeGreaterThan(2)
    for (const href of preloads)
      expect((await request.get(href)).status(), href).toBe(200)
    // The page is index.html with more links: same policy, same entry script.
    expect(html).toContain('http-equiv="Content-Security-Policy"')
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/)

    await watchFirstRender(page)
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error')
        errors.push(message.text())
    })
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    // The shell waited for the screen's code and words: all there when it appeared.
    const atShell = await loadedAtShell(page)
    for (const href of preloads)
      expect(atShell, href).toContain(href)
    // Every word is there in the first render (a screen names the word groups
    // it needs; its page preloads just those): read when the screen appeared,
    // before the other groups, fetched after the paint, could fill a gap.
    const firstText = await page.evaluate(() => (window as unknown as { __firstMainText?: string }).__firstMainText)
    expect(firstText).toContain(title)
    expect(firstText).not.toMatch(RAW_KEY)
    // What the page preloaded is what the screen used: nothing fetched twice.
    const fetched = await fetchedPaths(page)
    for (const href of preloads)
      expect(fetched.filter(p => p === href), href).toHaveLength(1)
    expect(errors).toEqual([])
    await expectNoAxeViolations(page, `${path} (first visit)`)
  })
}

test('a path without its own page paints the shell first, then the screen', async ({ page, request }) => {
  const html = await (await request.get('/compte')).text()
  expect(html).not.toContain('data-screen')
  await watchFirstRender(page)
  await page.goto('/compte')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // The shell did not wait for the screen's code: it came after.
  const screenCode = (path: string) => /\/assets\/AccountView-[\w-]+\.js$/.test(path)
  expect((await loadedAtShell(page)).filter(screenCode)).toEqual([])
  const fetched = await fetchedPaths(page)
  expect(fetched.filter(screenCode)).toHaveLength(1)
})

test('a visitor\'s first screen leaves the other screens\' words and the service worker until start-up is over', async ({ page }) => {
  const words: string[] = []
  page.on('response', (response) => {
    if (/\/assets\/fr-[\w-]+\.js$/.test(response.url()))
      void response.text().then(text => words.push(text), () => {})
  })
  const allocataireWords = () => words.some(text => text.includes('Mon prochain rendez-vous'))
  await page.goto('/livret')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Livret d’accueil')
  // The worker's first install downloads the whole app: not while the visit starts.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined)).toBe(true)
  await page.waitForFunction(() => performance.getEntriesByName('reperes:first-screen').length > 0)
  await page.waitForLoadState('networkidle')
  expect(words.length).toBeGreaterThan(0)
  expect(allocataireWords()).toBe(false)
  // Then it installs, and the app works offline from this first visit.
  await waitForServiceWorker(page)
  const { load, registered } = await page.evaluate(() => ({
    load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
    registered: performance.getEntriesByName('reperes:service-worker')[0]?.startTime ?? 0,
  }))
  expect(registered - load).toBeGreaterThanOrEqual(FIRST_INSTALL_DELAY_MS)

  // The next screen brings its words with it.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Rendez-vous' }).click()
  await page.getByRole('link', { name: 'Se connecter' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter')
  await expect(page.getByText('Connectez-vous pour voir vos rendez-vous, vos prestations et donner votre avis.')).toBeVisible()
  expect(await page.locator('main').textContent()).not.toMatch(RAW_KEY)
  expect(allocataireWords()).toBe(true)
})

test('the shell\'s parts, rendered one task apart, move nothing already shown', async ({ page }) => {
  // A part rendered later above what is shown would push it down, a text that
  // changes in a box sized to it would move sideways: layout shifts.
  await page.addInitScript(() => {
    interface Shift { value: number, startTime: number, sources: { node?: Node, previousRect: DOMRectReadOnly, currentRect: DOMRectReadOnly }[] }
    const w = window as unknown as { __shifts: string[] }
    const rect = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`
    w.__shifts = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Shift[]) {
        const sources = entry.sources.map(s => `${(s.node as Element | undefined)?.outerHTML.slice(0, 60)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`)
        w.__shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${sources.join(' | ')}`)
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
  for (const path of ['/livret', '/prestations', '/structures']) {
    await page.goto(path)
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible()
    await page.waitForFunction(() => performance.getEntriesByName('reperes:first-screen').length > 0)
    expect(await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts), path).toEqual([])
  }
})

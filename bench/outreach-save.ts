// Field contact capture in a real browser (DESIGN §7: saving a contact ≤ 20 ms median in
// Chromium), then the sync of a day's capture made offline.
//
//   npx tsx bench/outreach-save.ts          (BENCH_CONTACTS=500 by default)
//
// What it does: builds the app (production build, `vite build --mode e2e`) for a local
// backend on a throwaway in-memory database, serves it with `vite preview`, signs in as the
// demo outreach worker in Chromium (Pixel 5 profile), cuts the network, and records
// BENCH_CONTACTS minimal contacts through the real form (quartier, how, age band, need,
// save). Then the network comes back and it times the one sync that empties the outbox.
//
// Figures:
//   save (store)   the app's own User Timing measure "outreach-save": validation, the
//                  optimistic row and the outbox entry written in one strict IndexedDB
//                  transaction — what "saving a contact" costs
//   save (screen)  from the tap on "Save" to the confirmation on screen (Vue included)
//   sync           from the network's return to an empty outbox, all contacts on the server
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, devices } from '@playwright/test'
import { bin, CHROMIUM_ARGS, ms, outboxCount, PASSWORD, pulledCount, root, run, signedInClient, stats, waitFor } from './lib/harness.ts'

const COUNT = Number(process.env.BENCH_CONTACTS ?? 500)
const BACKEND_PORT = Number(process.env.BENCH_BACKEND_PORT ?? 54395)
const PREVIEW_PORT = Number(process.env.BENCH_PREVIEW_PORT ?? 4195)
const BACKEND = `http://127.0.0.1:${BACKEND_PORT}`
const APP = `http://127.0.0.1:${PREVIEW_PORT}`
const EMAIL = 'outreach@demo.reperes.paris'

async function serverContactCount(): Promise<number> {
  const client = await signedInClient(BACKEND, EMAIL)
  const n = await pulledCount(client, 'outreach_contacts')
  await client.auth.signOut()
  return n
}

async function main() {
  const outDir = mkdtempSync(path.join(tmpdir(), 'reperes-bench-'))
  const children: ChildProcess[] = []
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
  try {
    console.log('[bench] building the app (production build)…')
    await run(bin('vite'), ['build', '--mode', 'e2e', '--outDir', outDir, '--emptyOutDir'], { VITE_SUPABASE_URL: BACKEND })
    children.push(spawn(bin('tsx'), ['supabase/local/main.ts'], { cwd: root, stdio: 'ignore', env: { ...process.env, LOCAL_BACKEND_PORT: String(BACKEND_PORT), LOCAL_BACKEND_DATA: 'memory' } }))
    children.push(spawn(bin('vite'), ['preview', '--host', '127.0.0.1', '--port', String(PREVIEW_PORT), '--strictPort', '--outDir', outDir], { cwd: root, stdio: 'ignore' }))
    await Promise.all([waitFor(`${BACKEND}/auth/v1/health`), waitFor(APP)])
    const before = await serverContactCount()

    const context = await browser.newContext({ ...devices['Pixel 5'], locale: 'fr-FR', timezoneId: 'Europe/Paris', serviceWorkers: 'allow' })
    const page = await context.newPage()
    await page.goto(`${APP}/connexion?redirect=%2Fterrain`)
    await page.getByLabel('Je suis professionnel ou professionnelle').check()
    await page.getByLabel('Adresse e-mail').fill(EMAIL)
    await page.getByLabel('Mot de passe').fill(PASSWORD)
    await page.getByRole('button', { name: 'Me connecter' }).press('Enter')
    await page.waitForURL(`${APP}/terrain`)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
    await page.getByText('Équipe de développement local Goutte d\'Or').waitFor({ timeout: 30_000 })
    await page.goto(`${APP}/terrain/contact/nouveau`)
    await page.getByTestId('save-contact').waitFor()

    // The tap's time, taken in the page when the click reaches it (no driver overhead).
    await page.evaluate(() => document.addEventListener('click', (event) => {
      if ((event.target as Element).closest('[data-testid="save-contact"]'))
        (window as unknown as { benchTapAt: number }).benchTapAt = performance.now()
    }, { capture: true }))

    await context.setOffline(true)
    const quartiers = ['Goutte d\'Or', 'La Chapelle', 'Porte de la Chapelle']
    const how = ['Rue', 'Marché', 'Association', 'Événement', 'Partenaire']
    const ages = ['18-25 ans', '26-34 ans', '35-49 ans', '50-64 ans']
    const needs = ['Emploi', 'Formation', 'Langue française', 'Numérique']
    const screen: number[] = []
    console.log(`[bench] recording ${COUNT} contacts offline…`)
    const started = Date.now()
    for (let i = 0; i < COUNT; i++) {
      await page.getByRole('radio', { name: quartiers[i % quartiers.length], exact: true }).click()
      await page.getByRole('radio', { name: how[i % how.length], exact: true }).click()
      await page.getByRole('radio', { name: ages[i % ages.length], exact: true }).click()
      await page.getByRole('checkbox', { name: needs[i % needs.length], exact: true }).click()
      await page.getByTestId('save-contact').click()
      const elapsed = await page.evaluate(async (n) => {
        // The confirmation is on screen once the form is back to a blank contact.
        while (performance.getEntriesByName('outreach-save').length < n || document.querySelector('[data-testid="contact-saved"]') === null
          || document.querySelector<HTMLInputElement>('input[type="radio"]:checked[value="street"], input[type="radio"]:checked[value="market"], input[type="radio"]:checked[value="association"], input[type="radio"]:checked[value="event"], input[type="radio"]:checked[value="partner"]') !== null)
          await new Promise(r => requestAnimationFrame(r))
        return performance.now() - (window as unknown as { benchTapAt: number }).benchTapAt
      }, i + 1)
      screen.push(elapsed)
      if ((i + 1) % 100 === 0)
        console.log(`[bench]   ${i + 1} contacts`)
    }
    const captureSeconds = (Date.now() - started) / 1000
    const store = await page.evaluate(() => performance.getEntriesByName('outreach-save').map(e => e.duration))
    const queued = await outboxCount(page)

    console.log('[bench] network back: one sync…')
    const t0 = Date.now()
    await context.setOffline(false)
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    while (await outboxCount(page) > 0)
      await new Promise(r => setTimeout(r, 50))
    const syncMs = Date.now() - t0
    const after = await serverContactCount()

    const s = stats(store)
    const u = stats(screen)
    const result = {
      contacts: COUNT,
      saveStore: s,
      saveScreen: u,
      captureSeconds,
      queuedOffline: queued,
      syncMs,
      onServer: after - before,
      chromium: browser.version(),
    }
    console.log(JSON.stringify(result, null, 2))
    console.log([
      '',
      `| measure (${COUNT} contacts, Chromium ${browser.version()}, Pixel 5 profile) | median | p95 | max |`,
      '|---|---|---|---|',
      `| save a contact: validation + row + outbox entry (strict IndexedDB transaction) | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} |`,
      `| save a contact: tap on "Save" to confirmation on screen | ${ms(u.median)} | ${ms(u.p95)} | ${ms(u.max)} |`,
      '',
      `Queued offline: ${queued} mutations. One sync after reconnecting: ${(syncMs / 1000).toFixed(2)} s until the outbox was empty; ${after - before} contacts on the server.`,
    ].join('\n'))
    if (queued !== COUNT || after - before !== COUNT)
      process.exitCode = 1
  }
  finally {
    await browser.close()
    for (const child of children)
      child.kill()
    rmSync(outDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

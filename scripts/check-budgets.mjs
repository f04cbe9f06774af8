#!/usr/bin/env node
// Measures the first screen as a phone loads it: serves dist/ with `vite
// preview`, opens "/" in Chromium (service worker blocked, so only the page's
// own requests count), and sums the gzip size of every script and stylesheet
// requested until the first screen is rendered (its heading visible). What the
// app fetches after that (other screens' words, the sync engine at idle) is
// reported as "after start-up" but not held to the budget. Fails past the
// DESIGN §7 budgets on "/" and on the pages a first visit may open on: the
// public content screens and sign-in, whose first screen also needs the
// screen's chunk and words (their pages preload them, vite/routePreload.ts).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { COMPILE_HINT } from '../vite/compileHints.ts'
import { startPreview } from './preview-server.mjs'

const BUDGET = { js: 90 * 1024, css: 15 * 1024 }
const PORT = Number(process.env.BUDGET_PORT ?? 4175)
const root = new URL('..', import.meta.url).pathname

const server = await startPreview(PORT, root)
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
let failed = false
/** Measures one page's first screen; returns whether it is within the budgets. */
async function measure(path) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR' })
  const page = await context.newPage()
  // Note, in the page, when the first screen's heading appears (a mutation
  // observer runs before any task the app queues after mounting).
  await page.addInitScript(() => {
    new MutationObserver((_m, observer) => {
      if (document.querySelector('main h1')) {
        window.__firstScreenAt = performance.now()
        observer.disconnect()
      }
    }).observe(document, { childList: true, subtree: true })
  })
  for (let i = 0; ; i++) {
    try { await page.goto(`http://127.0.0.1:${PORT}${path}`, { waitUntil: 'load' }); break }
    catch (error) { if (i > 20) throw error; await new Promise(r => setTimeout(r, 500)) }
  }
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.waitForTimeout(4000)
  await page.waitForLoadState('networkidle')
  const entries = await page.evaluate(() => ({
    at: window.__firstScreenAt,
    resources: performance.getEntriesByType('resource').map(e => ({ name: e.name, start: e.startTime })),
  }))
  if (typeof entries.at !== 'number')
    throw new Error('the first screen never showed its heading')
  const files = { js: new Set(), css: new Set() }
  const later = new Set()
  for (const { name, start } of entries.resources) {
    const url = new URL(name)
    if (url.port !== String(PORT)) continue
    const kind = url.pathname.endsWith('.js') ? 'js' : url.pathname.endsWith('.css') ? 'css' : null
    if (!kind) continue
    if (start <= entries.at) files[kind].add(url.pathname)
    else later.add(url.pathname)
  }

  await context.close()
  let ok = true
  console.log(`\n${path}`)
  for (const kind of ['js', 'css']) {
    const rows = [...files[kind]].map(path => ({ path, gzip: gzipSync(readFileSync(join(root, 'dist', path)), { level: 9 }).length }))
    const total = rows.reduce((sum, row) => sum + row.gzip, 0)
    for (const row of rows) console.log(`  ${kind.padEnd(3)} ${(row.gzip / 1024).toFixed(1).padStart(6)} KB  ${row.path}`)
    const within = total <= BUDGET[kind]
    ok &&= within
    console.log(`first screen ${kind.toUpperCase()}: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET[kind] / 1024} KB) ${within ? 'ok' : 'OVER BUDGET'}`)
  }
  const afterBytes = [...later].filter(p => !files.js.has(p) && !files.css.has(p)).reduce((sum, p) => sum + gzipSync(readFileSync(join(root, 'dist', p)), { level: 9 }).length, 0)
  console.log(`after start-up (not budgeted): ${later.size} more files, ${(afterBytes / 1024).toFixed(1)} KB gzip`)
  return ok
}

/**
 * The scripts index.html loads (the entry and what it preloads) must carry V8's
 * compile hint on their first line (vite/compileHints.ts): without it the boot
 * compiles them on the main thread, function by function.
 */
function checkCompileHints() {
  const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map(m => m[1])
  const missing = scripts.filter(path => !readFileSync(join(root, 'dist', path), 'utf8').startsWith(`${COMPILE_HINT}\n`))
  console.log(`compile hint on the boot's scripts: ${scripts.length - missing.length} of ${scripts.length}${missing.length ? ` — MISSING on ${missing.join(', ')}` : ' ok'}`)
  return scripts.length > 0 && missing.length === 0
}

try {
  failed = !checkCompileHints() || failed
  for (const path of ['/', '/livret', '/prestations', '/prestations/evenements', '/structures', '/connexion'])
    failed = !(await measure(path)) || failed
  process.exitCode = failed ? 1 : 0
}
finally {
  await browser.close()
  server.kill()
}

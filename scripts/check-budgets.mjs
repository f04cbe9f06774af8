#!/usr/bin/env node
// Measures the first screen as a phone loads it: serves dist/ with `vite
// preview`, opens "/" in Chromium (service worker blocked, so only the page's
// own requests count), and sums the gzip size of every script and stylesheet
// it fetched. Fails past the DESIGN §7 budgets.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'

const BUDGET = { js: 90 * 1024, css: 15 * 1024 }
const PORT = Number(process.env.BUDGET_PORT ?? 4175)
const root = new URL('..', import.meta.url).pathname

const server = spawn('vite', ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore' })
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR' })
  const page = await context.newPage()
  const files = { js: new Set(), css: new Set() }
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (url.port !== String(PORT)) return
    const type = response.request().resourceType()
    if (type === 'script') files.js.add(url.pathname)
    if (type === 'stylesheet' || url.pathname.endsWith('.css')) files.css.add(url.pathname)
  })
  for (let i = 0; ; i++) {
    try { await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'networkidle' }); break }
    catch (error) { if (i > 20) throw error; await new Promise(r => setTimeout(r, 500)) }
  }
  await page.getByRole('heading', { level: 1 }).waitFor()

  let failed = false
  const result = {}
  for (const kind of ['js', 'css']) {
    const rows = [...files[kind]].map(path => ({ path, gzip: gzipSync(readFileSync(join(root, 'dist', path)), { level: 9 }).length }))
    const total = rows.reduce((sum, row) => sum + row.gzip, 0)
    result[kind] = { total, budget: BUDGET[kind], files: rows }
    for (const row of rows) console.log(`  ${kind.padEnd(3)} ${(row.gzip / 1024).toFixed(1).padStart(6)} KB  ${row.path}`)
    const ok = total <= BUDGET[kind]
    failed ||= !ok
    console.log(`first screen ${kind.toUpperCase()}: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET[kind] / 1024} KB) ${ok ? 'ok' : 'OVER BUDGET'}`)
  }
  process.exitCode = failed ? 1 : 0
}
finally {
  await browser.close()
  server.kill()
}

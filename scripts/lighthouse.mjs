#!/usr/bin/env node
// Lighthouse (mobile preset) on the production build served locally. Writes
// the JSON reports to .lighthouse/ and prints the four category scores.
//
// The performance score of one run moves by ± 5 points on the same build here
// (2 shared cores: the blocking time the simulation counts is the main thread's
// wall time, and now and then the browser holds the first frame for a second
// or more). Lighthouse's documentation on variability advises what this script
// does about it:
// - several runs, the median being the figure: LIGHTHOUSE_RUNS, 5 by default
//   (five runs halve the variance of the median, by that documentation; with
//   three, two unlucky runs out of three made a page's figure);
// - no other process busy on the host during a run: each run waits until the
//   CPUs have been quiet for a second (scripts/host-quiet.mjs, 20 s at most,
//   one minute over all the runs);
// - a warm server: every compressible file is requested once before the first
//   run, so the preview's gzip (compressed once per file) is not done while a
//   page loads, which no production host does either.
// Every run's score is printed with the host's CPU benchmark as Lighthouse
// measured it (higher is faster; it drops when something else holds a core).
// Gates: accessibility must be 100 on every run; a median performance below 75
// fails (a regression, not noise).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs'
import { join, relative } from 'node:path'
import { waitForQuietHost } from './host-quiet.mjs'
import { startPreview } from './preview-server.mjs'

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 4176)
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 5))
const PERFORMANCE_GATE = 75
const TARGET = 95
const root = new URL('..', import.meta.url).pathname
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/livret', '/prestations', '/structures']
const outDir = join(root, '.lighthouse')
mkdirSync(outDir, { recursive: true })

/** One Lighthouse run; null when Lighthouse itself failed. */
function audit(path, out) {
  const run = spawnSync('lighthouse', [
    `http://127.0.0.1:${PORT}${path}`,
    '--output=json', `--output-path=${out}`, '--quiet',
    '--only-categories=performance,accessibility,best-practices,seo',
    // A French browser, as most of the app's users have (navigator.languages
    // follows --accept-lang; --lang alone leaves headless Chromium in English).
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --lang=fr-FR --accept-lang=fr-FR,fr',
  ], { cwd: root, env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] })
  return run.status === 0 ? JSON.parse(readFileSync(out, 'utf8')) : null
}

const score = (report, id) => Math.round((report.categories[id]?.score ?? 0) * 100)
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Every compressible file of the build, requested once the way a browser asks for it. */
async function warm(dir) {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(f => f.isFile() && /\.(?:js|css|json|webmanifest|svg)$/.test(f.name))
    .map(f => `/${relative(dir, join(f.parentPath, f.name)).split('\\').join('/')}`)
  await Promise.all(files.map(async (file) => {
    const response = await fetch(`http://127.0.0.1:${PORT}${file}`, { headers: { 'Accept-Encoding': 'gzip' } })
    await response.arrayBuffer()
  }))
}

const server = await startPreview(PORT, root)
let failed = false
// CI must stay under 30 minutes: on a host that never goes quiet, the waits
// stop at one minute in all (then each run waits a second, and measures).
let quietBudgetMs = 60_000
try {
  await warm(join(root, 'dist'))
  for (const path of pages) {
    const name = path === '/' ? 'home' : path.replace(/\W+/g, '_').replace(/^_/, '')
    const reports = []
    // A run Lighthouse itself could not finish is tried again, twice at most.
    for (let attempt = 0; reports.length < RUNS && attempt < RUNS + 2; attempt++) {
      const out = join(outDir, `${name}.json`)
      const quiet = await waitForQuietHost({ maxMs: Math.min(20_000, quietBudgetMs) })
      quietBudgetMs = Math.max(0, quietBudgetMs - quiet.waitedMs)
      if (quiet.busy !== null && quiet.busy >= 0.15)
        console.log(`  (the host stayed busy: ${Math.round(quiet.busy * 100)} % of its CPUs after ${Math.round(quiet.waitedMs / 1000)} s; measuring anyway)`)
      const report = audit(path, out)
      if (!report)
        continue
      renameSync(out, join(outDir, `${name}-${reports.length + 1}.json`))
      reports.push(report)
    }
    if (!reports.length) {
      console.error(`lighthouse failed on ${path}`)
      failed = true
      continue
    }
    const performance = reports.map(r => score(r, 'performance'))
    const others = ['accessibility', 'best-practices', 'seo'].map(id => [id, Math.min(...reports.map(r => score(r, id)))])
    const mid = median(performance)
    const hosts = reports.map(r => Math.round(r.environment?.benchmarkIndex ?? 0))
    console.log(`${path.padEnd(14)} performance ${mid} (runs: ${performance.join(', ')}; target ${TARGET}) · ${others.map(([k, v]) => `${k} ${v}`).join(' · ')}`)
    console.log(`${''.padEnd(14)} host CPU benchmark per run: ${hosts.join(', ')}`)
    const inaccessible = reports.find(r => score(r, 'accessibility') < 100)
    if (inaccessible) {
      failed = true
      const bad = Object.values(inaccessible.audits).filter(a => a.score === 0 && inaccessible.categories.accessibility.auditRefs.some(r => r.id === a.id))
      console.error(`  accessibility below 100: ${bad.map(a => a.id).join(', ')}`)
    }
    if (mid < PERFORMANCE_GATE) {
      failed = true
      console.error(`  performance below ${PERFORMANCE_GATE}`)
    }
  }
}
finally {
  server.kill()
}
process.exitCode = failed ? 1 : 0

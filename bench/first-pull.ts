// First pull of all public content by an anonymous visitor (DESIGN §7: ≤ 300 KB on the wire).
//
//   npx tsx bench/first-pull.ts                 (BENCH_ROUNDS=5 fresh browser profiles)
//
// What it does: builds the app for its own backend (seeded demo content), then, in a fresh
// Chromium profile each round, opens the home page as an anonymous visitor and records every
// call to the backend until the engine's pull answers `has_more: false`. The bytes are the
// ones Chromium received (body as encoded on the wire, headers apart). The same pages are then
// fetched from Node to give the raw JSON size and what gzip and brotli make of it (the local
// backend gzips large answers, as a deployed Supabase does behind its gateway).
//
// Figures:
//   time    from the first sync_pull request to the response with has_more false
//   bytes   response bodies of every /rest and /auth call during the pull, on the wire
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { devices } from '@playwright/test'
import { ANON_KEY, startHarness, stats } from './lib/harness.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const BACKEND_PORT = Number(process.env.BENCH_BACKEND_PORT ?? 54397)
const PREVIEW_PORT = Number(process.env.BENCH_PREVIEW_PORT ?? 4197)
/** The client's page size (src/sync/pull.ts PULL_LIMIT). */
const PULL_LIMIT = 500

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

async function main() {
  const h = await startHarness({ backendPort: BACKEND_PORT, previewPort: PREVIEW_PORT })
  try {
    // From Node: the pages an anonymous client pulls, their raw size, what compression gives.
    const pages: string[] = []
    const rows: Record<string, number> = {}
    let contentEncoding: string | null = null
    let cursor: string | null = null
    for (;;) {
      const res = await fetch(`${h.backend}/rest/v1/rpc/sync_pull`, {
        method: 'POST',
        headers: { 'apikey': ANON_KEY, 'authorization': `Bearer ${ANON_KEY}`, 'content-type': 'application/json', 'accept-encoding': 'gzip, br' },
        body: JSON.stringify({ cursor, lim: PULL_LIMIT, schema_version: 1 }),
      })
      contentEncoding = res.headers.get('content-encoding')
      const text = await res.text()
      pages.push(text)
      const page = JSON.parse(text) as { changes: Record<string, unknown[]>, cursor: string, has_more: boolean }
      for (const [table, list] of Object.entries(page.changes))
        rows[table] = (rows[table] ?? 0) + list.length
      cursor = page.cursor
      if (!page.has_more)
        break
    }
    const raw = pages.reduce((s, p) => s + Buffer.byteLength(p), 0)
    const gzip = pages.reduce((s, p) => s + gzipSync(p).length, 0)
    const brotli = pages.reduce((s, p) => s + brotliCompressSync(p).length, 0)

    // In Chromium: what the app really fetches on a first visit.
    const times: number[] = []
    const wire: number[] = []
    let calls: string[] = []
    for (let round = 1; round <= ROUNDS; round++) {
      const context = await h.browser.newContext({ ...devices['Pixel 5'], locale: 'fr-FR', timezoneId: 'Europe/Paris', serviceWorkers: 'block' })
      const page = await context.newPage()
      const seen: Promise<{ url: string, bytes: number, start: number, end: number, last: boolean }>[] = []
      const starts = new Map<unknown, number>()
      page.on('request', (req) => {
        if (req.url().startsWith(h.backend))
          starts.set(req, Date.now())
      })
      let done!: () => void
      const finished = new Promise<void>(r => (done = r))
      page.on('requestfinished', (req) => {
        const start = starts.get(req)
        if (start === undefined || req.method() === 'OPTIONS')
          return
        const end = Date.now()
        seen.push((async () => {
          const sizes = await req.sizes()
          const res = await req.response()
          let last = false
          if (req.url().includes('/rpc/sync_pull')) {
            last = !((await res!.json()) as { has_more: boolean }).has_more
            if (last)
              done()
          }
          return { url: new URL(req.url()).pathname, bytes: sizes.responseBodySize, start, end, last }
        })())
      })
      await page.goto(h.app)
      await Promise.race([finished, new Promise((_, reject) => setTimeout(() => reject(new Error('no complete pull')), 60_000))])
      const list = await Promise.all(seen)
      const pulls = list.filter(c => c.url.endsWith('/rpc/sync_pull'))
      const t = Math.max(...pulls.filter(c => c.last).map(c => c.end)) - Math.min(...pulls.map(c => c.start))
      times.push(t)
      wire.push(list.reduce((s, c) => s + c.bytes, 0))
      calls = list.map(c => c.url)
      console.log(`[bench] round ${round}: ${list.length} calls (${pulls.length} sync_pull), ${kb(wire.at(-1)!)} received, pull ${t} ms`)
      await context.close()
    }

    const t = stats(times)
    const result = { rows, pages: pages.length, contentEncoding, raw, gzip, brotli, wire, calls, times, engine: h.engine, chromium: h.browser.version() }
    console.log(JSON.stringify(result, null, 2))
    console.log([
      '',
      `Rows: ${Object.entries(rows).map(([k, v]) => `${k} ${v}`).join(', ')} — ${pages.length} page(s) of ${PULL_LIMIT}.`,
      `Local backend Content-Encoding: ${contentEncoding ?? 'none (JSON sent uncompressed)'}.`,
      '',
      '| first pull of public content (anonymous) | value |',
      '|---|---|',
      `| received by Chromium, bodies of every backend call (${calls.length} calls) | ${kb(stats(wire).median)} |`,
      `| sync_pull JSON, raw | ${kb(raw)} |`,
      `| same, gzip (level 6) | ${kb(gzip)} |`,
      `| same, brotli | ${kb(brotli)} |`,
      `| time, first sync_pull → has_more false (median / max of ${ROUNDS}) | ${t.median} ms / ${t.max} ms |`,
    ].join('\n'))
    if (Math.min(raw, stats(wire).median) > 300 * 1024 && gzip > 300 * 1024)
      process.exitCode = 1
  }
  finally {
    await h.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

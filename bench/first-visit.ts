// A first visit to each public page, as on a cheap phone: Chromium with its CPU
// slowed 4× (Lighthouse's mobile preset), no service worker yet, the backend
// serving the seeded public content. Per page, the median of BENCH_RUNS visits:
// first contentful paint, largest contentful paint (usually the screen's
// intro), when the first item of content read from the device shows, and the
// main thread's blocking time (the part past 50 ms of each long task) until then.
//
//   npx tsx bench/first-visit.ts            # 5 visits per page
//   BENCH_RUNS=9 BENCH_CPU=6 npx tsx bench/first-visit.ts
import { ms, startHarness, stats } from './lib/harness.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const CPU = Number(process.env.BENCH_CPU ?? 4)
/** Page → what shows once content is on the device. */
const PAGES: Record<string, string> = {
  '/livret': 'main .booklet-section',
  '/prestations': 'main .prestations__list li',
  '/structures': 'main .structures__list li',
}

interface Visit { fcp: number, lcp: number, content: number, blocking: number }

const h = await startHarness({
  backendPort: Number(process.env.BENCH_BACKEND_PORT ?? 54399),
  previewPort: Number(process.env.BENCH_PREVIEW_PORT ?? 4199),
})
try {
  console.log(`\nfirst visits, CPU ${CPU}× slower, ${RUNS} per page, ${h.engine}\n`)
  console.log('| page | FCP | LCP | content shown | blocking until then |')
  console.log('|---|---|---|---|---|')
  for (const [path, selector] of Object.entries(PAGES)) {
    const visits: Visit[] = []
    for (let i = 0; i < RUNS; i++) {
      const context = await h.browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR', viewport: { width: 412, height: 823 } })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU })
      await page.addInitScript(() => {
        const w = window as unknown as { __lcp: number, __tasks: [number, number][] }
        w.__lcp = 0
        w.__tasks = []
        new PerformanceObserver(list => list.getEntries().forEach((e) => {
          w.__lcp = e.startTime
        })).observe({ type: 'largest-contentful-paint', buffered: true })
        new PerformanceObserver(list => list.getEntries().forEach(e => w.__tasks.push([e.startTime, e.duration])))
          .observe({ type: 'longtask', buffered: true })
      })
      await page.goto(`${h.app}${path}`)
      await page.locator(selector).first().waitFor({ timeout: 60_000 })
      const content = await page.evaluate(() => performance.now())
      const visit = await page.evaluate((until) => {
        const w = window as unknown as { __lcp: number, __tasks: [number, number][] }
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
        const blocking = w.__tasks.filter(([start]) => start >= fcp && start < until).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0)
        return { fcp, lcp: w.__lcp, blocking }
      }, content)
      visits.push({ ...visit, content })
      await context.close()
    }
    const median = (key: keyof Visit) => ms(stats(visits.map(v => v[key])).median)
    console.log(`| ${path} | ${median('fcp')} | ${median('lcp')} | ${median('content')} | ${median('blocking')} |`)
  }
}
finally {
  await h.close()
}

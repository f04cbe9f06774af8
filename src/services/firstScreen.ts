// The first screen's paint, as a milestone. Work no first screen shows — opening
// the local database (Dexie, ≈ 30 KB gzip to fetch and parse), the service
// worker's registration and prompts — waits for it, so that a cheap phone spends
// its first second fetching and running only what the screen shows. Until
// main.ts holds the gate (unit tests, tools), nothing waits.

import { SCREEN_PRELOAD_ATTRIBUTE } from './screenPreload'

let gate: Promise<void> = Promise.resolve()
let held = false

/** A task of its own: a macrotask, so the browser may paint and handle input in between. */
export const nextTask = (): Promise<void> => new Promise<void>(resolve => setTimeout(resolve, 0))

/**
 * Resolves once the first screen has been painted (at once if nobody held the
 * gate). Each waiter resumes in a task of its own: the work queued behind the
 * gate (opening the database, the service worker's prompts, the sync session)
 * would otherwise run as one long task right after the paint.
 */
export function whenFirstScreenShown(): Promise<void> {
  return held ? gate.then(nextTask) : gate
}

/** Holds the gate; the returned function opens it after the next paint. */
export function holdUntilFirstScreen(): () => void {
  let open!: () => void
  held = true
  gate = new Promise<void>((resolve) => {
    open = resolve
  })
  return () => {
    // Two frames later (the first has then been presented, not only produced),
    // once the main thread is idle: the screen's paint is not delayed by what
    // comes next. A hidden tab gets no frames: the timer opens the gate anyway.
    const fallback = setTimeout(open, 1_000)
    const done = () => {
      clearTimeout(fallback)
      // Visible in performance traces (and bench/), next to the paint entries.
      performance.mark?.('reperes:first-screen')
      open()
    }
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      if ('requestIdleCallback' in window)
        requestIdleCallback(done, { timeout: 300 })
      else
        done()
    }, 0)))
  }
}

/**
 * Whether the first screen's code is at hand: the page preloads it, or a
 * service worker holds every screen in its cache. Then the shell waits for the
 * screen and both render together (one task apart, App.vue): each part renders
 * once, instead of the shell painting a blank screen that fills in later.
 * Otherwise the shell paints first and the screen follows.
 */
export function screenAtHand(doc: Document = document, nav: Navigator = navigator): boolean {
  return doc.querySelector(`link[${SCREEN_PRELOAD_ATTRIBUTE}]`) !== null || !!nav.serviceWorker?.controller
}

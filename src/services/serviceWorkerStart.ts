// When the service worker may be registered. Its first install downloads the
// whole app (every screen, every language: ≈ 1.7 MB) and writes it to the
// cache. Started with the first screen, that install competes with the visit's
// own start-up — the local database, the sync code, the first pull of the
// content the screen is waiting for — for the network and the few cores of a
// cheap phone. So a first install waits until start-up is over; a device the
// worker already controls only checks for an update, which is cheap: it starts
// with the first screen, as before.

import { whenFirstScreenShown } from './firstScreen'

/** How long after the load event a first install waits: the sync session starts then, and pulls. */
export const FIRST_INSTALL_DELAY_MS = 3_000
/** The longest it then waits for an idle moment. */
const IDLE_TIMEOUT_MS = 2_000

interface Env {
  navigator: Pick<Navigator, 'serviceWorker'>
  document: Pick<Document, 'readyState'>
  window: Pick<Window, 'addEventListener' | 'setTimeout'> & Partial<Pick<Window, 'requestIdleCallback'>>
}

const browser = (): Env => ({ navigator, document, window })

function afterLoad(env: Env): Promise<void> {
  return new Promise((resolve) => {
    if (env.document.readyState === 'complete')
      resolve()
    else
      env.window.addEventListener('load', () => resolve(), { once: true })
  })
}

/** Resolves when the service worker may be registered (see above). */
export async function whenServiceWorkerMayStart(env: Env = browser()): Promise<void> {
  await whenFirstScreenShown()
  if (env.navigator.serviceWorker?.controller)
    return
  await afterLoad(env)
  await new Promise<void>(resolve => env.window.setTimeout(resolve, FIRST_INSTALL_DELAY_MS))
  await new Promise<void>((resolve) => {
    if (env.window.requestIdleCallback)
      env.window.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS })
    else
      resolve()
  })
}

// The web app manifest's <link>, added once the first screen is painted.
// Shared by the build (vite/deferredManifest.ts takes the link out of the
// pages) and the app (PwaPrompts.vue puts it back): kept free of browser
// globals at import time so the build can import it.
//
// Why later: the manifest in the page makes the browser fetch it, then the
// icons it names to decide whether the app can be installed, all while the
// first screen's code is still on its way. Installability is read again
// whenever a manifest link appears, so nothing is lost by adding it after the
// paint.

/** The manifest's file name, as vite-plugin-pwa writes it. */
export const MANIFEST_FILE = 'manifest.webmanifest'

/** Puts the manifest link in the page's <head>, once. */
export function linkManifest(doc: Document, base: string): void {
  if (doc.querySelector('link[rel="manifest"]'))
    return
  const link = doc.createElement('link')
  link.rel = 'manifest'
  link.href = `${base}${MANIFEST_FILE}`
  doc.head.append(link)
}

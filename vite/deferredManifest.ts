// Takes the web app manifest's <link> (written by vite-plugin-pwa) out of the
// built pages; the app adds it back once its first screen is painted
// (src/services/manifestLink.ts says why). The build fails if the link is not
// the one the app adds, so the two cannot drift apart.
import type { Plugin, ResolvedConfig } from 'vite'
import { MANIFEST_FILE } from '../src/services/manifestLink.ts'

const MANIFEST_LINK = /[ \t]*<link rel="manifest" href="([^"]*)"[^>]*>\n?/g

/** The page without its manifest link; throws unless it had exactly one, to `href`. */
export function withoutManifestLink(html: string, href: string): string {
  const found = [...html.matchAll(MANIFEST_LINK)].map(m => m[1])
  if (found.length !== 1 || found[0] !== href)
    throw new Error(`deferred manifest: expected one <link rel="manifest" href="${href}">, found ${found.length ? found.join(', ') : 'none'}`)
  return html.replace(MANIFEST_LINK, '')
}

export function deferredManifestPlugin(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'reperes-deferred-manifest',
    apply: 'build',
    // vite-plugin-pwa's own plugin is `enforce: 'post'`: among those, this one
    // comes after it (it is listed after it in vite.config.ts).
    enforce: 'post',
    configResolved(resolved) {
      config = resolved
    },
    transformIndexHtml: {
      // After vite-plugin-pwa has written the link (see `enforce`).
      order: 'post',
      handler: html => withoutManifestLink(html, `${config.base}${MANIFEST_FILE}`),
    },
  }
}

// Content-Security-Policy of the production build, delivered as a <meta http-equiv> that this
// plugin writes into index.html at build time (never in dev: Vite's dev server injects inline
// scripts for hot reload). The policy allows scripts, styles, workers and the manifest from
// the app's own origin only, and network calls to the app and to the Supabase project
// (VITE_SUPABASE_URL). Nothing inline: the build fails if index.html gains an inline script or
// style. Directives a <meta> cannot carry (frame-ancestors, report-to, sandbox) belong in
// the host's HTTP headers: see docs/threat-model.md, "Content-Security-Policy".
import type { Plugin } from 'vite'

export interface CspOptions {
  /** The Supabase project URL; default: VITE_SUPABASE_URL of the build's mode. */
  supabaseUrl?: string
  /** Also allow the project's websocket (wss://): only if the app ever uses Supabase Realtime. */
  realtime?: boolean
}

/** The policy text for a Supabase URL (absent: same-origin API, e.g. behind a reverse proxy). */
export function contentSecurityPolicy(options: { supabaseUrl?: string, realtime?: boolean } = {}): string {
  const connect = ["'self'"]
  if (options.supabaseUrl) {
    const url = new URL(options.supabaseUrl)
    connect.push(url.origin)
    if (options.realtime)
      connect.push(`${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`)
  }
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // Vue sets styles through the CSSOM (element.style), which CSP does not restrict: no 'unsafe-inline'.
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': connect,
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
  }
  return Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`).join('; ')
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>/i
const INLINE_STYLE = /<style\b|\sstyle\s*=/i

export function cspPlugin(options: CspOptions = {}): Plugin {
  let policy = ''
  return {
    name: 'reperes-csp',
    apply: 'build',
    configResolved(config) {
      const supabaseUrl = options.supabaseUrl ?? (config.env.VITE_SUPABASE_URL as string | undefined)
      policy = contentSecurityPolicy({ supabaseUrl: supabaseUrl || undefined, realtime: options.realtime })
    },
    transformIndexHtml: {
      // After the other plugins have written the page (any script or style they add is checked).
      order: 'post',
      handler(html) {
        if (INLINE_SCRIPT.test(html))
          throw new Error('index.html has an inline <script>: the Content-Security-Policy forbids it (load it from a file).')
        if (INLINE_STYLE.test(html))
          throw new Error('index.html has an inline style: the Content-Security-Policy forbids it (use a stylesheet).')
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`
        // First thing after the charset, so it governs every element that follows.
        if (/<meta charset[^>]*>/i.test(html))
          return html.replace(/(<meta charset[^>]*>)/i, `$1\n    ${meta}`)
        return html.replace(/<head>/i, `<head>\n    ${meta}`)
      },
    },
  }
}

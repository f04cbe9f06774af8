// The build-time Content-Security-Policy (vite/csp.ts): the policy text, its place in
// index.html, and a build that fails when the page gains inline code.
import type { IndexHtmlTransformHook, Plugin, ResolvedConfig } from 'vite'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, cspPlugin } from '../../../vite/csp'

const PAGE = '<!doctype html>\n<html lang="fr">\n  <head>\n    <meta charset="UTF-8" />\n    <title>Repères</title>\n    <script type="module" crossorigin src="/assets/index.js"></script>\n  </head>\n  <body><div id="app"></div></body>\n</html>'

function transform(plugin: Plugin, html: string): string {
  const hook = plugin.transformIndexHtml as { handler: IndexHtmlTransformHook }
  return hook.handler.call({} as never, html, { path: '/index.html', filename: 'index.html' }) as string
}

function resolved(env: Record<string, string>): Plugin {
  const plugin = cspPlugin()
  ;(plugin.configResolved as (c: ResolvedConfig) => void)({ env } as unknown as ResolvedConfig)
  return plugin
}

describe('content security policy', () => {
  it('allows only the app and the Supabase project, and nothing inline', () => {
    const policy = contentSecurityPolicy({ supabaseUrl: 'https://abcd.supabase.co/' })
    expect(policy).toContain('script-src \'self\';')
    expect(policy).toContain('connect-src \'self\' https://abcd.supabase.co;')
    expect(policy).toContain('object-src \'none\'')
    expect(policy).toContain('base-uri \'none\'')
    expect(policy).not.toMatch(/unsafe-|wss:|frame-ancestors/)
    expect(contentSecurityPolicy({ supabaseUrl: 'https://abcd.supabase.co', realtime: true })).toContain('connect-src \'self\' https://abcd.supabase.co wss://abcd.supabase.co;')
    expect(contentSecurityPolicy()).toContain('connect-src \'self\';')
  })

  it('is written right after the charset, before any script, from the build\'s VITE_SUPABASE_URL', () => {
    const html = transform(resolved({ VITE_SUPABASE_URL: 'http://127.0.0.1:54321' }), PAGE)
    const meta = html.indexOf('http-equiv="Content-Security-Policy"')
    expect(meta).toBeGreaterThan(html.indexOf('<meta charset'))
    expect(meta).toBeLessThan(html.indexOf('<script'))
    expect(html).toContain('connect-src \'self\' http://127.0.0.1:54321;')
  })

  it('runs only in builds (the dev server injects inline scripts)', () => {
    expect(cspPlugin().apply).toBe('build')
  })

  it.each([
    ['an inline script', PAGE.replace('</body>', '<script>window.x = 1</script></body>')],
    ['an inline style element', PAGE.replace('</head>', '<style>body{}</style></head>')],
    ['a style attribute', PAGE.replace('<div id="app">', '<div id="app" style="color:red">')],
  ])('fails the build on %s', (_label, html) => {
    expect(() => transform(resolved({}), html)).toThrow(/Content-Security-Policy/)
  })
})

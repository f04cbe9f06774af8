// The manifest's link leaves the built pages (vite/deferredManifest.ts) and the
// app adds it back after its first paint (src/services/manifestLink.ts).
import { describe, expect, it } from 'vitest'
import { linkManifest, MANIFEST_FILE } from '../../../src/services/manifestLink'
import { withoutManifestLink } from '../../../vite/deferredManifest'

const page = (links: string) => `<!doctype html>
<html>
  <head>
    <link rel="stylesheet" crossorigin href="/assets/index.css">
${links}  </head>
  <body><div id="app"></div></body>
</html>`

describe('the build', () => {
  it('takes the manifest link out of the page, and nothing else', () => {
    const html = page('  <link rel="manifest" href="/manifest.webmanifest">\n')
    expect(withoutManifestLink(html, `/${MANIFEST_FILE}`)).toBe(page(''))
  })

  it('fails when the link is missing, doubled or elsewhere than where the app puts it', () => {
    expect(() => withoutManifestLink(page(''), '/manifest.webmanifest')).toThrow(/found none/)
    const twice = page('  <link rel="manifest" href="/manifest.webmanifest">\n  <link rel="manifest" href="/manifest.webmanifest">\n')
    expect(() => withoutManifestLink(twice, '/manifest.webmanifest')).toThrow(/found \/manifest.webmanifest, \/manifest.webmanifest/)
    expect(() => withoutManifestLink(page('  <link rel="manifest" href="/app/manifest.json">\n'), '/manifest.webmanifest')).toThrow(/found \/app\/manifest.json/)
  })
})

describe('the app', () => {
  it('adds the manifest link to the head once, under the app\'s base', () => {
    linkManifest(document, '/app/')
    linkManifest(document, '/app/')
    const links = document.head.querySelectorAll('link[rel="manifest"]')
    expect(links).toHaveLength(1)
    expect(links[0]!.getAttribute('href')).toBe('/app/manifest.webmanifest')
    links[0]!.remove()
  })
})

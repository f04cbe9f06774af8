// One page per public screen that preloads the screen's code and words
// (vite/routePreload.ts), and main.ts painting shell and screen together when
// the screen is at hand (services/firstScreen.ts).
import type { Rolldown } from 'vite'
import { describe, expect, it } from 'vitest'
import { screenAtHand } from '@/services/firstScreen'
import { pageFile, preloadTags, staticClosure } from '../../../vite/routePreload'

type Chunk = Rolldown.OutputChunk
const chunk = (fileName: string, imports: string[] = [], css: string[] = []) =>
  ({ fileName, imports, viteMetadata: { importedCss: new Set(css), importedAssets: new Set() } }) as unknown as Chunk

describe('route preload pages', () => {
  it('writes a static path to its own file, and refuses anything else', () => {
    expect(pageFile('/prestations')).toBe('prestations.html')
    expect(pageFile('/prestations/evenements')).toBe('prestations/evenements.html')
    for (const bad of ['/', 'livret', '/prestations/:id', '/livret/', '/../etc'])
      expect(() => pageFile(bad), bad).toThrow(/static path/)
  })

  it('preloads a screen\'s chunks in load order, without what index.html loads already', () => {
    const chunks = new Map([
      chunk('assets/shell.js'),
      chunk('assets/index.js', ['assets/shell.js']),
      chunk('assets/Card.js', ['assets/shell.js'], ['assets/Card.css']),
      chunk('assets/content.js', ['assets/Card.js', 'assets/shell.js'], ['assets/content.css']),
      chunk('assets/PrestationsView.js', ['assets/content.js', 'assets/Card.js'], ['assets/PrestationsView.css']),
    ].map(c => [c.fileName, c]))
    const loaded = new Set(staticClosure(chunks.get('assets/index.js')!, chunks, new Set()).map(c => c.fileName))
    expect([...loaded]).toEqual(['assets/shell.js', 'assets/index.js'])
    const list = staticClosure(chunks.get('assets/PrestationsView.js')!, chunks, loaded)
    expect(list.map(c => c.fileName)).toEqual(['assets/Card.js', 'assets/content.js', 'assets/PrestationsView.js'])

    const tags = preloadTags(list, '/').trim().split('\n').map(t => t.trim())
    expect(tags).toEqual([
      '<link rel="preload" as="style" crossorigin href="/assets/Card.css" data-screen>',
      '<link rel="preload" as="style" crossorigin href="/assets/content.css" data-screen>',
      '<link rel="preload" as="style" crossorigin href="/assets/PrestationsView.css" data-screen>',
      '<link rel="modulepreload" crossorigin href="/assets/Card.js" data-screen>',
      '<link rel="modulepreload" crossorigin href="/assets/content.js" data-screen>',
      '<link rel="modulepreload" crossorigin href="/assets/PrestationsView.js" data-screen>',
    ])
    // No render-blocking stylesheet: the first paint never waits for a screen's styles.
    expect(tags.some(t => t.includes('rel="stylesheet"'))).toBe(false)
  })

  it('paints shell and screen together only when the screen is at hand', () => {
    const page = (html: string) => new DOMParser().parseFromString(`<html><head>${html}</head><body></body></html>`, 'text/html')
    const noWorker = {} as Navigator
    expect(screenAtHand(page('<link rel="modulepreload" href="/assets/index.js">'), noWorker)).toBe(false)
    expect(screenAtHand(page('<link rel="modulepreload" href="/assets/PrestationsView.js" data-screen>'), noWorker)).toBe(true)
    const controlled = { serviceWorker: { controller: {} } } as unknown as Navigator
    expect(screenAtHand(page(''), controlled)).toBe(true)
    const uncontrolled = { serviceWorker: { controller: null } } as unknown as Navigator
    expect(screenAtHand(page(''), uncontrolled)).toBe(false)
  })
})

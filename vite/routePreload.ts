// One HTML page per public screen, each the built index.html plus
// <link rel="modulepreload"> for that screen's chunks and words.
//
// Why: with index.html alone, a first visit to /prestations learns which chunk
// it needs only once the shell's JavaScript has run (≈ 0.8 s on a cheap phone),
// and fetches it then: a round trip, on a slow network, between the header's
// paint and the screen's. From its own page, the screen's code downloads with
// the shell's. Stylesheets are only preloaded (a <link rel="stylesheet"> would
// hold the first paint back); the screen's chunk adds them when it runs.
//
// The host serves /prestations from prestations.html (`vite preview` does;
// nginx: `try_files $uri $uri.html /index.html`), and index.html for every other
// path. Once installed, the service worker answers every navigation with
// index.html, whose screens are then all in its cache. The links carry
// `data-screen` (SCREEN_PRELOAD_ATTRIBUTE): main.ts then paints the shell and the screen together
// (src/services/firstScreen.ts, screenAtHand).
import type { Plugin, ResolvedConfig, Rolldown } from 'vite'
import { resolve } from 'node:path'
import { SCREEN_PRELOAD_ATTRIBUTE } from '../src/services/screenPreload.ts'

type OutputChunk = Rolldown.OutputChunk

export interface RoutePreloadOptions {
  /**
   * Path of the page (no trailing slash) → the modules its first screen loads,
   * from the project root: the route's view, then the source language's words
   * of the groups the route names (src/modules/router.ts, messageGroups).
   */
  pages: Record<string, string[]>
}

/** The file a path's page is written to: /prestations/evenements → prestations/evenements.html. */
export function pageFile(path: string): string {
  if (!/^(\/[a-z0-9-]+)+$/.test(path))
    throw new Error(`route preload: "${path}" is not a static path like /livret`)
  return `${path.slice(1)}.html`
}

/** The bundle's chunks (its assets left out), by file name. */
export function bundleChunks(bundle: Rolldown.OutputBundle): Map<string, OutputChunk> {
  const chunks = new Map<string, OutputChunk>()
  for (const file of Object.values(bundle)) {
    if (file.type === 'chunk')
      chunks.set(file.fileName, file)
  }
  return chunks
}

/** The chunk whose entry point is this module (a view, a locale file…). */
export function chunkStartingAt(chunks: Map<string, OutputChunk>, id: string): OutputChunk | undefined {
  return [...chunks.values()].find(c => c.facadeModuleId === id)
}

/** A chunk and every chunk it imports statically, in load order, without those `loaded` holds. */
export function staticClosure(start: OutputChunk, chunks: Map<string, OutputChunk>, loaded: Set<string>): OutputChunk[] {
  const out: OutputChunk[] = []
  const seen = new Set(loaded)
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk.fileName))
      return
    seen.add(chunk.fileName)
    for (const name of chunk.imports) {
      const dep = chunks.get(name)
      if (dep)
        visit(dep)
    }
    out.push(chunk)
  }
  visit(start)
  return out
}

/** The <link> tags that preload these chunks and their stylesheets. */
export function preloadTags(chunks: OutputChunk[], base: string): string {
  const tags: string[] = []
  for (const chunk of chunks) {
    for (const css of chunk.viteMetadata?.importedCss ?? [])
      tags.push(`<link rel="preload" as="style" crossorigin href="${base}${css}" ${SCREEN_PRELOAD_ATTRIBUTE}>`)
  }
  for (const chunk of chunks)
    tags.push(`<link rel="modulepreload" crossorigin href="${base}${chunk.fileName}" ${SCREEN_PRELOAD_ATTRIBUTE}>`)
  return tags.map(tag => `    ${tag}\n`).join('')
}

export function routePreloadPlugin(options: RoutePreloadOptions): Plugin {
  let config: ResolvedConfig
  return {
    name: 'reperes-route-preload',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    generateBundle: {
      // After Vite has written index.html (and the other plugins have transformed it).
      order: 'post',
      handler(_output, bundle) {
        const index = bundle['index.html']
        if (!index || index.type !== 'asset')
          return
        const html = String(index.source)
        const chunks = bundleChunks(bundle)
        const byModule = (module: string) => {
          const chunk = chunkStartingAt(chunks, resolve(config.root, module))
          if (!chunk)
            throw new Error(`route preload: no chunk starts at ${module}`)
          return chunk
        }
        // What index.html loads already.
        const entry = [...chunks.values()].find(c => c.isEntry)
        const loaded = new Set(entry ? staticClosure(entry, chunks, new Set()).map(c => c.fileName) : [])
        for (const [path, modules] of Object.entries(options.pages)) {
          const wanted = new Set(loaded)
          const list: OutputChunk[] = []
          for (const start of modules.map(byModule)) {
            const more = staticClosure(start, chunks, wanted)
            more.forEach(c => wanted.add(c.fileName))
            list.push(...more)
          }
          this.emitFile({ type: 'asset', fileName: pageFile(path), source: html.replace(/\s*<\/head>/, `\n${preloadTags(list, config.base)}  </head>`) })
        }
      },
    },
  }
}

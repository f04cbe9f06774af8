// A route that names fewer word groups (meta.words) renders before the others
// arrive: every key its screen's code asks for must be in the shell's words or
// in those groups, or the screen would show raw keys on a first visit. The
// pages that preload a screen (vite/preloadedPages.ts) must preload the same
// groups' words.
import type { MessageGroup } from '@/modules/i18n'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appRouter, messageGroups } from '@/modules/router'
import { PRELOADED_PAGES } from '../../../vite/preloadedPages'

const router = appRouter()

const root = resolve(__dirname, '../../..')
const namespaces = (file: string) => Object.keys(JSON.parse(readFileSync(resolve(root, 'locales', file), 'utf8')))

/** The .vue and .ts files a module imports, statically or lazily, from src/ (the app-wide modules excepted). */
function importClosure(start: string): string[] {
  const seen = new Set<string>()
  const todo = [resolve(root, start)]
  while (todo.length) {
    const file = todo.pop()!
    if (seen.has(file))
      continue
    seen.add(file)
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*)'([^']+)'/g)) {
      const base = spec!.startsWith('@/') ? resolve(root, 'src', spec!.slice(2)) : spec!.startsWith('.') ? resolve(dirname(file), spec!) : null
      const found = base && [base, `${base}.ts`].find(c => /\.(ts|vue)$/.test(c) && existsSync(c))
      if (found && !found.includes('/src/modules/'))
        todo.push(found)
    }
  }
  return [...seen]
}

/** The namespaces of the keys a file translates: t('ns.…'), $t('ns.…'), te('ns.…'), and template keys t(`ns.${…}`). */
function translatedNamespaces(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\$?\bte?\(\s*['`]([a-z_]+)\./g)].map(m => m[1]!)
}

/** The view module a route loads, read from routes.ts (the router holds only a loader function). */
function viewOf(name: string): string {
  const line = readFileSync(resolve(root, 'src/modules/routes.ts'), 'utf8').split('\n').find(l => l.includes(`name: '${name}'`))
  const spec = line?.match(/import\('@\/([^']+)'\)/)?.[1]
  if (!spec)
    throw new Error(`no view found for route ${name}`)
  return `src/${spec}`
}

describe('screens that name their word groups', () => {
  const named = router.getRoutes().filter(route => route.meta.words)

  it('are the public content screens and the sign-in screen', () => {
    expect(named.map(r => String(r.name)).sort()).toEqual(['booklet', 'events', 'offers', 'prestation', 'prestations', 'sign-in', 'structure', 'structures'])
  })

  it.each(named.map(r => [String(r.name), r.meta.words!] as [string, MessageGroup[]]))('%s translates only shell words and its groups\' words', (name, groups) => {
    const allowed = new Set([...namespaces('fr.json'), ...groups.flatMap(group => namespaces(`${group}/fr.json`))])
    const outside = importClosure(viewOf(name)).flatMap(file => translatedNamespaces(file).filter(ns => !allowed.has(ns)).map(ns => `${ns} in ${file.slice(root.length + 1)}`))
    expect(outside).toEqual([])
  })

  it('finds keys outside a group (the check can fail)', () => {
    const allowed = new Set([...namespaces('fr.json'), ...namespaces('public/fr.json')])
    const outside = importClosure('src/views/allocataire/AppointmentsView.vue').flatMap(translatedNamespaces).filter(ns => !allowed.has(ns))
    expect(outside).toContain('appointments')
  })

  it('have their page preload their view and the French words of their groups', () => {
    for (const [path, modules] of Object.entries(PRELOADED_PAGES)) {
      const route = router.resolve(path)
      expect(modules[0], path).toBe(viewOf(String(route.name)))
      expect(modules.slice(1), path).toEqual(messageGroups(route).map(group => `locales/${group}/fr.json`))
    }
  })
})

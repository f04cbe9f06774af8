// V8 compile hints on the boot's chunks (vite/compileHints.ts): the entry, the
// first screens and the local database get the magic comment on their first
// line, with what they import statically; nothing else does.
import type { Rolldown } from 'vite'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bootChunks, COMPILE_HINT, compileHintsPlugin, withCompileHint } from '../../../vite/compileHints'

type Chunk = Rolldown.OutputChunk
const root = resolve('/project')
const chunk = (fileName: string, imports: string[] = [], extra: Partial<Chunk> = {}) =>
  ({ type: 'chunk', fileName, imports, code: `export const name = ${JSON.stringify(fileName)}\n`, isEntry: false, facadeModuleId: null, moduleIds: [], ...extra }) as unknown as Chunk

function bundle() {
  const files = [
    chunk('assets/shell.js'),
    chunk('assets/index.js', ['assets/shell.js'], { isEntry: true, facadeModuleId: `${root}/index.html` }),
    chunk('assets/content.js', ['assets/shell.js'], { moduleIds: [`${root}/src/stores/catalogue.ts`] }),
    chunk('assets/PrestationsView.js', ['assets/content.js'], { facadeModuleId: `${root}/src/views/public/PrestationsView.vue` }),
    chunk('assets/dexie.js'),
    chunk('assets/database.js', ['assets/dexie.js'], { facadeModuleId: `${root}/src/db/database.ts` }),
    chunk('assets/supabase.js'),
    chunk('assets/AdminView.js', ['assets/shell.js', 'assets/content.js'], { facadeModuleId: `${root}/src/views/admin/AdminView.vue` }),
  ]
  return Object.fromEntries(files.map(f => [f.fileName, f]))
}

/** Runs the plugin's hooks on a bundle as the build would. */
function build(modules: string[]) {
  const plugin = compileHintsPlugin({ modules })
  const files = bundle()
  ;(plugin.configResolved as (c: unknown) => void)({ root })
  ;(plugin.generateBundle as { handler: (o: unknown, b: unknown) => void }).handler({}, files)
  return files
}

const hinted = (files: Record<string, Chunk>) =>
  Object.values(files).filter(f => f.code.startsWith(`${COMPILE_HINT}\n`)).map(f => f.fileName).sort()

describe('compile hints', () => {
  it('hints the entry, the named modules\' chunks and their static imports, and nothing else', () => {
    const files = build(['src/views/public/PrestationsView.vue', 'src/db/database.ts'])
    expect(hinted(files)).toEqual([
      'assets/PrestationsView.js',
      'assets/content.js',
      'assets/database.js',
      'assets/dexie.js',
      'assets/index.js',
      'assets/shell.js',
    ])
    // The code itself is unchanged after the comment's line.
    expect(files['assets/shell.js']!.code).toBe(`${COMPILE_HINT}\nexport const name = "assets/shell.js"\n`)
    expect(files['assets/supabase.js']!.code).toBe('export const name = "assets/supabase.js"\n')
  })

  it('finds a module grouped into a shared chunk', () => {
    expect(hinted(build(['src/stores/catalogue.ts']))).toEqual(['assets/content.js', 'assets/index.js', 'assets/shell.js'])
  })

  it('fails the build when a named module is in no chunk', () => {
    expect(() => build(['src/views/public/Gone.vue'])).toThrow(/no chunk holds src\/views\/public\/Gone\.vue/)
  })

  it('lists each chunk once, in load order', () => {
    const files = new Map(Object.values(bundle()).map(f => [f.fileName, f]))
    const starts = ['assets/index.js', 'assets/PrestationsView.js', 'assets/AdminView.js'].map(name => files.get(name)!)
    expect(bootChunks(files, starts).map(c => c.fileName)).toEqual([
      'assets/shell.js',
      'assets/index.js',
      'assets/content.js',
      'assets/PrestationsView.js',
      'assets/AdminView.js',
    ])
  })

  it('runs after Vite\'s own plugins, which put a line on top of some chunks', () => {
    expect((compileHintsPlugin({ modules: [] }).generateBundle as { order?: string }).order).toBe('post')
  })

  it('puts the comment on the first line once', () => {
    expect(withCompileHint('a()')).toBe(`${COMPILE_HINT}\na()`)
    expect(withCompileHint(withCompileHint('a()'))).toBe(`${COMPILE_HINT}\na()`)
  })
})

// V8 explicit compile hints for the code every visit runs at once.
//
// V8 compiles a function lazily, on the main thread, the first time it is
// called; only the top level of a script is compiled while it downloads, on a
// background thread. At boot nearly every function of the framework, the
// shell, the first screen and the local database's library is called within
// the first second, so the main thread stops again and again to compile them
// (a third of the boot on a cheap phone). The magic comment below, on a file's
// first line, asks V8 (Chromium 136 and later) to compile all of that file's
// functions eagerly, with the download, off the main thread. Other engines
// read it as a comment.
//
// Only the boot's own files get it: eager compilation of a file whose functions
// mostly never run (supabase-js, the admin screens, the words) would spend time
// and memory for nothing.
import type { Plugin, ResolvedConfig, Rolldown } from 'vite'
import { resolve } from 'node:path'
import { bundleChunks, chunkStartingAt, staticClosure } from './routePreload.ts'

type OutputChunk = Rolldown.OutputChunk

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

export interface CompileHintsOptions {
  /**
   * Modules, from the project root, whose chunks run at boot besides the entry:
   * the first screens and what opens right after them (the local database).
   * Each one's static imports run at boot too and get the hint with it.
   */
  modules: string[]
}

/** The chunks that run at boot: the entry's and each start's static closure. */
export function bootChunks(chunks: Map<string, OutputChunk>, starts: OutputChunk[]): OutputChunk[] {
  const out = new Map<string, OutputChunk>()
  for (const start of starts) {
    for (const chunk of staticClosure(start, chunks, new Set(out.keys())))
      out.set(chunk.fileName, chunk)
  }
  return [...out.values()]
}

/** The hint on a chunk's first line (once: a rebuild of the same code keeps one). */
export function withCompileHint(code: string): string {
  return code.startsWith(COMPILE_HINT) ? code : `${COMPILE_HINT}\n${code}`
}

export function compileHintsPlugin(options: CompileHintsOptions): Plugin {
  let config: ResolvedConfig
  return {
    name: 'reperes-compile-hints',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    generateBundle: {
      // After Vite's own plugins, which put a `const __vite__mapDeps` line on
      // top of the chunks that import others lazily: the hint must come first.
      order: 'post',
      handler(_output, bundle) {
        const chunks = bundleChunks(bundle)
        const byModule = (module: string) => {
          const id = resolve(config.root, module)
          // A module grouped into a shared chunk (vite.config.ts) starts none.
          const chunk = chunkStartingAt(chunks, id) ?? [...chunks.values()].find(c => c.moduleIds.includes(id))
          if (!chunk)
            throw new Error(`compile hints: no chunk holds ${module}`)
          return chunk
        }
        const entries = [...chunks.values()].filter(c => c.isEntry)
        for (const chunk of bootChunks(chunks, [...entries, ...options.modules.map(byModule)]))
          chunk.code = withCompileHint(chunk.code)
      },
    },
  }
}

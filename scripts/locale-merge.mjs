#!/usr/bin/env node
// Deep-merges a JSON fragment into a locale's messages, keeping key order
// stable and the files pretty-printed:  node scripts/locale-merge.mjs fr fragment.json
// Each top-level namespace goes to its file (see locale-layout.mjs); an empty
// fragment ({}) just moves namespaces to the file the layout gives them.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PARTS, splitMessages } from './locale-layout.mjs'

const [locale, fragmentPath] = process.argv.slice(2)
if (!locale || !fragmentPath) {
  console.error('usage: locale-merge.mjs <locale> <fragment.json>')
  process.exit(2)
}
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'locales')
const files = Object.fromEntries(PARTS.map(part => [part, part === 'core' ? join(dir, `${locale}.json`) : join(dir, part, `${locale}.json`)]))

function merge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof target[key] === 'object')
      merge(target[key], value)
    else
      target[key] = value
  }
  return target
}

const read = file => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {})
// The core file last: its namespaces win, as they do in the app.
const all = merge(Object.assign({}, ...PARTS.filter(p => p !== 'core').map(p => read(files[p])), read(files.core)), JSON.parse(readFileSync(fragmentPath, 'utf8')))
const split = splitMessages(all)
for (const part of PARTS) {
  mkdirSync(dirname(files[part]), { recursive: true })
  writeFileSync(`${files[part]}.tmp`, `${JSON.stringify(split[part], null, 2)}\n`)
  renameSync(`${files[part]}.tmp`, files[part])
}

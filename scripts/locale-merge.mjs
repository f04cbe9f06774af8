#!/usr/bin/env node
// Deep-merges a JSON fragment into a locale's messages, keeping key order
// stable and the files pretty-printed:  node scripts/locale-merge.mjs fr fragment.json
// Each top-level namespace goes to its file (see locale-layout.mjs).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { splitMessages } from './locale-layout.mjs'

const [locale, fragmentPath] = process.argv.slice(2)
if (!locale || !fragmentPath) {
  console.error('usage: locale-merge.mjs <locale> <fragment.json>')
  process.exit(2)
}
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'locales')
const files = { core: join(dir, `${locale}.json`), screens: join(dir, 'screens', `${locale}.json`), staff: join(dir, 'staff', `${locale}.json`) }

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
const all = merge({ ...read(files.screens), ...read(files.staff), ...read(files.core) }, JSON.parse(readFileSync(fragmentPath, 'utf8')))
const split = splitMessages(all)
for (const part of ['core', 'screens', 'staff']) {
  writeFileSync(`${files[part]}.tmp`, `${JSON.stringify(split[part], null, 2)}\n`)
  renameSync(`${files[part]}.tmp`, files[part])
}

#!/usr/bin/env node
// Deep-merges a JSON fragment into locales/<locale>.json, keeping key order
// stable and the file pretty-printed:  node scripts/locale-merge.mjs fr fragment.json
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const [locale, fragmentPath] = process.argv.slice(2)
if (!locale || !fragmentPath) {
  console.error('usage: locale-merge.mjs <locale> <fragment.json>')
  process.exit(2)
}
const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'locales', `${locale}.json`)

function merge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof target[key] === 'object')
      merge(target[key], value)
    else
      target[key] = value
  }
  return target
}

const messages = merge(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(readFileSync(fragmentPath, 'utf8')))
writeFileSync(`${file}.tmp`, `${JSON.stringify(messages, null, 2)}\n`)
renameSync(`${file}.tmp`, file)

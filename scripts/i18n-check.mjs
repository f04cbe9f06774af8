#!/usr/bin/env node
// Reports missing and unused translation keys. Exits 1 when a locale lacks a
// key of the source locale (fr) or has one fr does not; unused keys are listed
// as warnings (some keys are built at run time, e.g. `roles.${role}`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE = 'fr'

function flatten(node, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value && typeof value === 'object') flatten(value, path, out)
    else out.set(path, value)
  }
  return out
}

function placeholders(text) {
  return [...String(text).matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort().join(',')
}

function walk(dir, files = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path, files)
    else if (/\.(vue|ts)$/.test(name)) files.push(path)
  }
  return files
}

// A locale is locales/<l>.json (first-screen namespaces) + locales/public/<l>.json
// + locales/screens/<l>.json + locales/staff/<l>.json (see locale-layout.mjs).
const locales = readdirSync(join(root, 'locales')).filter(f => f.endsWith('.json')).map(f => f.slice(0, -5))
const readLocale = (l) => {
  const part = (dir) => {
    const file = join(root, 'locales', dir, `${l}.json`)
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
  }
  const core = JSON.parse(readFileSync(join(root, 'locales', `${l}.json`), 'utf8'))
  return { ...part('public'), ...part('screens'), ...part('staff'), ...core }
}
const keys = Object.fromEntries(locales.map(l => [l, flatten(readLocale(l))]))
const source = keys[SOURCE]
let failed = false

for (const locale of locales.filter(l => l !== SOURCE)) {
  const missing = [...source.keys()].filter(k => !keys[locale].has(k))
  const extra = [...keys[locale].keys()].filter(k => !source.has(k))
  const badPlaceholders = [...source.keys()].filter(k => keys[locale].has(k) && placeholders(source.get(k)) !== placeholders(keys[locale].get(k)))
  const empty = [...keys[locale].entries()].filter(([, v]) => String(v).trim() === '').map(([k]) => k)
  for (const [label, list] of [['missing', missing], ['not in fr', extra], ['placeholders differ', badPlaceholders], ['empty', empty]]) {
    if (list.length) {
      failed = true
      console.error(`${locale}: ${list.length} ${label}:\n  ${list.join('\n  ')}`)
    }
  }
}

const code = walk(join(root, 'src')).map(f => readFileSync(f, 'utf8')).join('\n')
// Keys built at run time: t(`feedback.rating.mark_${mark}`) uses every key that
// starts with "feedback.rating.mark_" (a whole segment or part of one).
const dynamicPrefixes = [...code.matchAll(/`([a-z_]+\.[a-z_.]*)\$\{/g)].map(m => m[1])
// …and a namespace named as a whole ('account.page.response', a table of labels
// whose keys are the values shown) uses every key under it.
dynamicPrefixes.push(...[...code.matchAll(/['"`]([a-z_]+(?:\.[a-z_]+)+)['"`]/g)].map(m => `${m[1]}.`))
const unused = [...source.keys()].filter(k => !code.includes(k) && !dynamicPrefixes.some(p => k.startsWith(p)))
if (unused.length) console.warn(`warning: ${unused.length} keys look unused:\n  ${unused.join('\n  ')}`)

console.log(`${source.size} keys in ${SOURCE}; locales checked: ${locales.join(', ')}${failed ? ' — FAILED' : ' — ok'}`)
process.exit(failed ? 1 : 0)

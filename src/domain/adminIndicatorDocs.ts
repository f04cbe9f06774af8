// The indicator definitions, read from docs/indicators.md itself: the screen and
// the CSV export quote the document the figures are computed from, so the two
// can never drift apart. Only the back office imports this (a lazy chunk).
// The document exists in French (authoritative) and English.
import indicatorsDoc from '../../docs/indicators.md?raw'

export type DocLanguage = 'fr' | 'en'
export type IndicatorSet = 'prestations' | 'outreach' | 'appointments'

export const INDICATOR_FUNCTIONS: Readonly<Record<IndicatorSet, string>> = {
  prestations: 'indicators_prestations',
  outreach: 'indicators_outreach',
  appointments: 'indicators_appointments',
}

export interface IndicatorDoc {
  /** Section title, e.g. "Prestations (Action 41)". */
  title: string
  /** The paragraphs before the column table (which rows, how dated). */
  intro: string[]
  /** Column name → definition (plain text). */
  definitions: Map<string, string>
  /** Paragraphs after the table (identities, edge cases). */
  notes: string[]
}

export interface IndicatorDocs {
  commonRules: string[]
  secrecy: string[]
  sets: Record<IndicatorSet, IndicatorDoc>
}

/** Markdown emphasis and code marks removed; the words stay exactly as written. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Lines of a part of the document, between a heading and the next of the same or higher level. */
function section(lines: readonly string[], start: number, level: number): string[] {
  const out: string[] = []
  for (let i = start + 1; i < lines.length; i++) {
    const heading = /^(#+) /.exec(lines[i]!)
    if (heading && heading[1]!.length <= level)
      break
    if (lines[i] === '---')
      break
    out.push(lines[i]!)
  }
  return out
}

/** Paragraphs and list items as plain text (continuation lines joined). */
function blocks(lines: readonly string[]): string[] {
  const out: string[] = []
  let current: string[] = []
  const flush = () => {
    if (current.length)
      out.push(plainText(current.join(' ')))
    current = []
  }
  for (const line of lines) {
    if (line.trim() === '' || line.startsWith('|')) {
      flush()
      continue
    }
    if (line.startsWith('- '))
      flush()
    current.push(line.replace(/^- /, '').trim())
  }
  flush()
  return out
}

function tableDefinitions(lines: readonly string[]): Map<string, string> {
  const map = new Map<string, string>()
  for (const line of lines) {
    const cells = /^\|(.+)\|(.+)\|\s*$/.exec(line)
    if (!cells)
      continue
    const names = [...cells[1]!.matchAll(/`([a-z_0-9]+)`/g)].map(m => m[1]!)
    for (const name of names)
      map.set(name, plainText(cells[2]!))
  }
  return map
}

export function parseIndicatorDocs(markdown: string, language: DocLanguage): IndicatorDocs {
  const lines = markdown.split(/\r?\n/)
  const languageHeading = language === 'fr' ? '## Français' : '## English'
  const from = lines.indexOf(languageHeading)
  if (from < 0)
    throw new Error(`docs/indicators.md has no "${languageHeading}" part`)
  const part = section(lines, from, 2)
  const headingAt = (test: (title: string) => boolean) => part.findIndex(l => l.startsWith('### ') && test(l.slice(4)))

  const rules = headingAt(t => /^(Règles communes|Common rules)$/.test(t))
  const secrecy = headingAt(t => /^(Secret statistique|Statistical secrecy)$/.test(t))
  const sets = {} as Record<IndicatorSet, IndicatorDoc>
  for (const [set, fn] of Object.entries(INDICATOR_FUNCTIONS) as [IndicatorSet, string][]) {
    const at = headingAt(t => t.includes(`\`${fn}(`))
    if (at < 0)
      throw new Error(`docs/indicators.md (${language}) does not document ${fn}`)
    const body = section(part, at, 3)
    const tableStart = body.findIndex(l => l.startsWith('|'))
    let tableEnd = tableStart
    while (tableEnd < body.length && body[tableEnd]!.startsWith('|'))
      tableEnd++
    sets[set] = {
      title: plainText(part[at]!.slice(4).split(' — ')[0]!.replace(/^\d+\.\s*/, '')),
      intro: blocks(body.slice(0, tableStart)),
      definitions: tableDefinitions(body.slice(tableStart, tableEnd)),
      notes: blocks(body.slice(tableEnd)),
    }
  }
  return {
    commonRules: rules < 0 ? [] : blocks(section(part, rules, 3)),
    secrecy: secrecy < 0 ? [] : blocks(section(part, secrecy, 3)),
    sets,
  }
}

const cache = new Map<DocLanguage, IndicatorDocs>()

/** The definitions in a UI language: English for English, French (authoritative) otherwise. */
export function indicatorDocs(locale: string): { language: DocLanguage, docs: IndicatorDocs } {
  const language: DocLanguage = locale === 'en' ? 'en' : 'fr'
  let docs = cache.get(language)
  if (!docs) {
    docs = parseIndicatorDocs(indicatorsDoc, language)
    cache.set(language, docs)
  }
  return { language, docs }
}

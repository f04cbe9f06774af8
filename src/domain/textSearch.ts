// Text folding: accent-, case- and (for Arabic) diacritic-insensitive search,
// shared by the catalogue, the booklet and the back office's lists. A module of
// its own so that the booklet's first screen does not load the catalogue's code.

// Letters NFD does not decompose but readers type without thinking about them.
const SPECIAL_FOLDS: Record<string, string> = {
  'œ': 'oe', 'æ': 'ae', 'ß': 'ss', '’': '\'', '‘': '\'', 'ʼ': '\'', 'ı': 'i',
  // Arabic: alif maqsura and ta marbuta are commonly typed as ya and ha; tatweel is decoration.
  'ى': 'ي', 'ة': 'ه', 'ـ': '',
}
const MARKS = /\p{M}/gu

function foldChar(char: string): string {
  const lower = char.toLowerCase()
  const special = SPECIAL_FOLDS[lower]
  if (special !== undefined)
    return special
  // NFD splits "é" into "e" + a combining accent, and Arabic hamza/madda forms of
  // alif into alif + a mark; dropping the marks (and harakat) leaves the base letter.
  return lower.normalize('NFD').replace(MARKS, '')
}

/** Lower-cases and strips accents and marks, for comparing what people type with content. */
export function foldText(text: string): string {
  let out = ''
  for (const char of text)
    out += foldChar(char)
  return out
}

/**
 * Folds text and keeps, for each folded UTF-16 unit, the index of the original
 * character it came from, so a match in folded text maps back to a snippet of
 * the original (accents and all).
 */
export function foldWithIndexMap(text: string): { folded: string, map: number[] } {
  let folded = ''
  const map: number[] = []
  let index = 0
  for (const char of text) {
    const f = foldChar(char)
    folded += f
    for (let i = 0; i < f.length; i++)
      map.push(index)
    index += char.length
  }
  map.push(index)
  return { folded, map }
}

/** The words of a query, folded; empty when the query is blank. */
export function queryTerms(query: string | null | undefined): string[] {
  return foldText(query ?? '').split(/[\s,;:.!?«»"()]+/u).filter(Boolean)
}

/** True when every term occurs in one of the fields. */
export function matchesTerms(terms: readonly string[], fields: readonly (string | null | undefined)[]): boolean {
  if (!terms.length)
    return true
  const haystack = foldText(fields.filter(Boolean).join('\n'))
  return terms.every(term => haystack.includes(term))
}

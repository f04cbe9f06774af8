// The booklet's Markdown, parsed with marked's lexer (tokens only: nothing here
// produces HTML): plain text for read-aloud and search, tokens for rendering.
// Apart from booklet.ts so that marked (≈ 17 KB gzip) loads with the sections,
// not before the booklet page's first paint.
import type { Token, Tokens } from 'marked'
import type { BookletSectionRow, SearchHit } from './booklet'
import { Lexer } from 'marked'
import { decodeEntities, sectionAnchor, stripDirectives } from './booklet'
import { foldText, foldWithIndexMap, queryTerms } from './textSearch'

/**
 * Tokens of a body. Line breaks are kept (`breaks`): plain-language texts put
 * one sentence per line, and the reader should see them that way.
 */
export function lexMarkdown(body: string): Token[] {
  return Lexer.lex(stripDirectives(body), { gfm: true, breaks: true })
}

/** Text of inline tokens: formatting dropped, links reduced to their words, raw HTML dropped. */
export function inlineText(tokens: readonly Token[] | undefined): string {
  let out = ''
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'html':
        break
      case 'br':
        out += ' '
        break
      case 'image':
        out += (token as Tokens.Image).text
        break
      case 'codespan':
      case 'escape':
        out += decodeEntities((token as Tokens.Codespan).text)
        break
      default: {
        const nested = (token as { tokens?: Token[] }).tokens
        out += nested ? inlineText(nested) : decodeEntities((token as { text?: string }).text ?? '')
      }
    }
  }
  return out
}

function blockLines(tokens: readonly Token[], lines: string[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'hr':
      case 'html':
        break
      case 'heading':
      case 'paragraph':
      case 'text':
        lines.push(inlineText((token as Tokens.Paragraph).tokens ?? [token]))
        break
      case 'list':
        for (const item of (token as Tokens.List).items)
          blockLines(item.tokens, lines)
        break
      case 'blockquote':
        blockLines((token as Tokens.Blockquote).tokens, lines)
        break
      case 'code':
        lines.push((token as Tokens.Code).text)
        break
      case 'table': {
        const table = token as Tokens.Table
        for (const row of [table.header, ...table.rows])
          lines.push(row.map(cell => inlineText(cell.tokens)).join(', '))
        break
      }
      default: {
        const nested = (token as { tokens?: Token[] }).tokens
        if (nested)
          blockLines(nested, lines)
      }
    }
  }
}

/** Plain text of a Markdown body, one block (heading, paragraph, list item) per line. */
export function markdownToPlainText(body: string): string {
  const lines: string[] = []
  blockLines(lexMarkdown(body), lines)
  return lines.map(l => l.replace(/[ \t\u00A0]+/g, ' ').trim()).filter(Boolean).join('\n')
}

// ---------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------

function findAll(folded: string, terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = []
  for (const term of terms) {
    let from = 0
    for (;;) {
      const at = folded.indexOf(term, from)
      if (at < 0)
        break
      ranges.push([at, at + term.length])
      from = at + term.length
    }
  }
  return ranges.sort((a, b) => a[0] - b[0])
}

/** Maps a folded range back to the original text (a folded letter may come from a longer one). */
function originalRange(map: number[], [start, end]: [number, number]): [number, number] {
  const last = map[end - 1]!
  let j = end
  while (j < map.length - 1 && map[j] === last)
    j++
  return [map[start]!, map[j]!]
}

/**
 * Sections whose title or text contain every word of the query (accents, case
 * and Arabic diacritics ignored), title matches first.
 */
export function searchBooklet(
  sections: readonly BookletSectionRow[],
  query: string,
  options: { snippetLength?: number } = {},
): SearchHit[] {
  const terms = queryTerms(query)
  if (!terms.length)
    return []
  const length = options.snippetLength ?? 140
  const hits: SearchHit[] = []
  for (const section of sections) {
    const text = markdownToPlainText(section.body).replace(/\n/g, ' ')
    const foldedTitle = foldText(section.title)
    const { folded, map } = foldWithIndexMap(text)
    if (!terms.every(t => foldedTitle.includes(t) || folded.includes(t)))
      continue
    const ranges = findAll(folded, terms).map(r => originalRange(map, r))
    const first = ranges[0]
    let start = 0
    if (first) {
      start = Math.max(0, first[0] - Math.floor(length / 3))
      // Start on a word.
      if (start > 0) {
        const space = text.indexOf(' ', start)
        start = space >= 0 && space < first[0] ? space + 1 : start
      }
    }
    let end = Math.min(text.length, start + length)
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end)
      end = space > start && (!first || space >= first[1]) ? space : end
    }
    const prefix = start > 0 ? '…' : ''
    const suffix = end < text.length ? '…' : ''
    const highlights = ranges
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]): [number, number] => [s - start + prefix.length, e - start + prefix.length])
    hits.push({
      slug: section.slug,
      title: section.title,
      anchor: sectionAnchor(section.slug),
      snippet: `${prefix}${text.slice(start, end)}${suffix}`,
      highlights,
      inTitle: terms.some(t => foldedTitle.includes(t)),
      matches: ranges.length,
    })
  }
  return hits.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.matches - a.matches)
}

// CSV (RFC 4180) writing and reading, pure. Exports open in spreadsheets and in
// data tools alike: comma separator, CRLF line ends, fields quoted only when
// they must be, and a UTF-8 byte-order mark so spreadsheet software reads
// accents and Arabic correctly.

export type CsvValue = string | number | boolean | null | undefined

export const CSV_BOM = '\uFEFF'
const NEEDS_QUOTES = /[",\r\n]|^[ \t]|[ \t]$/
/** Cells a spreadsheet would run as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One field. Numbers are written in plain decimal (no thousands separator, "."
 * for decimals) so the file reads the same in every locale; text that a
 * spreadsheet would take for a formula is prefixed with an apostrophe.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined)
    return ''
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      return ''
    return String(value)
  }
  if (typeof value === 'boolean')
    return value ? 'true' : 'false'
  let text = value
  if (FORMULA_START.test(text) && !/^-?\d/.test(text))
    text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',')
}

/** A whole document: records joined with CRLF, ending with CRLF, with a BOM. */
export function csvDocument(records: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + records.map(csvRecord).join('\r\n') + '\r\n'
}

/**
 * Reads a CSV document back into records of strings (quoted fields may hold
 * separators, quotes and line breaks). Used by tests and by anyone checking an
 * export; the BOM, if any, is skipped.
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(CSV_BOM) ? text.slice(1) : text
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < source.length) {
    const char = source[i]!
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      }
      else {
        field += char
      }
      i++
      continue
    }
    if (char === '"' && field === '') {
      quoted = true
    }
    else if (char === ',') {
      record.push(field)
      field = ''
    }
    else if (char === '\r' || char === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      if (char === '\r' && source[i + 1] === '\n')
        i++
    }
    else {
      field += char
    }
    i++
  }
  if (field !== '' || record.length)
    records.push([...record, field])
  return records
}

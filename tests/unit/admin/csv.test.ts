import { describe, expect, it } from 'vitest'
import { CSV_BOM, csvDocument, csvField, csvRecord, parseCsv } from '@/domain/csv'

describe('csvField', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('Goutte d’Or')).toBe('Goutte d’Or')
    expect(csvField(42)).toBe('42')
    expect(csvField(0.75)).toBe('0.75')
    expect(csvField(true)).toBe('true')
  })

  it('writes null, undefined and non-finite numbers as empty fields', () => {
    expect(csvField(null)).toBe('')
    expect(csvField(undefined)).toBe('')
    expect(csvField(Number.NaN)).toBe('')
  })

  it('quotes separators, quotes, line breaks and edge spaces', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('dit "bonjour"')).toBe('"dit ""bonjour"""')
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"')
    expect(csvField('a\r\nb')).toBe('"a\r\nb"')
    expect(csvField(' espace')).toBe('" espace"')
  })

  it('defuses text a spreadsheet would run as a formula, not negative numbers', () => {
    expect(csvField('=SUM(A1)')).toBe('\'=SUM(A1)')
    expect(csvField('@cmd')).toBe('\'@cmd')
    expect(csvField('+33 1 23')).toBe('\'+33 1 23')
    expect(csvField('-5')).toBe('-5')
    expect(csvField(-5)).toBe('-5')
  })
})

describe('csvDocument and parseCsv', () => {
  it('joins records with CRLF after a byte-order mark', () => {
    expect(csvDocument([['a', 1], ['b', null]])).toBe(`${CSV_BOM}a,1\r\nb,\r\n`)
    expect(csvRecord(['x', 'y,z'])).toBe('x,"y,z"')
  })

  it('reads back exactly what it wrote, including awkward text', () => {
    const records = [
      ['# Définitions : « entrées », "sorties", etc.'],
      ['prestation_title', 'entries', 'attendance_rate'],
      ['Jardin d\'insertion, Goutte d\'Or', '3', '0.6667'],
      ['Texte sur\ndeux lignes', '', 'مرحبا'],
    ]
    expect(parseCsv(csvDocument(records))).toEqual(records)
  })

  it('reads documents without a BOM or a final line break', () => {
    expect(parseCsv('a,b\nc,"d"""')).toEqual([['a', 'b'], ['c', 'd"']])
  })
})

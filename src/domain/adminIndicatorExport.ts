// CSV export of an indicator table. Columns and values are exactly those of the
// SQL function (docs/indicators.md: "the column names are those the functions
// return and the CSV export uses"); a header of comment records ("# …") quotes
// the document's definitions so the file explains itself wherever it goes.
// Two purposes: internal (exact counts) and release (statistical secrecy).
import type { CsvValue } from './csv'
import type { IndicatorRow, IndicatorSet, Period } from './adminIndicators'
import type { DocLanguage } from './adminIndicatorDocs'
import { disclosureMask, maskedCell, maskMark } from './adminDisclosure'
import { indicatorDocs, INDICATOR_FUNCTIONS } from './adminIndicatorDocs'
import { INDICATOR_COLUMNS } from './adminIndicators'
import { csvDocument } from './csv'

export type ExportPurpose = 'internal' | 'release'

/** The export's own words, in the language of the definitions it quotes. */
const WORDS: Record<DocLanguage, {
  title: string
  period: (p: Period) => string
  computed: (at: string) => string
  internal: string
  release: string
  rules: string
  definitions: string
  legend: string
  source: string
}> = {
  fr: {
    title: 'Repères — indicateurs',
    period: p => `Période : du ${p.start} au ${p.end} inclus (heure de Paris)`,
    computed: at => `Calculé le : ${at}`,
    internal: 'Usage interne au Département : effectifs exacts, à ne pas diffuser.',
    release: 'Tableau destiné à la diffusion : secret statistique appliqué.',
    rules: 'Règles communes :',
    definitions: 'Définitions des colonnes :',
    legend: 'Légende : « < 5 » = effectif non nul inférieur à 5 ; « s » = case masquée pour empêcher un recalcul (secret secondaire) ou taux non diffusé.',
    source: 'Source : docs/indicators.md (le texte français fait foi).',
  },
  en: {
    title: 'Repères — indicators',
    period: p => `Period: from ${p.start} to ${p.end} inclusive (Paris time)`,
    computed: at => `Computed at: ${at}`,
    internal: 'Internal use by the Département: exact counts, not for release.',
    release: 'Table meant for release: statistical secrecy applied.',
    rules: 'Common rules:',
    definitions: 'Column definitions:',
    legend: 'Key: "< 5" = a non-zero count below 5; "s" = a cell masked so that it cannot be recomputed (secondary secrecy) or a rate not released.',
    source: 'Source: docs/indicators.md (the French text is authoritative).',
  },
}

export interface IndicatorExport {
  set: IndicatorSet
  rows: readonly IndicatorRow[]
  period: Period
  purpose: ExportPurpose
  /** UI locale: the definitions are quoted in English for "en", in French otherwise. */
  locale: string
  /** ISO timestamp of the computation. */
  computedAt: string
}

const comment = (text: string): CsvValue[] => [`# ${text}`]

/** The header records: what the file is, for which period, and what each column means. */
export function exportPreamble(options: Omit<IndicatorExport, 'rows'>): CsvValue[][] {
  const { language, docs } = indicatorDocs(options.locale)
  const words = WORDS[language]
  const doc = docs.sets[options.set]
  const records: CsvValue[][] = [
    comment(`${words.title} — ${doc.title} — ${INDICATOR_FUNCTIONS[options.set]}`),
    comment(words.period(options.period)),
    comment(words.computed(options.computedAt)),
    comment(options.purpose === 'release' ? words.release : words.internal),
    comment(words.source),
    comment(words.rules),
    // How to call the functions is for developers; the rest is for readers of the figures.
    ...docs.commonRules.filter(rule => !/^(Appel|Calling)\./.test(rule)).map(rule => comment(`- ${rule}`)),
    ...doc.intro.map(comment),
    comment(words.definitions),
    ...INDICATOR_COLUMNS[options.set].map(col => comment(`${col.key}${language === 'fr' ? ' :' : ':'} ${doc.definitions.get(col.key) ?? ''}`)),
    ...doc.notes.map(comment),
  ]
  if (options.purpose === 'release')
    records.push(...docs.secrecy.map(comment), comment(words.legend))
  return records
}

/** The data records: one per row, values as the function returned them (or masked for a release). */
export function exportRecords(set: IndicatorSet, rows: readonly IndicatorRow[], purpose: ExportPurpose): CsvValue[][] {
  const columns = INDICATOR_COLUMNS[set].map(col => col.key)
  const mask = purpose === 'release' ? disclosureMask(set, rows, columns) : new Map()
  return [
    columns,
    ...rows.map((row, r) => columns.map((col) => {
      const masked = maskedCell(mask, r, col)
      if (masked)
        return maskMark(masked)
      return row[col] ?? null
    })),
  ]
}

export function indicatorCsv(options: IndicatorExport): string {
  return csvDocument([...exportPreamble(options), ...exportRecords(options.set, options.rows, options.purpose)])
}

export function exportFileName(set: IndicatorSet, period: Period, purpose: ExportPurpose): string {
  return `reperes-indicateurs-${set}-${period.start}_${period.end}${purpose === 'release' ? '-diffusion' : ''}.csv`
}

/** The data part of an export read back: header and rows, comments skipped. */
export function csvBody(records: readonly string[][]): { header: string[], rows: string[][] } {
  const data = records.filter(r => !(r.length === 1 && r[0]!.startsWith('# ')))
  return { header: data[0] ?? [], rows: data.slice(1) }
}

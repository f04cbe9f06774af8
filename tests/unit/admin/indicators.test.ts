import { describe, expect, it } from 'vitest'
import { indicatorDocs, parseIndicatorDocs, plainText } from '@/domain/adminIndicatorDocs'
import { columnLabel, labelledColumns } from '@/domain/adminIndicatorLabels'
import {
  chartModel, CHARTS, INDICATOR_COLUMNS, INDICATOR_SETS, parisToday, parseIndicatorRows, periodError, presetPeriod, TABLE_GROUPS,
} from '@/domain/adminIndicators'
import DOC from '../../../docs/indicators.md?raw'
import { APPOINTMENTS, OUTREACH, PRESTATIONS } from './fixtures'


describe('definitions quoted from docs/indicators.md', () => {
  it.each(['fr', 'en'] as const)('defines every column of every table (%s)', (language) => {
    const docs = parseIndicatorDocs(DOC, language)
    for (const set of INDICATOR_SETS) {
      const missing = INDICATOR_COLUMNS[set].map(c => c.key).filter(key => !docs.sets[set].definitions.get(key))
      expect(missing, `${set} (${language})`).toEqual([])
    }
  })

  it('quotes the document word for word', () => {
    const { docs } = indicatorDocs('fr')
    const flat = plainText(DOC)
    for (const set of INDICATOR_SETS) {
      for (const text of docs.sets[set].definitions.values())
        expect(flat).toContain(text)
    }
    expect(docs.sets.prestations.definitions.get('exits_employment_durable'))
      .toBe('sorties dans l\'emploi durable : CDI, CDD ou intérim de 6 mois et plus, titularisation dans la fonction publique, création d\'entreprise')
    expect(docs.secrecy.join(' ')).toContain('toute case non nulle inférieure à 5 est remplacée par « < 5 »')
  })

  it('reads English for English and French for every other language', () => {
    expect(indicatorDocs('en').language).toBe('en')
    expect(indicatorDocs('ar').language).toBe('fr')
    expect(indicatorDocs('en').docs.sets.appointments.definitions.get('attended')).toBe('appointments held (the person came)')
  })

  it('strips Markdown marks only', () => {
    expect(plainText('**entrées en prestation** : `entered_at`, *grands exclus*')).toBe('entrées en prestation : entered_at, grands exclus')
  })
})

describe('column labels', () => {
  it('labels every column in fr, en and ar', () => {
    const all = INDICATOR_SETS.flatMap(set => INDICATOR_COLUMNS[set].map(c => c.key))
    for (const locale of ['fr', 'en', 'ar'] as const)
      expect(all.filter(key => !labelledColumns(locale).includes(key)), locale).toEqual([])
    expect(columnLabel('ar', 'attendance_rate')).toBe('نسبة الحضور')
    expect(columnLabel('de', 'entries')).toBe('Entrées')
  })

  it('shows in tables and charts only columns the functions return', () => {
    for (const set of INDICATOR_SETS) {
      const keys = INDICATOR_COLUMNS[set].map(c => c.key)
      for (const group of TABLE_GROUPS[set])
        expect(group.columns.filter(c => !keys.includes(c))).toEqual([])
      for (const chart of CHARTS[set])
        expect(chart.series.filter(c => !keys.includes(c))).toEqual([])
    }
  })
})

describe('parseIndicatorRows', () => {
  it('accepts rows of the documented shape', () => {
    expect(parseIndicatorRows('prestations', PRESTATIONS)).toHaveLength(4)
    expect(parseIndicatorRows('appointments', APPOINTMENTS)[0]!.attendance_rate).toBe(0.75)
    expect(parseIndicatorRows('outreach', OUTREACH)).toHaveLength(2)
  })

  it('refuses a missing column, a negative count or a rate above 1', () => {
    const { entries: _gone, ...withoutEntries } = PRESTATIONS[0]!
    expect(() => parseIndicatorRows('prestations', [withoutEntries])).toThrow()
    expect(() => parseIndicatorRows('outreach', [{ ...OUTREACH[0]!, met: -1 }])).toThrow()
    expect(() => parseIndicatorRows('appointments', [{ ...APPOINTMENTS[0]!, response_rate: 1.5 }])).toThrow()
    expect(() => parseIndicatorRows('appointments', { rows: [] })).toThrow()
  })
})

describe('periods', () => {
  it('gives today in Paris, not in UTC', () => {
    expect(parisToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
    expect(parisToday(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30')
  })

  it('computes presets as inclusive date pairs', () => {
    expect(presetPeriod('this_year', '2026-11-25')).toEqual({ start: '2026-01-01', end: '2026-11-25' })
    expect(presetPeriod('last_year', '2026-11-25')).toEqual({ start: '2025-01-01', end: '2025-12-31' })
    expect(presetPeriod('this_month', '2026-11-25')).toEqual({ start: '2026-11-01', end: '2026-11-25' })
    expect(presetPeriod('last_month', '2026-01-15')).toEqual({ start: '2025-12-01', end: '2025-12-31' })
    expect(presetPeriod('last_month', '2024-03-31')).toEqual({ start: '2024-02-01', end: '2024-02-29' })
    expect(presetPeriod('last_12_months', '2026-11-25')).toEqual({ start: '2025-11-26', end: '2026-11-25' })
    expect(presetPeriod('last_12_months', '2026-12-31')).toEqual({ start: '2026-01-01', end: '2026-12-31' })
  })

  it('checks periods as the server does', () => {
    expect(periodError({ start: '2026-01-01', end: '2026-01-01' })).toBeNull()
    expect(periodError({ start: '', end: '2026-01-01' })).toBe('missing')
    expect(periodError({ start: '2026-02-01', end: '2026-01-01' })).toBe('order')
    expect(periodError({ start: '1999-12-31', end: '2026-01-01' })).toBe('range')
  })
})

describe('chartModel', () => {
  it('draws detail rows with something to show, with the rows’ own values', () => {
    const model = chartModel('prestations', CHARTS.prestations[0]!, PRESTATIONS)
    expect(model.groups.map(g => g.rowIndex)).toEqual([0, 1])
    expect(model.groups[0]!.bars.map(b => b.value)).toEqual([12, 9])
    expect(model.max).toBe(12)
    expect(model.groups[1]!.bars[0]!.ratio).toBeCloseTo(8 / 12)
  })

  it('draws the total row for totals, and rates on a 0–1 scale', () => {
    const families = chartModel('prestations', CHARTS.prestations[1]!, PRESTATIONS)
    expect(families.groups.map(g => g.rowIndex)).toEqual([3])
    expect(families.groups[0]!.bars.map(b => b.value)).toEqual([3, 3, 5, 4, 0, 0])
    const rates = chartModel('appointments', CHARTS.appointments[0]!, APPOINTMENTS)
    expect(rates.max).toBe(1)
    expect(rates.groups.map(g => g.rowIndex)).toEqual([0, 1])
    expect(rates.groups[1]!.bars.map(b => b.value)).toEqual([0.6667, 0.3333, 0])
  })
})

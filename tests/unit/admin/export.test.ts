import type { IndicatorRow, IndicatorSet } from '@/domain/adminIndicators'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import AdminBarChart from '@/components/admin/AdminBarChart.vue'
import AdminIndicatorTable from '@/components/admin/AdminIndicatorTable.vue'
import { disclosureMask, PRIMARY_MARK, SECONDARY_MARK } from '@/domain/adminDisclosure'
import { readFormattedNumber } from '@/domain/adminFormat'
import { csvBody, exportFileName, indicatorCsv } from '@/domain/adminIndicatorExport'
import { chartModel, CHARTS, columnKind, INDICATOR_COLUMNS, TABLE_GROUPS } from '@/domain/adminIndicators'
import { parseCsv } from '@/domain/csv'
import { axeViolations, plugins, useLocale } from '../booklet/mountHelpers'
import { APPOINTMENTS, OUTREACH, PRESTATIONS, prestationRow } from './fixtures'

const PERIOD = { start: '2026-01-01', end: '2026-12-31' }
const AT = '2026-11-25T09:00:00.000Z'
const DATA: Record<IndicatorSet, IndicatorRow[]> = { prestations: PRESTATIONS, outreach: OUTREACH, appointments: APPOINTMENTS }

function exported(set: IndicatorSet, purpose: 'internal' | 'release' = 'internal', locale = 'fr') {
  const text = indicatorCsv({ set, rows: DATA[set], period: PERIOD, purpose, locale, computedAt: AT })
  return { text, records: parseCsv(text), ...csvBody(parseCsv(text)) }
}

afterEach(async () => {
  document.body.innerHTML = ''
  await useLocale('fr')
})

describe('CSV export', () => {
  it('starts with the definitions of docs/indicators.md, one per column', () => {
    const { records, header } = exported('prestations')
    const comments = records.filter(r => r[0]!.startsWith('# ')).map(r => r[0]!)
    expect(comments[0]).toBe('# Repères — indicateurs — Prestations (Action 41) — indicators_prestations')
    expect(comments).toContain('# Période : du 2026-01-01 au 2026-12-31 inclus (heure de Paris)')
    expect(comments).toContain(`# Calculé le : ${AT}`)
    for (const column of header)
      expect(comments.some(c => c.startsWith(`# ${column} : `) && c.length > `# ${column} : `.length + 5), column).toBe(true)
    expect(comments).toContain('# exits_positive : sorties positives : formation préqualifiante ou qualifiante, embauche dans une autre SIAE')
    expect(comments.some(c => c.includes('Période. Deux dates incluses, en heure de Paris'))).toBe(true)
    // How to call the SQL is for developers, not for readers of the file.
    expect(comments.some(c => c.includes('supabase.rpc'))).toBe(false)
  })

  it('quotes the English definitions for an English-speaking coordinator', () => {
    const { records } = exported('appointments', 'internal', 'en')
    expect(records.map(r => r[0])).toContain('# attended: appointments held (the person came)')
  })

  it.each(['prestations', 'outreach', 'appointments'] as const)('holds every column and the exact figures of the rows (%s)', (set) => {
    const { header, rows } = exported(set)
    expect(header).toEqual(INDICATOR_COLUMNS[set].map(c => c.key))
    expect(rows).toHaveLength(DATA[set].length)
    rows.forEach((record, r) => {
      header.forEach((column, i) => {
        const value = DATA[set][r]![column]
        expect(record[i], `${set} row ${r} ${column}`).toBe(value === null ? '' : String(value))
      })
    })
  })

  it('escapes text that holds separators and quotes', () => {
    const { text, rows } = exported('prestations')
    expect(text).toContain('"Ateliers numériques, ""de base"""')
    expect(rows[0]![1]).toBe('Ateliers numériques, "de base"')
  })

  it('names files after the table, the period and the purpose', () => {
    expect(exportFileName('outreach', PERIOD, 'internal')).toBe('reperes-indicateurs-outreach-2026-01-01_2026-12-31.csv')
    expect(exportFileName('outreach', PERIOD, 'release')).toBe('reperes-indicateurs-outreach-2026-01-01_2026-12-31-diffusion.csv')
  })
})

describe('statistical secrecy (release export)', () => {
  const columns = (set: IndicatorSet) => INDICATOR_COLUMNS[set].map(c => c.key)

  it('masks every non-zero count below 5 and never a zero for that reason', () => {
    const mask = disclosureMask('prestations', PRESTATIONS, columns('prestations'))
    expect(mask.get('0:entries_senior')).toBe('primary')
    expect(mask.get('0:exits_abandon')).toBe('primary')
    expect(mask.get('1:exits_employment_transition')).toBe('primary')
    expect(mask.has('2:entries')).toBe(false)
    expect(mask.has('0:entries')).toBe(false)
  })

  it('leaves no published sum with a single masked cell', () => {
    for (const set of ['prestations', 'outreach', 'appointments'] as const) {
      const mask = disclosureMask(set, DATA[set], columns(set))
      const total = DATA[set].findIndex(r => r.is_total === true)
      const counts = columns(set).filter(c => columnKind(set, c) === 'count' && c !== 'entrants' && c !== 'exiters')
      if (total >= 0) {
        for (const col of counts) {
          const cells = DATA[set].map((_r, i) => `${i}:${col}`)
          expect(cells.filter(k => mask.has(k)).length, `${set} ${col}`).not.toBe(1)
        }
      }
      DATA[set].forEach((_row, r) => {
        const sums = set === 'prestations'
          ? [['exits', 'exits_new_prestation', 'exits_abandon', 'exits_employment_durable', 'exits_employment_transition', 'exits_positive', 'exits_other'], ['exits_employment_total', 'exits_employment_durable', 'exits_employment_transition', 'exits_positive']]
          : set === 'outreach'
            ? [['met', 'with_consent', 'anonymous'], ['oriented', 'referral_pending', 'referral_accepted', 'referral_declined']]
            : [['appointments', 'attended', 'missed', 'excused', 'cancelled', 'pending']]
        for (const sum of sums)
          expect(sum.filter(c => mask.has(`${r}:${c}`)).length, `${set} row ${r} ${sum[0]}`).not.toBe(1)
      })
    }
  })

  it('withholds a rate whose denominator is below 5 or whose counts are masked', () => {
    const mask = disclosureMask('appointments', APPOINTMENTS, columns('appointments'))
    // 3 appointments at the structure-less row: every rate withheld.
    expect(mask.get('1:attendance_rate')).toBe('secondary')
    expect(mask.get('1:response_rate')).toBe('secondary')
    // Missed = 2 is masked at the first structure, so its attendance rate would give it away.
    expect(mask.get('0:missed')).toBe('primary')
    expect(mask.get('0:attendance_rate')).toBe('secondary')
  })

  it('writes the marks in the file, and the legend and the rule in its header', () => {
    const { records, header, rows } = exported('prestations', 'release')
    const senior = header.indexOf('entries_senior')
    expect(rows[0]![senior]).toBe(PRIMARY_MARK)
    expect(rows.flat()).toContain(SECONDARY_MARK)
    const comments = records.filter(r => r[0]!.startsWith('# ')).map(r => r[0]!)
    expect(comments.some(c => c.includes('secret statistique appliqué'))).toBe(true)
    expect(comments.some(c => c.includes('« s » = case masquée'))).toBe(true)
    expect(exported('prestations', 'internal').rows.flat()).not.toContain(PRIMARY_MARK)
  })

  it('masks again whatever a first round of masking exposed (cascade)', () => {
    const rows = [
      prestationRow({ prestation_title: 'A', entries: 2 }),
      prestationRow({ prestation_title: 'B', entries: 30 }),
      prestationRow({ prestation_title: 'C', entries: 40 }),
      prestationRow({ is_total: true, prestation_title: null, entries: 72 }),
    ]
    const mask = disclosureMask('prestations', rows, ['entries'])
    expect(mask.get('0:entries')).toBe('primary')
    expect(mask.get('1:entries')).toBe('secondary')
    expect(mask.has('2:entries')).toBe(false)
  })
})

describe('the same figures in the table, the chart and the export', () => {
  function mountWith<T>(component: T, props: Record<string, unknown>) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return mount(component as any, { props, attachTo: document.body, global: { plugins: plugins() } })
  }

  it.each(['prestations', 'outreach', 'appointments'] as const)('%s', (set) => {
    const { header, rows: csvRows } = exported(set)
    const csvValue = (r: number, col: string) => {
      const text = csvRows[r]![header.indexOf(col)]!
      return text === '' ? null : Number(text)
    }
    for (const group of TABLE_GROUPS[set]) {
      const table = mountWith(AdminIndicatorTable, { set, rows: DATA[set], columns: group.columns, caption: 'T' })
      for (const tr of table.findAll('tbody tr')) {
        const r = Number(tr.attributes('data-row'))
        for (const td of tr.findAll('td'))
          expect(readFormattedNumber(td.text(), 'fr'), `${set} ${r} ${td.attributes('data-col')}`).toBe(csvValue(r, td.attributes('data-col')!))
      }
      table.unmount()
    }
    for (const spec of CHARTS[set]) {
      const model = chartModel(set, spec, DATA[set])
      const chart = mountWith(AdminBarChart, { set, model, rows: DATA[set], title: 'C' })
      const groups = chart.findAll('.chart__group')
      expect(groups).toHaveLength(model.groups.length)
      for (const g of groups) {
        const r = Number(g.attributes('data-row'))
        for (const line of g.findAll('.chart__line'))
          expect(readFormattedNumber(line.get('.chart__value').text(), 'fr')).toBe(csvValue(r, line.attributes('data-series')!))
      }
      chart.unmount()
    }
  })

  it('has no accessibility violations, in French and in Arabic', async () => {
    for (const locale of ['fr', 'ar'] as const) {
      await useLocale(locale)
      const table = mountWith(AdminIndicatorTable, { set: 'appointments', rows: APPOINTMENTS, columns: TABLE_GROUPS.appointments[0]!.columns, caption: 'T' })
      const chart = mountWith(AdminBarChart, { set: 'appointments', model: chartModel('appointments', CHARTS.appointments[0]!, APPOINTMENTS), rows: APPOINTMENTS, title: 'C' })
      expect(await axeViolations(table.element)).toEqual([])
      expect(await axeViolations(chart.element)).toEqual([])
      expect(table.text()).toContain(locale === 'ar' ? 'نسبة الحضور' : 'Taux de présence')
      table.unmount()
      chart.unmount()
    }
  }, 30_000)
})

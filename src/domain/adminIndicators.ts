// The three indicator tables of the back office (docs/indicators.md): their
// columns in the order the SQL functions return them (which is also the order
// of the CSV export), the check of what the server sent, periods, and the
// models the table and the chart are drawn from. One parsed result feeds the
// table, the chart and the export, so the three always show the same figures.
import type { IndicatorSet } from './adminIndicatorDocs'
import { z } from 'zod'

export type { IndicatorSet } from './adminIndicatorDocs'
export const INDICATOR_SETS: readonly IndicatorSet[] = ['prestations', 'outreach', 'appointments']

export type ColumnKind = 'id' | 'text' | 'flag' | 'count' | 'rate'
export interface ColumnSpec {
  key: string
  kind: ColumnKind
}

const c = (kind: ColumnKind, ...keys: string[]): ColumnSpec[] => keys.map(key => ({ key, kind }))

export const INDICATOR_COLUMNS: Readonly<Record<IndicatorSet, readonly ColumnSpec[]>> = {
  prestations: [
    ...c('id', 'prestation_id'),
    ...c('text', 'prestation_title', 'registre', 'prestation_status'),
    ...c('flag', 'is_total'),
    ...c('count', 'entries', 'entrants', 'entries_rsa', 'entries_qpv', 'entries_woman', 'entries_senior',
      'entries_under_26', 'entries_grand_exclu', 'entries_priority_any', 'exits', 'exiters', 'exits_new_prestation',
      'exits_abandon', 'exits_employment_durable', 'exits_employment_transition', 'exits_positive', 'exits_other',
      'exits_employment_total', 'exits_rsa', 'exits_qpv', 'exits_woman', 'exits_senior', 'exits_under_26',
      'exits_grand_exclu', 'exits_priority_any'),
  ],
  outreach: [
    ...c('id', 'team_id'),
    ...c('text', 'team_name', 'team_kind', 'quartier'),
    ...c('count', 'met', 'with_consent', 'anonymous', 'oriented', 'referral_pending', 'referral_accepted',
      'appointment_planned', 'referral_declined', 'in_parcours', 'rsa', 'under_26', 'over_50', 'single_parent'),
  ],
  appointments: [
    ...c('id', 'structure_id'),
    ...c('text', 'structure_name'),
    ...c('flag', 'is_total'),
    ...c('count', 'appointments', 'attended', 'missed', 'excused', 'cancelled', 'pending', 'responded', 'reminded',
      'reminders_sent'),
    ...c('rate', 'attendance_rate', 'no_show_rate', 'response_rate'),
  ],
}

export type CellValue = string | number | boolean | null
export type IndicatorRow = Record<string, CellValue>

const CELL_SCHEMAS: Record<ColumnKind, z.ZodType<CellValue>> = {
  id: z.guid().nullable(),
  text: z.string().nullable(),
  flag: z.boolean(),
  count: z.int().min(0),
  // Fractions rounded to 4 decimals by the server; null when the denominator is 0.
  rate: z.number().min(0).max(1).nullable(),
}

const rowSchemas = Object.fromEntries(Object.entries(INDICATOR_COLUMNS).map(([set, columns]) => [
  set,
  z.array(z.object(Object.fromEntries(columns.map(col => [col.key, CELL_SCHEMAS[col.kind]])))),
])) as unknown as Record<IndicatorSet, z.ZodType<IndicatorRow[]>>

/** Checks what the server sent against the documented columns; throws a ZodError if it differs. */
export function parseIndicatorRows(set: IndicatorSet, data: unknown): IndicatorRow[] {
  return rowSchemas[set].parse(data)
}

export function columnKind(set: IndicatorSet, key: string): ColumnKind | undefined {
  return INDICATOR_COLUMNS[set].find(col => col.key === key)?.kind
}

export const isTotalRow = (row: IndicatorRow): boolean => row.is_total === true

// ---------------------------------------------------------------------------
// Periods: two inclusive calendar dates, Paris time (as the SQL reads them)
// ---------------------------------------------------------------------------

export interface Period {
  start: string
  end: string
}

export const PERIOD_PRESETS = ['last_12_months', 'this_year', 'last_year', 'this_month', 'last_month', 'custom'] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]

/** Today's date in Paris, whatever the device's zone. */
export function parisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)

export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  switch (preset) {
    case 'this_year':
      return { start: iso(y, 1, 1), end: today }
    case 'last_year':
      return { start: iso(y - 1, 1, 1), end: iso(y - 1, 12, 31) }
    case 'this_month':
      return { start: iso(y, m, 1), end: today }
    case 'last_month':
      return { start: iso(y, m - 1, 1), end: iso(y, m, 0) }
    case 'last_12_months':
      return { start: iso(y - 1, m, d + 1), end: today }
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The server's own rules (indicators_period), checked before asking. */
export function periodError(period: Period): 'missing' | 'order' | 'range' | null {
  if (!DAY.test(period.start) || !DAY.test(period.end))
    return 'missing'
  if (period.end < period.start)
    return 'order'
  if (period.start < '2000-01-01' || period.end > '2100-12-31')
    return 'range'
  return null
}

// ---------------------------------------------------------------------------
// What the screen shows: column groups for the table, series for the chart
// ---------------------------------------------------------------------------

export interface ColumnGroup {
  id: string
  columns: readonly string[]
}

export const TABLE_GROUPS: Readonly<Record<IndicatorSet, readonly ColumnGroup[]>> = {
  prestations: [
    { id: 'summary', columns: ['entries', 'entrants', 'entries_priority_any', 'exits', 'exiters', 'exits_employment_total'] },
    { id: 'entries_publics', columns: ['entries', 'entries_rsa', 'entries_qpv', 'entries_woman', 'entries_senior', 'entries_under_26', 'entries_grand_exclu', 'entries_priority_any'] },
    { id: 'exit_families', columns: ['exits', 'exits_new_prestation', 'exits_abandon', 'exits_employment_durable', 'exits_employment_transition', 'exits_positive', 'exits_other', 'exits_employment_total'] },
    { id: 'exits_publics', columns: ['exits', 'exits_rsa', 'exits_qpv', 'exits_woman', 'exits_senior', 'exits_under_26', 'exits_grand_exclu', 'exits_priority_any'] },
  ],
  outreach: [
    { id: 'orientation', columns: ['met', 'with_consent', 'anonymous', 'oriented', 'referral_pending', 'referral_accepted', 'appointment_planned', 'referral_declined', 'in_parcours'] },
    { id: 'publics', columns: ['met', 'rsa', 'under_26', 'over_50', 'single_parent'] },
  ],
  appointments: [
    { id: 'attendance', columns: ['appointments', 'attended', 'missed', 'excused', 'cancelled', 'pending', 'attendance_rate', 'no_show_rate'] },
    { id: 'responses', columns: ['appointments', 'responded', 'response_rate', 'reminded', 'reminders_sent'] },
  ],
}

/** The columns that name a row (shown before the figures). */
export const LABEL_COLUMNS: Readonly<Record<IndicatorSet, readonly string[]>> = {
  prestations: ['prestation_title', 'registre'],
  outreach: ['team_name', 'quartier'],
  appointments: ['structure_name'],
}

export interface ChartSpec {
  id: string
  series: readonly string[]
  /** Which rows the chart draws. */
  rows: 'details' | 'total'
}

export const CHARTS: Readonly<Record<IndicatorSet, readonly ChartSpec[]>> = {
  prestations: [
    { id: 'flows', series: ['entries', 'exits'], rows: 'details' },
    { id: 'exit_families', series: ['exits_new_prestation', 'exits_abandon', 'exits_employment_durable', 'exits_employment_transition', 'exits_positive', 'exits_other'], rows: 'total' },
  ],
  outreach: [
    { id: 'funnel', series: ['met', 'oriented', 'referral_accepted', 'in_parcours'], rows: 'details' },
  ],
  appointments: [
    { id: 'rates', series: ['attendance_rate', 'no_show_rate', 'response_rate'], rows: 'details' },
  ],
}

export interface ChartBar {
  key: string
  value: number | null
  /** Share of the chart's scale, 0–1, for the bar's length. */
  ratio: number
}

export interface ChartGroup {
  rowIndex: number
  bars: ChartBar[]
}

export interface ChartModel {
  id: string
  series: readonly string[]
  /** One group per row drawn; for a total chart, one group per series. */
  groups: ChartGroup[]
  max: number
}

/**
 * Bars for one chart, straight from the parsed rows (no rounding, no
 * re-aggregation). Detail charts skip rows that are all zero or empty: a
 * table holds every row, a chart only what there is to see.
 */
export function chartModel(set: IndicatorSet, spec: ChartSpec, rows: readonly IndicatorRow[]): ChartModel {
  const rates = spec.series.every(key => columnKind(set, key) === 'rate')
  const picked = rows
    .map((row, rowIndex) => ({ row, rowIndex }))
    .filter(({ row }) => (spec.rows === 'total' ? isTotalRow(row) : !isTotalRow(row)))
    .filter(({ row }) => spec.series.some(key => typeof row[key] === 'number' && row[key] !== 0))
  const values = picked.flatMap(({ row }) => spec.series.map(key => row[key])).filter((v): v is number => typeof v === 'number')
  const max = rates ? 1 : Math.max(1, ...values)
  const bar = (row: IndicatorRow, key: string): ChartBar => {
    const value = typeof row[key] === 'number' ? row[key] as number : null
    return { key, value, ratio: value === null ? 0 : value / max }
  }
  return {
    id: spec.id,
    series: spec.series,
    groups: picked.map(({ row, rowIndex }) => ({ rowIndex, bars: spec.series.map(key => bar(row, key)) })),
    max,
  }
}

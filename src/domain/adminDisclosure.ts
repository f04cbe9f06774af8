// Statistical secrecy for tables that leave the Département (docs/indicators.md,
// "Secret statistique"): every non-zero count below 5 is masked (primary
// secrecy); when a published total would let a masked cell be recomputed, one
// more cell of the same sum is masked too (secondary secrecy), until no sum has
// a single masked cell; a rate is withheld when its denominator is below 5 or
// when it would reveal a masked count. Pure: the same rows in, the same mask out.
import type { IndicatorRow, IndicatorSet } from './adminIndicators'
import { columnKind, isTotalRow } from './adminIndicators'

export const SMALL_CELL_THRESHOLD = 5
export const PRIMARY_MARK = '< 5'
export const SECONDARY_MARK = 's'

export type CellMask = 'primary' | 'secondary'
/** Masked cells by "rowIndex:column". */
export type DisclosureMask = Map<string, CellMask>

/** Sums that hold inside one row: total = sum of parts. */
const ROW_SUMS: Readonly<Record<IndicatorSet, readonly { total: string, parts: readonly string[] }[]>> = {
  prestations: [
    { total: 'exits', parts: ['exits_new_prestation', 'exits_abandon', 'exits_employment_durable', 'exits_employment_transition', 'exits_positive', 'exits_other'] },
    { total: 'exits_employment_total', parts: ['exits_employment_durable', 'exits_employment_transition', 'exits_positive'] },
  ],
  outreach: [
    { total: 'met', parts: ['with_consent', 'anonymous'] },
    // A referral is pending, accepted (appointment set or not) or declined.
    { total: 'oriented', parts: ['referral_pending', 'referral_accepted', 'referral_declined'] },
  ],
  appointments: [
    { total: 'appointments', parts: ['attended', 'missed', 'excused', 'cancelled', 'pending'] },
  ],
}

/**
 * Columns whose detail rows add up to the Total row. Distinct-person counts
 * (entrants, exiters) do not: one person may enter several prestations.
 */
const NOT_ADDITIVE = new Set(['entrants', 'exiters'])

/** Rates and the counts they are computed from. */
const RATES: Readonly<Record<string, { numerator: string, denominator: readonly string[] }>> = {
  attendance_rate: { numerator: 'attended', denominator: ['attended', 'missed'] },
  no_show_rate: { numerator: 'missed', denominator: ['attended', 'missed'] },
  response_rate: { numerator: 'responded', denominator: ['appointments'] },
}

const cellKey = (rowIndex: number, column: string) => `${rowIndex}:${column}`

interface Sum {
  cells: string[]
}

function sums(set: IndicatorSet, rows: readonly IndicatorRow[], counts: readonly string[]): Sum[] {
  const out: Sum[] = []
  rows.forEach((_row, r) => {
    for (const s of ROW_SUMS[set])
      out.push({ cells: [s.total, ...s.parts].map(col => cellKey(r, col)) })
  })
  const total = rows.findIndex(isTotalRow)
  if (total >= 0) {
    const details = rows.map((_row, r) => r).filter(r => r !== total)
    for (const col of counts.filter(k => !NOT_ADDITIVE.has(k)))
      out.push({ cells: [cellKey(total, col), ...details.map(r => cellKey(r, col))] })
  }
  return out
}

/** Which cells a release must hide. */
export function disclosureMask(set: IndicatorSet, rows: readonly IndicatorRow[], columns: readonly string[]): DisclosureMask {
  const counts = columns.filter(col => columnKind(set, col) === 'count')
  const value = new Map<string, number>()
  rows.forEach((row, r) => {
    for (const col of counts)
      value.set(cellKey(r, col), Number(row[col] ?? 0))
  })
  const mask: DisclosureMask = new Map()
  for (const [key, v] of value) {
    if (v > 0 && v < SMALL_CELL_THRESHOLD)
      mask.set(key, 'primary')
  }

  const equations = sums(set, rows, counts).map(s => s.cells.filter(k => value.has(k))).filter(cells => cells.length > 1)
  // Each pass masks at least one more cell, so this ends; a sum with exactly one
  // masked cell gives it away, so mask the smallest other non-zero cell of it.
  for (let changed = true; changed;) {
    changed = false
    for (const cells of equations) {
      const masked = cells.filter(k => mask.has(k))
      if (masked.length !== 1)
        continue
      const open = cells.filter(k => !mask.has(k))
      if (!open.length)
        continue
      const nonZero = open.filter(k => value.get(k)! > 0)
      const pool = nonZero.length ? nonZero : open
      const pick = pool.reduce((a, b) => (value.get(b)! < value.get(a)! ? b : a))
      mask.set(pick, 'secondary')
      changed = true
    }
  }

  rows.forEach((row, r) => {
    for (const [rate, def] of Object.entries(RATES)) {
      if (!columns.includes(rate))
        continue
      const denominator = def.denominator.reduce((sum, col) => sum + Number(row[col] ?? 0), 0)
      const parts = [def.numerator, ...def.denominator].map(col => cellKey(r, col))
      if (denominator < SMALL_CELL_THRESHOLD || parts.some(k => mask.has(k)))
        mask.set(cellKey(r, rate), 'secondary')
    }
  })
  return mask
}

export function maskedCell(mask: DisclosureMask, rowIndex: number, column: string): CellMask | undefined {
  return mask.get(cellKey(rowIndex, column))
}

export function maskMark(kind: CellMask): string {
  return kind === 'primary' ? PRIMARY_MARK : SECONDARY_MARK
}

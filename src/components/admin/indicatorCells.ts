// What a cell of an indicator table prints, shared by the table and the chart
// so both always write the same figure the same way.
import type { IndicatorRow, IndicatorSet } from '@/domain/adminIndicators'
import { formatCount, formatRate } from '@/domain/adminFormat'
import { columnKind, isTotalRow } from '@/domain/adminIndicators'

type Translate = (key: string) => string

export function cellText(set: IndicatorSet, row: IndicatorRow, column: string, locale: string): string {
  const value = row[column]
  switch (columnKind(set, column)) {
    case 'count':
      return typeof value === 'number' ? formatCount(value, locale) : '—'
    case 'rate':
      return formatRate(typeof value === 'number' ? value : null, locale)
    default:
      return value === null || value === undefined ? '' : String(value)
  }
}

/** The words naming a row: prestation, team and quartier, structure, or Total. */
export function rowLabel(set: IndicatorSet, row: IndicatorRow, t: Translate): string {
  if (isTotalRow(row))
    return t('admin.indicators.total')
  switch (set) {
    case 'prestations':
      return String(row.prestation_title ?? '')
    case 'outreach':
      return `${String(row.team_name ?? '')} — ${String(row.quartier ?? '')}`
    case 'appointments':
      return row.structure_name ? String(row.structure_name) : t('admin.indicators.no_structure')
  }
}

/** A second line under the row name, if any (registre of a prestation, kind of team). */
export function rowDetail(set: IndicatorSet, row: IndicatorRow, t: Translate): string | null {
  if (isTotalRow(row))
    return null
  if (set === 'prestations' && typeof row.registre === 'string') {
    const registre = t(`catalogue.registres.${row.registre}`)
    return row.prestation_status && row.prestation_status !== 'published'
      ? `${registre} · ${t(`admin.status.${String(row.prestation_status)}`)}`
      : registre
  }
  if (set === 'outreach' && typeof row.team_kind === 'string')
    return row.team_kind
  return null
}

// The team dashboard, computed on the device from the contacts it holds (so it works
// offline): people met per week and quartier, and how many were oriented, had their
// referral accepted, and entered a parcours. Same definitions as public.outreach_stats:
// "accepted" includes an appointment planned by the structure; a contact deleted by hand
// is not counted, one reduced to statistics by retention is.
import { addDays, mondayOf, parisDay, placeKey } from './outreach'

export interface DashboardRow {
  quartier?: unknown
  met_at?: unknown
  consent?: unknown
  oriented_structure_id?: unknown
  referral_status?: unknown
  status?: unknown
  deleted_at?: unknown
  reduced_at?: unknown
}

export interface DashboardWeek {
  /** Monday of the week, "YYYY-MM-DD" (Paris). */
  start: string
  total: number
  byQuartier: Record<string, number>
}

export interface DashboardTotals {
  met: number
  withConsent: number
  oriented: number
  /** Oriented without consent: only this count reaches the structure. */
  orientedAnonymous: number
  referralsPending: number
  referralsAccepted: number
  referralsDeclined: number
  inParcours: number
}

export interface Dashboard {
  weeks: DashboardWeek[]
  /** Quartiers seen in the period, most met first. */
  quartiers: string[]
  byQuartier: Record<string, number>
  totals: DashboardTotals
  from: string
  to: string
}

export interface DashboardOptions {
  /** Today, a Paris day. */
  today: string
  /** How many weeks, the current one included. */
  weeks: number
}

export function aggregateDashboard(rows: readonly DashboardRow[], options: DashboardOptions): Dashboard {
  const count = Math.max(1, Math.floor(options.weeks))
  const lastMonday = mondayOf(options.today)
  const from = addDays(lastMonday, -7 * (count - 1))
  const to = addDays(lastMonday, 6)
  const weeks: DashboardWeek[] = Array.from({ length: count }, (_, i) => ({ start: addDays(from, 7 * i), total: 0, byQuartier: {} }))
  const byStart = new Map(weeks.map(w => [w.start, w]))
  const byQuartier: Record<string, number> = {}
  // One spelling per quartier, the first one met ("Goutte d'Or" and "Goutte d’Or" together).
  const names = new Map<string, string>()
  const totals: DashboardTotals = {
    met: 0, withConsent: 0, oriented: 0, orientedAnonymous: 0,
    referralsPending: 0, referralsAccepted: 0, referralsDeclined: 0, inParcours: 0,
  }

  for (const row of rows) {
    if (row.deleted_at && !row.reduced_at)
      continue
    if (typeof row.met_at !== 'string' || Number.isNaN(Date.parse(row.met_at)))
      continue
    const day = parisDay(row.met_at)
    if (day < from || day > to)
      continue
    const raw = typeof row.quartier === 'string' && row.quartier.trim() ? row.quartier.trim() : '?'
    const key = placeKey(raw)
    if (!names.has(key))
      names.set(key, raw)
    const quartier = names.get(key)!
    const week = byStart.get(mondayOf(day))!
    week.total++
    week.byQuartier[quartier] = (week.byQuartier[quartier] ?? 0) + 1
    byQuartier[quartier] = (byQuartier[quartier] ?? 0) + 1

    totals.met++
    if (row.consent === true)
      totals.withConsent++
    if (row.oriented_structure_id) {
      totals.oriented++
      if (row.consent !== true)
        totals.orientedAnonymous++
      else if (row.referral_status === 'pending')
        totals.referralsPending++
    }
    if (row.referral_status === 'accepted' || row.referral_status === 'appointment_planned')
      totals.referralsAccepted++
    if (row.referral_status === 'declined')
      totals.referralsDeclined++
    if (row.status === 'in_parcours')
      totals.inParcours++
  }

  const quartiers = Object.keys(byQuartier).sort((a, b) => byQuartier[b]! - byQuartier[a]! || a.localeCompare(b, 'fr'))
  return { weeks, quartiers, byQuartier, totals, from, to }
}

/** A bar chart's scale: a round maximum at or above the largest value (at least 1). */
export function niceMax(value: number): number {
  if (value <= 5)
    return Math.max(1, Math.ceil(value))
  const magnitude = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * magnitude)
      return step * magnitude
  }
  return 10 * magnitude
}

// Indicator rows as the SQL functions return them (column order and types of
// docs/indicators.md), with small counts so statistical secrecy has work to do.
import type { IndicatorRow } from '@/domain/adminIndicators'
import { INDICATOR_COLUMNS } from '@/domain/adminIndicators'

function zeros(set: keyof typeof INDICATOR_COLUMNS): IndicatorRow {
  return Object.fromEntries(INDICATOR_COLUMNS[set].map(col => [col.key,
    col.kind === 'count' ? 0 : col.kind === 'flag' ? false : null])) as IndicatorRow
}

export function prestationRow(patch: IndicatorRow): IndicatorRow {
  return { ...zeros('prestations'), prestation_status: 'published', ...patch }
}

export const PRESTATIONS: IndicatorRow[] = [
  prestationRow({
    prestation_id: 'b0000000-0000-4000-8000-000000000006', prestation_title: 'Ateliers numériques, "de base"', registre: 'formation',
    entries: 12, entrants: 11, entries_rsa: 12, entries_qpv: 7, entries_woman: 6, entries_senior: 2, entries_priority_any: 12,
    exits: 9, exiters: 9, exits_new_prestation: 3, exits_abandon: 1, exits_employment_durable: 5, exits_employment_total: 5,
    exits_rsa: 9, exits_priority_any: 9,
  }),
  prestationRow({
    prestation_id: 'b0000000-0000-4000-8000-000000000023', prestation_title: 'Jardin d’insertion de la Goutte d’Or', registre: 'ess',
    entries: 8, entrants: 8, entries_rsa: 8, entries_priority_any: 8,
    exits: 6, exiters: 6, exits_abandon: 2, exits_employment_transition: 4, exits_employment_total: 4, exits_rsa: 6, exits_priority_any: 6,
  }),
  prestationRow({
    prestation_id: 'b0000000-0000-4000-8000-000000000014', prestation_title: 'AIVE', registre: 'emploi_durable',
    entries: 0, exits: 0,
  }),
  prestationRow({
    prestation_title: null, registre: null, prestation_status: null, is_total: true,
    entries: 20, entrants: 18, entries_rsa: 20, entries_qpv: 7, entries_woman: 6, entries_senior: 2, entries_priority_any: 20,
    exits: 15, exiters: 15, exits_new_prestation: 3, exits_abandon: 3, exits_employment_durable: 5, exits_employment_transition: 4,
    exits_employment_total: 9, exits_rsa: 15, exits_priority_any: 15,
  }),
]

export const APPOINTMENTS: IndicatorRow[] = [
  {
    structure_id: '5e000000-0000-4000-8000-000000000001', structure_name: 'Espace insertion Paris 18e', is_total: false,
    appointments: 10, attended: 6, missed: 2, excused: 1, cancelled: 1, pending: 0, responded: 7, reminded: 8, reminders_sent: 12,
    attendance_rate: 0.75, no_show_rate: 0.25, response_rate: 0.7,
  },
  {
    structure_id: null, structure_name: null, is_total: false,
    appointments: 3, attended: 2, missed: 1, excused: 0, cancelled: 0, pending: 0, responded: 0, reminded: 0, reminders_sent: 0,
    attendance_rate: 0.6667, no_show_rate: 0.3333, response_rate: 0,
  },
  {
    structure_id: null, structure_name: null, is_total: true,
    appointments: 13, attended: 8, missed: 3, excused: 1, cancelled: 1, pending: 0, responded: 7, reminded: 8, reminders_sent: 12,
    attendance_rate: 0.7273, no_show_rate: 0.2727, response_rate: 0.5385,
  },
]

export const OUTREACH: IndicatorRow[] = [
  {
    team_id: '7ea00000-0000-4000-8000-000000000001', team_name: 'EDL Goutte d’Or', team_kind: 'EDL', quartier: 'Goutte d’Or',
    met: 14, with_consent: 9, anonymous: 5, oriented: 6, referral_pending: 3, referral_accepted: 2, appointment_planned: 1,
    referral_declined: 1, in_parcours: 2, rsa: 8, under_26: 3, over_50: 2, single_parent: 4,
  },
  {
    team_id: '7ea00000-0000-4000-8000-000000000001', team_name: 'EDL Goutte d’Or', team_kind: 'EDL', quartier: 'La Chapelle',
    met: 0, with_consent: 0, anonymous: 0, oriented: 0, referral_pending: 0, referral_accepted: 0, appointment_planned: 0,
    referral_declined: 0, in_parcours: 0, rsa: 0, under_26: 0, over_50: 0, single_parent: 0,
  },
]

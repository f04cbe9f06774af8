import type { Appointment } from '@/components/appointments/model'
import type { LocalRow } from '@/db/types'
import { toAppointment } from '@/components/appointments/model'

export const ME = '11111111-1111-4111-8111-111111111111'
export const REFERENT = '44444444-4444-4444-8444-444444444444'
export const STRUCTURE = '5e000000-0000-4000-8000-000000000001'

/** A row as sync_pull sends it (to_jsonb of public.appointments). */
export function row(overrides: Partial<Record<string, unknown>> = {}): LocalRow {
  return {
    id: crypto.randomUUID(),
    allocataire_id: ME,
    referent_id: REFERENT,
    referent_name: 'Karim Benali',
    structure_id: STRUCTURE,
    kind: 'follow_up',
    title: 'Rendez-vous avec votre référent',
    event_id: null,
    starts_at: '2027-03-29T08:00:00+00:00',
    duration_min: 45,
    mode: 'in_person',
    location: 'Espace insertion Paris 18e, 4 rue Affre, bureau 2',
    documents_to_bring: ['Contrat d’engagements réciproques', 'Attestation CAF'],
    note: null,
    status: 'scheduled',
    response: null,
    response_reason: null,
    preferred_slots: null,
    responded_at: null,
    seen_by_referent_at: null,
    reminded_at: null,
    created_at: '2027-03-01T10:00:00+00:00',
    updated_at: '2027-03-01T10:00:00+00:00',
    deleted_at: null,
    version: 1,
    ...overrides,
  }
}

export function appointment(overrides: Partial<Record<string, unknown>> = {}): Appointment {
  return toAppointment(row(overrides))
}

export const EI18 = {
  id: STRUCTURE,
  kind: 'EI',
  name: 'Espace insertion Paris 18e',
  address: '4 rue Affre',
  postcode: '75018',
  phone: '01 53 09 00 18',
  status: 'published',
  deleted_at: null,
  version: 1,
}

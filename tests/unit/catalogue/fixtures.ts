// Small catalogue rows shaped like the public tables (see supabase seed.sql).
import type { EventRow, PrestationRow, StructureRow } from '@/domain/catalogue'

export function prestation(over: Partial<PrestationRow> & Pick<PrestationRow, 'id' | 'title'>): PrestationRow {
  return {
    registre: 'formation', summary: '', publics: ['tous'], eligibility: null, how_to_access: null,
    access_mode: 'referent', operator: null, structure_id: null, duration: null, cost: null, locale: 'fr',
    arrondissements: [], source_ref: null, last_checked_at: null, status: 'published', ...over,
  }
}

export function structure(over: Partial<StructureRow> & Pick<StructureRow, 'id' | 'name'>): StructureRow {
  return {
    kind: 'EI', summary: null, address: null, postcode: null, arrondissement: null, opening_hours: {},
    phone: null, email: null, website: null, accessibility: null, last_checked_at: null, status: 'published', ...over,
  }
}

export function event(over: Partial<EventRow> & Pick<EventRow, 'id' | 'title' | 'starts_at'>): EventRow {
  return {
    kind: 'forum', description: null, ends_at: null, structure_id: null, place: null, address: null,
    arrondissement: null, seats: null, registration: null, registration_url: null, publics: ['tous'],
    locale: 'fr', status: 'published', ...over,
  }
}

export const PRESTATIONS: PrestationRow[] = [
  prestation({ id: 'p1', registre: 'formation', title: 'Passerelles linguistiques', summary: 'Apprendre le français utile au travail.', publics: ['rsa'] }),
  prestation({ id: 'p2', registre: 'formation', title: 'Passerelles linguistiques pour les mères isolées', summary: 'Cours de français avec garde des enfants.', publics: ['femmes', 'parents_isoles', 'rsa'], arrondissements: [18, 19, 20] }),
  prestation({ id: 'p3', registre: 'formation', title: 'Atelier de pédagogie personnalisée (APP)', summary: 'Remise à niveau.', access_mode: 'direct' }),
  prestation({ id: 'p4', registre: 'creation_activite', title: 'Évaluation de l’idée', summary: 'Tester une idée de création d’entreprise.', publics: ['createurs'], access_mode: 'direct', operator: 'Maison des entreprises et de l’emploi' }),
  prestation({ id: 'p5', registre: 'intermediation', title: 'Préparation au forum Paris pour l’emploi', summary: 'Se préparer à rencontrer des employeurs.', arrondissements: [12] }),
  prestation({ id: 'p6', registre: 'ess', title: 'Chantier d’insertion — jardins', summary: 'Travailler au jardin avec un contrat.', status: 'archived' }),
  prestation({ id: 'p7', registre: 'ess', title: 'Premières heures', summary: 'Reprise progressive.', publics: ['sans_domicile'], deleted_at: '2026-10-01T00:00:00Z' }),
]

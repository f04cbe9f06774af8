// One valid example per back-office mutation, shared by the mutation tests.

const id = () => crypto.randomUUID()

export const VALID_ADMIN = {
  'feedback.answer': { id: id(), answer: 'Merci.\nNous corrigeons le livret.', answer_locale: 'fr' },
  'feedback.assign': { id: id(), assigned_to: id() },
  'feedback.set_status': { id: id(), status: 'closed' },
  'invitation.create': { id: id(), email: 'nadia@example.org', roles: ['outreach'], team_id: id(), preferred_locale: 'ar' },
  'invitation.revoke': { id: id() },
  'profile.set_access': { id: id(), roles: ['referent', 'coordinator'], structure_id: id() },
  'booklet_section.save': { id: id(), slug: 'changer-referent', locale: 'en', variant: 'easy', title: 'Change référent', body: '', position: 5, source_revision: 2 },
  'booklet_section.set_status': { id: id(), status: 'in_review', open_consultation: true },
  'structure.upsert': {
    id: id(), kind: 'EI', name: 'Espace insertion Paris 18e', postcode: '75018', arrondissement: 18,
    opening_hours: { mon: [['09:00', '12:30'], ['13:30', '17:00']], sat: [] }, status: 'published', checked: true,
  },
  'prestation.upsert': { id: id(), registre: 'formation', title: 'Atelier CV', publics: ['rsa'], access_mode: 'direct', arrondissements: [18], status: 'draft' },
  'event.upsert': { id: id(), kind: 'forum', title: 'Forum emploi', starts_at: '2027-03-10T09:00:00+01:00', ends_at: '2027-03-10T13:00:00+01:00', status: 'published' },
} as const

/** The roles a profile can hold: a set, not one value (DESIGN §4). */
export const ROLES = ['allocataire', 'groupe_ressource', 'outreach', 'referent', 'coordinator'] as const
export type Role = (typeof ROLES)[number]

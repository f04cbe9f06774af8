/** Where supabase-js keeps the session (localStorage); sign-out removes every key with this prefix. */
export const AUTH_STORAGE_KEY = 'reperes.auth'

/** The device lock's PIN-wrapped key and settings (services/lockConfig.ts). */
export const LOCK_STORAGE_KEY = 'reperes.lock'

/**
 * Every localStorage prefix that holds something about the signed-in person
 * (session, cached group data, appointment checklists and notifications):
 * sign-out removes them all. Device settings (language, text size) and
 * public-content marks (favourites, last read) are not personal and stay.
 */
export const PERSONAL_STORAGE_PREFIXES = [AUTH_STORAGE_KEY, 'reperes.appointments.', LOCK_STORAGE_KEY] as const

/** True when a session is stored on this device (read synchronously, without loading supabase-js). */
export function hasStoredSession(): boolean {
  try {
    return typeof localStorage !== 'undefined' && Object.keys(localStorage).some(k => k.startsWith(AUTH_STORAGE_KEY))
  }
  catch {
    return false
  }
}

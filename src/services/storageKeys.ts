/** Where supabase-js keeps the session (localStorage); sign-out removes every key with this prefix. */
export const AUTH_STORAGE_KEY = 'reperes.auth'

/** True when a session is stored on this device (read synchronously, without loading supabase-js). */
export function hasStoredSession(): boolean {
  try {
    return typeof localStorage !== 'undefined' && Object.keys(localStorage).some(k => k.startsWith(AUTH_STORAGE_KEY))
  }
  catch {
    return false
  }
}

// Sign-in and session handling over supabase-js (loaded lazily by
// ./supabase.ts). Errors come back as a small code the UI turns into plain
// words; supabase-js's own messages are never shown.
import { getSupabase } from './supabase'
import { PERSONAL_STORAGE_PREFIXES } from './storageKeys'

export type AuthFailure =
  | 'offline' // no network: nothing was checked
  | 'invalid_credentials'
  | 'invalid_code' // wrong or expired one-time code
  | 'rate_limited'
  | 'not_allowed' // account unknown or sign-up closed
  | 'unknown'

export type AuthResult = { ok: true, userId: string } | { ok: false, error: AuthFailure }
export type OtpTarget = { email: string } | { phone: string }

interface ErrorLike { name?: string, status?: number, code?: string, message?: string }

export function classifyAuthError(error: ErrorLike): AuthFailure {
  if (error.name === 'AuthRetryableFetchError' || error.status === 0)
    return 'offline'
  if (error.status === 429 || /rate/.test(error.code ?? ''))
    return 'rate_limited'
  if (error.code === 'invalid_credentials')
    return 'invalid_credentials'
  if (error.code === 'otp_expired' || error.code === 'otp_disabled' || /otp|token/i.test(error.code ?? ''))
    return 'invalid_code'
  if (error.status === 422 || error.code === 'signup_disabled' || error.code === 'user_not_found')
    return 'not_allowed'
  if (error.status === 400 || error.status === 401 || error.status === 403)
    return 'invalid_credentials'
  return 'unknown'
}

async function guard(run: () => Promise<{ userId?: string, error: ErrorLike | null }>): Promise<AuthResult> {
  try {
    const { userId, error } = await run()
    if (error)
      return { ok: false, error: classifyAuthError(error) }
    return userId ? { ok: true, userId } : { ok: false, error: 'unknown' }
  }
  catch (e) {
    return { ok: false, error: classifyAuthError(e as ErrorLike) }
  }
}

export async function signInWithPassword(email: string, password: string): Promise<AuthResult> {
  const supabase = await getSupabase()
  return guard(async () => {
    const { data, error } = await supabase.auth.signInWithPassword({ email, password })
    return { userId: data.user?.id, error }
  })
}

/** Sends a one-time code by e-mail or SMS. */
export async function sendOtp(target: OtpTarget): Promise<{ ok: true } | { ok: false, error: AuthFailure }> {
  const supabase = await getSupabase()
  const result = await guard(async () => {
    const { error } = await supabase.auth.signInWithOtp(target)
    return { userId: 'sent', error }
  })
  return result.ok ? { ok: true } : result
}

export async function verifyOtp(target: OtpTarget, token: string): Promise<AuthResult> {
  const supabase = await getSupabase()
  return guard(async () => {
    const { data, error } = 'email' in target
      ? await supabase.auth.verifyOtp({ email: target.email, token, type: 'email' })
      : await supabase.auth.verifyOtp({ phone: target.phone, token, type: 'sms' })
    return { userId: data.user?.id, error }
  })
}

export interface SessionInfo {
  userId: string
  email: string | null
  phone: string | null
}

/** The stored session's user, without a network round trip when possible. */
export async function currentSession(): Promise<SessionInfo | null> {
  const supabase = await getSupabase()
  const { data } = await supabase.auth.getSession()
  const user = data.session?.user
  return user ? { userId: user.id, email: user.email ?? null, phone: user.phone ?? null } : null
}

/**
 * After a 401: try to get a fresh access token. 'offline' keeps the session
 * (sync rule 11: an offline refresh failure is not a sign-out).
 */
export async function refreshFor(userId: string): Promise<'refreshed' | 'offline' | 'expired'> {
  const supabase = await getSupabase()
  try {
    const { data, error } = await supabase.auth.refreshSession()
    if (error)
      return error.name === 'AuthRetryableFetchError' ? 'offline' : 'expired'
    return data.session?.user.id === userId ? 'refreshed' : 'expired'
  }
  catch {
    return 'offline'
  }
}

/** Session events from this tab or another one (supabase-js broadcasts them). */
export async function onSessionChange(listener: (event: string, userId: string | null) => void): Promise<() => void> {
  const supabase = await getSupabase()
  const { data } = supabase.auth.onAuthStateChange((event, session) => listener(event, session?.user.id ?? null))
  return () => data.subscription.unsubscribe()
}

/**
 * Forgets the session on this device whatever the network says: the local
 * session goes first, the server-side revocation is best effort.
 */
export async function signOutLocally(): Promise<void> {
  const supabase = await getSupabase()
  try {
    await supabase.auth.signOut({ scope: 'local' })
  }
  catch {
    // Offline or server error: the local removal below is what matters.
  }
  if (typeof localStorage !== 'undefined') {
    for (const key of Object.keys(localStorage)) {
      if (PERSONAL_STORAGE_PREFIXES.some(prefix => key.startsWith(prefix)))
        localStorage.removeItem(key)
    }
  }
}

export async function stopAuthTimers(): Promise<void> {
  const supabase = await getSupabase()
  await supabase.auth.stopAutoRefresh()
}

import type { Role } from '@/domain/roles'
import type { AuthResult, OtpTarget } from '@/services/auth'
import type { SessionSnapshot, SignOutResult } from '@/sync/session'
import { defineStore } from 'pinia'
import { computed, effectScope, ref, watch } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { onFirstDbUse } from '@/db/access'
import { readRow } from '@/db/read'
import { ROLES } from '@/domain/roles'
import { whenFirstScreenShown } from '@/services/firstScreen'
import { hasStoredSession } from '@/services/storageKeys'

export interface Profile {
  id: string
  display_name: string | null
  preferred_locale: string | null
  roles: Role[]
}

// Everything heavy (supabase-js, Dexie, the engine) is imported on demand:
// this store is used by the app shell, which must stay small.
const session = () => import('@/sync/session')
const authService = () => import('@/services/auth')

function toProfile(row: Record<string, unknown>): Profile {
  const roles = Array.isArray(row.roles) ? row.roles.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)) : []
  return {
    id: String(row.id),
    display_name: typeof row.display_name === 'string' ? row.display_name : null,
    preferred_locale: typeof row.preferred_locale === 'string' ? row.preferred_locale : null,
    roles,
  }
}

/** The signed-in user, their profile (from the synced `profiles` row) and roles. */
export const useAuthStore = defineStore('auth', () => {
  const profile = ref<Profile | null>(null)
  const roles = computed<Role[]>(() => profile.value?.roles ?? [])
  /** The user this device works for (also while their session needs renewing). */
  const userId = ref<string | null>(null)
  const isSignedIn = computed(() => userId.value !== null || profile.value !== null)
  /** The session expired: the user must sign in again for their changes to be sent. */
  const sessionExpired = ref(false)
  const ready = ref(false)
  const scope = effectScope(true)
  let initializing: Promise<void> | null = null
  let bound = false
  let markStarted!: () => void
  const started = new Promise<void>((resolve) => {
    markStarted = resolve
  })

  function hasRole(role: Role): boolean {
    return roles.value.includes(role)
  }

  function apply(s: SessionSnapshot) {
    userId.value = s.userId
    sessionExpired.value = s.engine?.phase === 'needsSignIn'
    ready.value = s.ready
  }

  /** Starts the sync session; call once after the app is mounted. */
  function init(): Promise<void> {
    initializing ??= (async () => {
      const s = await session()
      if (!bound) {
        bound = true
        s.subscribeSession(apply)
        scope.run(() => {
          const row = useLiveQuery(db => (userId.value ? readRow(db, 'profiles', userId.value, userId.value) : undefined), [userId])
          watch(row, (value) => {
            profile.value = value ? toProfile(value) : null
          })
        })
      }
      await s.startSession()
      markStarted()
    })().catch((error: unknown) => {
      initializing = null // a later call may try again
      throw error
    })
    return initializing
  }

  /** Resolves once the sync session runs, without starting it (for status displays). */
  function whenStarted(): Promise<void> {
    return started
  }

  /**
   * Starts syncing at the right moment without weighing on the first screen:
   * at once for a signed-in device (its writes must go out); otherwise when a
   * screen first reads data, or once the first visit has settled (public
   * content is fetched then, so the app works offline from the first visit).
   */
  function autoStart(): void {
    const start = () => void init().catch(() => {})
    if (hasStoredSession())
      return start()
    const idle = (timeout: number) => {
      if ('requestIdleCallback' in window)
        requestIdleCallback(start, { timeout })
      else
        setTimeout(start, 0)
    }
    const afterLoad = (fn: () => void) => {
      if (document.readyState === 'complete')
        fn()
      else
        window.addEventListener('load', fn, { once: true })
    }
    // Once the screen that reads data has painted: the sync code (supabase-js,
    // zod, the engine) would otherwise be fetched and run before the first paint.
    // The load event alone is not enough: the first screen may paint after it.
    onFirstDbUse(() => void whenFirstScreenShown().then(() => afterLoad(() => idle(300))))
    afterLoad(() => setTimeout(() => idle(5_000), 3_000))
  }

  async function signedIn(result: AuthResult): Promise<AuthResult> {
    if (result.ok) {
      await init()
      await (await session()).signedIn(result.userId)
    }
    return result
  }

  async function signInWithPassword(email: string, password: string): Promise<AuthResult> {
    return signedIn(await (await authService()).signInWithPassword(email.trim(), password))
  }

  async function sendOtp(target: OtpTarget) {
    return (await authService()).sendOtp(target)
  }

  async function verifyOtp(target: OtpTarget, code: string): Promise<AuthResult> {
    return signedIn(await (await authService()).verifyOtp(target, code.replace(/\s/g, '')))
  }

  /** Refuses (with the count) while changes are unsent, unless told to discard them. */
  async function signOut(options: { discardUnsent?: boolean } = {}): Promise<SignOutResult> {
    await init()
    const result = await (await session()).signOut(options)
    if (result.ok)
      profile.value = null
    return result
  }

  async function sendUnsent(): Promise<number> {
    return (await session()).sendUnsent()
  }

  return { profile, roles, isSignedIn, hasRole, userId, sessionExpired, ready, init, autoStart, whenStarted, signInWithPassword, sendOtp, verifyOtp, signOut, sendUnsent }
})

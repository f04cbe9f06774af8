// Auto-lock: calls `onIdle` once nothing was touched, clicked or typed for
// `delayMs`. The last input time is shared with other tabs and kept across
// reloads (localStorage), so time spent hidden, in the background or closed
// counts as inactivity: coming back after the delay finds the app locked.
import type { MaybeRefOrGetter } from 'vue'
import { useEventListener, useIntervalFn } from '@vueuse/core'
import { toValue } from 'vue'
import { ACTIVITY_STORAGE_KEY } from '@/services/lockConfig'

const INPUT_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const
/** Writes of the last input time to storage are at most this frequent. */
const WRITE_EVERY_MS = 5_000

export function readLastActivity(): number | null {
  try {
    const value = Number(localStorage.getItem(ACTIVITY_STORAGE_KEY))
    return Number.isFinite(value) && value > 0 ? value : null
  }
  catch {
    return null
  }
}

export function markActivity(now = Date.now()): void {
  try {
    localStorage.setItem(ACTIVITY_STORAGE_KEY, String(now))
  }
  catch {
    // Storage refused: the in-memory time still drives this tab.
  }
}

/** True once `delayMs` passed since the last input (an unknown time is not idle). */
export function isIdle(lastActivity: number | null, now: number, delayMs: number): boolean {
  return lastActivity !== null && now - lastActivity >= delayMs
}

export interface InactivityOptions {
  /** Watching only while this is true (lock enabled and unlocked). */
  active: MaybeRefOrGetter<boolean>
  checkEveryMs?: number
  now?: () => number
}

export function useInactivityLock(delayMs: MaybeRefOrGetter<number>, onIdle: () => void, options: InactivityOptions): void {
  const now = options.now ?? Date.now
  let last = Math.max(readLastActivity() ?? 0, now())
  let written = 0

  function onInput() {
    last = now()
    if (last - written >= WRITE_EVERY_MS) {
      written = last
      markActivity(last)
    }
  }

  function check() {
    if (!toValue(options.active))
      return
    // Another tab's input counts too: the person is using the app.
    const latest = Math.max(last, readLastActivity() ?? 0)
    if (isIdle(latest, now(), toValue(delayMs)))
      onIdle()
  }

  for (const name of INPUT_EVENTS)
    useEventListener(window, name, onInput, { passive: true, capture: true })
  useEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible')
      check()
  })
  useIntervalFn(check, options.checkEveryMs ?? 10_000)
}

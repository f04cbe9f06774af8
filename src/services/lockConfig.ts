// The device lock's settings, in localStorage so the app shell knows at once,
// without loading IndexedDB, whether the lock code is needed at all. The key
// starts with a personal prefix (storageKeys.ts): sign-out removes it.
import type { LockKeys } from './vault'
import { ref } from 'vue'
import { LOCK_STORAGE_KEY } from './storageKeys'

export interface LockConfig {
  /** The user who set the PIN: another user never inherits it. */
  userId: string
  keys: LockKeys
  delayMinutes: number
  /** Wrong PINs in a row, kept across reloads. */
  failures: number
}

/** Last input seen (epoch ms), shared by tabs and kept across reloads. */
export const ACTIVITY_STORAGE_KEY = `${LOCK_STORAGE_KEY}.active`

export function readLockConfig(): LockConfig | null {
  try {
    const value = JSON.parse(localStorage.getItem(LOCK_STORAGE_KEY) ?? 'null') as LockConfig | null
    return value && typeof value.userId === 'string' && value.keys?.v === 1 ? value : null
  }
  catch {
    return null
  }
}

/** True when a PIN is set on this device: the app shell then loads the lock. */
export const lockActive = ref(readLockConfig() !== null)

export function writeLockConfig(config: LockConfig | null): void {
  if (config)
    localStorage.setItem(LOCK_STORAGE_KEY, JSON.stringify(config))
  else
    localStorage.removeItem(LOCK_STORAGE_KEY)
  lockActive.value = config !== null
}

// The device lock: an optional PIN that locks the app after inactivity and
// seals the personal data on the device while locked (docs/threat-model.md §7).
// Locked ⇔ a vault is in the database, in every tab and across reloads.
// Loaded only when a PIN is set or the settings show it (never on the first screen).
import type { ReperesDb } from '@/db/database'
import type { LockConfig } from '@/services/lockConfig'
import { defineStore } from 'pinia'
import { computed, nextTick, ref, watch } from 'vue'
import { markActivity, readLastActivity } from '@/composables/useInactivityLock'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { loadDb } from '@/db/access'
import { discardSealed, isSealed, sealedSummary, sealPersonalData, unsealPersonalData, VAULT_PREFIX } from '@/db/vault'
import { lockActive, readLockConfig, writeLockConfig } from '@/services/lockConfig'
import { createLockKeys, openPrivateKey, WrongPinError } from '@/services/vault'
import { useAuthStore } from './auth'

export const MAX_PIN_ATTEMPTS = 5
export const LOCK_DELAYS = [2, 5, 15] as const
/** Forms write their draft within this time after the screen leaves (useDraft). */
const SETTLE_MS = 400
/** A write that lands after the seal (another tab, a late draft) is sealed by this sweep. */
const SWEEP_AFTER_MS = 1_500

export type UnlockResult = 'ok' | 'wrong' | 'wiped'

const session = () => import('@/sync/session')

export const useLockStore = defineStore('lock', () => {
  const auth = useAuthStore()
  const config = ref<LockConfig | null>(readLockConfig())
  const enabled = computed(() => config.value !== null)
  const locked = ref(false)
  /** The vault has been looked for: until then nothing personal is shown. */
  const ready = ref(false)
  const busy = ref(false)
  /** Too many wrong PINs (or a forgotten one): everything was wiped; the lock screen says so. */
  const wiped = ref(false)
  /** Unsent writes inside the vault (in clear in its chunks): what "forgot PIN" loses. */
  const sealedUnsent = ref(0)
  const attemptsLeft = computed(() => MAX_PIN_ATTEMPTS - (config.value?.failures ?? 0))
  const delayMs = computed(() => (config.value?.delayMinutes ?? LOCK_DELAYS[1]) * 60_000)
  let started: Promise<void> | null = null

  function save(next: LockConfig | null) {
    writeLockConfig(next)
    config.value = next
  }

  async function sweep(db: ReperesDb) {
    if (config.value && locked.value)
      await sealPersonalData(db, config.value.keys.publicKey).catch(() => {})
  }

  async function refreshSummary(db: ReperesDb) {
    sealedUnsent.value = (await sealedSummary(db))?.unsent ?? 0
  }

  /** Looks for a vault; locks at once if the app was left idle past the delay. */
  function start(): Promise<void> {
    started ??= (async () => {
      const db = await loadDb()
      if (await isSealed(db)) {
        locked.value = true
        await refreshSummary(db)
        void sweep(db)
      }
      else if (config.value && Date.now() - (readLastActivity() ?? Date.now()) >= delayMs.value) {
        // Closed or killed while unlocked: seal before showing anything.
        await lock()
      }
      ready.value = true
    })()
    return started
  }

  // Another tab locked or unlocked (the vault appeared or went): follow it.
  const vaultChunks = useLiveQuery(db => db.meta.where('key').startsWith(VAULT_PREFIX).count())
  watch(vaultChunks, async (count) => {
    if (count === undefined || !ready.value || busy.value)
      return
    if (count > 0 && !locked.value) {
      locked.value = true
      await (await session()).lockSync()
      const db = await loadDb()
      await refreshSummary(db)
      setTimeout(() => void sweep(db), SWEEP_AFTER_MS)
    }
    else if (count === 0 && locked.value) {
      locked.value = false
      config.value = readLockConfig()
      await (await session()).unlockSync()
    }
  })

  // Sign-out removes the PIN with the other personal keys; another user never inherits it.
  watch(() => auth.userId, (userId) => {
    if (locked.value)
      return
    const stored = readLockConfig()
    if (stored && userId && stored.userId !== userId)
      return save(null)
    config.value = stored
    lockActive.value = stored !== null || wiped.value
  })

  async function enable(pin: string, delayMinutes: number, iterations?: number): Promise<void> {
    const userId = auth.userId
    if (!userId)
      throw new Error('Sign in first.')
    const keys = await createLockKeys(pin, iterations)
    markActivity()
    save({ userId, keys, delayMinutes, failures: 0 })
    ready.value = true
  }

  function setDelay(delayMinutes: number): void {
    if (config.value)
      save({ ...config.value, delayMinutes })
  }

  /** Checks the PIN, then forgets it (the data is in clear while unlocked). */
  async function disable(pin: string): Promise<boolean> {
    if (!config.value || locked.value)
      return false
    busy.value = true
    try {
      await openPrivateKey(config.value.keys, pin)
    }
    catch (error) {
      if (error instanceof WrongPinError)
        return false
      throw error
    }
    finally {
      busy.value = false
    }
    save(null)
    return true
  }

  async function lock(): Promise<void> {
    const current = config.value
    if (!current || locked.value)
      return
    locked.value = true // the screens leave now: nothing personal stays on display
    busy.value = true
    try {
      await (await session()).lockSync()
      await nextTick()
      await new Promise(resolve => setTimeout(resolve, SETTLE_MS))
      const db = await loadDb()
      await sealPersonalData(db, current.keys.publicKey, { always: true })
      await refreshSummary(db)
      setTimeout(() => void sweep(db), SWEEP_AFTER_MS)
    }
    finally {
      busy.value = false
    }
  }

  async function unlock(pin: string): Promise<UnlockResult> {
    const current = config.value
    if (!current)
      return 'wrong'
    busy.value = true
    try {
      let privateKey: CryptoKey
      try {
        privateKey = await openPrivateKey(current.keys, pin)
      }
      catch (error) {
        if (!(error instanceof WrongPinError))
          throw error
        const failures = current.failures + 1
        if (failures >= MAX_PIN_ATTEMPTS) {
          await wipe()
          return 'wiped'
        }
        save({ ...current, failures })
        return 'wrong'
      }
      await unsealPersonalData(await loadDb(), privateKey)
      save({ ...current, failures: 0 })
      markActivity()
      locked.value = false
      sealedUnsent.value = 0
      await (await session()).unlockSync()
      return 'ok'
    }
    finally {
      busy.value = false
    }
  }

  /** Forgotten PIN or too many wrong ones: sign out, wiping everything (the vault included). */
  async function wipe(): Promise<void> {
    busy.value = true
    try {
      await auth.signOut({ discardUnsent: true })
      await discardSealed(await loadDb())
      save(null)
      wiped.value = true
      lockActive.value = true // the lock screen stays to say what happened
      locked.value = false
    }
    finally {
      busy.value = false
    }
  }

  function dismissWiped(): void {
    wiped.value = false
    lockActive.value = config.value !== null
  }

  return { config, enabled, locked, ready, busy, wiped, sealedUnsent, attemptsLeft, delayMs, start, enable, setDelay, disable, lock, unlock, wipe, dismissWiped }
})

import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { loadDb } from '@/db/access'
import { isSealed } from '@/db/vault'
import { ACTIVITY_STORAGE_KEY, lockActive, readLockConfig } from '@/services/lockConfig'
import { LOCK_STORAGE_KEY } from '@/services/storageKeys'
import { useAuthStore } from '@/stores/auth'
import { MAX_PIN_ATTEMPTS, useLockStore } from '@/stores/lock'
import { wipeUser } from '@/sync/wipe'
import { FAST, fillDevice, rawText, USER } from './helpers'

// The sync session is replaced: what matters here is that the lock stops and
// restarts it, and that a wipe goes through the ordinary sign-out.
const session = vi.hoisted(() => ({
  lockSync: vi.fn(async () => {}),
  unlockSync: vi.fn(async () => {}),
  startSession: vi.fn(async () => {}),
  subscribeSession: vi.fn(() => () => {}),
  signOut: vi.fn(async () => ({ ok: true as const })),
}))
vi.mock('@/sync/session', () => session)

const PIN = '482913'

async function device(name: string) {
  const db = await loadDb()
  await Promise.all(db.tables.map(t => t.clear()))
  await fillDevice(db, name)
  return db
}

async function signedInLock() {
  const auth = useAuthStore()
  auth.userId = USER
  const lock = useLockStore()
  await lock.enable(PIN, 5, FAST)
  await lock.start()
  return lock
}

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  vi.clearAllMocks()
  session.signOut.mockImplementation(async () => {
    // As the real sign-out does: wipe the database, then the personal localStorage keys.
    await wipeUser(await loadDb(), USER)
    localStorage.removeItem(LOCK_STORAGE_KEY)
    return { ok: true as const }
  })
})

describe('the device lock', () => {
  it('locks: sync stops, nothing personal left in clear; the right PIN brings it all back', async () => {
    const name = `Nour-${crypto.randomUUID().slice(0, 8)}`
    const db = await device(name)
    const lock = await signedInLock()
    expect(lockActive.value).toBe(true)
    expect(readLockConfig()).toMatchObject({ userId: USER, delayMinutes: 5, failures: 0 })

    await lock.lock()
    expect(lock.locked).toBe(true)
    expect(session.lockSync).toHaveBeenCalled()
    expect(await isSealed(db)).toBe(true)
    expect(await rawText(db.name)).not.toContain(name)
    expect(lock.sealedUnsent).toBe(1)

    expect(await lock.unlock('000000')).toBe('wrong')
    expect(lock.locked).toBe(true)
    expect(lock.attemptsLeft).toBe(MAX_PIN_ATTEMPTS - 1)
    // Counted across reloads.
    expect(readLockConfig()?.failures).toBe(1)

    expect(await lock.unlock(PIN)).toBe('ok')
    expect(lock.locked).toBe(false)
    expect(session.unlockSync).toHaveBeenCalled()
    expect(readLockConfig()?.failures).toBe(0)
    expect(await db.serverTable('outreach_contacts').get('contact-1')).toMatchObject({ first_name_or_alias: name })
  })

  it('after five wrong PINs, signs out and wipes everything (the vault too)', async () => {
    const db = await device('Inès')
    const lock = await signedInLock()
    await lock.lock()
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++)
      expect(await lock.unlock(`00000${i}`)).toBe('wrong')
    expect(lock.attemptsLeft).toBe(1)
    expect(session.signOut).not.toHaveBeenCalled()
    expect(await lock.unlock('999999')).toBe('wiped')
    expect(session.signOut).toHaveBeenCalledWith({ discardUnsent: true })
    expect(await isSealed(db)).toBe(false)
    expect(await rawText(db.name)).not.toContain('Inès')
    expect(localStorage.getItem(LOCK_STORAGE_KEY)).toBeNull()
    expect(lock.wiped).toBe(true)
    expect(lock.locked).toBe(false)
    lock.dismissWiped()
    expect(lockActive.value).toBe(false)
  })

  it('starts locked after a reload while sealed', async () => {
    await device('Awa')
    const first = await signedInLock()
    await first.lock()
    setActivePinia(createPinia())
    const reloaded = useLockStore()
    await reloaded.start()
    expect(reloaded.locked).toBe(true)
    expect(reloaded.ready).toBe(true)
  })

  it('seals at start-up when the app was left idle past the delay', async () => {
    const db = await device('Awa')
    await signedInLock()
    localStorage.setItem(ACTIVITY_STORAGE_KEY, String(Date.now() - 6 * 60_000))
    setActivePinia(createPinia())
    const reloaded = useLockStore()
    await reloaded.start()
    expect(reloaded.locked).toBe(true)
    expect(await isSealed(db)).toBe(true)
  })

  it('turning the lock off needs the PIN', async () => {
    await device('Awa')
    const lock = await signedInLock()
    expect(await lock.disable('111111')).toBe(false)
    expect(lock.enabled).toBe(true)
    expect(await lock.disable(PIN)).toBe(true)
    expect(lock.enabled).toBe(false)
    expect(localStorage.getItem(LOCK_STORAGE_KEY)).toBeNull()
    expect(lockActive.value).toBe(false)
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { sealPersonalData, unsealPersonalData } from '@/db/vault'
import { createLockKeys, openPrivateKey } from '@/services/vault'
import { closeDbs, makeDb } from '../sync/helpers'
import { FAST, fillDevice, USER } from './helpers'

// Runs while the payload is being encrypted, i.e. between the read and the write.
let duringEncryption: (() => Promise<void>) | null = null

vi.mock('@/services/vault', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/services/vault')>()
  return {
    ...original,
    sealJson: async (...args: Parameters<typeof original.sealJson>) => {
      const hook = duringEncryption
      duringEncryption = null
      await hook?.()
      return original.sealJson(...args)
    },
  }
})

afterEach(closeDbs)

describe('a write during the seal', () => {
  it('is not lost: the seal starts again and takes it', async () => {
    const db = makeDb()
    await fillDevice(db, 'Awa')
    const keys = await createLockKeys('482913', FAST)
    duringEncryption = async () => {
      await db.drafts.put({ user_id: USER, key: 'contact:late', value: { note: 'Arrivé pendant le chiffrement' }, saved_at: '2027-03-01T10:05:00Z' })
    }
    expect(await sealPersonalData(db, keys.publicKey)).toBe(true)
    expect(await db.drafts.count()).toBe(0)
    // One chunk only: the first attempt wrote nothing.
    expect(await db.meta.where('key').startsWith('vault:').count()).toBe(1)
    await unsealPersonalData(db, await openPrivateKey(keys, '482913'))
    expect((await db.drafts.toArray()).map(d => d.key).sort()).toEqual(['contact:late', 'contact:new'])
  })
})

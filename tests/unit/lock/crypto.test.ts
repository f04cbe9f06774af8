import { describe, expect, it } from 'vitest'
import { createLockKeys, isValidPin, openJson, openPrivateKey, sealJson, WrongPinError } from '@/services/vault'

// Few PBKDF2 rounds in tests; the app uses PBKDF2_ITERATIONS.
const FAST = 1_000

describe('device lock cryptography', () => {
  it('accepts 6 to 12 digits only', () => {
    expect(['123456', '000000000000'].every(isValidPin)).toBe(true)
    expect(['12345', '1234567890123', '12345a', ' 123456', ''].some(isValidPin)).toBe(false)
  })

  it('seals with the public key alone and opens with the PIN', async () => {
    const keys = await createLockKeys('482913', FAST)
    expect(keys).toMatchObject({ v: 1, iterations: FAST })
    const box = await sealJson(keys.publicKey, { name: 'Nour', n: [1, 2] })
    expect(new TextDecoder().decode(box.data)).not.toContain('Nour')
    const privateKey = await openPrivateKey(keys, '482913')
    expect(privateKey.extractable).toBe(false)
    expect(await openJson(privateKey, box)).toEqual({ name: 'Nour', n: [1, 2] })
  })

  it('refuses a wrong PIN, and a box sealed for another key', async () => {
    const keys = await createLockKeys('482913', FAST)
    await expect(openPrivateKey(keys, '482914')).rejects.toBeInstanceOf(WrongPinError)
    const other = await createLockKeys('111111', FAST)
    const box = await sealJson(other.publicKey, 'secret')
    await expect(openJson(await openPrivateKey(keys, '482913'), box)).rejects.toThrow()
  })

  it('uses a fresh salt, IV and ephemeral key every time', async () => {
    const [a, b] = await Promise.all([createLockKeys('482913', FAST), createLockKeys('482913', FAST)])
    expect(a.salt).not.toBe(b.salt)
    expect(a.wrapped).not.toBe(b.wrapped)
    const [x, y] = await Promise.all([sealJson(a.publicKey, 1), sealJson(a.publicKey, 1)])
    expect(x.epk.x).not.toBe(y.epk.x)
    expect([...x.iv]).not.toEqual([...y.iv])
  })

  it('refuses to create keys for a short PIN', async () => {
    await expect(createLockKeys('1234', FAST)).rejects.toThrow()
  })
})

// The device lock's cryptography (WebCrypto only), kept apart from storage.
//
// Why a key pair rather than one symmetric key: sealing must work without the
// PIN — when the app starts after being closed unlocked, in a second tab, or
// to sweep a write that landed after the seal. So sealing uses only a PUBLIC
// key (ECDH P-256, a fresh ephemeral key per seal, HKDF, AES-GCM 256), and
// opening needs the PRIVATE key, kept encrypted under a key derived from the
// PIN (PBKDF2-SHA-256). Nothing secret is held in memory while unlocked.
// See docs/threat-model.md §7 for what this does and does not protect.

export const PBKDF2_ITERATIONS = 600_000
export const MIN_PIN_LENGTH = 6

const subtle = () => globalThis.crypto.subtle
const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const
const INFO = new TextEncoder().encode('reperes-vault-v1')

/** What is stored (in clear) to be able to seal, and to open with the PIN. */
export interface LockKeys {
  v: 1
  /** Base64 PBKDF2 salt (16 random bytes). */
  salt: string
  iterations: number
  /** Base64 AES-GCM IV and ciphertext of the private key (PKCS #8). */
  iv: string
  wrapped: string
  publicKey: JsonWebKey
}

/** One sealed payload. Binary fields are stored as they are in IndexedDB. */
export interface SealedBox {
  /** The ephemeral public key of this seal. */
  epk: JsonWebKey
  iv: Uint8Array
  data: Uint8Array
}

export class WrongPinError extends Error {
  constructor() {
    super('Wrong PIN.')
    this.name = 'WrongPinError'
  }
}

export function isValidPin(pin: string): boolean {
  return new RegExp(`^\\d{${MIN_PIN_LENGTH},12}$`).test(pin)
}

function toBase64(bytes: Uint8Array): string {
  let text = ''
  for (const b of bytes)
    text += String.fromCharCode(b)
  return btoa(text)
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), c => c.charCodeAt(0))
}

const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n))

async function pinKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey'])
  return subtle().deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
}

/** A new key pair for this PIN. Slow on purpose (PBKDF2): about a second on a phone. */
export async function createLockKeys(pin: string, iterations = PBKDF2_ITERATIONS): Promise<LockKeys> {
  if (!isValidPin(pin))
    throw new Error('A PIN is 6 to 12 digits.')
  const pair = await subtle().generateKey(CURVE, true, ['deriveBits']) as CryptoKeyPair
  const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey))
  const salt = random(16)
  const iv = random(12)
  const wrapped = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv }, await pinKey(pin, salt, iterations), pkcs8))
  pkcs8.fill(0)
  return {
    v: 1,
    salt: toBase64(salt),
    iterations,
    iv: toBase64(iv),
    wrapped: toBase64(wrapped),
    publicKey: await subtle().exportKey('jwk', pair.publicKey),
  }
}

/** The private key, or WrongPinError (AES-GCM refuses a key derived from another PIN). */
export async function openPrivateKey(keys: LockKeys, pin: string): Promise<CryptoKey> {
  const kek = await pinKey(pin, fromBase64(keys.salt), keys.iterations)
  let pkcs8: Uint8Array<ArrayBuffer>
  try {
    pkcs8 = new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(keys.iv) }, kek, fromBase64(keys.wrapped)))
  }
  catch {
    throw new WrongPinError()
  }
  const key = await subtle().importKey('pkcs8', pkcs8, CURVE, false, ['deriveBits'])
  pkcs8.fill(0)
  return key
}

async function boxKey(privateKey: CryptoKey, publicKey: CryptoKey): Promise<CryptoKey> {
  const secret = await subtle().deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256)
  const hkdf = await subtle().importKey('raw', secret, 'HKDF', false, ['deriveKey'])
  return subtle().deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: INFO }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
}

/** Encrypts a JSON value for the holder of the private key. */
export async function sealJson(publicKey: JsonWebKey, value: unknown): Promise<SealedBox> {
  const recipient = await subtle().importKey('jwk', publicKey, CURVE, false, [])
  const ephemeral = await subtle().generateKey(CURVE, true, ['deriveBits']) as CryptoKeyPair
  const key = await boxKey(ephemeral.privateKey, recipient)
  const iv = random(12)
  const data = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(value))))
  return { epk: await subtle().exportKey('jwk', ephemeral.publicKey), iv, data }
}

export async function openJson<T = unknown>(privateKey: CryptoKey, box: SealedBox): Promise<T> {
  const sender = await subtle().importKey('jwk', box.epk, CURVE, false, [])
  const key = await boxKey(privateKey, sender)
  const plain = await subtle().decrypt({ name: 'AES-GCM', iv: new Uint8Array(box.iv) }, key, new Uint8Array(box.data))
  return JSON.parse(new TextDecoder().decode(plain)) as T
}

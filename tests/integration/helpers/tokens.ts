// Hand-made tokens for negative tests: expired, forged, unsigned.
import { signJwt } from '../../../supabase/local/jwt.ts'

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const now = () => Math.floor(Date.now() / 1000)

export function userClaims(sub: string, extra: Record<string, unknown> = {}) {
  return { sub, role: 'authenticated', aud: 'authenticated', iat: now(), exp: now() + 3600, ...extra }
}

export const expiredToken = (secret: string, sub: string) => signJwt(userClaims(sub, { iat: now() - 7200, exp: now() - 3600 }), secret)

export const wrongSecretToken = (claims: Record<string, unknown>) =>
  signJwt(claims, 'not-the-secret-but-long-enough-to-look-real-0123456789')

/** `alg: none`: no signature at all. */
export const unsignedToken = (claims: Record<string, unknown>) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`

/** A real token whose payload was edited after signing (e.g. role → service_role). */
export function tamperedToken(token: string, patch: Record<string, unknown>) {
  const [h, p, s] = token.split('.')
  const payload = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) as Record<string, unknown>
  return `${h}.${b64({ ...payload, ...patch })}.${s}`
}

// HS256 tokens as Supabase issues them: API keys (anon, service_role) and
// user access tokens share one secret, and PostgREST trusts the role claim.
import { SignJWT, jwtVerify, errors } from 'jose'

export type Claims = Record<string, unknown> & {
  role?: string
  sub?: string
  exp?: number
  session_id?: string
}

export class JwtError extends Error {
  constructor(readonly reason: 'expired' | 'invalid', message: string) {
    super(message)
  }
}

export function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret)
}

export async function signJwt(claims: Claims, secret: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretKey(secret))
}

/** Verifies signature and expiry; only HS256 is accepted, so `alg: none` and key confusion fail. */
export async function verifyJwt(token: string, secret: string): Promise<Claims> {
  try {
    const { payload } = await jwtVerify(token, secretKey(secret), { algorithms: ['HS256'] })
    return payload as Claims
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw new JwtError('expired', 'token is expired')
    if (e instanceof errors.JWSSignatureVerificationFailed) throw new JwtError('invalid', 'signature is invalid')
    throw new JwtError('invalid', 'token is malformed')
  }
}

/**
 * The API keys of the local stack. Their claims are those of the Supabase CLI
 * (issuer "supabase-demo", far expiry), so with the default secret they are
 * byte-identical to its well-known keys and stable across restarts.
 */
export async function makeApiKeys(secret: string) {
  const exp = 1983812996
  return {
    anonKey: await signJwt({ iss: 'supabase-demo', role: 'anon', exp }, secret),
    serviceKey: await signJwt({ iss: 'supabase-demo', role: 'service_role', exp }, secret),
  }
}

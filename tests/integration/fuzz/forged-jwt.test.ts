/**
 * Forged tokens against the local backend, beyond backend/auth.test.ts and rest.test.ts
 * (wrong secret, `alg: none`, expired, role edited after signing, non-API role):
 * other spellings of "none", other HMAC algorithms and key confusion, a subject edited
 * after signing, a token not yet valid, an empty signature, and — signed with the real
 * secret — roles claimed in user or app metadata, which must grant nothing: roles come
 * from public.profiles only. Writes are checked too: a refused token writes nothing.
 */
import { randomUUID } from 'node:crypto'
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBackend, type TestBackend } from '../helpers/backend.ts'
import { expiredToken, tamperedToken, userClaims } from '../helpers/tokens.ts'
import { secretKey, signJwt } from '../../../supabase/local/jwt.ts'
import { changedTables, snapshot } from './helpers/catalog.ts'
import { expectPostgrestError, rawRpc } from './helpers/http.ts'

let b: TestBackend
let allocataire: { id: string; token: string }
let coordinatorId: string

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

beforeAll(async () => {
  b = await startTestBackend()
  const { session } = await b.signIn('allocataire@demo.reperes.paris')
  allocataire = { id: session.user.id, token: session.access_token }
  coordinatorId = (await b.signIn('coordinator@demo.reperes.paris')).session.user.id
})
afterAll(() => b?.close())

const push = (id = randomUUID()) => JSON.stringify({
  mutations: [{ mutation_id: randomUUID(), name: 'feedback.create', args: { id, kind: 'other', body: 'forgé', share_with_groupe: false, contact_back: false } }],
})

async function forgedTokens() {
  const claims = userClaims(allocataire.id)
  const header = (alg: string) => b64({ alg, typ: 'JWT' })
  const [, payload, signature] = allocataire.token.split('.')
  return {
    'alg "None"': `${header('None')}.${b64(claims)}.`,
    'alg "NONE"': `${header('NONE')}.${b64(claims)}.`,
    'alg "nOnE" with a signature': `${header('nOnE')}.${b64(claims)}.${signature}`,
    'HS512 with the real secret': await new SignJWT(claims).setProtectedHeader({ alg: 'HS512', typ: 'JWT' }).sign(secretKey(b.jwtSecret)),
    'HS384 with the real secret': await new SignJWT(claims).setProtectedHeader({ alg: 'HS384', typ: 'JWT' }).sign(secretKey(b.jwtSecret)),
    'RS256 header on an HMAC signature (key confusion)': `${header('RS256')}.${payload}.${signature}`,
    'empty signature': `${header('HS256')}.${payload}.`,
    'subject changed after signing': tamperedToken(allocataire.token, { sub: coordinatorId }),
    'role and subject changed after signing': tamperedToken(allocataire.token, { sub: coordinatorId, role: 'service_role' }),
    'not valid before next hour': await signJwt({ ...claims, nbf: Math.floor(Date.now() / 1000) + 3600 }, b.jwtSecret),
    'two dots only': '..',
    'json instead of base64': `{"alg":"none"}.${JSON.stringify(claims)}.`,
  }
}

describe('forged tokens on /rest', () => {
  it('answers 401 PGRST301 to every forged token and writes nothing', async () => {
    for (const [label, token] of Object.entries(await forgedTokens())) {
      const before = await snapshot(b.db)
      const r = await rawRpc(b.url, b.anonKey, token, 'sync_push', push())
      expect(r.status, label).toBe(401)
      expectPostgrestError(r.status, r.body, r.text)
      expect((r.body as { code: string }).code, label).toBe('PGRST301')
      expect(changedTables(before, await snapshot(b.db)), label).toEqual([])
    }
  })

  it('answers 403 bad_jwt on /auth/v1/user to the same tokens', async () => {
    for (const [label, token] of Object.entries(await forgedTokens())) {
      const { data, error } = await b.client().auth.getUser(token)
      expect(data.user, label).toBeNull()
      expect(error?.status, label).toBe(403)
      expect(error?.code, label).toBe('bad_jwt')
    }
  })

  it('refuses an expired token for writes too, writing nothing', async () => {
    const before = await snapshot(b.db)
    const r = await rawRpc(b.url, b.anonKey, await expiredToken(b.jwtSecret, allocataire.id), 'sync_push', push())
    expect(r.status).toBe(401)
    expect((r.body as { message: string }).message).toBe('JWT expired')
    expect(changedTables(before, await snapshot(b.db))).toEqual([])
  })

  it('treats a signed token without a role as anon: it cannot push', async () => {
    const { role: _role, ...claims } = userClaims(allocataire.id)
    const token = await signJwt(claims, b.jwtSecret)
    const r = await rawRpc(b.url, b.anonKey, token, 'sync_push', push())
    expect(r.status).toBe(401)
    expectPostgrestError(r.status, r.body, r.text)
    expect((r.body as { code: string }).code).toBe('42501')
  })
})

describe('roles claimed in the token grant nothing', () => {
  // Signed with the real secret, as if GoTrue had put user-editable metadata in the token.
  const escalations = {
    'user_metadata.roles': { user_metadata: { roles: ['coordinator'], role: 'coordinator' } },
    'app_metadata.roles': { app_metadata: { roles: ['coordinator'], role: 'coordinator', provider: 'email' } },
    'a top-level roles claim': { roles: ['coordinator', 'referent'], user_role: 'coordinator' },
  }

  for (const [label, extra] of Object.entries(escalations)) {
    it(`ignores ${label}`, async () => {
      const token = await signJwt(userClaims(allocataire.id, extra), b.jwtSecret)
      const client = b.client(token)
      const indicators = await client.rpc('indicators_prestations', { period_start: '2026-01-01', period_end: '2026-12-31' })
      expect(indicators.status).toBe(403)
      expect(indicators.error?.code).toBe('42501')
      const reconcile = await client.rpc('sync_reconcile', { tables: ['profiles', 'feedback'] })
      expect(reconcile.error).toBeNull()
      const visible = reconcile.data as Record<string, string[]>
      expect(visible.profiles).toEqual([allocataire.id])
      const { rows } = await b.db.query<{ n: number }>('select count(*)::int as n from public.feedback where author_id = $1', [allocataire.id])
      expect(visible.feedback).toHaveLength(rows[0]!.n)
      const shared = await client.rpc('groupe_shared_feedback')
      expect(shared.status).toBe(403)
    })
  }
})

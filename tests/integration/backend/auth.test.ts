// GoTrue endpoints of the local backend, exercised through the real supabase-js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAuthApiError, isAuthSessionMissingError } from '@supabase/supabase-js'
import { startTestBackend, type TestBackend } from '../helpers/backend.ts'
import { expiredToken, tamperedToken, unsignedToken, userClaims, wrongSecretToken } from '../helpers/tokens.ts'

let b: TestBackend
// A seeded staff account (supabase/seed.sql, password 'demo-password').
const staffEmail = 'referent@demo.reperes.paris'

beforeAll(async () => {
  b = await startTestBackend({ refreshReuseIntervalSeconds: 1 })
})
afterAll(() => b?.close())

async function authFetch(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const res = await fetch(`${b.url}/auth/v1${path}`, {
    ...init,
    headers: { apikey: b.anonKey, 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01', ...init.headers },
  })
  const text = await res.text()
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, text }
}

describe('OTP sign-in', () => {
  it('signs in a new user by email and the database creates their profile', async () => {
    const { client, session } = await b.signInWithCode('New.Person@Example.org')
    expect(session.user.email).toBe('new.person@example.org')
    expect(session.token_type).toBe('bearer')
    expect(session.expires_in).toBe(3600)
    const { data } = await client.auth.getUser()
    expect(data.user?.id).toBe(session.user.id)
    expect(data.user?.email_confirmed_at).toBeTruthy()
    const profile = await b.db.query('select roles from public.profiles where id = $1', [session.user.id])
    expect(profile.rows[0]?.roles).toEqual(['allocataire'])
  })

  it('signs in by phone, storing the number as GoTrue does (E.164 digits)', async () => {
    const { session } = await b.signInWithCode('+33 6 12 34 56 78')
    expect(session.user.phone).toBe('33612345678')
    const again = await b.signInWithCode('+33612345678')
    expect(again.session.user.id).toBe(session.user.id)
  })

  it('passes the sign-up metadata to the new user', async () => {
    const client = b.client()
    await client.auth.signInWithOtp({ email: 'meta@example.org', options: { data: { locale: 'en' } } })
    const { data } = await client.auth.verifyOtp({ email: 'meta@example.org', token: b.lastOtp('meta@example.org')!, type: 'email' })
    expect(data.user?.user_metadata).toEqual({ locale: 'en' })
  })

  it('rejects a wrong code, and burns the code after five wrong guesses', async () => {
    const client = b.client()
    await client.auth.signInWithOtp({ email: 'guess@example.org' })
    const code = b.lastOtp('guess@example.org')!
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++) {
      const { error } = await client.auth.verifyOtp({ email: 'guess@example.org', token: wrong, type: 'email' })
      expect(isAuthApiError(error)).toBe(true)
      expect(error?.status).toBe(403)
      expect(error?.code).toBe('otp_expired')
    }
    const late = await client.auth.verifyOtp({ email: 'guess@example.org', token: code, type: 'email' })
    expect(late.error?.code).toBe('otp_expired')
  })

  it('uses a code only once', async () => {
    const client = b.client()
    await client.auth.signInWithOtp({ email: 'once@example.org' })
    const token = b.lastOtp('once@example.org')!
    expect((await client.auth.verifyOtp({ email: 'once@example.org', token, type: 'email' })).error).toBeNull()
    expect((await client.auth.verifyOtp({ email: 'once@example.org', token, type: 'email' })).error?.code).toBe('otp_expired')
  })

  it('limits how many codes one recipient can request', async () => {
    const client = b.client()
    for (let i = 0; i < 5; i++) expect((await client.auth.signInWithOtp({ email: 'flood@example.org' })).error).toBeNull()
    const { error } = await client.auth.signInWithOtp({ email: 'flood@example.org' })
    expect(error?.status).toBe(429)
    expect(error?.code).toBe('over_email_send_rate_limit')
    expect((await client.auth.signInWithOtp({ phone: '+33700000001' })).error).toBeNull()
  })

  it('refuses to create a user when shouldCreateUser is false', async () => {
    const { error } = await b.client().auth.signInWithOtp({ email: 'nobody@example.org', options: { shouldCreateUser: false } })
    expect(error?.status).toBe(422)
    expect(error?.code).toBe('otp_disabled')
  })

  it('validates the recipient', async () => {
    const bad = await authFetch('/otp', { method: 'POST', body: JSON.stringify({ email: 'not-an-email' }) })
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ code: 'validation_failed', msg: expect.any(String) })
    const phone = await authFetch('/otp', { method: 'POST', body: JSON.stringify({ phone: '12' }) })
    expect(phone.status).toBe(400)
  })

  it('exposes the last code on the dev endpoint', async () => {
    await b.client().auth.signInWithOtp({ email: 'dev@example.org' })
    const res = await fetch(`${b.url}/__dev/otp?to=${encodeURIComponent('dev@example.org')}`)
    expect(await res.json()).toEqual({ to: 'dev@example.org', code: b.lastOtp('dev@example.org') })
    expect((await fetch(`${b.url}/__dev/otp?to=unknown@example.org`)).status).toBe(404)
  })
})

describe('password sign-in', () => {
  it('signs in a staff account with its password', async () => {
    const { client, session } = await b.signIn(staffEmail)
    expect(session.user.email).toBe(staffEmail)
    const claims = JSON.parse(Buffer.from(session.access_token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>
    expect(claims).toMatchObject({ sub: session.user.id, role: 'authenticated', aud: 'authenticated', email: staffEmail })
    expect(claims.session_id).toEqual(expect.any(String))
    expect((claims.amr as { method: string }[])[0]?.method).toBe('password')
    expect((await client.auth.getUser()).data.user?.email).toBe(staffEmail)
  })

  it('rejects a wrong password or an unknown account the same way', async () => {
    for (const [email, password] of [
      [staffEmail, 'wrong-password'],
      ['ghost@example.org', 'demo-password'],
    ] as const) {
      const { error, data } = await b.client().auth.signInWithPassword({ email, password })
      expect(data.session).toBeNull()
      expect(error?.status).toBe(400)
      expect(error?.code).toBe('invalid_credentials')
      expect(error?.message).toBe('Invalid login credentials')
    }
  })

  it('refuses a password sign-in for an OTP-only user', async () => {
    await b.signInWithCode('otp-only@example.org')
    const { error } = await b.client().auth.signInWithPassword({ email: 'otp-only@example.org', password: '' })
    expect(error).toBeTruthy()
  })
})

describe('sessions', () => {
  it('refreshes, rotating the refresh token', async () => {
    const { client, session } = await b.signIn(staffEmail)
    const { data, error } = await client.auth.refreshSession()
    expect(error).toBeNull()
    expect(data.session?.refresh_token).not.toBe(session.refresh_token)
    expect(data.session?.user.id).toBe(session.user.id)
    const claims = (t: string) => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>
    expect(claims(data.session!.access_token).session_id).toBe(claims(session.access_token).session_id)
  })

  it('replays a just-rotated token to the same new token, then treats later reuse as theft', async () => {
    const { session } = await b.signIn(staffEmail)
    const first = await b.client().auth.refreshSession({ refresh_token: session.refresh_token })
    const replay = await b.client().auth.refreshSession({ refresh_token: session.refresh_token })
    expect(replay.error).toBeNull()
    expect(replay.data.session?.refresh_token).toBe(first.data.session?.refresh_token)

    await new Promise((r) => setTimeout(r, 1300)) // past the 1 s reuse interval of this backend
    const reuse = await b.client().auth.refreshSession({ refresh_token: session.refresh_token })
    expect(reuse.error?.code).toBe('refresh_token_already_used')
    // The whole session ended, so the legitimate newer token dies too.
    const current = await b.client().auth.refreshSession({ refresh_token: first.data.session!.refresh_token })
    expect(current.error?.code).toBe('refresh_token_not_found')
  })

  it('signs out: the refresh token and the session are gone', async () => {
    const { client, session } = await b.signIn(staffEmail)
    const other = await b.signIn(staffEmail)
    expect((await client.auth.signOut()).error).toBeNull()
    const refresh = await b.client().auth.refreshSession({ refresh_token: session.refresh_token })
    expect(refresh.error?.status).toBe(400)
    expect(refresh.error?.code).toBe('refresh_token_not_found')
    const user = await b.client().auth.getUser(session.access_token)
    expect(isAuthSessionMissingError(user.error)).toBe(true)
    // scope "global" (the default) ends the user's other sessions as well.
    expect((await b.client().auth.refreshSession({ refresh_token: other.session.refresh_token })).error).toBeTruthy()
  })

  it('signs out locally without ending the other sessions', async () => {
    const a = await b.signIn(staffEmail)
    const other = await b.signIn(staffEmail)
    expect((await a.client.auth.signOut({ scope: 'local' })).error).toBeNull()
    expect((await b.client().auth.refreshSession({ refresh_token: a.session.refresh_token })).error).toBeTruthy()
    expect((await b.client().auth.refreshSession({ refresh_token: other.session.refresh_token })).error).toBeNull()
  })

  it('rejects an unknown refresh token', async () => {
    const { error } = await b.client().auth.refreshSession({ refresh_token: 'made-up-token' })
    expect(error?.code).toBe('refresh_token_not_found')
  })
})

describe('GET /user with bad tokens', () => {
  it('answers 403 bad_jwt for expired, forged and unsigned tokens, like GoTrue', async () => {
    const { session } = await b.signIn(staffEmail)
    const sub = session.user.id
    const tokens = [
      await expiredToken(b.jwtSecret, sub),
      await wrongSecretToken(userClaims(sub)),
      unsignedToken(userClaims(sub)),
      tamperedToken(session.access_token, { sub: '00000000-0000-0000-0000-000000000000' }),
      'not.a.jwt',
    ]
    for (const token of tokens) {
      const { data, error } = await b.client().auth.getUser(token)
      expect(data.user).toBeNull()
      expect(error?.status).toBe(403)
      expect(error?.code).toBe('bad_jwt')
    }
    const expired = await authFetch('/user', { headers: { authorization: `Bearer ${tokens[0]}` } })
    expect(expired.body).toEqual({ code: 'bad_jwt', msg: expect.stringContaining('token is expired') })
  })

  it('answers 401 without a bearer token', async () => {
    const res = await authFetch('/user', { headers: { authorization: '' } })
    expect(res.status).toBe(401)
    expect(res.body?.code).toBe('no_authorization')
  })

  it('uses the legacy error shape for clients without the API version header', async () => {
    const res = await fetch(`${b.url}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: b.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ email: staffEmail, password: 'nope' }),
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' })
  })
})

describe('gateway and misc', () => {
  it('requires a valid API key', async () => {
    const none = await authFetch('/settings', { headers: { apikey: '' } })
    expect(none.status).toBe(401)
    expect(none.body?.message).toBe('No API key found in request')
    const wrong = await authFetch('/settings', { headers: { apikey: await wrongSecretToken({ role: 'anon' }) } })
    expect(wrong.status).toBe(401)
    expect(wrong.body?.message).toBe('Invalid API key')
  })

  it('answers settings and health', async () => {
    expect((await authFetch('/settings')).body).toMatchObject({ external: { email: true, phone: true } })
    expect((await fetch(`${b.url}/auth/v1/health`)).status).toBe(200)
  })

  it('answers malformed JSON with a 400 and no stack trace', async () => {
    const res = await authFetch('/otp', { method: 'POST', body: '{"email":' })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ code: 'bad_json', msg: expect.any(String) })
    expect(res.text).not.toMatch(/\bat .*\.ts:\d+/)
  })

  it('rejects an unsupported grant type', async () => {
    const res = await authFetch('/token?grant_type=pkce', { method: 'POST', body: '{}' })
    expect(res.status).toBe(400)
    expect(res.body?.code).toBe('unsupported_grant_type')
  })
})

describe('access token expiry', () => {
  let short: TestBackend
  beforeAll(async () => {
    // Two seconds, not one: exp is whole seconds from a floored iat and jose
    // floors the clock too, so a one-second token can die within milliseconds
    // of being issued, and the refreshed token would then be refused.
    short = await startTestBackend({ jwtExpirySeconds: 2 })
  })
  afterAll(() => short?.close())

  it('expires access tokens after the configured time; supabase-js then refreshes by itself', async () => {
    const { client, session } = await short.signInWithCode('short@example.org')
    expect(session.expires_in).toBe(2)
    expect((await client.rpc('sync_pull', {})).error).toBeNull()
    await new Promise((r) => setTimeout(r, 2100))
    const expired = await short.client(session.access_token).rpc('sync_pull', {})
    expect(expired.status).toBe(401)
    expect(expired.error?.code).toBe('PGRST301')
    expect(expired.error?.message).toBe('JWT expired')
    // A client holding the session sees the expiry and refreshes before calling.
    expect((await client.rpc('sync_pull', {})).error).toBeNull()
    const now = (await client.auth.getSession()).data.session
    expect(now?.access_token).not.toBe(session.access_token)
    expect(now?.refresh_token).not.toBe(session.refresh_token)
  })
})

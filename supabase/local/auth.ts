// GoTrue's endpoints that the app calls through supabase-js:
// /otp, /verify, /token (password, refresh_token), /user, /logout,
// plus /settings and /health. Shapes and error codes follow GoTrue.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Db, Queryable } from './db.ts'
import { BodyTooLarge, bearerToken, header, readBody, sendJson } from './http.ts'
import { JwtError, verifyJwt } from './jwt.ts'
import type { OtpStore } from './otp.ts'
import {
  USER_COLUMNS,
  createSession,
  endSessions,
  findUser,
  refreshSession,
  sessionExists,
  userJson,
  type TokenSettings,
  type UserRow,
} from './sessions.ts'

export interface AuthContext {
  db: Db
  otp: OtpStore
  tokens: TokenSettings
  bodyLimitBytes: number
  log: (msg: string) => void
}

const API_VERSION = '2024-01-01'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    msg: string,
  ) {
    super(msg)
  }
}

/**
 * GoTrue answers errors as `{code: <error code>, msg}` to clients that send
 * the 2024-01-01 API version header (supabase-js does), and in the older
 * `{code: <status>, error_code, msg}` form otherwise.
 */
function sendAuthError(req: IncomingMessage, res: ServerResponse, e: AuthError) {
  const versioned = (header(req, 'x-supabase-api-version') ?? '') >= API_VERSION
  const body = versioned ? { code: e.code, msg: e.message } : { code: e.status, error_code: e.code, msg: e.message }
  sendJson(res, e.status, body, versioned ? { 'x-supabase-api-version': API_VERSION } : {})
}

export async function handleAuth(ctx: AuthContext, req: IncomingMessage, res: ServerResponse, route: string, url: URL) {
  try {
    const key = `${req.method} ${route}`
    if (key === 'GET /health') return sendJson(res, 200, { version: 'local', name: 'GoTrue', description: 'Local auth for Repères' })
    if (key === 'GET /settings') return sendJson(res, 200, settings())
    if (key === 'POST /otp') return sendJson(res, 200, await sendOtp(ctx, await jsonBody(ctx, req)))
    if (key === 'POST /verify') return sendJson(res, 200, await verifyOtp(ctx, await jsonBody(ctx, req)))
    if (key === 'POST /token') return sendJson(res, 200, await token(ctx, url.searchParams.get('grant_type'), await jsonBody(ctx, req)))
    if (key === 'GET /user') return sendJson(res, 200, await currentUser(ctx, req))
    if (key === 'POST /logout') {
      await logout(ctx, req, url.searchParams.get('scope'))
      res.writeHead(204)
      return res.end()
    }
    throw new AuthError(404, 'not_found', 'Not found')
  } catch (e) {
    if (e instanceof AuthError) return sendAuthError(req, res, e)
    // Anything else is a server fault: logged here, never sent to the client.
    console.error('[auth] unexpected error:', e)
    return sendAuthError(req, res, new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information'))
  }
}

function settings() {
  return {
    external: { email: true, phone: true },
    disable_signup: false,
    mailer_autoconfirm: false,
    phone_autoconfirm: false,
    sms_provider: 'local',
    saml_enabled: false,
  }
}

async function jsonBody(ctx: AuthContext, req: IncomingMessage): Promise<Record<string, unknown>> {
  let text: string
  try {
    text = await readBody(req, ctx.bodyLimitBytes)
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new AuthError(413, 'request_too_large', 'Request body too large')
    throw e
  }
  try {
    const v: unknown = text.trim() ? JSON.parse(text) : {}
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>
  } catch {
    // fall through
  }
  throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON')
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined)

function normalizeEmail(v: string) {
  const email = v.trim().toLowerCase()
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 255) {
    throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format')
  }
  return email
}

/** GoTrue stores phone numbers as E.164 digits without the "+". */
function normalizePhone(v: string) {
  const phone = v.replace(/[\s\-().]/g, '').replace(/^\+/, '')
  if (!/^[1-9]\d{6,14}$/.test(phone)) throw new AuthError(400, 'validation_failed', 'Invalid phone number format (E.164 required)')
  return phone
}

function recipient(body: Record<string, unknown>): { by: 'email' | 'phone'; value: string; key: string } {
  const email = str(body.email)
  const phone = str(body.phone)
  if (email && phone) throw new AuthError(400, 'validation_failed', 'Only an email address or phone number should be provided')
  if (email) {
    const value = normalizeEmail(email)
    return { by: 'email', value, key: `email:${value}` }
  }
  if (phone) {
    const value = normalizePhone(phone)
    return { by: 'phone', value, key: `phone:${value}` }
  }
  throw new AuthError(400, 'validation_failed', 'An email address or phone number is required')
}

/** The key under which the last code for an email or phone number is kept (for lastOtp). */
export function otpKey(to: string): string {
  return to.includes('@') ? `email:${normalizeEmail(to)}` : `phone:${normalizePhone(to)}`
}

async function sendOtp(ctx: AuthContext, body: Record<string, unknown>) {
  const to = recipient(body)
  const createUser = body.create_user !== false
  if (!createUser && !(await findUser(ctx.db, to.by, to.value))) {
    throw new AuthError(422, 'otp_disabled', 'Signups not allowed for otp')
  }
  const data = body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? (body.data as Record<string, unknown>) : {}
  const sent = ctx.otp.issue(to.key, createUser, data)
  if ('retryAfterSeconds' in sent) {
    throw new AuthError(
      429,
      to.by === 'email' ? 'over_email_send_rate_limit' : 'over_sms_send_rate_limit',
      `For security purposes, you can only request this after ${sent.retryAfterSeconds} seconds.`,
    )
  }
  // Local Supabase shows mail in Inbucket; here the code goes to the console.
  ctx.log(`[auth] OTP for ${to.value}: ${sent.code}`)
  return to.by === 'phone' ? { message_id: `local-${Date.now()}` } : {}
}

const EMAIL_TYPES = new Set(['email', 'magiclink', 'signup', 'invite'])

async function verifyOtp(ctx: AuthContext, body: Record<string, unknown>) {
  const type = str(body.type) ?? ''
  const code = str(body.token)
  if (!code) throw new AuthError(400, 'validation_failed', 'Only the token (OTP code) form of verification is supported locally')
  const to = recipient(body)
  if (to.by === 'email' ? !EMAIL_TYPES.has(type) : type !== 'sms') {
    throw new AuthError(400, 'validation_failed', `Unsupported verification type for ${to.by}: ${type || '(none)'}`)
  }
  const checked = ctx.otp.check(to.key, code)
  if (!checked.ok) throw new AuthError(403, 'otp_expired', 'Token has expired or is invalid')

  return ctx.db.transaction(async (tx) => {
    let user = await findUser(tx, to.by, to.value)
    if (!user) {
      if (!checked.pending.createUser) throw new AuthError(403, 'otp_expired', 'Token has expired or is invalid')
      user = await insertUser(tx, to.by, to.value, checked.pending.userMetadata)
    } else {
      const column = to.by === 'email' ? 'email_confirmed_at' : 'phone_confirmed_at'
      await tx.query(`update auth.users set ${column} = coalesce(${column}, now()) where id = $1`, [user.id])
    }
    if (user.banned) throw new AuthError(400, 'user_banned', 'User is banned')
    return createSession(tx, ctx.tokens, user.id, 'otp')
  })
}

/** A first sign-in creates the auth user; the database trigger then creates the profile. */
async function insertUser(tx: Queryable, by: 'email' | 'phone', value: string, meta: Record<string, unknown>) {
  const provider = by === 'email' ? 'email' : 'phone'
  try {
    const { rows } = await tx.query<UserRow>(
      `insert into auth.users (instance_id, id, aud, role, email, phone, email_confirmed_at, phone_confirmed_at,
                               raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
               $1::text, $2::text,
               case when $1::text is not null then now() end, case when $2::text is not null then now() end,
               $3::jsonb, $4::jsonb, now(), now())
       returning ${USER_COLUMNS}`,
      [
        by === 'email' ? value : null,
        by === 'phone' ? value : null,
        JSON.stringify({ provider, providers: [provider] }),
        JSON.stringify(meta),
      ],
    )
    return rows[0]!
  } catch (e) {
    console.error('[auth] creating the user failed:', e instanceof Error ? e.message : e)
    throw new AuthError(500, 'unexpected_failure', 'Database error saving new user')
  }
}

async function token(ctx: AuthContext, grant: string | null, body: Record<string, unknown>) {
  if (grant === 'password') return passwordGrant(ctx, body)
  if (grant === 'refresh_token') {
    const refresh = str(body.refresh_token)
    if (!refresh) throw new AuthError(400, 'validation_failed', 'refresh_token required')
    const outcome = await ctx.db.transaction((tx) => refreshSession(tx, ctx.tokens, refresh))
    if (!outcome.ok) throw new AuthError(400, outcome.code, outcome.msg)
    return outcome.response
  }
  throw new AuthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grant ?? '(none)'}`)
}

async function passwordGrant(ctx: AuthContext, body: Record<string, unknown>) {
  const password = str(body.password)
  const to = recipient(body)
  const invalid = new AuthError(400, 'invalid_credentials', 'Invalid login credentials')
  if (!password) throw invalid
  return ctx.db.transaction(async (tx) => {
    const where = to.by === 'email' ? 'lower(email) = lower($1)' : 'phone = $1'
    // bcrypt comparison in the database, as seeded by crypt(..., gen_salt('bf')).
    const { rows } = await tx.query<UserRow>(
      `select ${USER_COLUMNS} from auth.users
        where ${where} and deleted_at is null and coalesce(encrypted_password, '') <> ''
          and encrypted_password = extensions.crypt($2, encrypted_password)`,
      [to.value, password],
    )
    const user = rows[0]
    if (!user) throw invalid
    if (user.banned) throw new AuthError(400, 'user_banned', 'User is banned')
    return createSession(tx, ctx.tokens, user.id, 'password')
  })
}

/** The caller's verified claims; GoTrue answers 403 bad_jwt for any unusable token. */
async function requireUserClaims(ctx: AuthContext, req: IncomingMessage) {
  const jwt = bearerToken(req)
  if (!jwt) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token')
  let claims
  try {
    claims = await verifyJwt(jwt, ctx.tokens.jwtSecret)
  } catch (e) {
    const why = e instanceof JwtError && e.reason === 'expired' ? 'token has invalid claims: token is expired' : e instanceof Error ? e.message : 'invalid'
    throw new AuthError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${why}`)
  }
  if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim')
  const sessionId = typeof claims.session_id === 'string' && UUID.test(claims.session_id) ? claims.session_id : undefined
  return { userId: claims.sub, sessionId }
}

async function currentUser(ctx: AuthContext, req: IncomingMessage) {
  const { userId, sessionId } = await requireUserClaims(ctx, req)
  const user = await findUser(ctx.db, 'id', userId)
  if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist')
  if (sessionId && !(await sessionExists(ctx.db, sessionId))) {
    throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist')
  }
  return userJson(user)
}

async function logout(ctx: AuthContext, req: IncomingMessage, scopeParam: string | null) {
  const { userId, sessionId } = await requireUserClaims(ctx, req)
  const scope = scopeParam === 'local' || scopeParam === 'others' ? scopeParam : 'global'
  if (scope !== 'global' && !sessionId) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist')
  await ctx.db.transaction((tx) => endSessions(tx, userId, sessionId ?? '', scope))
}

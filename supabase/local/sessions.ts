// Users, sessions and tokens, shaped like GoTrue's so supabase-js reads them
// unchanged. Sessions and refresh tokens live in local_meta (see migrate.ts).
import { randomBytes } from 'node:crypto'
import type { Queryable } from './db.ts'
import { signJwt } from './jwt.ts'

export interface TokenSettings {
  jwtSecret: string
  jwtExpirySeconds: number
  refreshReuseIntervalSeconds: number
  /** Base URL of the auth API, the `iss` of access tokens. */
  issuer: string
}

export interface UserRow {
  id: string
  aud: string | null
  role: string | null
  email: string | null
  phone: string | null
  email_confirmed_at: Date | null
  phone_confirmed_at: Date | null
  last_sign_in_at: Date | null
  raw_app_meta_data: Record<string, unknown> | null
  raw_user_meta_data: Record<string, unknown> | null
  is_anonymous: boolean
  banned: boolean
  created_at: Date | null
  updated_at: Date | null
}

export const USER_COLUMNS = `id, aud, role, email, phone, email_confirmed_at, phone_confirmed_at, last_sign_in_at,
  raw_app_meta_data, raw_user_meta_data, is_anonymous, coalesce(banned_until > now(), false) as banned, created_at, updated_at`

export async function findUser(tx: Queryable, by: 'id' | 'email' | 'phone', value: string): Promise<UserRow | undefined> {
  const where = by === 'email' ? 'lower(email) = lower($1)' : by === 'phone' ? 'phone = $1' : 'id = $1::uuid'
  const { rows } = await tx.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where ${where} and deleted_at is null`,
    [value],
  )
  return rows[0]
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : undefined)

/** GoTrue's user object (timestamps omitted when unset, as its JSON does). */
export function userJson(u: UserRow) {
  return {
    id: u.id,
    aud: u.aud ?? 'authenticated',
    role: u.role ?? 'authenticated',
    email: u.email ?? '',
    phone: u.phone ?? '',
    email_confirmed_at: iso(u.email_confirmed_at),
    phone_confirmed_at: iso(u.phone_confirmed_at),
    confirmed_at: iso(u.email_confirmed_at ?? u.phone_confirmed_at),
    last_sign_in_at: iso(u.last_sign_in_at),
    app_metadata: u.raw_app_meta_data ?? {},
    user_metadata: u.raw_user_meta_data ?? {},
    identities: [],
    created_at: iso(u.created_at),
    updated_at: iso(u.updated_at),
    is_anonymous: u.is_anonymous,
  }
}

async function accessToken(s: TokenSettings, u: UserRow, sessionId: string, amr: string, since: Date) {
  const iat = Math.floor(Date.now() / 1000)
  const exp = iat + s.jwtExpirySeconds
  const token = await signJwt(
    {
      iss: s.issuer,
      sub: u.id,
      aud: 'authenticated',
      exp,
      iat,
      email: u.email ?? '',
      phone: u.phone ?? '',
      app_metadata: u.raw_app_meta_data ?? {},
      user_metadata: u.raw_user_meta_data ?? {},
      // Always "authenticated": PostgREST switches to this role, and a user row must never widen it.
      role: 'authenticated',
      aal: 'aal1',
      amr: [{ method: amr, timestamp: Math.floor(since.getTime() / 1000) }],
      session_id: sessionId,
      is_anonymous: u.is_anonymous,
    },
    s.jwtSecret,
  )
  return { token, exp }
}

async function tokenResponse(s: TokenSettings, u: UserRow, session: { id: string; amr: string; created_at: Date }, refreshToken: string) {
  const { token, exp } = await accessToken(s, u, session.id, session.amr, new Date(session.created_at))
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: s.jwtExpirySeconds,
    expires_at: exp,
    refresh_token: refreshToken,
    user: userJson(u),
  }
}

export type TokenResponse = Awaited<ReturnType<typeof tokenResponse>>

const newRefreshToken = () => randomBytes(24).toString('base64url')

/** A new session for a user who just proved who they are (amr: "otp" or "password"). */
export async function createSession(tx: Queryable, s: TokenSettings, userId: string, amr: string): Promise<TokenResponse> {
  const { rows } = await tx.query<{ id: string; amr: string; created_at: Date }>(
    `insert into local_meta.sessions (id, user_id, amr) values (gen_random_uuid(), $1, $2) returning id, amr, created_at`,
    [userId, amr],
  )
  const session = rows[0]!
  const refresh = newRefreshToken()
  await tx.query('insert into local_meta.refresh_tokens (token, session_id) values ($1, $2)', [refresh, session.id])
  const user = await tx.query<UserRow>(
    `update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1 returning ${USER_COLUMNS}`,
    [userId],
  )
  return tokenResponse(s, user.rows[0]!, session, refresh)
}

export type RefreshOutcome =
  | { ok: true; response: TokenResponse }
  | { ok: false; code: 'refresh_token_not_found' | 'refresh_token_already_used' | 'user_banned'; msg: string }

/**
 * Rotates a refresh token. Replaying a revoked token within the reuse interval
 * returns the session's current token (a lost response, a second tab); later,
 * it is treated as theft and ends the whole session — GoTrue's rules.
 * Returns a failure instead of throwing so the revocation is committed.
 */
export async function refreshSession(tx: Queryable, s: TokenSettings, token: string): Promise<RefreshOutcome> {
  const { rows } = await tx.query<{ session_id: string; amr: string; created_at: Date; user_id: string; revoked_for: number | null }>(
    `select rt.session_id, s.amr, s.created_at, s.user_id,
            extract(epoch from clock_timestamp() - rt.revoked_at)::float8 as revoked_for
       from local_meta.refresh_tokens rt join local_meta.sessions s on s.id = rt.session_id
      where rt.token = $1
      for update of rt`,
    [token],
  )
  const row = rows[0]
  if (!row) return { ok: false, code: 'refresh_token_not_found', msg: 'Invalid Refresh Token: Refresh Token Not Found' }
  const user = await findUser(tx, 'id', row.user_id)
  if (!user) return { ok: false, code: 'refresh_token_not_found', msg: 'Invalid Refresh Token: Refresh Token Not Found' }
  if (user.banned) return { ok: false, code: 'user_banned', msg: 'Invalid Refresh Token: User Banned' }
  const session = { id: row.session_id, amr: row.amr, created_at: row.created_at }

  let next: string
  if (row.revoked_for === null) {
    next = newRefreshToken()
    await tx.query('update local_meta.refresh_tokens set revoked_at = clock_timestamp() where token = $1', [token])
    await tx.query('insert into local_meta.refresh_tokens (token, session_id) values ($1, $2)', [next, row.session_id])
  } else {
    const active = await tx.query<{ token: string }>(
      `select token from local_meta.refresh_tokens where session_id = $1 and revoked_at is null
        order by created_at desc limit 1`,
      [row.session_id],
    )
    if (row.revoked_for > s.refreshReuseIntervalSeconds || !active.rows[0]) {
      await tx.query('delete from local_meta.sessions where id = $1', [row.session_id])
      return { ok: false, code: 'refresh_token_already_used', msg: 'Invalid Refresh Token: Already Used' }
    }
    next = active.rows[0].token
  }
  await tx.query('update local_meta.sessions set refreshed_at = now() where id = $1', [row.session_id])
  return { ok: true, response: await tokenResponse(s, user, session, next) }
}

export async function sessionExists(tx: Queryable, sessionId: string): Promise<boolean> {
  const { rows } = await tx.query('select 1 from local_meta.sessions where id = $1::uuid', [sessionId])
  return rows.length > 0
}

/** GoTrue's logout scopes: global (every session of the user), local (this one), others. */
export async function endSessions(tx: Queryable, userId: string, sessionId: string, scope: 'global' | 'local' | 'others') {
  const where = scope === 'global' ? 'user_id = $1' : scope === 'local' ? 'user_id = $1 and id = $2::uuid' : 'user_id = $1 and id <> $2::uuid'
  await tx.query(`delete from local_meta.sessions where ${where}`, scope === 'global' ? [userId] : [userId, sessionId])
}

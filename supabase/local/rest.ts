// PostgREST's RPC endpoint, the only part of PostgREST the app uses:
// POST (or GET) /rest/v1/rpc/<fn>, JSON body = named arguments.
// Each call is one transaction that first takes the caller's role and claims,
// exactly as PostgREST does, so row-level security applies to it.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { asPgError, type Db, type Queryable } from './db.ts'
import { BodyTooLarge, bearerToken, header, readBody, sendJson, sendRaw } from './http.ts'
import { JwtError, verifyJwt, type Claims } from './jwt.ts'

export interface RestContext {
  db: Db
  jwtSecret: string
  bodyLimitBytes: number
}

const API_ROLES = new Set(['anon', 'authenticated', 'service_role'])
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/
const RESERVED_QUERY = new Set(['select', 'order', 'limit', 'offset', 'columns', 'apikey'])

interface PgrstError {
  code: string
  message: string
  details: string | null
  hint: string | null
}

const pgrst = (code: string, message: string, details: string | null = null, hint: string | null = null): PgrstError => ({
  code,
  message,
  details,
  hint,
})

function fail(res: ServerResponse, status: number, err: PgrstError, headers: Record<string, string> = {}) {
  sendJson(res, status, err, headers)
}

export async function handleRpc(ctx: RestContext, req: IncomingMessage, res: ServerResponse, fn: string, url: URL, apiKey: string) {
  const method = req.method ?? 'GET'
  if (method !== 'POST' && method !== 'GET') {
    return fail(res, 405, pgrst('PGRST101', `Cannot use the ${method} method on RPC`))
  }
  for (const h of ['content-profile', 'accept-profile']) {
    const schema = header(req, h)
    if (schema && schema !== 'public') {
      return fail(res, 406, pgrst('PGRST106', 'The schema must be one of the following: public'))
    }
  }

  // Who is calling: the bearer token, or the API key itself when there is none.
  let claims: Claims
  try {
    claims = await verifyJwt(bearerToken(req) ?? apiKey, ctx.jwtSecret)
  } catch (e) {
    const message = e instanceof JwtError && e.reason === 'expired' ? 'JWT expired' : 'JWSError JWSInvalidSignature'
    return fail(res, 401, pgrst('PGRST301', message), {
      'www-authenticate': `Bearer error="invalid_token", error_description="${message}"`,
    })
  }
  const role = typeof claims.role === 'string' ? claims.role : 'anon'
  if (!API_ROLES.has(role)) {
    return fail(res, 401, pgrst('PGRST301', 'JWT role is not allowed'))
  }

  let args: Record<string, unknown>
  if (method === 'POST') {
    let text: string
    try {
      text = await readBody(req, ctx.bodyLimitBytes)
    } catch (e) {
      // The rest of the body is not read: close the connection rather than parse it as a request.
      if (e instanceof BodyTooLarge) return sendJson(res, 413, { message: 'Request size limit exceeded' }, { connection: 'close' })
      throw e
    }
    const parsed = parseJsonObject(text)
    if (!parsed) return fail(res, 400, pgrst('PGRST102', 'Empty or invalid json'))
    args = parsed
  } else {
    // Query parameters that shape PostgREST's output are not arguments.
    args = Object.fromEntries([...url.searchParams].filter(([k]) => !RESERVED_QUERY.has(k)))
  }

  if (!IDENT.test(fn)) return fail(res, 404, notFound(fn, Object.keys(args)))

  try {
    const outcome = await ctx.db.transaction(async (tx) => {
      // A GET may not write, as with PostgREST (a volatile function then fails with 25006 → 405).
      if (method === 'GET') await tx.exec('set transaction read only')
      const target = await resolve(tx, fn, Object.keys(args))
      if ('error' in target) return target
      await tx.query(
        `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
                set_config('request.method', $3, true), set_config('request.path', $4, true)`,
        [role, JSON.stringify(claims), method, url.pathname.replace(/^\/rest\/v1/, '')],
      )
      return { body: await call(tx, fn, target, method === 'GET' ? fromQuery(target, args) : args) }
    })
    if ('error' in outcome) return fail(res, outcome.status, outcome.error)
    if (outcome.body === undefined) return sendRaw(res, 204, '')
    return sendRaw(res, 200, outcome.body)
  } catch (e) {
    const pgErr = asPgError(e)
    if (!pgErr) {
      // Not a database answer (lost connection, bug): logged here, never sent.
      console.error('[rest] unexpected error:', e)
      return fail(res, 500, pgrst('PGRSTX00', 'Internal server error'))
    }
    const status = statusFor(pgErr.code, role)
    return fail(res, status, pgrst(pgErr.code, pgErr.message, pgErr.detail ?? null, pgErr.hint ?? null))
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {}
  try {
    const v: unknown = JSON.parse(text)
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

interface FnArg {
  name: string
  type: string
}
interface FnInfo {
  retset: boolean
  returns_void: boolean
  ndefaults: number
  args: FnArg[]
}
type Resolved = FnInfo | { error: PgrstError; status: number }

/** Finds the overload of public.<fn> whose parameter names fit the given keys (PostgREST's rule). */
async function resolve(tx: Queryable, fn: string, keys: string[]): Promise<Resolved> {
  const { rows } = await tx.query<FnInfo>(
    `select p.proretset as retset, p.prorettype = 'void'::regtype as returns_void, p.pronargdefaults as ndefaults,
       coalesce((
         select jsonb_agg(jsonb_build_object('name', coalesce(a.name, ''), 'type', format_type(a.typ, null)) order by a.ord)
         from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]),
                     coalesce(p.proargmodes::text[], array_fill('i'::text, array[p.pronargs::int])),
                     p.proargnames) with ordinality as a(typ, mode, name, ord)
         where a.mode in ('i', 'b', 'v')
       ), '[]'::jsonb) as args
     from pg_proc p
     where p.pronamespace = 'public'::regnamespace and p.proname = $1 and p.prokind = 'f'`,
    [fn],
  )
  const given = new Set(keys)
  const fits = rows.filter((f) => {
    const names = new Set(f.args.map((a) => a.name))
    const required = f.args.slice(0, f.args.length - f.ndefaults)
    return keys.every((k) => names.has(k)) && required.every((a) => a.name !== '' && given.has(a.name))
  })
  if (fits.length === 1) return fits[0]!
  if (fits.length === 0) return { status: 404, error: notFound(fn, keys) }
  return {
    status: 300,
    error: pgrst('PGRST203', `Could not choose the best candidate function between: ${fits.map((f) => sig(fn, f.args)).join(', ')}`),
  }
}

function notFound(fn: string, keys: string[]): PgrstError {
  const params = [...keys].sort().join(', ')
  return pgrst(
    'PGRST202',
    `Could not find the function public.${fn}(${params}) in the schema cache`,
    `Searched for the function public.${fn} with ${params ? `parameters ${params}` : 'no parameters'}, but no matches were found in the schema cache.`,
  )
}

const sig = (fn: string, args: FnArg[]) => `public.${fn}(${args.map((a) => `${a.name} => ${a.type}`).join(', ')})`
const quote = (id: string) => `"${id.replaceAll('"', '""')}"`

/** Query-string values are text; as with PostgREST, a json/jsonb parameter reads its text as JSON. */
function fromQuery(f: FnInfo, args: Record<string, unknown>): Record<string, unknown> {
  const out = { ...args }
  for (const a of f.args) {
    const v = out[a.name]
    if ((a.type === 'jsonb' || a.type === 'json') && typeof v === 'string') {
      try {
        out[a.name] = JSON.parse(v)
      } catch {
        // left as a JSON string
      }
    }
  }
  return out
}

/**
 * Calls the function with named arguments. The JSON body is turned into typed
 * values by jsonb_to_record with the declared parameter types, as PostgREST
 * does, so arrays, uuids, jsonb and numbers all convert in the database.
 * Returns the JSON text of the result, or undefined for a void function.
 */
async function call(tx: Queryable, fn: string, f: FnInfo, args: Record<string, unknown>): Promise<string | undefined> {
  const provided = f.args.filter((a) => Object.hasOwn(args, a.name))
  const invocation = `public.${quote(fn)}(${provided.map((a) => `${quote(a.name)} => _a.${quote(a.name)}`).join(', ')})`
  const record = provided.length
    ? `jsonb_to_record($1::jsonb) as _a(${provided.map((a) => `${quote(a.name)} ${a.type}`).join(', ')})`
    : ''
  const params = provided.length ? [JSON.stringify(args)] : []
  if (f.returns_void) {
    await tx.query(`select ${invocation}${record ? ` from ${record}` : ''}`, params)
    return undefined
  }
  const sql = f.retset
    ? `select coalesce(jsonb_agg(_r), '[]'::jsonb)::text as body from ${record ? `${record}, lateral ` : ''}${invocation} as _r`
    // to_json, as PostgREST: a json result (sync_pull's) is sent as it is, not rebuilt.
    : `select to_json(${invocation})::text as body${record ? ` from ${record}` : ''}`
  const { rows } = await tx.query<{ body: string | null }>(sql, params)
  return rows[0]?.body ?? 'null'
}

/** PostgREST's mapping from SQLSTATE to HTTP status. */
export function statusFor(code: string, role: string): number {
  if (code === '42501') return role === 'anon' ? 401 : 403
  const custom = /^PT(\d{3})$/.exec(code)
  if (custom) return Number(custom[1])
  const exact: Record<string, number> = {
    '23503': 409,
    '23505': 409,
    '25006': 405,
    '53400': 500,
    P0001: 400,
    '42883': 404,
    '42P01': 404,
    '42P17': 500,
  }
  if (exact[code]) return exact[code]
  const byClass: Record<string, number> = {
    '08': 503, '09': 500, '0L': 403, '0P': 403, '25': 500, '28': 403, '2D': 500, '38': 500, '39': 500,
    '3B': 500, '40': 500, '53': 503, '54': 500, '55': 500, '57': 500, '58': 500, F0: 500, HV: 500, P0: 500, XX: 500,
  }
  return byClass[code.slice(0, 2)] ?? 400
}

// PostgREST's RPC endpoint of the local backend: roles, claims, argument
// conversion and error shapes, through the real supabase-js where it applies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBackend, type TestBackend } from '../helpers/backend.ts'
import { expiredToken, tamperedToken, unsignedToken, userClaims, wrongSecretToken } from '../helpers/tokens.ts'
import { signJwt } from '../../../supabase/local/jwt.ts'

let b: TestBackend

// Temporary functions, created as the superuser like a migration would.
const FIXTURES = `
create function public.t_whoami() returns jsonb language sql stable as $$
  select jsonb_build_object('uid', auth.uid(), 'role', auth.role(), 'db_role', current_user,
                            'email', auth.jwt() ->> 'email', 'method', current_setting('request.method', true))
$$;
create function public.t_types(n int, ids uuid[], doc jsonb, label text default 'none', at timestamptz default null)
returns jsonb language sql stable as $$
  select jsonb_build_object('n', n + 1, 'ids', to_jsonb(ids), 'first', ids[1], 'doc', doc, 'label', label,
                            'year', extract(year from at at time zone 'UTC'))
$$;
create function public.t_set() returns setof int language sql stable as $$ select generate_series(1, 3) $$;
create function public.t_text() returns text language sql stable as $$ select 'plain' $$;
create function public.t_void() returns void language sql as $$ select $$;
create table public.t_unique (id int primary key);
create function public.t_write() returns int language sql volatile as $$ insert into public.t_unique values (99) returning id $$;
create function public.t_fail(kind text) returns int language plpgsql as $$
begin
  if kind = 'raise' then raise exception 'Refusé' using detail = 'Un détail', hint = 'Un conseil';
  elsif kind = 'validation' then raise exception 'Valeur invalide' using errcode = '22023';
  elsif kind = 'forbidden' then raise exception 'Interdit' using errcode = '42501';
  elsif kind = 'payment' then raise sqlstate 'PT402' using message = 'Payment Required';
  elsif kind = 'unique' then insert into public.t_unique values (1), (1);
  elsif kind = 'internal' then raise exception 'Internal' using errcode = 'XX000';
  end if;
  return 0;
end $$;
create function public.t_staff() returns int language sql as $$ select 1 $$;
revoke execute on function public.t_staff() from public, anon;
create function public.t_service() returns int language sql as $$ select 2 $$;
revoke execute on function public.t_service() from public, anon, authenticated;
create function public.t_my_roles() returns text[] language sql stable as $$
  select roles from public.profiles where id = auth.uid()
$$;
create function public.t_count_profiles() returns bigint language sql stable as $$ select count(*) from public.profiles $$;
create function public.t_over(a int) returns int language sql as $$ select 1 $$;
create function public.t_over(a text) returns int language sql as $$ select 2 $$;
`

beforeAll(async () => {
  b = await startTestBackend()
  await b.db.exec(FIXTURES)
})
afterAll(() => b?.close())

async function rpc(fn: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') {
  const res = await fetch(`${b.url}/rest/v1/rpc/${fn}`, {
    method,
    headers: { apikey: b.anonKey, 'content-type': 'application/json', ...headers },
    body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, headers: res.headers }
}

/** Every error answer has exactly PostgREST's four fields and nothing that looks like a stack. */
function expectPgrstError(r: { body: Record<string, unknown> | null; text: string }, code: string) {
  expect(Object.keys(r.body ?? {}).sort()).toEqual(['code', 'details', 'hint', 'message'])
  expect(r.body?.code).toBe(code)
  expect(r.text).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/)
}

describe('roles and claims', () => {
  it('runs as anon with the anon key', async () => {
    const { data, error } = await b.client().rpc('t_whoami')
    expect(error).toBeNull()
    expect(data).toEqual({ uid: null, role: 'anon', db_role: 'anon', email: null, method: 'POST' })
  })

  it('runs as the signed-in user with their claims', async () => {
    const { client, session } = await b.signInWithCode('rpc-user@example.org')
    const { data } = await client.rpc('t_whoami')
    expect(data).toEqual({ uid: session.user.id, role: 'authenticated', db_role: 'authenticated', email: 'rpc-user@example.org', method: 'POST' })
  })

  it('runs as service_role with the service key', async () => {
    const { data } = await b.serviceClient().rpc('t_whoami')
    expect(data).toMatchObject({ uid: null, role: 'service_role', db_role: 'service_role' })
  })

  it('enforces execute grants: 401 for anon, 403 for a user, PostgREST 42501 shape', async () => {
    const anon = await rpc('t_staff', {})
    expect(anon.status).toBe(401)
    expectPgrstError(anon, '42501')
    expect(anon.body?.message).toBe('permission denied for function t_staff')

    const { session } = await b.signInWithCode('grants@example.org')
    const user = b.client(session.access_token)
    expect((await user.rpc('t_staff')).data).toBe(1)
    const denied = await user.rpc('t_service')
    expect(denied.status).toBe(403)
    expect(denied.error?.code).toBe('42501')
    expect((await b.serviceClient().rpc('t_service')).data).toBe(2)
  })

  it('applies row-level security of the real schema per role', async () => {
    // An own profile is visible to its owner only: RLS sees the claims set for the request.
    const { client } = await b.signInWithCode('rls@example.org')
    expect((await client.rpc('t_my_roles')).data).toEqual(['allocataire'])
    expect((await client.rpc('t_count_profiles')).data).toBe(1)
    // anon may not read profiles at all.
    const anon = await b.client().rpc('t_count_profiles')
    expect(anon.status).toBe(401)
    expect(anon.error?.message).toBe('permission denied for table profiles')
    const total = await b.db.query<{ n: string }>('select count(*)::text as n from public.profiles')
    expect(Number((await b.serviceClient().rpc('t_count_profiles')).data)).toBe(Number(total.rows[0]!.n))
  })

  it.each([
    ['allocataire@demo.reperes.paris', ['allocataire']],
    ['groupe@demo.reperes.paris', ['allocataire', 'groupe_ressource']],
    ['referent@demo.reperes.paris', ['referent']],
    ['coordinator@demo.reperes.paris', ['coordinator']],
    ['outreach@demo.reperes.paris', ['outreach']],
  ])('runs as the seeded account %s with its roles from profiles', async (email, roles) => {
    const { client, session } = await b.signIn(email)
    expect((await client.rpc('t_whoami')).data).toMatchObject({ uid: session.user.id, role: 'authenticated', email })
    expect([...((await client.rpc('t_my_roles')).data as string[])].sort()).toEqual(roles)
  })

  it('signs a seeded allocataire in by SMS code to the same account', async () => {
    const byMail = await b.signIn('allocataire@demo.reperes.paris')
    const bySms = await b.signInWithCode('+33600000001')
    expect(bySms.session.user.id).toBe(byMail.session.user.id)
  })

  it('gives coordinators staff profiles in sync_pull and allocataires through the look-ups only', async () => {
    const { client } = await b.signIn('coordinator@demo.reperes.paris')
    const profiles: { id: string, roles: string[], display_name: string | null }[] = []
    let cursor: string | null = null
    for (let page = 0; page < 50; page++) {
      const answer = await client.rpc('sync_pull', { cursor, lim: 1000 })
      expect(answer.error).toBeNull()
      const page = answer.data as { changes: { profiles?: typeof profiles }, cursor: string, has_more: boolean }
      profiles.push(...(page.changes.profiles ?? []))
      cursor = page.cursor
      if (!page.has_more)
        break
    }
    expect(profiles.map(p => p.display_name)).toContain('Karim Benali')
    expect(profiles.filter(p => p.roles.every(r => r === 'allocataire'))).toEqual([])

    // Accents folded on both engines (normalize(NFD) is in PGlite too).
    const found = await client.rpc('admin_people_search', { query: 'KONÉ', lim: 10 })
    expect(found.error).toBeNull()
    expect(found.data.map((p: { display_name: string }) => p.display_name)).toEqual(['Amina Kone'])
    const named = await client.rpc('admin_people', { ids: [found.data[0].id] })
    expect(named.data).toEqual([expect.objectContaining({ display_name: 'Amina Kone', roles: ['allocataire'] })])

    const empty = await client.rpc('admin_people_search', { query: ' ' })
    expect(empty.status).toBe(400)
    expect(empty.error?.message).toBe('Saisissez un nom, une adresse ou un numéro.')
    const { client: referent } = await b.signIn('referent@demo.reperes.paris')
    expect((await referent.rpc('admin_people_search', { query: 'kone' })).error?.code).toBe('42501')
  })

  it('keeps older answered and closed feedback off a coordinator\'s device, and serves it through the archive', async () => {
    const ARCHIVED = 'fb000000-0000-4000-8000-000000000006'
    const { client } = await b.signIn('coordinator@demo.reperes.paris')
    const pulled: string[] = []
    let cursor: string | null = null
    for (let page = 0; page < 50; page++) {
      const answer = await client.rpc('sync_pull', { cursor, lim: 1000 })
      expect(answer.error).toBeNull()
      const page = answer.data as { changes: { feedback?: { id: string }[] }, cursor: string, has_more: boolean }
      pulled.push(...(page.changes.feedback ?? []).map(f => f.id))
      cursor = page.cursor
      if (!page.has_more)
        break
    }
    expect(pulled).toContain('fb000000-0000-4000-8000-000000000003')
    expect(pulled).not.toContain(ARCHIVED)

    const archive = await client.rpc('admin_feedback_archive', { status: 'closed', kind: 'prestation', lim: 10 })
    expect(archive.error).toBeNull()
    expect(archive.data).toEqual([expect.objectContaining({ id: ARCHIVED, status: 'closed', themes: ['horaires'], version: expect.any(Number) })])
    // By theme: through the private helper and its index (20261125001900_feedback_archive_theme.sql).
    const themed = await client.rpc('admin_feedback_archive', { theme: 'horaires' })
    expect(themed.error).toBeNull()
    expect((themed.data as { id: string }[]).map(r => r.id)).toEqual([ARCHIVED])
    expect((await client.rpc('admin_feedback_archive', { theme: 'horaires', kind: 'booklet' })).data).toEqual([])
    expect((await client.rpc('admin_feedback_archive', { theme: 'aucun-avis' })).data).toEqual([])
    const one = await client.rpc('admin_feedback_get', { id: ARCHIVED })
    expect(one.data).toEqual([expect.objectContaining({ id: ARCHIVED, answer: 'Un créneau du matin ouvre en septembre.' })])

    const wrong = await client.rpc('admin_feedback_archive', { status: 'received' })
    expect(wrong.status).toBe(400)
    expect(wrong.error?.message).toBe('Seuls les retours répondus ou clos sont archivés.')
    const { client: referent } = await b.signIn('referent@demo.reperes.paris')
    expect((await referent.rpc('admin_feedback_archive', {})).error?.code).toBe('42501')
    expect((await referent.rpc('admin_feedback_get', { id: ARCHIVED })).error?.code).toBe('42501')
  })

  it('serves the sync functions of the app', async () => {
    const { data, error } = await b.client().rpc('sync_pull', { cursor: null, lim: 10 })
    expect(error).toBeNull()
    expect(data).toMatchObject({ schema_version: 1, has_more: expect.any(Boolean) })
  })
})

describe('arguments and results', () => {
  it('converts named JSON arguments to the declared types and applies defaults', async () => {
    const ids = ['6f1c2a9e-1a53-4c3e-9a1b-2b3c4d5e6f70', '00000000-0000-0000-0000-000000000001']
    const { data } = await b.client().rpc('t_types', { n: 41, ids, doc: { a: [1, { b: null }] }, at: '2031-05-01T10:00:00Z' })
    expect(data).toEqual({ n: 42, ids, first: ids[0], doc: { a: [1, { b: null }] }, label: 'none', year: 2031 })
  })

  it('returns arrays for set-returning functions, scalars as JSON, nothing for void', async () => {
    expect((await b.client().rpc('t_set')).data).toEqual([1, 2, 3])
    expect((await b.client().rpc('t_text')).data).toBe('plain')
    const v = await b.client().rpc('t_void')
    expect(v.error).toBeNull()
    expect(v.status).toBe(204)
  })

  it('accepts GET for read-only calls, arguments in the query string', async () => {
    const { data } = await b.client().rpc('t_types', { n: 1, ids: [], doc: null }, { get: true }).select()
    expect(data).toMatchObject({ n: 2, ids: [], doc: null, label: 'none' })
    expect((await rpc('t_whoami', null, {}, 'GET')).body).toMatchObject({ method: 'GET' })
    const write = await rpc('t_write', null, {}, 'GET')
    expect(write.status).toBe(405)
    expectPgrstError(write, '25006')
  })

  it('answers 404 PGRST202 for an unknown function or unknown argument names', async () => {
    const unknown = await b.client().rpc('no_such_function')
    expect(unknown.status).toBe(404)
    expect(unknown.error?.code).toBe('PGRST202')
    const badArg = await rpc('t_types', { n: 1, ids: [], doc: null, nope: 1 })
    expect(badArg.status).toBe(404)
    expectPgrstError(badArg, 'PGRST202')
    const missing = await rpc('t_types', { n: 1 })
    expect(missing.status).toBe(404)
  })

  it('never lets the function name reach SQL unchecked', async () => {
    for (const fn of ['t_void();drop table public.t_unique;--', 'pg_sleep', '"t_void"', 't_void%22']) {
      const r = await rpc(encodeURIComponent(fn), {})
      expect(r.status).toBe(404)
      expectPgrstError(r, 'PGRST202')
    }
    expect((await b.db.query("select to_regclass('public.t_unique') as t")).rows[0]?.t).toBeTruthy()
  })

  it('answers 300 PGRST203 for ambiguous overloads', async () => {
    const r = await rpc('t_over', { a: 1 })
    expect(r.status).toBe(300)
    expectPgrstError(r, 'PGRST203')
  })
})

describe('errors', () => {
  it.each([
    ['raise', 400, 'P0001', { message: 'Refusé', details: 'Un détail', hint: 'Un conseil' }],
    ['validation', 400, '22023', { message: 'Valeur invalide' }],
    ['forbidden', 401, '42501', { message: 'Interdit' }],
    ['payment', 402, 'PT402', { message: 'Payment Required' }],
    ['unique', 409, '23505', {}],
    ['internal', 500, 'XX000', { message: 'Internal' }],
  ])('maps %s to HTTP %i with code %s', async (kind, status, code, fields) => {
    const r = await rpc('t_fail', { kind })
    expect(r.status).toBe(status)
    expectPgrstError(r, code)
    expect(r.body).toMatchObject(fields)
  })

  it('rejects bad argument values with 400 and the database message', async () => {
    const r = await rpc('t_types', { n: 'abc', ids: [], doc: null })
    expect(r.status).toBe(400)
    expectPgrstError(r, '22P02')
  })

  it('answers malformed JSON with 400 PGRST102 and no stack trace', async () => {
    for (const body of ['{"n":', 'not json', '[1,2]', '"text"']) {
      const r = await rpc('t_whoami', body)
      expect(r.status).toBe(400)
      expectPgrstError(r, 'PGRST102')
    }
  })

  it('refuses bodies over 2 MB with 413', async () => {
    const r = await rpc('t_whoami', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024 + 10) }))
    expect(r.status).toBe(413)
    // The server keeps working after it.
    expect((await rpc('t_text', {})).body).toBe('plain')
  })

  it('refuses other schemas and methods', async () => {
    const r = await rpc('t_text', {}, { 'content-profile': 'auth' })
    expect(r.status).toBe(406)
    expectPgrstError(r, 'PGRST106')
    const del = await rpc('t_text', {}, {}, 'DELETE')
    expect(del.status).toBe(405)
    expectPgrstError(del, 'PGRST101')
  })
})

describe('tokens on /rest', () => {
  it('answers 401 PGRST301 "JWT expired" for an expired token', async () => {
    const { session } = await b.signInWithCode('expired@example.org')
    const r = await rpc('t_whoami', {}, { authorization: `Bearer ${await expiredToken(b.jwtSecret, session.user.id)}` })
    expect(r.status).toBe(401)
    expectPgrstError(r, 'PGRST301')
    expect(r.body?.message).toBe('JWT expired')
    expect(r.headers.get('www-authenticate')).toContain('invalid_token')
    // supabase-js surfaces it the same way.
    const { error, status } = await b.client(await expiredToken(b.jwtSecret, session.user.id)).rpc('t_whoami')
    expect(status).toBe(401)
    expect(error?.message).toBe('JWT expired')
  })

  it('answers 401 for forged tokens, never running the function', async () => {
    const { session } = await b.signInWithCode('forger@example.org')
    const forged = [
      await wrongSecretToken(userClaims(session.user.id, { role: 'service_role' })),
      unsignedToken(userClaims(session.user.id, { role: 'service_role' })),
      unsignedToken({ role: 'service_role' }),
      tamperedToken(session.access_token, { role: 'service_role' }),
      tamperedToken(b.anonKey, { role: 'service_role' }),
      'garbage',
    ]
    for (const token of forged) {
      const r = await rpc('t_whoami', {}, { authorization: `Bearer ${token}` })
      expect(r.status).toBe(401)
      expectPgrstError(r, 'PGRST301')
    }
  })

  it('refuses a correctly signed token whose role is not an API role', async () => {
    const token = await signJwt({ role: 'postgres', exp: Math.floor(Date.now() / 1000) + 60 }, b.jwtSecret)
    const r = await rpc('t_whoami', {}, { authorization: `Bearer ${token}` })
    expect(r.status).toBe(401)
    expectPgrstError(r, 'PGRST301')
  })

  it('requires a project API key, as the gateway does', async () => {
    const none = await rpc('t_whoami', {}, { apikey: '' })
    expect(none.status).toBe(401)
    expect(none.body?.message).toBe('No API key found in request')
    const { session } = await b.signInWithCode('key@example.org')
    // A user token is not an API key.
    const wrong = await rpc('t_whoami', {}, { apikey: session.access_token })
    expect(wrong.status).toBe(401)
    expect(wrong.body?.message).toBe('Invalid API key')
  })

  it('still accepts an access token after sign-out until it expires, as PostgREST does', async () => {
    const { client, session } = await b.signInWithCode('after-logout@example.org')
    await client.auth.signOut()
    expect((await b.client(session.access_token).rpc('t_whoami')).data).toMatchObject({ uid: session.user.id })
  })
})

/**
 * Grants seen from outside, over HTTP (supabase/tests/00_structure.sql checks them in SQL):
 * anon may call only the public functions; every other function of the public schema —
 * listed from pg_proc when the test starts, so new ones are covered — answers anon with
 * 401 (or 404 when PostgREST cannot address it by named arguments). A signed-in user gets
 * 403 from the functions not granted to authenticated. Nothing outside `public` is reachable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBackend, type TestBackend } from '../helpers/backend.ts'
import { listFunctions, type RpcFunction } from './helpers/catalog.ts'
import { expectPostgrestError, rawRpc } from './helpers/http.ts'

/** Functions anon may call, on purpose (docs/sync-protocol.md). */
const PUBLIC_FUNCTIONS = ['sync_pull']

let b: TestBackend
let all: RpcFunction[]
let userToken: string

beforeAll(async () => {
  b = await startTestBackend()
  all = await listFunctions(b.db)
  userToken = (await b.signIn('allocataire@demo.reperes.paris')).session.access_token
})
afterAll(() => b?.close())

/** Every parameter named, all null: PostgREST finds the function, then checks the grant. */
const nullArgs = (f: RpcFunction) => JSON.stringify(Object.fromEntries(f.args.map((a) => [a.name, null])))

describe('function grants over HTTP', () => {
  it('grants anon exactly the public functions', async () => {
    const anon = (await listFunctions(b.db, 'anon')).map((f) => f.name)
    expect(anon.sort()).toEqual([...PUBLIC_FUNCTIONS].sort())
  })

  it('answers anon 401 on every other function of the public schema', async () => {
    expect(all.length).toBeGreaterThan(30)
    for (const f of all.filter((f) => !PUBLIC_FUNCTIONS.includes(f.name))) {
      const r = await rawRpc(b.url, b.anonKey, null, f.name, f.callable ? nullArgs(f) : '{}')
      expectPostgrestError(r.status, r.body, r.text)
      if (f.callable) {
        expect(r.status, `${f.name}: ${r.text}`).toBe(401)
        expect((r.body as { code: string }).code, f.name).toBe('42501')
      } else {
        expect([401, 404], `${f.name}: ${r.text}`).toContain(r.status)
      }
    }
  })

  it('answers a signed-in user 403 on the functions not granted to authenticated', async () => {
    const granted = new Set((await listFunctions(b.db, 'authenticated')).map((f) => f.name))
    const denied = all.filter((f) => f.callable && !granted.has(f.name))
    expect(denied.map((f) => f.name)).toContain('apply_outreach_retention')
    for (const f of denied) {
      const r = await rawRpc(b.url, b.anonKey, userToken, f.name, nullArgs(f))
      expectPostgrestError(r.status, r.body, r.text)
      expect(r.status, `${f.name}: ${r.text}`).toBe(403)
    }
  })

  it('reaches nothing outside the public schema', async () => {
    for (const fn of ['reject', 'claim_mutation', 'scope_key', 'uid', 'crypt', 'gen_salt', 'pg_sleep', 'set_config', 'current_setting']) {
      const r = await rawRpc(b.url, b.anonKey, userToken, fn, '{}')
      expect(r.status, `${fn}: ${r.text}`).toBe(404)
      expectPostgrestError(r.status, r.body, r.text)
    }
    for (const schema of ['sync_private', 'auth', 'extensions', 'pg_catalog']) {
      const res = await fetch(`${b.url}/rest/v1/rpc/scope_key`, {
        method: 'POST',
        headers: { apikey: b.anonKey, authorization: `Bearer ${userToken}`, 'content-type': 'application/json', 'content-profile': schema },
        body: '{}',
      })
      expect(res.status, schema).toBe(406)
    }
  })
})

// HTTP-level behaviour of the local backend: CORS for the dev origins,
// routing, concurrency, and the on-disk database across restarts.
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrationFiles } from '../../../supabase/local/migrate.ts'
import { startLocalBackend } from '../../../supabase/local/server.ts'
import { startTestBackend, type TestBackend } from '../helpers/backend.ts'

let b: TestBackend

beforeAll(async () => {
  b = await startTestBackend()
  await b.db.exec(`create table public.t_counter (n int not null);
    create function public.t_bump() returns bigint language sql as $$
      insert into public.t_counter values (1); select count(*) from public.t_counter $$;
    create function public.t_big() returns text language sql as $$ select repeat('repères ', 2000) $$;
    grant execute on function public.t_big() to anon;`)
})
afterAll(() => b?.close())

/** A raw response (fetch would decompress it out of sight). */
function rawPost(url: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders, body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end('{}')
  })
}

describe('compression', () => {
  it('gzips large answers for clients that accept it, as the hosted gateway does', async () => {
    const url = `${b.url}/rest/v1/rpc/t_big`
    const zipped = await rawPost(url, { 'apikey': b.anonKey, 'accept-encoding': 'gzip, deflate, br' })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toContain('Accept-Encoding')
    const text = JSON.parse(gunzipSync(zipped.body).toString('utf8')) as string
    expect(text).toBe('repères '.repeat(2000))
    expect(zipped.body.length).toBeLessThan(text.length / 10)

    const plain = await rawPost(url, { apikey: b.anonKey })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(plain.body.toString('utf8'))).toBe(text)
  })
})

describe('CORS', () => {
  it('answers the preflight of a dev origin with 204 and the headers supabase-js sends', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:4173']) {
      const res = await fetch(`${b.url}/rest/v1/rpc/sync_pull`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,apikey,content-type,x-client-info',
        },
      })
      expect(res.status).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      const allowed = res.headers.get('access-control-allow-headers') ?? ''
      for (const h of ['authorization', 'apikey', 'content-type', 'x-client-info', 'prefer', 'content-profile', 'accept-profile', 'x-supabase-api-version']) {
        expect(allowed).toContain(h)
      }
      expect(res.headers.get('access-control-allow-methods')).toContain('POST')
    }
  })

  it('gives no CORS permission to other origins', async () => {
    const res = await fetch(`${b.url}/auth/v1/settings`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const get = await fetch(`${b.url}/auth/v1/settings`, { headers: { origin: 'http://localhost.evil.example', apikey: b.anonKey } })
    expect(get.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('lets the app read responses and the auth API version header', async () => {
    const res = await fetch(`${b.url}/auth/v1/user`, {
      headers: { origin: 'http://localhost:5173', apikey: b.anonKey, authorization: 'Bearer nope', 'x-supabase-api-version': '2024-01-01' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(res.headers.get('access-control-expose-headers')).toContain('x-supabase-api-version')
    expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01')
  })
})

describe('engine', () => {
  it('runs on real PostgreSQL when DATABASE_URL is set, else on PGlite', () => {
    expect(b.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite')
  })
})

describe('routing', () => {
  it('answers 404 outside the implemented API', async () => {
    expect((await fetch(`${b.url}/storage/v1/object`)).status).toBe(404)
    const table = await fetch(`${b.url}/rest/v1/profiles`, { headers: { apikey: b.anonKey } })
    expect(table.status).toBe(404)
    expect(await table.json()).toMatchObject({ code: 'PGRST125' })
  })
})

describe('concurrency', () => {
  it('serves many simultaneous calls, each in its own transaction', async () => {
    const client = b.client()
    const results = await Promise.all(Array.from({ length: 40 }, () => client.rpc('t_bump')))
    expect(results.every((r) => r.error === null)).toBe(true)
    // Every call committed (PGlite runs them one by one, PostgreSQL side by side).
    const { rows } = await b.db.query<{ n: number }>('select count(*)::int as n from public.t_counter')
    expect(rows[0]!.n).toBe(40)
    expect(Math.max(...results.map((r) => Number(r.data)))).toBeLessThanOrEqual(40)
  })
})

describe('file-backed PGlite', () => {
  it('keeps data across restarts and applies migrations and the seed only once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reperes-pglite-'))
    const dataDir = path.join(dir, 'db')
    try {
      const first = await startLocalBackend({ dataDir, port: 0, quiet: true })
      await first.db.exec('create table public.t_kept (v text); insert into public.t_kept values (\'kept\')')
      const applied = await first.db.query<{ name: string }>('select name from local_meta.migrations order by name')
      await expect(startLocalBackend({ dataDir, port: 0, quiet: true })).rejects.toThrow(/in use by process/)
      await first.close()

      const second = await startLocalBackend({ dataDir, port: 0, quiet: true })
      try {
        expect((await second.db.query('select v from public.t_kept')).rows).toEqual([{ v: 'kept' }])
        expect((await second.db.query('select name from local_meta.migrations order by name')).rows).toEqual(applied.rows)
        expect(applied.rows.map((r) => r.name).filter((n) => n !== 'seed.sql' && !n.startsWith('seed/'))).toEqual(migrationFiles())
      } finally {
        await second.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

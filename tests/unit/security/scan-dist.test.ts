// The build scanner (scripts/scan-dist.mjs, `npm run check:dist` after `vite build`) on
// in-memory fixtures: a clean build passes; each kind of leak is reported with its file.
import { describe, expect, it } from 'vitest'
import { LOCAL_JWT_SECRET, parseEnv, scanEntries } from '../../../scripts/scan-dist.mjs'

const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`
const ANON_KEY = jwt({ iss: 'supabase-demo', role: 'anon', exp: 1983812996 })
const SERVICE_KEY = jwt({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 })
// Assembled at run time so no scanner mistakes this test for a leaked key.
const PEM = ['-----BEGIN', 'PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END', 'PRIVATE KEY-----'].join(' ')

const clean = [
  { path: 'index.html', text: '<!doctype html><html><head><script type="module" src="/assets/index-abc.js"></script></head></html>' },
  { path: 'assets/index-abc.js', text: `const url="http://127.0.0.1:54321",key="${ANON_KEY}";export{url,key}` },
  { path: 'assets/index-abc.css', text: 'body{margin:0}' },
  { path: 'icons/icon-192.png', text: null },
  { path: 'sw.js', text: 'self.addEventListener("fetch",()=>{})' },
]
const secrets = new Map([[LOCAL_JWT_SECRET, 'the local JWT secret'], ['s3cr3t-sms-api-key-value', 'SMS_API_KEY from .env']])
const scan = (extra: { path: string, text: string | null }[]) => scanEntries([...clean, ...extra], secrets)

describe('scan-dist', () => {
  it('passes a clean build, the public anon key included', () => {
    expect(scanEntries(clean, secrets)).toEqual([])
  })

  it.each([
    ['the service_role key', { path: 'assets/a.js', text: `const k="${SERVICE_KEY}"` }, 'jwt'],
    ['a JWT without a role', { path: 'assets/a.js', text: `const k="${jwt({ sub: 'x' })}"` }, 'jwt'],
    ['the word service_role', { path: 'assets/a.js', text: 'if(role==="service_role")' }, 'service-role'],
    ['the local JWT secret', { path: 'assets/a.js', text: `const s="${LOCAL_JWT_SECRET}"` }, 'secret'],
    ['a value of a non-public .env variable', { path: 'index.html', text: '<meta content="s3cr3t-sms-api-key-value">' }, 'secret'],
    ['a private key', { path: 'assets/key.txt', text: PEM }, 'private-key'],
    ['an .env file', { path: '.env.production', text: 'VITE_SUPABASE_URL=x' }, 'env-file'],
    ['a source map file', { path: 'assets/index-abc.js.map', text: '{"version":3}' }, 'source-map'],
    ['a sourceMappingURL comment', { path: 'assets/b.js', text: 'x()\n//# sourceMappingURL=b.js.map' }, 'source-map'],
  ])('reports %s', (_label, entry, kind) => {
    const findings = scan([entry])
    expect(findings.map(f => f.kind)).toContain(kind)
    expect(findings.every(f => f.file === entry.path)).toBe(true)
  })

  it('reports an inline source map too (it embeds the sources)', () => {
    expect(scan([{ path: 'assets/c.js', text: 'x()\n//# sourceMappingURL=data:application/json;base64,e30=' }]).map(f => f.kind)).toEqual(['source-map'])
  })

  it('reads .env files the way Vite does, keeping only what they assign', () => {
    expect(parseEnv('# comment\nVITE_A=1\nexport SMS_API_KEY="abc def"\n  JWT_SECRET = \'xyz\'\nBROKEN LINE\n')).toEqual({
      VITE_A: '1',
      SMS_API_KEY: 'abc def',
      JWT_SECRET: 'xyz',
    })
  })
})

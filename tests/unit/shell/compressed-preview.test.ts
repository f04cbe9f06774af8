// @vitest-environment node
// The local preview answers text files gzip-compressed, as a production host
// does (vite/compressedPreview.ts): a real HTTP server on loopback, a real
// client, and the body checked by decompressing it.
import type { AddressInfo } from 'node:net'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptsGzip, assetPath, compressedFiles } from '../../../vite/compressedPreview'

const root = mkdtempSync(join(tmpdir(), 'preview-'))
const script = `export const words = ${JSON.stringify('Livret d’accueil '.repeat(400))}\n`
let base = ''
const server = createServer((req, res) => {
  void compressedFiles(root)(req, res, () => {
    res.statusCode = 299 // "vite's own handler": the file was not answered here
    res.end('next')
  })
})

beforeAll(async () => {
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'assets/app.js'), script)
  writeFileSync(join(root, 'assets/tiny.css'), 'a{}')
  writeFileSync(join(root, 'icon.png'), Buffer.alloc(4096))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.close()
  rmSync(root, { recursive: true, force: true })
})

function get(path: string, encoding?: string, method = 'GET') {
  return new Promise<{ status: number, headers: Record<string, unknown>, body: Buffer }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (part: Buffer) => parts.push(part))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('compressed preview', () => {
  it('answers a script gzip-compressed, with its type, length and Vary', async () => {
    const res = await get('/assets/app.js', 'gzip, deflate, br')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.headers['content-type']).toBe('text/javascript')
    expect(res.headers.vary).toBe('Accept-Encoding')
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 5)
    expect(gunzipSync(res.body).toString()).toBe(script)
  })

  it('answers a HEAD with the headers and no body', async () => {
    const res = await get('/assets/app.js?v=1', 'gzip', 'HEAD')
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.body.length).toBe(0)
  })

  it('leaves to vite what it should not compress', async () => {
    for (const [path, encoding] of [
      ['/assets/app.js', undefined], // the client does not accept gzip
      ['/assets/app.js', 'gzip;q=0, br'],
      ['/assets/tiny.css', 'gzip'], // too small to gain anything
      ['/icon.png', 'gzip'], // not text
      ['/assets/missing.js', 'gzip'],
      ['/livret', 'gzip'], // a page: vite's fallback finds its file
    ] as const) {
      const res = await get(path, encoding)
      expect(res.status, path).toBe(299)
      expect(res.headers['content-encoding'], path).toBeUndefined()
    }
  })

  it('never reads outside the build', () => {
    expect(assetPath('/srv/dist', '/assets/app.js')).toBe('/srv/dist/assets/app.js')
    expect(assetPath('/srv/dist', '/../secret.js')).toBe('/srv/dist/secret.js')
    expect(assetPath('/srv/dist', '/%2e%2e/secret.js')).toBe('/srv/dist/secret.js')
    // An encoded slash survives URL parsing and would climb once decoded.
    expect(assetPath('/srv/dist', '/..%2f..%2fetc%2fsecret.js')).toBeNull()
    expect(assetPath('/srv/dist', '/%E0%A4%A.js')).toBeNull()
  })

  it('reads Accept-Encoding as HTTP defines it', () => {
    expect(acceptsGzip('gzip')).toBe(true)
    expect(acceptsGzip('br, GZIP;q=0.5')).toBe(true)
    expect(acceptsGzip('gzip;q=0')).toBe(false)
    expect(acceptsGzip('br, deflate')).toBe(false)
    expect(acceptsGzip(undefined)).toBe(false)
  })
})

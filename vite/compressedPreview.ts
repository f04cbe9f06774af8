// `vite preview` sends the build's files uncompressed. Every host the app is
// deployed on compresses text (gzip or Brotli), and the budgets of DESIGN §7
// are stated in gzip: measured against an uncompressed server, Lighthouse would
// download about three times the bytes a phone really gets, and its simulated
// first paint would pay for it. This plugin makes the local preview answer as a
// production host does: text files gzip-compressed for clients that accept it.
// Only for `vite preview` (the e2e tests and Lighthouse); the build is untouched.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Text types worth compressing (images and icons are compressed already, or tiny). */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
}

/** Below this, compressing saves less than the headers it adds. */
const MIN_BYTES = 1024

interface Compressed { mtimeMs: number, body: Buffer }

/** The file under `root` that a request path names, or null when it names none (or leaves root). */
export function assetPath(root: string, url: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname)
  }
  catch {
    return null
  }
  if (!(extname(pathname) in TYPES))
    return null
  const file = normalize(join(root, pathname))
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null
}

export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : header ?? ''
  return value.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';')
    const q = params.map(p => p.trim()).find(p => p.startsWith('q='))
    return name?.trim().toLowerCase() === 'gzip' && (q === undefined || Number(q.slice(2)) > 0)
  })
}

/** Middleware answering compressible files of `root` gzip-compressed; anything else goes on. */
export function compressedFiles(root: string) {
  // Compressed once per file version: a test run asks for the same chunks many times.
  const cache = new Map<string, Compressed>()
  return async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    const file = req.method === 'GET' || req.method === 'HEAD' ? assetPath(root, req.url ?? '/') : null
    if (!file || !acceptsGzip(req.headers['accept-encoding']))
      return next()
    try {
      const info = await stat(file)
      if (!info.isFile() || info.size < MIN_BYTES)
        return next()
      let entry = cache.get(file)
      if (!entry || entry.mtimeMs !== info.mtimeMs) {
        entry = { mtimeMs: info.mtimeMs, body: gzipSync(await readFile(file), { level: 9 }) }
        cache.set(file, entry)
      }
      res.statusCode = 200
      res.setHeader('Content-Type', TYPES[extname(file)]!)
      res.setHeader('Content-Encoding', 'gzip')
      res.setHeader('Content-Length', entry.body.length)
      res.setHeader('Vary', 'Accept-Encoding')
      // As vite preview answers: always revalidate (a new build reuses no stale file).
      res.setHeader('Cache-Control', 'no-cache')
      res.end(req.method === 'HEAD' ? undefined : entry.body)
    }
    catch {
      // Missing or unreadable: vite's own handler answers (404, or the page fallback).
      next()
    }
  }
}

export function compressedPreviewPlugin(): Plugin {
  return {
    name: 'reperes-compressed-preview',
    configurePreviewServer(server) {
      const root = normalize(join(server.config.root, server.config.build.outDir))
      server.middlewares.use(compressedFiles(root))
    },
  }
}

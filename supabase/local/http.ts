// Small HTTP helpers shared by the REST and auth handlers.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'

export class BodyTooLarge extends Error {}

/** Reads the whole body, refusing more than `limit` bytes without buffering them. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'])
  if (declared > limit) throw new BodyTooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new BodyTooLarge()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  sendRaw(res, status, body === undefined ? '' : JSON.stringify(body), headers)
}

/** Sends an already serialized JSON text (function results come out of PostgreSQL as text). */
export function sendRaw(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  const head: Record<string, string> = {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    ...headers,
  }
  // Compressed like Supabase's gateway does, so the bytes a phone downloads
  // (first pull, budgets in bench/) are the same here as in production.
  if (text.length >= COMPRESS_FROM && /\bgzip\b/.test(String(res.req?.headers['accept-encoding'] ?? ''))) {
    const vary = res.getHeader('vary')
    res.writeHead(status, { ...head, 'content-encoding': 'gzip', 'vary': vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding' })
    res.end(gzipSync(text))
    return
  }
  res.writeHead(status, head)
  res.end(text)
}

/** Below this many characters, gzip saves less than it costs. */
const COMPRESS_FROM = 1024

const DEV_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/

const ALLOW_HEADERS = [
  'authorization',
  'apikey',
  'content-type',
  'x-client-info',
  'prefer',
  'accept-profile',
  'content-profile',
  'x-supabase-api-version',
  // postgrest-js adds it when it retries a request.
  'x-retry-count',
  'accept',
].join(', ')

/**
 * CORS for the app served by Vite (another port, hence another origin).
 * Only loopback origins get an answer: a page on the internet cannot drive a
 * developer's local backend from their browser.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin
  res.setHeader('vary', 'Origin')
  if (!origin || !DEV_ORIGIN.test(origin)) return false
  res.setHeader('access-control-allow-origin', origin)
  // auth-js reads the API version header of error responses.
  res.setHeader('access-control-expose-headers', 'content-range, x-supabase-api-version')
  return true
}

export function sendPreflight(req: IncomingMessage, res: ServerResponse) {
  if (applyCors(req, res)) {
    res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
    res.setHeader('access-control-allow-headers', ALLOW_HEADERS)
    res.setHeader('access-control-max-age', '600')
  }
  res.writeHead(204)
  res.end()
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  return m?.[1]
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

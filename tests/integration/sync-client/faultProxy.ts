// An HTTP proxy on 127.0.0.1 that breaks the network the way phones do, on
// purpose and reproducibly (seeded): connections dropped before the request
// reaches the server, answers lost after the server committed, 500s, answers
// slower than the client's patience, 429 with Retry-After, and access tokens
// that "expire" (a 401, once per token, until the client refreshes).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer, request } from 'node:http'

export type Fault = 'drop_before' | 'drop_after' | 'error_500' | 'delay' | 'rate_limited' | 'expired'

export interface FaultProxyOptions {
  target: string
  seed: number
  /** Probability of each fault on sync RPCs; the rest pass through. */
  rates: Partial<Record<Fault, number>>
  /** Probability that a token refresh is dropped before reaching the server. */
  authDropRate?: number
  /** How long a 'delay' holds the request (longer than the client's timeout). */
  delayMs: number
}

export interface FaultProxy {
  url: string
  counts: Record<Fault | 'passed' | 'auth_dropped', number>
  /** Stop injecting faults (the final, clean sync). */
  calm: () => void
  /** Cut (or restore) the network for every request but the proxy's own. */
  setOffline: (offline: boolean) => void
  close: () => Promise<void>
}

/** mulberry32: small, fast, good enough to make fault sequences reproducible. */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', c => chunks.push(c as Buffer))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

interface Upstream { status: number, headers: Record<string, string | string[] | undefined>, body: Buffer }

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const up = request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host },
    }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', c => chunks.push(c as Buffer))
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    up.on('error', reject)
    up.end(body)
  })
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.destroyed)
    return
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target)
  const random = seeded(options.seed)
  const counts: FaultProxy['counts'] = { drop_before: 0, drop_after: 0, error_500: 0, delay: 0, rate_limited: 0, expired: 0, passed: 0, auth_dropped: 0 }
  const expiredTokens = new Set<string>()
  let calm = false
  let offline = false

  function pick(): Fault | null {
    if (calm)
      return null
    let r = random()
    for (const [fault, rate] of Object.entries(options.rates) as [Fault, number][]) {
      if (r < rate)
        return fault
      r -= rate
    }
    return null
  }

  const server = createServer(async (req, res) => {
    const body = await readBody(req)
    if (offline)
      return req.socket.destroy()
    const sync = /^\/rest\/v1\/rpc\/sync_/.test(req.url ?? '')
    const refresh = /^\/auth\/v1\/token\?grant_type=refresh_token/.test(req.url ?? '')
    let fault = sync ? pick() : null
    const token = String(req.headers.authorization ?? '')
    // A token expires once: after the client refreshed, the new token works.
    if (fault === 'expired' && expiredTokens.has(token))
      fault = null
    if (refresh && !calm && random() < (options.authDropRate ?? 0)) {
      counts.auth_dropped++
      return req.socket.destroy()
    }
    try {
      switch (fault) {
        case 'drop_before':
          counts.drop_before++
          return req.socket.destroy()
        case 'error_500':
          counts.error_500++
          return json(res, 500, { code: 'XX000', message: 'Erreur interne simulée.', details: null, hint: null })
        case 'rate_limited':
          counts.rate_limited++
          return json(res, 429, { message: 'Trop de requêtes.' }, { 'retry-after': '1' })
        case 'expired':
          counts.expired++
          expiredTokens.add(token)
          return json(res, 401, { code: 'PGRST303', message: 'JWT expired', details: null, hint: null })
        case 'delay': {
          counts.delay++
          await new Promise(r => setTimeout(r, options.delayMs))
          // The client gave up long ago; the server still gets (and may commit) the request.
          const late = await forward(target, req, body)
          return json(res, late.status, JSON.parse(late.body.toString() || 'null'))
        }
      }
      const answer = await forward(target, req, body)
      if (fault === 'drop_after') {
        // The server has committed; the answer never reaches the phone.
        counts.drop_after++
        return req.socket.destroy()
      }
      counts.passed++
      if (!res.destroyed) {
        const headers = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !['content-length', 'transfer-encoding', 'connection'].includes(k)))
        res.writeHead(answer.status, headers as Record<string, string>)
        res.end(answer.body)
      }
    }
    catch {
      if (!res.destroyed)
        req.socket.destroy()
    }
  })

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    calm: () => {
      calm = true
    },
    setOffline: (value) => {
      offline = value
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

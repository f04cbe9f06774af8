/**
 * A fake SMS provider on 127.0.0.1 following the contract of the worker's HTTP adapter:
 * POST / {to, text, idempotency_key} (bearer token), GET /<key>. It keeps one message per
 * key like a real provider and records every request, and can be told to answer 500, 429
 * or to answer too late (after having taken the message).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeSms {
  url: string
  token: string
  /** Messages the provider holds, one per idempotency key. */
  messages: Map<string, { id: string; to: string; text: string }>
  /** Every POST received, in order. */
  posts: { to: string; text: string; idempotency_key: string }[]
  lookups: string[]
  mode: 'ok' | 'fail500' | 'rate_limited' | 'slow'
  /** 'slow' answers after this delay. */
  slowMs: number
  /** Every accepted POST waits this long first (to make concurrent senders overlap). */
  delayMs: number
  /** Called after a POST is taken, before the answer (tests use it to kill the sender). */
  onAccepted?: (key: string) => void
  close(): Promise<void>
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(value))
}

export async function startFakeSms(token = 'test-token'): Promise<FakeSms> {
  let next = 1
  const fake: Omit<FakeSms, 'url' | 'close'> = {
    token,
    messages: new Map(),
    posts: [],
    lookups: [],
    mode: 'ok',
    slowMs: 1_500,
    delayMs: 0,
  }
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.headers.authorization !== `Bearer ${token}`) return json(res, 401, { error: 'unauthorized' })
      const path = decodeURIComponent((req.url ?? '/').replace(/^\/+/, ''))
      if (req.method === 'GET' && path) {
        fake.lookups.push(path)
        const m = fake.messages.get(path)
        return m ? json(res, 200, { id: m.id, status: 'accepted' }) : json(res, 404, { error: 'not_found' })
      }
      if (req.method !== 'POST' || path) return json(res, 404, { error: 'not_found' })
      const msg = JSON.parse(await body(req)) as { to: string; text: string; idempotency_key: string }
      fake.posts.push(msg)
      if (fake.mode === 'fail500') return json(res, 500, { error: 'internal' })
      if (fake.mode === 'rate_limited') return json(res, 429, { error: 'slow down' }, { 'retry-after': '120' })
      if (fake.delayMs) await new Promise((r) => setTimeout(r, fake.delayMs))
      let m = fake.messages.get(msg.idempotency_key)
      if (!m) {
        m = { id: `sms-${next++}`, to: msg.to, text: msg.text }
        fake.messages.set(msg.idempotency_key, m)
      }
      fake.onAccepted?.(msg.idempotency_key)
      if (fake.mode === 'slow') await new Promise((r) => setTimeout(r, fake.slowMs))
      if (!res.destroyed) json(res, 200, { id: m.id })
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}

// SMS through an HTTP provider:
//   POST <url>          {to, text, idempotency_key}, Authorization: Bearer <token>
//                       2xx {id} accepted; the same key twice gives the same message, not two
//   GET  <url>/<key>    200 {id} if the provider holds a message under that key, 404 if not
import type { LookupOutcome, Provider, SendOutcome } from './types.ts'

export interface HttpSmsOptions {
  url: string
  token: string
  /** Well under the claim lease, so an attempt always ends before its lease does. */
  timeoutMs?: number
  fetch?: typeof fetch
}

/** Retry-After as seconds or an HTTP date, in milliseconds. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

async function errorText(res: Response): Promise<string> {
  const body = (await res.text().catch(() => '')).slice(0, 200)
  return `HTTP ${res.status}${body ? ` ${body}` : ''}`
}

export function httpSmsProvider(opts: HttpSmsOptions): Provider {
  const doFetch = opts.fetch ?? fetch
  const timeoutMs = opts.timeoutMs ?? 10_000
  const headers = { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json', accept: 'application/json' }
  const base = opts.url.replace(/\/+$/, '')

  return {
    async send(message): Promise<SendOutcome> {
      let res: Response
      try {
        res = await doFetch(base, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': message.idempotencyKey },
          body: JSON.stringify({ to: message.to, text: message.text, idempotency_key: message.idempotencyKey }),
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (e) {
        // The request may have reached the provider (timeout, connection reset).
        return { kind: 'unknown', error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }
      }
      if (res.ok) {
        const body = (await res.json().catch(() => ({}))) as { id?: unknown }
        return { kind: 'sent', providerId: typeof body.id === 'string' && body.id ? body.id : message.idempotencyKey }
      }
      const error = await errorText(res)
      if (res.status === 429) return { kind: 'retry', error, retryAfterMs: retryAfterMs(res.headers.get('retry-after')) }
      // Server errors and our own configuration (token) are worth another try; any other
      // 4xx (bad number, text refused) will not get better.
      if (res.status >= 500 || res.status === 401 || res.status === 403 || res.status === 408) return { kind: 'retry', error }
      return { kind: 'rejected', error }
    },

    async lookup(key): Promise<LookupOutcome> {
      try {
        const res = await doFetch(`${base}/${encodeURIComponent(key)}`, {
          headers,
          signal: AbortSignal.timeout(timeoutMs),
        })
        if (res.status === 404) return { kind: 'not_found' }
        if (!res.ok) return { kind: 'error', error: await errorText(res) }
        const body = (await res.json().catch(() => ({}))) as { id?: unknown }
        return { kind: 'found', providerId: typeof body.id === 'string' && body.id ? body.id : key }
      } catch (e) {
        return { kind: 'error', error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }
      }
    },
  }
}

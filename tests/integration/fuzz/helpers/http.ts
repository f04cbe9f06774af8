/** Raw PostgREST calls (for bodies supabase-js would never send) and the shape of a clean answer. */
import { expect } from 'vitest'

export interface RawAnswer {
  status: number
  text: string
  body: unknown
}

export async function rawRpc(baseUrl: string, apiKey: string, token: string | null, fn: string, body: string): Promise<RawAnswer> {
  const res = await fetch(`${baseUrl}/rest/v1/rpc/${encodeURIComponent(fn)}`, {
    method: 'POST',
    headers: { apikey: apiKey, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  })
  const text = await res.text()
  let parsed: unknown = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = text
  }
  return { status: res.status, text, body: parsed }
}

/** Server internals that must never reach a client: stack frames, source paths. */
export const STACK = /\n\s+at \S+|\.[cm]?[jt]s:\d+:\d+|node_modules\//

/** PostgREST's error shape: exactly code, message, details, hint; never a stack. */
export function expectPostgrestError(status: number, error: unknown, text = JSON.stringify(error)) {
  expect(status, text).toBeGreaterThanOrEqual(400)
  expect(status, text).toBeLessThan(500)
  expect(Object.keys(error as object).sort(), text).toEqual(['code', 'details', 'hint', 'message'])
  expect(typeof (error as { code: unknown }).code).toBe('string')
  expect(typeof (error as { message: unknown }).message).toBe('string')
  expect(text).not.toMatch(STACK)
}

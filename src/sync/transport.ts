// The engine's only view of the server. The real implementation calls the
// RPCs through supabase-js (./rpcTransport.ts); unit tests pass a fake with
// the same interface, so the engine never needs a server to be tested.
import type { PullPage, PushMutation, PushResult } from '@/domain/sync'

export type TransportErrorKind =
  | 'network' // no answer: offline, connection dropped, DNS…
  | 'timeout' // no answer in time (the server may still have committed)
  | 'auth' // 401: the session expired or is missing
  | 'rate_limited' // 429 / 503: come back later (Retry-After)
  | 'server' // 5xx or an answer that makes no sense
  | 'client' // another 4xx: this request will not succeed as is
  | 'schema' // unsupported_schema_version: the app must be updated

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    readonly status = 0,
    readonly retryAfterMs?: number,
  ) {
    super(message)
    this.name = 'TransportError'
  }
}

export function isTransportError(error: unknown): error is TransportError {
  return error instanceof TransportError
}

export interface SyncTransport {
  pull: (cursor: string | null, limit: number, signal?: AbortSignal) => Promise<PullPage>
  push: (mutations: PushMutation[], deviceId: string, signal?: AbortSignal) => Promise<PushResult[]>
  reconcile: (tables: string[], signal?: AbortSignal) => Promise<Record<string, string[]>>
  stats: (deviceId: string, signal?: AbortSignal) => Promise<{ mutations_received: number }>
}

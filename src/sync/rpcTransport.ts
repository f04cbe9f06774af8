// The real transport: the four sync RPCs through supabase-js, with every
// failure mapped to a TransportError kind the engine knows how to handle.
import type { SyncTransport } from './transport'
import type { PullPage, PushResult } from '@/domain/sync'
import type { RpcResult } from '@/services/supabase'
import { SCHEMA_VERSION } from '@/domain/sync'
import { callRpc } from '@/services/supabase'
import { TransportError } from './transport'

export interface RpcTransportOptions {
  /** The user every call runs as (null: anonymous, public content only). */
  userId: string | null
  timeoutMs?: number
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function toTransportError(result: RpcResult): TransportError | null {
  const { status, error } = result
  if (status === 0)
    return new TransportError(result.timedOut ? 'timeout' : 'network', error?.message ?? 'No answer from the server.')
  if (status === 401)
    return new TransportError('auth', error?.message ?? 'Session expired.', status)
  if (status === 429 || status === 503)
    return new TransportError('rate_limited', error?.message ?? 'Server busy.', status, result.retryAfterMs)
  // 404: the function is missing (a deployment in progress), 408: gave up waiting.
  if (status >= 500 || status === 404 || status === 408)
    return new TransportError('server', error?.message ?? 'Server error.', status)
  if (error || status >= 400)
    return new TransportError('client', error?.message ?? `HTTP ${status}`, status)
  if (isObject(result.data) && result.data.error === 'unsupported_schema_version')
    return new TransportError('schema', 'This version of the app is no longer supported.', status)
  return null
}

export function createRpcTransport(options: RpcTransportOptions): SyncTransport {
  async function call(name: string, args: Json, signal?: AbortSignal): Promise<Json> {
    const result = await callRpc(name, args, { signal, timeoutMs: options.timeoutMs, asUser: options.userId })
    const failure = toTransportError(result)
    if (failure)
      throw failure
    if (!isObject(result.data))
      throw new TransportError('server', `Unexpected answer from ${name}.`, result.status)
    return result.data
  }

  return {
    async pull(cursor, limit, signal) {
      const data = await call('sync_pull', { cursor, lim: limit, schema_version: SCHEMA_VERSION }, signal)
      if (typeof data.cursor !== 'string' || typeof data.has_more !== 'boolean')
        throw new TransportError('server', 'Malformed sync_pull answer.')
      return {
        changes: isObject(data.changes) ? data.changes : {},
        tombstones: isObject(data.tombstones) ? data.tombstones : {},
        cursor: data.cursor,
        has_more: data.has_more,
      } as PullPage
    },
    async push(mutations, deviceId, signal) {
      const data = await call('sync_push', { mutations, schema_version: SCHEMA_VERSION, device_id: deviceId }, signal)
      if (!Array.isArray(data.results))
        throw new TransportError('server', 'Malformed sync_push answer.')
      return data.results as PushResult[]
    },
    async reconcile(tables, signal) {
      return await call('sync_reconcile', { tables }, signal) as Record<string, string[]>
    },
    async stats(deviceId, signal) {
      const data = await call('sync_stats', { device_id: deviceId }, signal)
      return { mutations_received: Number(data.mutations_received ?? 0) }
    },
  }
}

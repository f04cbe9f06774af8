// The only module that imports supabase-js, and it does so lazily: the first
// screen never downloads it. Everything the app needs from the server goes
// through `callRpc` (the sync RPCs) and ./auth.ts (sign-in, session).
import type { SupabaseClient, SupportedStorage } from '@supabase/supabase-js'

export interface SupabaseConfig {
  url: string
  anonKey: string
  /** Tests route requests through a fault-injecting proxy or count them. */
  fetch?: typeof fetch
  /** Defaults to localStorage in browsers, memory elsewhere. */
  storage?: SupportedStorage
  autoRefreshToken?: boolean
}

import { AUTH_STORAGE_KEY } from './storageKeys'

export { AUTH_STORAGE_KEY }

let config: SupabaseConfig | null = null
let client: Promise<SupabaseClient> | null = null

/** Retry-After of 429/503 answers, keyed by the request's AbortSignal (unique per call). */
const retryAfterBySignal = new WeakMap<AbortSignal, number>()

export function configureSupabase(next: SupabaseConfig): void {
  config = next
  client = null
}

function currentConfig(): SupabaseConfig {
  if (config)
    return config
  const url = import.meta.env.VITE_SUPABASE_URL
  const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY
  if (!url || !anonKey)
    throw new Error('VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY must be set.')
  return { url, anonKey }
}

export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value)
    return undefined
  if (/^\d+$/.test(value.trim()))
    return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs)
}

function recordingFetch(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init)
    if ((response.status === 429 || response.status === 503) && init?.signal) {
      const ms = parseRetryAfter(response.headers.get('Retry-After'))
      if (ms !== undefined)
        retryAfterBySignal.set(init.signal, ms)
    }
    return response
  }
}

export function getSupabase(): Promise<SupabaseClient> {
  client ??= import('@supabase/supabase-js').then(({ createClient }) => {
    const cfg = currentConfig()
    return createClient(cfg.url, cfg.anonKey, {
      auth: {
        storageKey: AUTH_STORAGE_KEY,
        storage: cfg.storage,
        persistSession: true,
        autoRefreshToken: cfg.autoRefreshToken ?? true,
        detectSessionInUrl: false,
      },
      // postgrest-js never retries POST (RPC) calls itself; the sync engine does.
      global: { fetch: recordingFetch(cfg.fetch ?? ((...args) => fetch(...args))) },
    })
  })
  return client
}

export interface RpcError {
  message: string
  code?: string
}

export interface RpcResult {
  data: unknown
  error: RpcError | null
  /** HTTP status; 0 = no answer (network failure or timeout). */
  status: number
  timedOut?: boolean
  retryAfterMs?: number
}

export interface RpcOptions {
  signal?: AbortSignal
  timeoutMs?: number
  /**
   * The user the call must run as; null = anonymous. The call never goes out
   * under another identity: a pull with the anon key would advance a user's
   * cursor past the personal rows it cannot see.
   */
  asUser: string | null
}

async function bearerFor(supabase: SupabaseClient, asUser: string | null): Promise<string | RpcResult> {
  if (asUser === null)
    return currentConfig().anonKey
  const { data, error } = await supabase.auth.getSession()
  // A refresh that failed for want of network is not a lost session (sync rule 11).
  if (error?.name === 'AuthRetryableFetchError')
    return { data: null, error: { message: error.message, code: 'session_unavailable' }, status: 0 }
  const session = data.session
  if (!session || session.user.id !== asUser)
    return { data: null, error: { message: 'No session for this user.', code: 'no_session' }, status: 401 }
  return session.access_token
}

export async function callRpc(name: string, args: Record<string, unknown>, options: RpcOptions): Promise<RpcResult> {
  const supabase = await getSupabase()
  const bearer = await bearerFor(supabase, options.asUser)
  if (typeof bearer !== 'string')
    return bearer
  const controller = new AbortController()
  const onAbort = () => controller.abort()
  options.signal?.addEventListener('abort', onAbort)
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, options.timeoutMs ?? 30_000)
  try {
    const { data, error, status } = await supabase.rpc(name, args)
      .setHeader('Authorization', `Bearer ${bearer}`)
      .abortSignal(controller.signal)
    return {
      data,
      error: error ? { message: error.message, code: error.code } : null,
      status,
      timedOut,
      retryAfterMs: retryAfterBySignal.get(controller.signal),
    }
  }
  finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onAbort)
  }
}

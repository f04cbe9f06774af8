// The few reads of the groupe ressource workspace that are not synced rows:
// feedback shared with the groupe (anonymous, through groupe_shared_feedback),
// the results of a consultation and, for coordinators, its evaluations under
// pseudonyms. They go through the same RPC client as the sync engine. The last
// answers are kept on the device for offline display, under the session's
// storage prefix so that signing out removes them with the session
// (DESIGN §9: nothing personal stays readable after sign-out).
import { AUTH_STORAGE_KEY } from './storageKeys'
import { callRpc } from './supabase'

export interface SharedFeedback {
  id: string
  kind: string
  subject_id: string | null
  body: string
  quote: string | null
  rating: number | null
  themes: string[]
  status: string
  answer: string | null
  created_on: string
  expected: string | null
  obtained: string | null
  changed: string | null
}

export interface PseudonymousEvaluation {
  member: number
  answers: Record<string, unknown>
  submitted_at: string
}

export type Fetched<T> =
  | { ok: true, data: T, at: string, cached: boolean }
  | { ok: false, error: 'offline' | 'forbidden' | 'failed', message?: string }

const CACHE_KEY = `${AUTH_STORAGE_KEY}.groupe-cache`

interface CacheFile {
  user: string
  entries: Record<string, { at: string, data: unknown }>
}

function readCache(user: string): CacheFile {
  try {
    const value = JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null') as CacheFile | null
    if (value && value.user === user && typeof value.entries === 'object')
      return value
  }
  catch {
    // A broken cache is no cache.
  }
  return { user, entries: {} }
}

function writeCache(user: string, key: string, data: unknown, at: string) {
  try {
    const file = readCache(user)
    file.entries[key] = { at, data }
    localStorage.setItem(CACHE_KEY, JSON.stringify(file))
  }
  catch {
    // Storage full or refused: the screen still shows what it fetched.
  }
}

/** The last successful answer for this user, if any (offline display). */
export function cached<T>(user: string, key: string): { data: T, at: string } | null {
  const entry = readCache(user).entries[key]
  return entry ? { data: entry.data as T, at: entry.at } : null
}

async function fetchRpc<T>(user: string, name: string, args: Record<string, unknown>, cacheKey: string | null, map: (data: unknown) => T): Promise<Fetched<T>> {
  const result = await callRpc(name, args, { asUser: user, timeoutMs: 15_000 }).catch(() => null)
  if (result && !result.error && result.status >= 200 && result.status < 300) {
    const data = map(result.data)
    const at = new Date().toISOString()
    if (cacheKey)
      writeCache(user, cacheKey, data, at)
    return { ok: true, data, at, cached: false }
  }
  if (result?.error?.code === '42501' || result?.status === 403)
    return { ok: false, error: 'forbidden', message: result.error?.message }
  const previous = cacheKey ? cached<T>(user, cacheKey) : null
  if (previous)
    return { ok: true, data: previous.data, at: previous.at, cached: true }
  return { ok: false, error: !result || result.status === 0 ? 'offline' : 'failed' }
}

const text = (v: unknown) => (typeof v === 'string' ? v : null)

function toSharedFeedback(row: Record<string, unknown>): SharedFeedback {
  return {
    id: String(row.id),
    kind: String(row.kind ?? 'other'),
    subject_id: text(row.subject_id),
    body: String(row.body ?? ''),
    quote: text(row.quote),
    rating: typeof row.rating === 'number' ? row.rating : null,
    themes: Array.isArray(row.themes) ? row.themes.map(String) : [],
    status: String(row.status ?? 'received'),
    answer: text(row.answer),
    created_on: String(row.created_on ?? ''),
    expected: text(row.expected),
    obtained: text(row.obtained),
    changed: text(row.changed),
  }
}

const rows = (data: unknown) => (Array.isArray(data) ? data.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null) : [])

export function fetchSharedFeedback(user: string): Promise<Fetched<SharedFeedback[]>> {
  return fetchRpc(user, 'groupe_shared_feedback', {}, 'shared-feedback', data => rows(data).map(toSharedFeedback))
}

/** Raw results (see parseResults in @/domain/evaluation). */
export function fetchResults(user: string, consultationId: string): Promise<Fetched<unknown>> {
  return fetchRpc(user, 'consultation_results', { consultation: consultationId }, `results:${consultationId}`, data => data)
}

/** Coordinators only: submitted evaluations per consultation id (counts, no authors). */
export function fetchSubmissionCounts(user: string): Promise<Fetched<Record<string, number>>> {
  return fetchRpc(user, 'consultation_submission_counts', {}, 'submission-counts', (data) => {
    const counts: Record<string, number> = {}
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      for (const [id, n] of Object.entries(data)) {
        if (typeof n === 'number' && Number.isInteger(n) && n >= 0)
          counts[id] = n
      }
    }
    return counts
  })
}

/** Coordinators only; not cached (evaluations stay off devices that do not need them). */
export function fetchEvaluations(user: string, consultationId: string): Promise<Fetched<PseudonymousEvaluation[]>> {
  return fetchRpc(user, 'consultation_evaluations', { consultation: consultationId }, null, data => rows(data).map(r => ({
    member: Number(r.member),
    answers: (typeof r.answers === 'object' && r.answers !== null ? r.answers : {}) as Record<string, unknown>,
    submitted_at: String(r.submitted_at ?? ''),
  })))
}

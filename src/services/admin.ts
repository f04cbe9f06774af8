// Reads of the coordinators' back office that are not synced tables: the
// indicator functions, the audit log and the people a device does not hold.
// Each call runs as the signed-in user (the database checks the coordinator
// role) and its answer is checked against the documented shape before any
// screen uses it.
import type { IndicatorRow, IndicatorSet, Period } from '@/domain/adminIndicators'
import type { PersonRow } from '@/domain/adminAccounts'
import type { AuditEntry } from '@/domain/adminAudit'
import type { ArchivedRow } from '@/domain/adminFeedbackArchive'
import type { PersonInfo } from '@/domain/adminPeople'
import type { RpcResult } from './supabase'
import { parseAuditEntries } from '@/domain/adminAudit'
import { parseArchivedRows } from '@/domain/adminFeedbackArchive'
import { INDICATOR_FUNCTIONS } from '@/domain/adminIndicatorDocs'
import { parseIndicatorRows } from '@/domain/adminIndicators'
import { parsePeople, parseSearch, PEOPLE_BATCH } from '@/domain/adminPeople'
import { callRpc } from './supabase'

/** Why a read failed, in terms a screen can act on. */
export type AdminErrorKind = 'offline' | 'forbidden' | 'session' | 'invalid' | 'server'

export class AdminServiceError extends Error {
  constructor(readonly kind: AdminErrorKind, message: string, readonly code?: string) {
    super(message)
    this.name = 'AdminServiceError'
  }
}

function failure(result: RpcResult): AdminServiceError {
  const code = result.error?.code
  const message = result.error?.message ?? ''
  if (result.status === 0)
    return new AdminServiceError('offline', message, code)
  if (code === 'no_session' || code === 'session_unavailable' || result.status === 401)
    return new AdminServiceError('session', message, code)
  if (code === '42501' || result.status === 403)
    return new AdminServiceError('forbidden', message, code)
  // 22023: a refused argument (period); the server's French sentence is meant for users.
  if (code === '22023')
    return new AdminServiceError('invalid', message, code)
  return new AdminServiceError('server', message, code)
}

async function call(name: string, args: Record<string, unknown>, userId: string, signal?: AbortSignal): Promise<unknown> {
  const result = await callRpc(name, args, { asUser: userId, signal, timeoutMs: 60_000 })
  if (result.error || result.status >= 400 || result.status === 0)
    throw failure(result)
  return result.data
}

/** One indicator table for a period (docs/indicators.md). */
export async function fetchIndicators(set: IndicatorSet, period: Period, userId: string, signal?: AbortSignal): Promise<IndicatorRow[]> {
  const data = await call(INDICATOR_FUNCTIONS[set], { period_start: period.start, period_end: period.end }, userId, signal)
  return parseIndicatorRows(set, data)
}

export interface AuditQuery {
  /** Entries strictly before this instant (paging backwards); null = the latest. */
  before?: string | null
  limit?: number
  /** Only actions starting with this prefix, e.g. "invitation." or "profile.". */
  actionPrefix?: string | null
}

/** The audit log, newest first (coordinators only). */
export async function fetchAuditLog(userId: string, query: AuditQuery = {}, signal?: AbortSignal): Promise<AuditEntry[]> {
  const data = await call('admin_audit_log', {
    before: query.before ?? null,
    lim: query.limit ?? 50,
    action_prefix: query.actionPrefix ?? null,
  }, userId, signal)
  return parseAuditEntries(data)
}

/** Coordinators: accounts matching a name, email or phone, searched on the server (never stored). */
export async function searchAccounts(query: string, userId: string, signal?: AbortSignal): Promise<PersonRow[]> {
  return parseSearch(await call('admin_people_search', { query, lim: 50 }, userId, signal))
}

/** Coordinators: names and facts of these people (at most PEOPLE_BATCH ids a call). */
export async function fetchPeople(ids: readonly string[], userId: string, signal?: AbortSignal): Promise<PersonInfo[]> {
  const out: PersonInfo[] = []
  for (let i = 0; i < ids.length; i += PEOPLE_BATCH)
    out.push(...parsePeople(await call('admin_people', { ids: ids.slice(i, i + PEOPLE_BATCH) }, userId, signal)))
  return out
}

/** Coordinators: a page of the older answered and closed feedback (arguments from archiveArgs). */
export async function fetchFeedbackArchive(args: Record<string, unknown>, userId: string, signal?: AbortSignal): Promise<ArchivedRow[]> {
  return parseArchivedRows(await call('admin_feedback_archive', args, userId, signal))
}

/** Coordinators: one feedback item by id, in the device's window or not; null if there is none. */
export async function fetchFeedbackItem(id: string, userId: string, signal?: AbortSignal): Promise<ArchivedRow | null> {
  return parseArchivedRows(await call('admin_feedback_get', { id }, userId, signal))[0] ?? null
}

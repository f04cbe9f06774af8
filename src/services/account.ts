// Data rights over the RPC client: export everything the app holds about the signed-in
// person, and delete their account (public.account_export / public.account_delete,
// supabase/migrations/20261125001000_data_rights.sql). Both need the network.
import type { AccountExport } from '@/domain/export'
import type { RpcResult } from './supabase'
import { accountExportSchema } from '@/domain/export'
import { callRpc } from './supabase'

export type AccountFailure =
  | 'offline' // no answer: nothing happened on the server
  | 'session' // the session expired: sign in again first
  | 'forbidden' // e.g. a staff account, closed by a coordinator
  | 'failed'

export type AccountResult<T> = { ok: true, data: T } | { ok: false, error: AccountFailure, message?: string }

export interface DeletionSummary {
  deleted: true
  appointments_detached: number
  feedback_kept: number
  evaluations_kept: number
}

function failure(result: RpcResult | null): { ok: false, error: AccountFailure, message?: string } {
  if (!result || result.status === 0)
    return { ok: false, error: 'offline' }
  if (result.status === 401 || result.error?.code === 'no_session')
    return { ok: false, error: 'session' }
  if (result.status === 403)
    return { ok: false, error: 'forbidden', message: result.error?.message }
  return { ok: false, error: 'failed', message: result.error?.message }
}

const ok = (result: RpcResult) => !result.error && result.status >= 200 && result.status < 300

export async function exportAccount(userId: string): Promise<AccountResult<AccountExport>> {
  const result = await callRpc('account_export', {}, { asUser: userId, timeoutMs: 60_000 }).catch(() => null)
  if (!result || !ok(result))
    return failure(result)
  const parsed = accountExportSchema.safeParse(result.data)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: 'failed' }
}

/**
 * Deletes the account of `userId` (the server checks it is the caller's). `keepShared`: leave
 * feedback shared with the groupe ressource and submitted evaluations, without author.
 */
export async function deleteAccount(userId: string, keepShared: boolean): Promise<AccountResult<DeletionSummary>> {
  const result = await callRpc('account_delete', { confirm_user_id: userId, keep_shared: keepShared }, { asUser: userId, timeoutMs: 60_000 })
    .catch(() => null)
  if (!result || !ok(result))
    return failure(result)
  return { ok: true, data: result.data as DeletionSummary }
}

/**
 * Device data kept outside IndexedDB that concerns the person (checklists, notification
 * marks, favourites, caches): every `reperes.*` key but the device's own settings.
 */
const DEVICE_KEYS = new Set(['reperes.settings', 'reperes.device_id'])

export function forgetPersonalKeys(storage: Storage | undefined = typeof localStorage === 'undefined' ? undefined : localStorage): number {
  if (!storage)
    return 0
  const keys = Object.keys(storage).filter(k => k.startsWith('reperes.') && !DEVICE_KEYS.has(k))
  for (const k of keys)
    storage.removeItem(k)
  return keys.length
}

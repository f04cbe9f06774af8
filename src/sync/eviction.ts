// Browsers may silently delete a site's IndexedDB (storage pressure, Safari's
// 7-day rule). A sentinel row is written at the first sync; if it is gone
// while the server has received mutations from this device id, the local data
// (possibly including unsent writes) was cleared by the browser, and the user
// must be told rather than left believing everything was sent.
import type { SyncTransport } from './transport'
import type { ReperesDb } from '@/db/database'
import { counterKey } from './push'

export const SENTINEL_KEY = 'sentinel'

export interface EvictionContext {
  db: ReperesDb
  transport: SyncTransport
  userId: string
  deviceId: string
  signal?: AbortSignal
}

/** True when local data was evicted. Writes the sentinel either way. */
export async function checkEviction(ctx: EvictionContext): Promise<boolean> {
  const { db } = ctx
  if (await db.meta.get(SENTINEL_KEY))
    return false
  const { mutations_received } = await ctx.transport.stats(ctx.deviceId, ctx.signal)
  const local = Number((await db.meta.get(counterKey(ctx.userId)))?.value ?? 0)
  await db.meta.put({ key: SENTINEL_KEY, value: { device_id: ctx.deviceId, created_at: new Date().toISOString() } })
  return mutations_received > local
}

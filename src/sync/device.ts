// A random id for this browser profile, sent with pushes so the server can
// count what it received from this device (storage eviction check). Kept in
// IndexedDB and in localStorage: browsers evict IndexedDB under storage
// pressure, and the copy in localStorage lets us notice it happened.
import type { ReperesDb } from '@/db/database'

export const DEVICE_KEY = 'reperes.device_id'

function readLocal(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(DEVICE_KEY)
  }
  catch {
    return null
  }
}

function writeLocal(id: string): void {
  try {
    if (typeof localStorage !== 'undefined')
      localStorage.setItem(DEVICE_KEY, id)
  }
  catch {
    // Storage disabled: the IndexedDB copy is enough.
  }
}

export async function deviceId(db: ReperesDb): Promise<string> {
  const stored = await db.meta.get('device_id')
  const id = typeof stored?.value === 'string' ? stored.value : (readLocal() ?? crypto.randomUUID())
  if (!stored)
    await db.meta.put({ key: 'device_id', value: id })
  if (readLocal() !== id)
    writeLocal(id)
  return id
}

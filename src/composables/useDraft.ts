// A form saved as it is typed (the ODK Collect promise: nothing typed is lost). Each
// change is written to the device's `drafts` table within a few hundred milliseconds,
// and at once when the page is hidden (app switched, screen locked, tab closed).
// Drafts are personal: keyed by user, wiped at sign-out with the rest (sync/wipe.ts).
import type { MaybeRefOrGetter, Ref } from 'vue'
import type { ReperesDb } from '@/db/database'
import type { DraftRow } from '@/db/types'
import { useEventListener } from '@vueuse/core'
import { getCurrentScope, onScopeDispose, ref, toValue, watch } from 'vue'
import { loadDb } from '@/db/access'

/** At most this long between a keystroke and its draft on disk. */
export const DRAFT_DELAY_MS = 250

/** A plain copy: reactive proxies cannot be stored in IndexedDB. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

export async function saveDraft(db: ReperesDb, userId: string, key: string, value: unknown, now = new Date()): Promise<void> {
  await db.drafts.put({ user_id: userId, key, value: plain(value), saved_at: now.toISOString() })
}

export async function loadDraft(db: ReperesDb, userId: string, key: string): Promise<DraftRow | undefined> {
  return db.drafts.get([userId, key])
}

export async function deleteDraft(db: ReperesDb, userId: string, key: string): Promise<void> {
  await db.drafts.delete([userId, key])
}

export interface DraftOptions<T> {
  /** A form with nothing typed yet leaves no draft behind. */
  isEmpty?: (value: T) => boolean
  delayMs?: number
}

export interface DraftHandle<T> {
  /** The saved draft, if any (call before letting the form save). */
  restore: () => Promise<{ value: T, savedAt: string } | null>
  /** Starts saving on every change (after restore has had its chance). */
  start: () => void
  /** Writes any pending change now. */
  flush: () => Promise<void>
  /** Forgets the draft (after a successful save, or on request). */
  clear: () => Promise<void>
  savedAt: Ref<string | null>
  /** The last write failed (storage full, refused…): the form says so. */
  failed: Ref<boolean>
}

export function useDraft<T>(
  userId: MaybeRefOrGetter<string | null>,
  key: MaybeRefOrGetter<string>,
  source: () => T,
  options: DraftOptions<T> = {},
): DraftHandle<T> {
  const savedAt = ref<string | null>(null)
  const failed = ref(false)
  const delay = options.delayMs ?? DRAFT_DELAY_MS
  let timer: ReturnType<typeof setTimeout> | null = null
  let dirty = false
  let started = false
  let writing: Promise<void> = Promise.resolve()

  async function write() {
    const user = toValue(userId)
    if (!dirty || !user)
      return
    dirty = false
    const value = source()
    const db = await loadDb()
    try {
      if (options.isEmpty?.(value)) {
        await deleteDraft(db, user, toValue(key))
        savedAt.value = null
      }
      else {
        const now = new Date()
        await saveDraft(db, user, toValue(key), value, now)
        savedAt.value = now.toISOString()
      }
      failed.value = false
    }
    catch {
      failed.value = true
      dirty = true
    }
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    // Writes never overlap: the latest state always lands last.
    writing = writing.then(write, write)
    return writing
  }

  function schedule() {
    if (!started)
      return
    dirty = true
    // Not a debounce that restarts at every keystroke: someone typing without a pause
    // would have nothing saved. The first change starts the clock; the write takes
    // whatever has been typed by then.
    timer ??= setTimeout(() => void flush(), delay)
  }

  watch(source, schedule, { deep: true, flush: 'sync' })

  if (getCurrentScope()) {
    // Leaving the app or the page: write now, do not wait for the delay.
    useEventListener(typeof document === 'undefined' ? undefined : document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden')
        void flush()
    })
    useEventListener(typeof window === 'undefined' ? undefined : window, 'pagehide', () => void flush())
    onScopeDispose(() => void flush())
  }

  async function restore() {
    const user = toValue(userId)
    if (!user)
      return null
    const row = await loadDraft(await loadDb(), user, toValue(key))
    return row ? { value: row.value as T, savedAt: row.saved_at } : null
  }

  async function clear() {
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    dirty = false
    await writing
    const user = toValue(userId)
    if (user)
      await deleteDraft(await loadDb(), user, toValue(key))
    savedAt.value = null
  }

  return {
    restore,
    start: () => {
      started = true
    },
    flush,
    clear,
    savedAt,
    failed,
  }
}

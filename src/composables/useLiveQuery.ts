// A Vue ref that follows a Dexie query: it re-runs whenever a table the query
// read changes (in this tab or another) and whenever `deps` change. Dexie and
// the database are loaded lazily, so a component using this costs nothing
// on the first screen until it mounts.
import type { ShallowRef, WatchSource } from 'vue'
import type { ReperesDb } from '@/db/database'
import { onScopeDispose, shallowRef, watch } from 'vue'
import { loadDb } from '@/db/access'

export interface LiveQueryOptions<T> {
  initial?: T
  /** Errors of the query (the ref keeps its last good value). */
  onError?: (error: unknown) => void
}

export function useLiveQuery<T>(
  querier: (db: ReperesDb) => T | Promise<T>,
  deps: WatchSource[] = [],
  options: LiveQueryOptions<T> = {},
): Readonly<ShallowRef<T | undefined>> {
  const result = shallowRef<T | undefined>(options.initial)
  let subscription: { unsubscribe: () => void } | null = null
  let generation = 0

  async function subscribe() {
    const mine = ++generation
    subscription?.unsubscribe()
    subscription = null
    // The database first: it opens once the first screen is painted (db/access.ts),
    // and Dexie (≈ 30 KB) would otherwise be fetched before that paint, competing
    // with the screen's own code on a slow connection. live.ts shares its chunk.
    const db = await loadDb()
    const { liveQuery } = await import('@/db/live')
    // A newer subscription (deps changed) or disposal happened meanwhile.
    if (mine !== generation)
      return
    subscription = liveQuery(() => querier(db)).subscribe({
      next: (value) => {
        result.value = value
      },
      error: (error: unknown) => options.onError?.(error),
    })
  }

  watch(deps, () => void subscribe(), { immediate: true })
  onScopeDispose(() => {
    generation++
    subscription?.unsubscribe()
  })
  return result
}

// What a public-content screen needs from the sync layer: whether the device
// has ever received content, to tell "loading" from "offline before the first
// sync" from "nothing published".
import type { MaybeRefOrGetter } from 'vue'
import { computed, onMounted, toValue } from 'vue'
import { useSyncStore } from '@/stores/sync'

export type ContentState = 'loading' | 'waiting_network' | 'syncing' | 'empty' | 'ready'

/**
 * The state of a list read from the device. `rows` is undefined while the
 * local database is still being read.
 */
export function contentState(
  rows: readonly unknown[] | undefined,
  ctx: { online: boolean, everSynced: boolean, failing?: boolean },
): ContentState {
  if (rows === undefined)
    return 'loading'
  if (rows.length > 0)
    return 'ready'
  // Offline, or the server cannot be reached: content comes with the first connection.
  if (!ctx.online || ctx.failing)
    return 'waiting_network'
  return ctx.everSynced ? 'empty' : 'syncing'
}

export function useContentSync(rows: MaybeRefOrGetter<readonly unknown[] | undefined>) {
  const sync = useSyncStore()

  // The session itself starts when a screen first reads the database (see
  // auth.autoStart); binding only follows its state (last sync, network).
  onMounted(() => void sync.bind())

  const state = computed(() => contentState(toValue(rows), {
    online: sync.online,
    everSynced: sync.lastSyncAt !== null,
    failing: sync.phase === 'offline' || sync.phase === 'retrying',
  }))
  return { state }
}

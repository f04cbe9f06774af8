import type { MaybeRefOrGetter } from 'vue'
import type { InboxFilter, InboxItem } from '@/domain/adminFeedback'
import type { ArchiveCursor, ArchivedRow } from '@/domain/adminFeedbackArchive'
import type { AdminErrorKind } from '@/services/admin'
import { computed, ref, shallowRef, toValue, watch } from 'vue'
import { archiveArgs, archiveCovers, nextCursor, toArchivedItems } from '@/domain/adminFeedbackArchive'
import { AdminServiceError, fetchFeedbackArchive } from '@/services/admin'

/** idle: not asked yet; more: a page shown, others left; done: nothing left. */
export type ArchiveState = 'idle' | 'loading' | 'more' | 'done'

export interface FeedbackArchiveOptions {
  /** Ids the device holds (shown in the inbox's own list, not twice). */
  held: MaybeRefOrGetter<ReadonlySet<string>>
  /** Told of every page read, so an item opened from it needs no second request. */
  remember?: (rows: readonly ArchivedRow[]) => void
}

/**
 * The inbox's older items, read from the server page by page on request (they are
 * not on the device: answered or closed, unchanged for 90 days). Another filter or
 * user starts again from nothing; an answer to an older filter is dropped. Pages
 * live in memory only.
 */
export function useFeedbackArchive(filter: MaybeRefOrGetter<InboxFilter>, userId: MaybeRefOrGetter<string | null>, options: FeedbackArchiveOptions) {
  const rows = shallowRef<ArchivedRow[]>([])
  const state = ref<ArchiveState>('idle')
  const error = ref<AdminErrorKind | null>(null)
  let cursor: ArchiveCursor | null = null
  let controller: AbortController | null = null

  const covers = computed(() => archiveCovers(toValue(filter)))
  const items = computed<InboxItem[]>(() => {
    const held = toValue(options.held)
    return toArchivedItems(rows.value).filter(i => !held.has(i.id))
  })

  function reset() {
    controller?.abort()
    controller = null
    rows.value = []
    cursor = null
    state.value = 'idle'
    error.value = null
  }
  watch(() => [JSON.stringify(toValue(filter)), toValue(userId)], reset)

  /** Reads the next page; returns the index (in `items`) of its first item. */
  async function loadMore(): Promise<number> {
    const user = toValue(userId)
    const args = archiveArgs(toValue(filter), cursor)
    const first = items.value.length
    if (!user || !args || state.value === 'loading' || state.value === 'done')
      return first
    const mine = new AbortController()
    controller = mine
    state.value = 'loading'
    error.value = null
    try {
      const page = await fetchFeedbackArchive(args, user, mine.signal)
      if (controller !== mine)
        return first
      options.remember?.(page)
      rows.value = [...rows.value, ...page]
      cursor = nextCursor(page)
      state.value = cursor ? 'more' : 'done'
    }
    catch (e) {
      if (controller !== mine)
        return first
      error.value = e instanceof AdminServiceError ? e.kind : 'server'
      state.value = rows.value.length ? 'more' : 'idle'
    }
    return first
  }

  return { covers, items, state, error, loadMore }
}

// A long list read page by page (the feedback inbox: every item still waiting
// and those changed in the last 90 days, thousands at Paris scale). Rendering them all at once
// would freeze the screen for seconds; a reader goes through the top of a
// filtered list, and asks for more.
import type { MaybeRefOrGetter, WatchSource } from 'vue'
import { computed, ref, toValue, watch } from 'vue'

export function usePagedList<T>(items: MaybeRefOrGetter<readonly T[]>, pageSize: number, resetOn?: WatchSource) {
  const limit = ref(pageSize)
  // Another filter is another list: it starts again at its top.
  if (resetOn)
    watch(resetOn, () => (limit.value = pageSize))

  const visible = computed(() => toValue(items).slice(0, limit.value))
  const remaining = computed(() => Math.max(0, toValue(items).length - limit.value))
  /** How many the next page adds. */
  const next = computed(() => Math.min(pageSize, remaining.value))

  /** Shows the next page; returns the index of its first item. */
  function showMore(): number {
    const first = limit.value
    limit.value += pageSize
    return first
  }
  return { visible, remaining, next, showMore }
}

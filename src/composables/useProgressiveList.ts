// Long lists (the structures directory, the catalogue) render their first
// items at once and the rest in small batches when the browser is idle, so
// opening the screen never blocks the main thread on a slow phone.
import type { MaybeRefOrGetter } from 'vue'
import { computed, onScopeDispose, ref, toValue, watch } from 'vue'

export interface ProgressiveOptions {
  /** Items rendered at once (enough to fill a screen). */
  initial?: number
  /** Items added per idle period. */
  step?: number
}

type Handle = { idle: number } | { timeout: ReturnType<typeof setTimeout> }

function whenIdle(fn: () => void): Handle {
  if (typeof requestIdleCallback === 'function')
    return { idle: requestIdleCallback(fn, { timeout: 200 }) }
  return { timeout: setTimeout(fn, 16) }
}

function cancel(handle: Handle | null) {
  if (!handle)
    return
  if ('idle' in handle)
    cancelIdleCallback(handle.idle)
  else
    clearTimeout(handle.timeout)
}

export function useProgressiveList<T>(items: MaybeRefOrGetter<readonly T[]>, options: ProgressiveOptions = {}) {
  const { initial = 8, step = 8 } = options
  const limit = ref(initial)
  let handle: Handle | null = null

  function grow() {
    handle = null
    const total = toValue(items).length
    if (limit.value >= total)
      return
    limit.value = Math.min(total, limit.value + step)
    if (limit.value < total)
      handle = whenIdle(grow)
  }

  // The limit only grows: a list that changes (a sync, a filter) never
  // shrinks under the reader's eyes.
  watch(() => toValue(items).length, () => {
    if (!handle)
      handle = whenIdle(grow)
  }, { immediate: true })
  onScopeDispose(() => cancel(handle))

  const visible = computed(() => toValue(items).slice(0, limit.value))
  const complete = computed(() => limit.value >= toValue(items).length)
  return { visible, complete }
}

import type { MaybeRefOrGetter } from 'vue'
import type { PersonRow } from '@/domain/adminAccounts'
import { watchDebounced } from '@vueuse/core'
import { ref, shallowRef, toValue, watch } from 'vue'
import { searchable } from '@/domain/adminPeople'
import { searchAccounts } from '@/services/admin'
import { useOnline } from '@/composables/useOnline'

export type AccountSearchState = 'idle' | 'searching' | 'done' | 'offline' | 'error'

/** Waits for typing to pause before asking the server. */
export const SEARCH_DEBOUNCE_MS = 300

/**
 * The accounts screen's search among people the device does not hold (a
 * coordinator's device syncs the staff only): asks the server after typing
 * pauses, drops answers to an older query, and asks again after each sync
 * (`refresh`), so a role just changed shows as the server now has it.
 * Results live in memory only.
 */
export function useAccountSearch(query: MaybeRefOrGetter<string>, userId: MaybeRefOrGetter<string | null>, refresh?: MaybeRefOrGetter<unknown>) {
  const online = useOnline()
  const found = shallowRef<PersonRow[]>([])
  const state = ref<AccountSearchState>('idle')
  let controller: AbortController | null = null

  async function run() {
    controller?.abort()
    const q = toValue(query).trim()
    const user = toValue(userId)
    if (!user || !searchable(q)) {
      found.value = []
      state.value = 'idle'
      return
    }
    if (!online.value) {
      found.value = []
      state.value = 'offline'
      return
    }
    const mine = new AbortController()
    controller = mine
    state.value = 'searching'
    try {
      const rows = await searchAccounts(q, user, mine.signal)
      if (controller !== mine)
        return
      found.value = rows
      state.value = 'done'
    }
    catch (error) {
      if (controller !== mine)
        return
      const offline = error instanceof Error && 'kind' in error && error.kind === 'offline'
      state.value = offline ? 'offline' : 'error'
    }
  }

  watchDebounced(() => [toValue(query), toValue(userId)], run, { debounce: SEARCH_DEBOUNCE_MS })
  // Back online, or a sync brought changes: the answer may have changed.
  watch(() => [online.value, toValue(refresh)], () => {
    if (state.value !== 'idle')
      void run()
  })

  return { found, state, run }
}

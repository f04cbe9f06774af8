// Whether the browser says it is online, following its online/offline events.
//
// vueuse's useOnline is built on its useNetwork, which also reads
// navigator.connection (creating the browser's network-information object)
// and listens to its changes, on every call: the sync store and the header's
// indicator call it during the first render of every page, for a value they
// never read.
import type { Ref } from 'vue'
import { useEventListener } from '@vueuse/core'
import { readonly, shallowRef } from 'vue'

export function useOnline(): Readonly<Ref<boolean>> {
  const online = shallowRef(typeof navigator === 'undefined' ? true : navigator.onLine)
  const options = { passive: true }
  useEventListener(window, 'online', () => (online.value = true), options)
  useEventListener(window, 'offline', () => (online.value = false), options)
  return readonly(online)
}

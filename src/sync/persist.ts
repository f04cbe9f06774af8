// Asks the browser once (after the first sign-in on this device) to keep our
// storage out of automatic eviction; the outbox lives in IndexedDB and an
// eviction would take unsent writes with it.
const ASKED_KEY = 'reperes.persist_requested'

export async function requestPersistentStorage(): Promise<boolean | null> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist)
      return null
    if (typeof localStorage !== 'undefined' && localStorage.getItem(ASKED_KEY))
      return null
    if (typeof localStorage !== 'undefined')
      localStorage.setItem(ASKED_KEY, new Date().toISOString())
    if (await navigator.storage.persisted?.())
      return true
    return await navigator.storage.persist()
  }
  catch {
    return null
  }
}

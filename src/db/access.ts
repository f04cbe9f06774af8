// The app's single database connection, loaded on first use so that Dexie
// stays out of the first screen's bundle (only `import type` elsewhere).
import type { ReperesDb } from './database'
import { whenFirstScreenShown } from '@/services/firstScreen'

type Listener = () => void

let instance: Promise<ReperesDb> | null = null
const versionChangeListeners = new Set<Listener>()
const firstUseListeners = new Set<Listener>()

export function loadDb(): Promise<ReperesDb> {
  if (!instance) {
    // The first screen that reads data is also the moment to start syncing it.
    queueMicrotask(() => firstUseListeners.forEach(fn => fn()))
    firstUseListeners.clear()
  }
  // Opened once the first screen is painted: a screen shows its frame and words
  // first, then what the device holds.
  instance ??= whenFirstScreenShown().then(() => import('./database')).then(({ ReperesDb }) =>
    new ReperesDb(undefined, { onVersionChange: () => versionChangeListeners.forEach(fn => fn()) }))
  return instance
}

/** Called when a newer version of the app upgraded the database in another tab. */
export function onDbVersionChange(listener: Listener): () => void {
  versionChangeListeners.add(listener)
  return () => versionChangeListeners.delete(listener)
}

/** Runs `listener` when something first needs the database (now, if it already did). */
export function onFirstDbUse(listener: Listener): void {
  if (instance)
    listener()
  else
    firstUseListeners.add(listener)
}

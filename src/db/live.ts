// Dexie's reactive queries, re-exported so composables outside src/db can
// load them lazily (dynamic import) without importing Dexie themselves.
export { liveQuery } from 'dexie'

// Every unit test gets a fresh, real IndexedDB implementation in memory.
import 'fake-indexeddb/auto'

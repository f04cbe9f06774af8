// Every unit test gets a fresh, real IndexedDB implementation in memory.
import 'fake-indexeddb/auto'

// Components under test read their screens' words: load them as the router would.
const { loadScreenMessages } = await import('@/modules/i18n')
await loadScreenMessages('fr', ['public', 'screens', 'staff'])

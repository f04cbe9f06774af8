// The public screens a first visit may open on: each gets its own page that
// preloads its code and words (vite/routePreload.ts). The words are the source
// language's groups that the route waits for (src/modules/router.ts,
// messageGroups); a unit test holds the two lists together.
const PUBLIC_WORDS = 'locales/public/fr.json'
const SCREEN_WORDS = 'locales/screens/fr.json'

export const PRELOADED_PAGES: Record<string, string[]> = {
  '/livret': ['src/views/public/BookletView.vue', PUBLIC_WORDS],
  '/prestations': ['src/views/public/PrestationsView.vue', PUBLIC_WORDS],
  '/prestations/evenements': ['src/views/public/EventsView.vue', PUBLIC_WORDS],
  '/structures': ['src/views/public/StructuresView.vue', PUBLIC_WORDS],
  '/connexion': ['src/views/public/SignInView.vue', SCREEN_WORDS],
}

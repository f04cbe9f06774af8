// First: imports run in order, and zod reads this setting when schemas are built.
import './modules/zodConfig'
import { createApp, watch } from 'vue'
import App from './App.vue'
import { i18n, loadLocale, loadScreenMessages } from './modules/i18n'
import { pinia } from './modules/pinia'
import { appRouter, pageTitle } from './modules/router'
import { holdUntilFirstScreen, nextTask, screenAtHand } from './services/firstScreen'
import { hasStoredSession } from './services/storageKeys'
import { useAuthStore } from './stores/auth'
import { useSettingsStore } from './stores/settings'

/** The longest the shell waits for a screen said to be at hand (a slow or failing fetch). */
const SCREEN_WAIT_MS = 1_500

async function start() {
  const firstScreenShown = holdUntilFirstScreen()
  // The router is built in a task of its own, not at the end of the modules'
  // evaluation, a task long enough already (src/modules/router.ts).
  await nextTask()
  const router = appRouter()
  const app = createApp(App).use(pinia).use(i18n).use(router)
  const settings = useSettingsStore()
  // Load the chosen language before mounting so the first paint is in it.
  await loadLocale(settings.locale)
  watch(() => settings.locale, async (locale) => {
    await loadLocale(locale)
    document.title = pageTitle(router.currentRoute.value.meta.titleKey)
  })
  // When the screen's code is at hand (preloaded by the page, or in the service
  // worker's cache), shell and screen render together, within a bound (in
  // consecutive tasks: App.vue renders its parts one task apart). Otherwise
  // the shell (header, navigation) paints at once, and the screen fills <main>
  // when its chunk and words arrive, instead of the whole page waiting for them.
  if (screenAtHand())
    await Promise.race([router.isReady().catch(() => {}), new Promise(resolve => setTimeout(resolve, SCREEN_WAIT_MS))])
  app.mount('#app')
  await router.isReady().finally(firstScreenShown)
  // A signed-in device fetches its screens' words once the first screen is
  // painted: those screens are a tap away. A visitor's next screen fetches its
  // words with its code (router.ts): fetched now, they would be evaluated and
  // handed to vue-i18n, re-rendering the page, while it starts up.
  if (hasStoredSession())
    setTimeout(() => void loadScreenMessages(settings.locale).catch(() => {}), 0)
  // Starts the sync session at once on a signed-in device, otherwise when a
  // screen first reads data or shortly after load: the first screen stays small.
  useAuthStore().autoStart()
}

void start()

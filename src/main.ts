// First: imports run in order, and zod reads this setting when schemas are built.
import './modules/zodConfig'
import { createApp, watch } from 'vue'
import App from './App.vue'
import { i18n, loadLocale, loadScreenMessages } from './modules/i18n'
import { pinia } from './modules/pinia'
import { pageTitle, router } from './modules/router'
import { holdUntilFirstScreen } from './services/firstScreen'
import { useAuthStore } from './stores/auth'
import { useSettingsStore } from './stores/settings'

async function start() {
  const firstScreenShown = holdUntilFirstScreen()
  const app = createApp(App).use(pinia).use(i18n).use(router)
  const settings = useSettingsStore()
  // Load the chosen language before mounting so the first paint is in it.
  await loadLocale(settings.locale)
  watch(() => settings.locale, async (locale) => {
    await loadLocale(locale)
    document.title = pageTitle(router.currentRoute.value.meta.titleKey)
  })
  // The shell (header, navigation) paints at once; a lazy screen fills <main>
  // when its chunk and words arrive, instead of the whole page waiting for them.
  app.mount('#app')
  await router.isReady().finally(firstScreenShown)
  // The other screens' words, once the first screen is painted.
  setTimeout(() => void loadScreenMessages(settings.locale).catch(() => {}), 0)
  // Starts the sync session at once on a signed-in device, otherwise when a
  // screen first reads data or shortly after load: the first screen stays small.
  useAuthStore().autoStart()
}

void start()

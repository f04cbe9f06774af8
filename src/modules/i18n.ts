import type { Locale } from '@/domain/locale'
import { createI18n } from 'vue-i18n'
import fr from '../../locales/fr.json'
import { directionOf, SOURCE_LOCALE } from '@/domain/locale'

// Precompiled message functions (see vite.config.ts), per namespace.
type Messages = Record<string, unknown>
type Loader = () => Promise<{ default: Messages }>

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: SOURCE_LOCALE,
  fallbackLocale: SOURCE_LOCALE,
  messages: { fr } as unknown as Record<Locale, Messages>,
  missingWarn: false,
  fallbackWarn: false,
})

// The first screen ships only the French shell messages (locales/fr.json).
// Other languages' shell messages, and every language's screen messages
// (locales/screens/), are separate chunks fetched when needed and precached
// by the service worker.
const coreLoaders: Record<Exclude<Locale, 'fr'>, Loader> = {
  en: () => import('../../locales/en.json'),
  ar: () => import('../../locales/ar.json'),
}
const screenLoaders: Record<Locale, Loader> = {
  fr: () => import('../../locales/screens/fr.json'),
  en: () => import('../../locales/screens/en.json'),
  ar: () => import('../../locales/screens/ar.json'),
}
const screensLoaded = new Map<Locale, Promise<void>>()

/** Screen messages of a locale (and of French, the fallback), loaded once. */
export function loadScreenMessages(locale: Locale): Promise<void> {
  const wanted = locale === SOURCE_LOCALE ? [locale] : [SOURCE_LOCALE, locale]
  return Promise.all(wanted.map((l) => {
    let loading = screensLoaded.get(l)
    if (!loading) {
      loading = screenLoaders[l]().then(messages => i18n.global.mergeLocaleMessage(l, messages.default))
      screensLoaded.set(l, loading)
      // A failed fetch (offline before the chunk was cached) may be retried.
      loading.catch(() => screensLoaded.delete(l))
    }
    return loading
  })).then(() => undefined)
}

export async function loadLocale(locale: Locale): Promise<void> {
  if (locale !== 'fr' && !i18n.global.availableLocales.includes(locale)) {
    const messages = await coreLoaders[locale]()
    i18n.global.mergeLocaleMessage(locale, messages.default)
  }
  // At start-up (nothing loaded yet) screen messages are not awaited: the shell
  // paints without them, the router waits for them before any other screen,
  // and main.ts fetches them once the first screen is up. Once screens are on
  // display, a language switch waits for them so no text stays in French.
  if (screensLoaded.size > 0)
    await loadScreenMessages(locale).catch(() => {})
  i18n.global.locale.value = locale
  const html = document.documentElement
  html.lang = locale
  html.dir = directionOf(locale)
}

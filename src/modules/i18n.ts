import type { Locale } from '@/domain/locale'
import { createI18n } from 'vue-i18n'
import fr from '../../locales/fr.json'
import { directionOf, SOURCE_LOCALE } from '@/domain/locale'

type Messages = typeof fr

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: SOURCE_LOCALE,
  fallbackLocale: SOURCE_LOCALE,
  messages: { fr } as Record<Locale, Messages>,
  missingWarn: false,
  fallbackWarn: false,
})

// Non-source locales are separate chunks, fetched (and precached by the
// service worker) only when chosen, to keep the first screen small.
const loaders: Record<Exclude<Locale, 'fr'>, () => Promise<{ default: Messages }>> = {
  en: () => import('../../locales/en.json'),
  ar: () => import('../../locales/ar.json'),
}

export async function loadLocale(locale: Locale): Promise<void> {
  if (locale !== 'fr' && !i18n.global.availableLocales.includes(locale)) {
    const messages = await loaders[locale]()
    i18n.global.setLocaleMessage(locale, messages.default)
  }
  i18n.global.locale.value = locale
  const html = document.documentElement
  html.lang = locale
  html.dir = directionOf(locale)
}

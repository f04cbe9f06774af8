import type { Locale } from '@/domain/locale'
import { toRaw } from 'vue'
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
// Other languages' shell messages, and every language's screen messages, are
// separate chunks fetched when needed and precached by the service worker:
// "public" (the public content screens: booklet, catalogue, structures, offers;
// locales/public/), "screens" (the other public and allocataire screens,
// locales/screens/) and "staff" (the professionals' screens, locales/staff/).
// A first visit to the booklet fetches only the public words, and an
// allocataire's phone never downloads the back office's.
const coreLoaders: Record<Exclude<Locale, 'fr'>, Loader> = {
  en: () => import('../../locales/en.json'),
  ar: () => import('../../locales/ar.json'),
}
export type MessageGroup = 'public' | 'screens' | 'staff'
/** Every group but the professionals': what an allocataire's screens may need. */
export const SCREEN_GROUPS: MessageGroup[] = ['public', 'screens']
const groupLoaders: Record<MessageGroup, Record<Locale, Loader>> = {
  public: {
    fr: () => import('../../locales/public/fr.json'),
    en: () => import('../../locales/public/en.json'),
    ar: () => import('../../locales/public/ar.json'),
  },
  screens: {
    fr: () => import('../../locales/screens/fr.json'),
    en: () => import('../../locales/screens/en.json'),
    ar: () => import('../../locales/screens/ar.json'),
  },
  staff: {
    fr: () => import('../../locales/staff/fr.json'),
    en: () => import('../../locales/staff/en.json'),
    ar: () => import('../../locales/staff/ar.json'),
  },
}
/**
 * `into` with `from`'s messages added, namespaces merged key by key; neither
 * is changed, and the subtrees only one of them has are shared, not copied.
 */
export function mergeMessages(into: Messages, from: Messages): Messages {
  const out: Messages = { ...into }
  for (const [key, value] of Object.entries(from)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype')
      continue
    const current = out[key]
    out[key] = isNamespace(current) && isNamespace(value) ? mergeMessages(current, value) : value
  }
  return out
}
const isNamespace = (value: unknown): value is Messages => typeof value === 'object' && value !== null && !Array.isArray(value)

// vue-i18n's mergeLocaleMessage copies every message, one by one, into its
// reactive store: ≈ 25 ms for the screens' words on a cheap phone, in the
// middle of the first screen. Merging the plain objects and handing over the
// result in one assignment costs a fraction of that (the store makes its
// reactive views lazily, when a message is read).
function addMessages(locale: Locale, messages: Messages): void {
  const current = toRaw(i18n.global.getLocaleMessage(locale)) as Messages
  i18n.global.setLocaleMessage(locale, mergeMessages(current, messages))
}

const loaded = new Map<string, Promise<void>>()
/** Groups asked for so far: a language switch loads the same ones. */
const groupsInUse = new Set<MessageGroup>()

/**
 * Screen messages of a locale, loaded once per group. French is not fetched
 * as a fallback for another language: check:i18n guarantees every key exists
 * in every locale, and the extra chunk would delay the screen.
 */
export function loadScreenMessages(locale: Locale, groups: MessageGroup[] = SCREEN_GROUPS): Promise<void> {
  return Promise.all(groups.map((group) => {
    groupsInUse.add(group)
    const key = `${group}:${locale}`
    let loading = loaded.get(key)
    if (!loading) {
      loading = groupLoaders[group][locale]().then(messages => addMessages(locale, messages.default))
      loaded.set(key, loading)
      // A failed fetch (offline before the chunk was cached) may be retried.
      loading.catch(() => loaded.delete(key))
    }
    return loading
  })).then(() => undefined)
}

// The language being switched to, set before anything is awaited: the router's
// first navigation starts while main.ts is still loading that language, and
// must fetch the screen messages of the language the screen will be shown in.
let wanted: Locale = SOURCE_LOCALE
export const wantedLocale = (): Locale => wanted

export async function loadLocale(locale: Locale): Promise<void> {
  wanted = locale
  if (locale !== 'fr' && !i18n.global.availableLocales.includes(locale)) {
    const messages = await coreLoaders[locale]()
    addMessages(locale, messages.default)
  }
  // At start-up (nothing loaded yet) screen messages are not awaited: the shell
  // paints without them, the router waits for them before any other screen,
  // and main.ts fetches them once the first screen is up. Once screens are on
  // display, a language switch waits for them so no text stays in French.
  if (groupsInUse.size > 0)
    await loadScreenMessages(locale, [...groupsInUse]).catch(() => {})
  i18n.global.locale.value = locale
  const html = document.documentElement
  html.lang = locale
  html.dir = directionOf(locale)
}

import type { Locale } from '@/domain/locale'
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { isLocale, pickLocale } from '@/domain/locale'

export const TEXT_SCALE_MIN = 100
export const TEXT_SCALE_MAX = 200
export const TEXT_SCALE_STEP = 25
const LARGE_TEXT_FROM = 150

const STORAGE_KEY = 'reperes.settings'

interface StoredSettings {
  locale?: string
  textScale?: number
}

function read(): StoredSettings {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as StoredSettings
  }
  catch {
    return {}
  }
}

export function clampTextScale(value: number): number {
  if (!Number.isFinite(value))
    return TEXT_SCALE_MIN
  return Math.min(TEXT_SCALE_MAX, Math.max(TEXT_SCALE_MIN, Math.round(value)))
}

/**
 * Device preferences that are not personal data: language and text size.
 * They live in localStorage (not IndexedDB) because they must apply before
 * the first paint and survive sign-out.
 */
export const useSettingsStore = defineStore('settings', () => {
  const stored = read()
  const locale = ref<Locale>(isLocale(stored.locale) ? stored.locale : pickLocale(navigator.languages ?? []))
  const textScale = ref(clampTextScale(stored.textScale ?? TEXT_SCALE_MIN))

  watch([locale, textScale], () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ locale: locale.value, textScale: textScale.value }))
  })

  watch(textScale, (value) => {
    document.documentElement.style.fontSize = `${value}%`
    // Sticky bars would cover most of a small screen at large text sizes.
    document.documentElement.toggleAttribute('data-large-text', value >= LARGE_TEXT_FROM)
  }, { immediate: true })

  function setTextScale(value: number) {
    textScale.value = clampTextScale(value)
  }

  return { locale, textScale, setTextScale }
})

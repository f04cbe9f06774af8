import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { clampTextScale, useSettingsStore } from '@/stores/settings'

describe('settings store', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('clamps the text size between 100 and 200 %', () => {
    expect(clampTextScale(50)).toBe(100)
    expect(clampTextScale(260)).toBe(200)
    expect(clampTextScale(Number.NaN)).toBe(100)
    expect(clampTextScale(150)).toBe(150)
  })

  it('applies the text size to the root element and persists it with the locale', async () => {
    const settings = useSettingsStore()
    settings.setTextScale(175)
    settings.locale = 'ar'
    await nextTick()
    expect(document.documentElement.style.fontSize).toBe('175%')
    expect(JSON.parse(localStorage.getItem('reperes.settings')!)).toEqual({ locale: 'ar', textScale: 175 })

    setActivePinia(createPinia())
    const again = useSettingsStore()
    expect(again.locale).toBe('ar')
    expect(again.textScale).toBe(175)
  })

  it('ignores a corrupted stored value', () => {
    localStorage.setItem('reperes.settings', '{not json')
    const settings = useSettingsStore()
    expect(settings.textScale).toBe(100)
  })
})

import { describe, expect, it } from 'vitest'
import { directionOf, isLocale, pickLocale } from '@/domain/locale'
import { i18n, loadLocale } from '@/modules/i18n'

describe('locale helpers', () => {
  it('picks the first supported browser language, by base tag', () => {
    expect(pickLocale(['de-DE', 'ar-MA', 'fr'])).toBe('ar')
    expect(pickLocale(['en-GB'])).toBe('en')
    expect(pickLocale(['de', 'es'])).toBe('fr')
    expect(pickLocale([])).toBe('fr')
  })

  it('knows which locales are right-to-left', () => {
    expect(directionOf('ar')).toBe('rtl')
    expect(directionOf('fr')).toBe('ltr')
    expect(directionOf('en')).toBe('ltr')
  })

  it('rejects unknown locale codes', () => {
    expect(isLocale('ar')).toBe(true)
    expect(isLocale('xx')).toBe(false)
    expect(isLocale(undefined)).toBe(false)
  })
})

describe('loadLocale', () => {
  it('loads Arabic lazily and flips the document direction', async () => {
    await loadLocale('ar')
    expect(document.documentElement.lang).toBe('ar')
    expect(document.documentElement.dir).toBe('rtl')
    expect(i18n.global.t('nav.home')).toBe('الرئيسية')
    await loadLocale('fr')
    expect(document.documentElement.dir).toBe('ltr')
    expect(i18n.global.t('nav.home')).toBe('Accueil')
  })
})

// Which words a screen waits for: the professionals' screens are a separate
// chunk that an allocataire's phone never downloads, and a language switch
// must translate every group already on display.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { i18n, loadLocale } from '@/modules/i18n'
import { messageGroups, router } from '@/modules/router'

// The raw texts (a JSON import would give the precompiled messages).
const raw = (path: string) => JSON.parse(readFileSync(`locales/${path}`, 'utf8'))
const enScreens = raw('screens/en.json')
const [frStaff, enStaff, arStaff] = ['fr', 'en', 'ar'].map(l => raw(`staff/${l}.json`))

describe('screen message groups', () => {
  it('gives public and allocataire screens the screens group only', () => {
    for (const path of ['/livret', '/prestations', '/structures', '/rendez-vous', '/avis', '/compte'])
      expect(messageGroups(router.resolve(path)), path).toEqual(['screens'])
  })

  it('adds the staff group to every professional screen', () => {
    for (const path of ['/admin', '/terrain', '/suivi', '/groupe', '/terrain/contacts'])
      expect(messageGroups(router.resolve(path)), path).toEqual(['screens', 'staff'])
  })

  it('translates staff and screen words when the language changes in place', async () => {
    await loadLocale('en')
    expect(i18n.global.t('outreach.pages.contacts')).toBe(enStaff.outreach.pages.contacts)
    expect(i18n.global.t('booklet.toc.title')).toBe(enScreens.booklet.toc.title)
    await loadLocale('ar')
    expect(i18n.global.t('outreach.pages.contacts')).toBe(arStaff.outreach.pages.contacts)
    await loadLocale('fr')
    expect(i18n.global.t('outreach.pages.contacts')).toBe(frStaff.outreach.pages.contacts)
  })
})

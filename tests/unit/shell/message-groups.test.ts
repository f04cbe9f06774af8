// Which words a screen waits for: the public content screens need only the
// public words, the professionals' screens are a separate chunk that an
// allocataire's phone never downloads, and a language switch must translate
// every group already on display.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { i18n, loadLocale, mergeMessages } from '@/modules/i18n'
import { appRouter, messageGroups } from '@/modules/router'

const router = appRouter()

// The raw texts (a JSON import would give the precompiled messages).
const raw = (path: string) => JSON.parse(readFileSync(`locales/${path}`, 'utf8'))
const enPublic = raw('public/en.json')
const enScreens = raw('screens/en.json')
const [frStaff, enStaff, arStaff] = ['fr', 'en', 'ar'].map(l => raw(`staff/${l}.json`))

describe('screen message groups', () => {
  it('gives the public content screens the public words only', () => {
    for (const path of ['/livret', '/prestations', '/prestations/evenements', '/prestations/propositions', '/prestations/p1', '/structures', '/structures/s1'])
      expect(messageGroups(router.resolve(path)), path).toEqual(['public'])
    expect(messageGroups(router.resolve('/connexion'))).toEqual(['screens'])
  })

  it('gives the other public and allocataire screens the public and screen words', () => {
    for (const path of ['/rendez-vous', '/rendez-vous/a1', '/avis', '/avis/nouveau', '/compte', '/page-inconnue'])
      expect(messageGroups(router.resolve(path)), path).toEqual(['public', 'screens'])
  })

  it('adds the staff group to every professional screen', () => {
    for (const path of ['/admin', '/terrain', '/suivi', '/groupe', '/terrain/contacts'])
      expect(messageGroups(router.resolve(path)), path).toEqual(['public', 'screens', 'staff'])
  })

  it('translates staff and screen words when the language changes in place', async () => {
    await loadLocale('en')
    expect(i18n.global.t('outreach.pages.contacts')).toBe(enStaff.outreach.pages.contacts)
    expect(i18n.global.t('booklet.toc.title')).toBe(enPublic.booklet.toc.title)
    expect(i18n.global.t('auth.sign_out')).toBe(enScreens.auth.sign_out)
    await loadLocale('ar')
    expect(i18n.global.t('outreach.pages.contacts')).toBe(arStaff.outreach.pages.contacts)
    await loadLocale('fr')
    expect(i18n.global.t('outreach.pages.contacts')).toBe(frStaff.outreach.pages.contacts)
  })

  it('merges message groups namespace by namespace, changing neither side', () => {
    const shell = { app: { name: 'Repères', nav: { home: 'Accueil' } }, common: { ok: 'OK' } }
    const screens = { app: { nav: { booklet: 'Livret' } }, booklet: { title: 'Livret' } }
    const merged = mergeMessages(shell, screens)
    expect(merged).toEqual({ app: { name: 'Repères', nav: { home: 'Accueil', booklet: 'Livret' } }, common: { ok: 'OK' }, booklet: { title: 'Livret' } })
    expect(shell.app.nav).toEqual({ home: 'Accueil' })
    expect(merged.common).toBe(shell.common)
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "x": "y"}')
    expect(mergeMessages({}, hostile)).toEqual({ x: 'y' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps the shell\'s words once a screen group is loaded', async () => {
    await loadLocale('fr')
    const shell = i18n.global.t('app.name')
    await loadLocale('en')
    expect(i18n.global.t('booklet.toc.title')).toBe(enPublic.booklet.toc.title)
    expect(i18n.global.t('app.name')).toBe(raw('en.json').app.name)
    await loadLocale('fr')
    expect(i18n.global.t('app.name')).toBe(shell)
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { BOOKLET_STORAGE_KEY, useBookletStore } from '@/stores/booklet'
import { useSettingsStore } from '@/stores/settings'
import { section, SECTIONS } from '../booklet/fixtures'
import { freshPinia, putRows, resetAll, until } from './helpers'

beforeEach(async () => {
  await resetAll()
  await putRows('booklet_sections', SECTIONS)
})

function stored() {
  return JSON.parse(localStorage.getItem(BOOKLET_STORAGE_KEY) ?? '{}')
}

describe('booklet store', () => {
  it('shows the published sections in the reader’s language and variant, in order', async () => {
    const booklet = useBookletStore()
    await until(() => expect(booklet.loaded).toBe(true))
    expect(booklet.toc.map(e => e.slug)).toEqual(['rsa', 'droits-devoirs', 'changer-referent', 'contacts'])
    expect(booklet.sections[0]!.title).toBe('Le RSA, c’est quoi ?')
    // Newest revision of a section wins.
    expect(booklet.sections[1]!.title).toBe('Vos droits (v2)')
    // Only the full text exists for this one.
    expect(booklet.chosen.find(c => c.section.slug === 'changer-referent')!.variantFallback).toBe(true)
    expect(booklet.hasVariants).toBe(true)

    booklet.variant = 'full'
    expect(booklet.sections[0]!.title).toBe('Le revenu de solidarité active')
  })

  it('falls back to French, section by section, and offers no switch where one variant exists', async () => {
    const settings = useSettingsStore()
    settings.locale = 'ar'
    const booklet = useBookletStore()
    await until(() => expect(booklet.loaded).toBe(true))
    const rsa = booklet.chosen.find(c => c.section.slug === 'rsa')!
    expect(rsa.section.locale).toBe('ar')
    expect(rsa.localeFallback).toBe(false)
    expect(booklet.chosen.find(c => c.section.slug === 'contacts')!.localeFallback).toBe(true)
    expect(booklet.hasVariants).toBe(false)
  })

  it('keeps the variant on the device', async () => {
    const booklet = useBookletStore()
    booklet.variant = 'full'
    await nextTick()
    expect(stored().variant).toBe('full')
    await resetAll()
    localStorage.setItem(BOOKLET_STORAGE_KEY, JSON.stringify({ variant: 'full', lastRead: {} }))
    expect(useBookletStore().variant).toBe('full')
  })

  it('survives a corrupt stored value', async () => {
    localStorage.setItem(BOOKLET_STORAGE_KEY, '{not json')
    const booklet = useBookletStore()
    expect(booklet.variant).toBe('easy')
    expect(booklet.lastRead).toEqual({})
  })

  it('marks read sections and shows what changed since, until the booklet is opened again', async () => {
    let booklet = useBookletStore()
    await until(() => expect(booklet.loaded).toBe(true))
    // First visit: nothing is "changed", the whole booklet is simply new.
    expect(booklet.changedSlugs).toEqual([])
    for (const slug of ['rsa', 'droits-devoirs', 'changer-referent', 'contacts'])
      booklet.markSectionRead(slug)
    await nextTick()
    expect(Object.keys(stored().lastRead).sort()).toEqual(['changer-referent', 'contacts', 'droits-devoirs', 'rsa'])
    expect(stored().lastRead['droits-devoirs']).toMatchObject({ revision: 2, locale: 'fr', variant: 'easy' })

    // A coordinator publishes a new revision of "rsa" and a new section.
    await putRows('booklet_sections', [
      section({ id: 'rsa-v2', slug: 'rsa', position: 10, title: 'Le RSA (nouveau)', revision: 2, published_at: '2026-11-24T10:00:00Z', updated_at: '2026-11-24T10:00:00Z' }),
      section({ id: 'new', slug: 'aides', position: 80, title: 'Les aides', published_at: '2026-11-24T12:00:00Z', updated_at: '2026-11-24T12:00:00Z' }),
    ])
    freshPinia()
    booklet = useBookletStore()
    await until(() => expect(booklet.sections.map(s => s.slug)).toContain('aides'))
    expect(booklet.changes).toEqual({ rsa: 'updated', aides: 'new' })

    // Reading the section records it; the mark stays for this visit.
    booklet.markSectionRead('rsa')
    await nextTick()
    expect(stored().lastRead.rsa.revision).toBe(2)
    expect(booklet.statusOf('rsa')).toBe('updated')
    booklet.open()
    expect(booklet.statusOf('rsa')).toBeNull()
    expect(booklet.statusOf('aides')).toBe('new')
  })

  it('does not call sections "new" that were already there and are simply unread', async () => {
    let booklet = useBookletStore()
    await until(() => expect(booklet.loaded).toBe(true))
    expect(stored().knownUntil).toBe('2026-11-20T10:00:00.000Z')
    booklet.markSectionRead('rsa')
    await nextTick()
    freshPinia()
    booklet = useBookletStore()
    await until(() => expect(booklet.loaded).toBe(true))
    expect(booklet.changes).toEqual({})
  })
})

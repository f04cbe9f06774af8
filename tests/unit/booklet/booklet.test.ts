import { describe, expect, it } from 'vitest'
import {
  changesBySlug, changeStatus, chooseSections, classifyLink, decodeEntities, headingAnchor, markRead,
  pictogramOf, sectionAnchor, slugFromHash, stripDirectives, tableOfContents, whatChanged,
} from '@/domain/booklet'
import { markdownToPlainText, searchBooklet } from '@/domain/bookletMarkdown'
import { section, SECTIONS } from './fixtures'

describe('chooseSections', () => {
  it('shows published sections in position order, newest revision, hiding drafts and deleted ones', () => {
    const chosen = chooseSections(SECTIONS, { locale: 'fr', variant: 'easy' })
    expect(chosen.map(c => c.section.slug)).toEqual(['rsa', 'droits-devoirs', 'changer-referent', 'contacts'])
    expect(chosen[1]!.section.revision).toBe(2)
  })

  it('falls back to the other variant of the same language before French', () => {
    const chosen = chooseSections(SECTIONS, { locale: 'fr', variant: 'easy' })
    const change = chosen.find(c => c.section.slug === 'changer-referent')!
    expect(change).toMatchObject({ localeFallback: false, variantFallback: true })
    expect(change.section.variant).toBe('full')

    const ar = chooseSections(SECTIONS, { locale: 'ar', variant: 'full' })
    expect(ar[0]).toMatchObject({ localeFallback: false, variantFallback: true })
    expect(ar[0]!.section.locale).toBe('ar')
  })

  it('falls back to French when a section is not translated', () => {
    const en = chooseSections(SECTIONS, { locale: 'en', variant: 'easy' })
    expect(en.every(c => c.localeFallback)).toBe(true)
    expect(en[0]!.section).toMatchObject({ locale: 'fr', variant: 'easy' })
    const enFull = chooseSections(SECTIONS, { locale: 'en', variant: 'full' })
    expect(enFull[0]!.section).toMatchObject({ locale: 'fr', variant: 'full' })
  })

  it('uses a third language only when nothing else exists', () => {
    const only = [section({ slug: 'x', locale: 'ar' })]
    expect(chooseSections(only, { locale: 'en', variant: 'full' })[0]).toMatchObject({ localeFallback: true, variantFallback: true })
  })
})

describe('tableOfContents', () => {
  it('gives titles, anchors, pictograms and languages', () => {
    const toc = tableOfContents(chooseSections(SECTIONS, { locale: 'ar', variant: 'easy' }))
    expect(toc[0]).toMatchObject({ slug: 'rsa', title: 'ما هو RSA؟', anchor: 'livret-rsa', pictogram: 'money', locale: 'ar', localeFallback: false })
    expect(toc[1]).toMatchObject({ slug: 'droits-devoirs', pictogram: 'scale', locale: 'fr', localeFallback: true })
  })
})

describe('pictograms', () => {
  it('maps the first edition slugs and defaults to a book', () => {
    expect(pictogramOf({ slug: 'contacts', body: '' })).toBe('phone')
    expect(pictogramOf({ slug: 'groupe-ressource', body: '' })).toBe('people')
    expect(pictogramOf({ slug: 'logement', body: '' })).toBe('book')
  })

  it('lets a section name its pictogram on its first line, which is never shown', () => {
    const body = ':::picto home\n### Se loger\n\nTexte.'
    expect(pictogramOf({ slug: 'logement', body })).toBe('home')
    expect(stripDirectives(body)).toBe('### Se loger\n\nTexte.')
    expect(markdownToPlainText(body)).toBe('Se loger\nTexte.')
    expect(pictogramOf({ slug: 'contacts', body: ':::picto unknown\nx' })).toBe('phone')
  })
})

describe('anchors', () => {
  it('round-trips section anchors through the URL hash', () => {
    expect(sectionAnchor('changer-referent')).toBe('livret-changer-referent')
    expect(slugFromHash('#livret-changer-referent')).toBe('changer-referent')
    expect(slugFromHash('#livret-rsa--qui-vous-aide')).toBe('rsa')
    expect(slugFromHash('#main')).toBeNull()
    expect(slugFromHash('')).toBeNull()
    expect(slugFromHash('#livret-<script>')).toBeNull()
  })

  it('builds heading anchors without accents', () => {
    expect(headingAnchor('rsa', 'Qui paie le RSA ?')).toBe('livret-rsa--qui-paie-le-rsa')
    expect(headingAnchor('rsa', 'Évaluation & idée')).toBe('livret-rsa--evaluation-idee')
    expect(headingAnchor('rsa', '!!!')).toBe('livret-rsa--titre')
  })
})

describe('markdownToPlainText', () => {
  it('drops formatting, keeps link words, one block per line', () => {
    expect(markdownToPlainText('### Titre\n\nTexte **gras** et [lien](/structures).\n\n- un\n- deux\n\n1. trois'))
      .toBe('Titre\nTexte gras et lien.\nun\ndeux\ntrois')
  })

  it('drops raw HTML and decodes entities', () => {
    expect(markdownToPlainText('Bonjour <script>alert(1)</script> &amp; bienvenue')).toBe('Bonjour alert(1) & bienvenue')
    expect(decodeEntities('&lt;b&gt; &#233; &#x41; &unknown;')).toBe('<b> é A &unknown;')
  })
})

describe('classifyLink', () => {
  it('keeps app routes, https, tel: and mailto:', () => {
    expect(classifyLink('/structures')).toEqual({ kind: 'route', to: '/structures' })
    expect(classifyLink('/livret#livret-rsa')).toEqual({ kind: 'route', to: '/livret#livret-rsa' })
    expect(classifyLink('#livret-rsa')).toEqual({ kind: 'route', to: '#livret-rsa' })
    expect(classifyLink('https://www.caf.fr')).toEqual({ kind: 'external', href: 'https://www.caf.fr/' })
    expect(classifyLink('tel:01 53 09 00 18')).toEqual({ kind: 'contact', href: 'tel:0153090018' })
    expect(classifyLink('mailto:ei18@example.org')).toEqual({ kind: 'contact', href: 'mailto:ei18@example.org' })
  })

  it('refuses scripts, data, protocol-relative and malformed links', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', '//evil.example', '/\\evil.example', 'vbscript:x', '', 'tel:abc'])
      expect(classifyLink(href), href).toEqual({ kind: 'unsafe' })
  })
})

describe('searchBooklet', () => {
  const shown = chooseSections(SECTIONS, { locale: 'fr', variant: 'easy' }).map(c => c.section)

  it('finds words without accents or case and returns a snippet with highlights', () => {
    const hits = searchBooklet(shown, 'REFERENT')
    expect(hits.map(h => h.slug)).toEqual(['changer-referent', 'rsa'])
    const rsa = hits.find(h => h.slug === 'rsa')!
    expect(rsa.anchor).toBe('livret-rsa')
    const [start, end] = rsa.highlights[0]!
    expect(rsa.snippet.slice(start, end)).toBe('référent')
  })

  it('ranks title matches first, then by number of matches', () => {
    const hits = searchBooklet(shown, 'rendez-vous')
    expect(hits[0]!.slug).toBe('droits-devoirs')
    expect(searchBooklet(shown, 'caf')[0]!.slug).toBe('rsa')
  })

  it('needs every word, and finds nothing for a blank query', () => {
    expect(searchBooklet(shown, 'caf telephone').map(h => h.slug)).toEqual(['contacts'])
    expect(searchBooklet(shown, 'caf jardin')).toEqual([])
    expect(searchBooklet(shown, '   ')).toEqual([])
  })

  it('searches Arabic without diacritics', () => {
    const ar = chooseSections(SECTIONS, { locale: 'ar', variant: 'easy' }).map(c => c.section)
    expect(searchBooklet(ar, 'صُندوق')[0]?.slug).toBe('rsa')
  })

  it('cuts long texts around the first match, on word boundaries', () => {
    const long = section({ slug: 'long', body: `${'Début du texte. '.repeat(20)}Le mot cherché est ici. ${'Suite du texte. '.repeat(20)}` })
    const [hit] = searchBooklet([long], 'cherche', { snippetLength: 60 })
    expect(hit!.snippet.startsWith('…')).toBe(true)
    expect(hit!.snippet.endsWith('…')).toBe(true)
    expect(hit!.snippet.length).toBeLessThanOrEqual(62)
    const [start, end] = hit!.highlights[0]!
    expect(hit!.snippet.slice(start, end)).toBe('cherché')
    expect(hit!.snippet).not.toMatch(/…\S*[a-z]ébut/)
  })
})

describe('what changed', () => {
  const v1 = SECTIONS.find(s => s.slug === 'droits-devoirs' && s.revision === 1)!
  const v2 = SECTIONS.find(s => s.slug === 'droits-devoirs' && s.revision === 2)!

  it('marks a newer revision or publication as updated, and unread sections as new', () => {
    const read = markRead({}, v1)
    expect(changeStatus(v1, read)).toBe('read')
    expect(changeStatus(v2, read)).toBe('updated')
    expect(changeStatus(SECTIONS[0]!, read)).toBe('new')
    expect(changeStatus(v2, markRead(read, v2))).toBe('read')
  })

  it('does not call a section updated because the reader switched to an older translation', () => {
    const readFr = markRead({}, section({ slug: 'rsa', published_at: '2026-11-10T00:00:00Z', revision: 3 }))
    expect(changeStatus(section({ slug: 'rsa', locale: 'ar', published_at: '2026-11-01T00:00:00Z', revision: 1 }), readFr)).toBe('read')
  })

  it('lists changes, but nothing on a first visit', () => {
    expect(whatChanged([v2, SECTIONS[0]!], {})).toEqual([])
    expect(whatChanged([v2, SECTIONS[0]!], markRead({}, v1))).toEqual([
      { slug: 'droits-devoirs', status: 'updated' },
      { slug: 'rsa', status: 'new' },
    ])
  })

  it('gives the changes by slug for the table of contents', () => {
    expect(changesBySlug([v2, SECTIONS[0]!], markRead({}, v1))).toEqual({ 'droits-devoirs': 'updated', 'rsa': 'new' })
  })

  it('never mutates the read marks', () => {
    const read = Object.freeze({})
    expect(() => markRead(read, v1)).not.toThrow()
    expect(read).toEqual({})
  })
})

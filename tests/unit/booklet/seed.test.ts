// @vitest-environment node
// The first edition of the booklet, loaded into a real database (PGlite) with
// the real migrations: constraints, the publish trigger and idempotency, then
// checks on the texts themselves (every section in every language, plain-language
// length, links that lead somewhere).
import type { BookletSectionRow } from '@/domain/booklet'
import { PGlite } from '@electric-sql/pglite'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classifyLink, pictogramOf, SECTION_PICTOGRAMS } from '@/domain/booklet'
import { lexMarkdown, markdownToPlainText } from '@/domain/bookletMarkdown'
import bootstrapSql from '../../../supabase/local/bootstrap.sql?raw'
import bookletSql from '../../../supabase/seed/booklet.sql?raw'
import { routes } from '@/modules/routes'

const migrations = import.meta.glob<string>('../../../supabase/migrations/*.sql', { query: '?raw', import: 'default', eager: true })

const SLUGS = ['rsa', 'droits-devoirs', 'accompagnement', 'prestations', 'changer-referent', 'contacts', 'groupe-ressource']
const EDITIONS = [['fr', 'easy'], ['fr', 'full'], ['en', 'easy'], ['ar', 'easy']] as const

let db: PGlite
let rows: BookletSectionRow[]

async function load() {
  const result = await db.query<BookletSectionRow>(
    `select id, slug, locale, variant, title, body, position, revision, status, published_at::text, updated_at::text
       from public.booklet_sections where id::text like 'b0c1e700-%' order by position, locale, variant`,
  )
  return result.rows
}

beforeAll(async () => {
  db = new PGlite({ extensions: { pgcrypto } })
  await db.exec(bootstrapSql)
  for (const name of Object.keys(migrations).sort())
    await db.exec(migrations[name]!)
  await db.exec(bookletSql)
  rows = await load()
}, 60_000)

afterAll(async () => {
  await db?.close()
})

function words(text: string): number {
  return text.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length
}

describe('booklet seed in the database', () => {
  it('publishes every section in French (easy and full), English and Arabic', () => {
    expect(rows).toHaveLength(SLUGS.length * EDITIONS.length)
    for (const slug of SLUGS) {
      for (const [locale, variant] of EDITIONS) {
        const row = rows.find(r => r.slug === slug && r.locale === locale && r.variant === variant)
        expect(row, `${slug} ${locale} ${variant}`).toBeDefined()
        expect(row!.status).toBe('published')
        expect(row!.revision).toBe(1)
        expect(row!.published_at).not.toBeNull()
      }
    }
  })

  it('orders sections by position 10, 20, … in every language', () => {
    for (const [index, slug] of SLUGS.entries()) {
      for (const row of rows.filter(r => r.slug === slug))
        expect(row.position).toBe((index + 1) * 10)
    }
  })

  it('is idempotent and never archives a newer revision published since', async () => {
    await db.exec(bookletSql)
    expect(await load()).toHaveLength(rows.length)

    // A coordinator publishes revision 2 of one text; seeding again must leave it live.
    await db.exec(`insert into public.booklet_sections (slug, locale, variant, title, body, position, revision, status)
                   values ('rsa', 'fr', 'easy', 'Le RSA', 'Nouveau texte.', 10, 2, 'published')`)
    await db.exec(bookletSql)
    const live = await db.query<{ revision: number }>(
      `select revision from public.booklet_sections where slug = 'rsa' and locale = 'fr' and variant = 'easy' and status = 'published'`,
    )
    expect(live.rows).toEqual([{ revision: 2 }])
  })

  it('trims the blank lines around each body', () => {
    for (const row of rows) {
      expect(row.body.startsWith('\n')).toBe(false)
      expect(row.body.endsWith('\n')).toBe(false)
    }
  })
})

describe('booklet texts', () => {
  it('keeps each "lecture facile" section short (about 250 words at most)', () => {
    for (const row of rows.filter(r => r.variant === 'easy'))
      expect(words(markdownToPlainText(row.body)), `${row.slug} ${row.locale}`).toBeLessThanOrEqual(260)
  })

  it('keeps plain-language sentences short', () => {
    for (const row of rows.filter(r => r.variant === 'easy' && r.locale === 'fr')) {
      for (const sentence of markdownToPlainText(row.body).split(/(?<=[.!?])\s+|\n/))
        expect(words(sentence), `${row.slug}: ${sentence}`).toBeLessThanOrEqual(20)
    }
  })

  it('uses only ### headings inside a section (the section title is the h2)', () => {
    for (const row of rows) {
      for (const token of lexMarkdown(row.body)) {
        if (token.type === 'heading')
          expect(token.depth, `${row.slug} ${row.locale}`).toBe(3)
      }
    }
  })

  it('links only to existing app routes, booklet sections, https sites and phone numbers', () => {
    const paths = new Set(routes.map(r => r.path))
    const anchors = new Set(SLUGS.map(s => `livret-${s}`))
    for (const row of rows) {
      for (const [, href] of row.body.matchAll(/\]\(([^)]+)\)/g)) {
        const link = classifyLink(href)
        expect(link.kind, `${row.slug} ${row.locale}: ${href}`).not.toBe('unsafe')
        if (link.kind === 'route') {
          const [path, hash] = link.to.split('#')
          expect(paths.has(path!), href).toBe(true)
          if (hash)
            expect(anchors.has(hash), href).toBe(true)
        }
        if (link.kind === 'external')
          expect(link.href.startsWith('https://')).toBe(true)
      }
    }
  })

  it('gives the same phone numbers in every language', () => {
    const phones = (slug: string, locale: string) =>
      [...rows.find(r => r.slug === slug && r.locale === locale && r.variant === 'easy')!.body.matchAll(/tel:(\d+)/g)].map(m => m[1]).sort()
    expect(phones('contacts', 'fr')).toEqual(['115', '3230', '3949', '3975'])
    expect(phones('contacts', 'en')).toEqual(phones('contacts', 'fr'))
    expect(phones('contacts', 'ar')).toEqual(phones('contacts', 'fr'))
  })

  it('writes the Arabic texts in Arabic script', () => {
    for (const row of rows.filter(r => r.locale === 'ar')) {
      const text = markdownToPlainText(row.body)
      const arabic = [...text].filter(c => /\p{Script=Arabic}/u.test(c)).length
      const latin = [...text].filter(c => /\p{Script=Latin}/u.test(c)).length
      expect(arabic, row.slug).toBeGreaterThan(latin * 3)
    }
  })

  it('gives every section of the first edition its own pictogram', () => {
    for (const slug of SLUGS)
      expect(pictogramOf({ slug, body: '' })).toBe(SECTION_PICTOGRAMS[slug])
    expect(new Set(SLUGS.map(s => SECTION_PICTOGRAMS[s])).size).toBe(SLUGS.length)
  })

  it('keeps the facts of the source documents in every language', () => {
    const body = (slug: string, locale: string) => rows.find(r => r.slug === slug && r.locale === locale && r.variant === 'easy')!.body
    // Groupe ressource: formed in June 2011, 2-3 meetings a year (PDIE Action 34).
    expect(body('groupe-ressource', 'fr')).toMatch(/juin 2011/)
    expect(body('groupe-ressource', 'en')).toMatch(/June 2011/)
    expect(body('groupe-ressource', 'ar')).toMatch(/2011/)
    expect(body('groupe-ressource', 'fr')).toMatch(/2 à 3 fois par an/)
    // Free health check at the first appointment (Action 30); diagnostic for everyone (Action 10).
    expect(body('accompagnement', 'fr')).toMatch(/bilan de santé/)
    expect(body('accompagnement', 'fr')).toMatch(/gratuit/)
    expect(body('accompagnement', 'fr')).toMatch(/diagnostic/)
  })
})

import type { BookletSectionRow, BookletVariant, ChangeStatus, ReadMark } from '@/domain/booklet'
import { useLocalStorage } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { readRows } from '@/db/read'
import { BOOKLET_VARIANTS, changesBySlug, changeStatus, chooseSections, isPublished, markRead, tableOfContents } from '@/domain/booklet'
import { useAuthStore } from './auth'
import { useSettingsStore } from './settings'

/** Device preferences of the booklet (not personal data: kept across sign-outs). */
export const BOOKLET_STORAGE_KEY = 'reperes.booklet'

interface StoredBooklet {
  variant: BookletVariant
  /** What was read of each section, by slug (see domain/booklet markRead). */
  lastRead: Record<string, ReadMark>
  /**
   * Newest publication time (server clock) of the booklet when this device
   * first showed it: a section published later is "new"; one that was
   * already there but not read yet is simply unread.
   */
  knownUntil: string | null
}

const EMPTY: StoredBooklet = { variant: 'easy', lastRead: {}, knownUntil: null }

function publishedTime(section: BookletSectionRow): number {
  return Date.parse(section.published_at ?? section.updated_at ?? '') || 0
}

function isVariant(value: unknown): value is BookletVariant {
  return (BOOKLET_VARIANTS as readonly unknown[]).includes(value)
}

/**
 * The welcome booklet as this device shows it: the sections synced from
 * `booklet_sections`, chosen for the reader's language and variant, and the
 * "what changed" marks kept on the device.
 */
export const useBookletStore = defineStore('booklet', () => {
  const auth = useAuthStore()
  const settings = useSettingsStore()

  const stored = useLocalStorage<StoredBooklet>(BOOKLET_STORAGE_KEY, { ...EMPTY }, {
    // A corrupt value must not break the booklet.
    serializer: {
      read: (raw) => {
        try {
          const value = JSON.parse(raw) as Partial<StoredBooklet>
          return {
            variant: isVariant(value.variant) ? value.variant : 'easy',
            lastRead: value.lastRead && typeof value.lastRead === 'object' ? value.lastRead : {},
            knownUntil: typeof value.knownUntil === 'string' && Date.parse(value.knownUntil) ? value.knownUntil : null,
          }
        }
        catch {
          return { ...EMPTY }
        }
      },
      write: value => JSON.stringify(value),
    },
  })

  const rows = useLiveQuery(
    async db => (await readRows(db, 'booklet_sections', auth.userId)) as unknown as BookletSectionRow[],
    [() => auth.userId],
  )
  const loaded = computed(() => rows.value !== undefined)
  const published = computed(() => (rows.value ?? []).filter(isPublished))

  const variant = computed<BookletVariant>({
    get: () => stored.value.variant,
    set: (value) => {
      stored.value = { ...stored.value, variant: value }
    },
  })

  const chosen = computed(() => chooseSections(published.value, { locale: settings.locale, variant: variant.value }))
  const sections = computed(() => chosen.value.map(c => c.section))
  const toc = computed(() => tableOfContents(chosen.value))

  /** The switch is offered only when some section exists in both variants in the reader's language. */
  const hasVariants = computed(() => {
    const bySlug = new Map<string, Set<string>>()
    for (const row of published.value) {
      if (row.locale !== settings.locale)
        continue
      const set = bySlug.get(row.slug) ?? new Set()
      set.add(row.variant)
      bySlug.set(row.slug, set)
    }
    return [...bySlug.values()].some(set => set.size > 1)
  })

  const lastRead = computed(() => stored.value.lastRead)
  /**
   * The marks as they were when the reader opened the booklet: badges stay
   * on screen while the reader goes through the changed sections, and are
   * gone next time.
   */
  const openedWith = ref<Record<string, ReadMark>>({ ...stored.value.lastRead })
  const openedKnownUntil = ref<string | null>(stored.value.knownUntil)
  const changes = computed<Partial<Record<string, ChangeStatus>>>(() => {
    const since = openedKnownUntil.value ? Date.parse(openedKnownUntil.value) : null
    const all = changesBySlug(sections.value, openedWith.value)
    // "New" only for sections published after the booklet was first shown here.
    return Object.fromEntries(Object.entries(all).filter(([slug, status]) => {
      if (status !== 'new')
        return true
      const section = sections.value.find(s => s.slug === slug)
      return since !== null && section !== undefined && publishedTime(section) > since
    }))
  })
  const changedSlugs = computed(() => Object.keys(changes.value))

  // The first time sections are shown on this device, remember how recent they were.
  watch(published, (rows) => {
    if (stored.value.knownUntil || !rows.length)
      return
    const newest = Math.max(...rows.map(publishedTime))
    if (newest > 0)
      stored.value = { ...stored.value, knownUntil: new Date(newest).toISOString() }
  }, { immediate: true })

  /** Call when the booklet screen opens: badges compare with what was read before now. */
  function open() {
    openedWith.value = { ...stored.value.lastRead }
    openedKnownUntil.value = stored.value.knownUntil
  }

  function statusOf(slug: string): ChangeStatus | null {
    return changes.value[slug] ?? null
  }

  /** The reader has seen this section (as currently shown). */
  function markSectionRead(slug: string) {
    const section = sections.value.find(s => s.slug === slug)
    if (!section)
      return
    const current = stored.value.lastRead[slug]
    if (current && changeStatus(section, stored.value.lastRead) === 'read' && current.locale === section.locale && current.variant === section.variant)
      return
    stored.value = { ...stored.value, lastRead: markRead(stored.value.lastRead, section) }
  }

  return { rows, loaded, sections, chosen, toc, variant, hasVariants, lastRead, changes, changedSlugs, open, statusOf, markSectionRead }
})

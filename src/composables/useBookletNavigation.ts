// Moving around the booklet: deep links (/livret#livret-<slug>) open a section
// on load and from the table of contents, search results or links inside the
// text; the section's title gets the focus so keyboard and screen-reader users
// land where sighted users do. A section counts as read once it has been on
// screen for a moment.
//
// In-page links are handled here rather than by the router: a router
// navigation to the same page with another hash would scroll to the top and
// move the focus to the page title.
import type { Ref } from 'vue'
import { onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useRoute } from 'vue-router'
import { slugFromHash } from '@/domain/booklet'

/** How long a section stays on screen before it counts as read (ms). */
export const READ_DWELL_MS = 1500

export interface BookletNavigationOptions {
  /** The element holding the sections, the table of contents and the search. */
  root: Readonly<Ref<HTMLElement | null>>
  /** Slugs shown, in order; navigation waits until the target exists. */
  slugs: Readonly<Ref<readonly string[]>>
  onRead: (slug: string) => void
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
}

/**
 * Height of the bars stuck to the top of the screen (the app header wraps on
 * two lines on small screens, and is not sticky at large text sizes), so a
 * section's title lands below them rather than behind them.
 */
function stickyTopOffset(): number {
  let offset = 0
  for (const el of document.querySelectorAll<HTMLElement>('#app > header, #app > nav')) {
    const style = getComputedStyle(el)
    if ((style.position === 'sticky' || style.position === 'fixed') && Number.parseFloat(style.top || '0') <= 0)
      offset = Math.max(offset, el.getBoundingClientRect().height)
  }
  return offset
}

function scrollToTarget(target: HTMLElement) {
  const top = target.getBoundingClientRect().top + window.scrollY - stickyTopOffset() - 8
  window.scrollTo({ top: Math.max(0, top), behavior: prefersReducedMotion() ? 'auto' : 'smooth' })
}

/** The element to focus for an anchor: a section's title, or the anchored heading itself. */
function focusTarget(target: HTMLElement): HTMLElement {
  const title = target.matches('article') ? target.querySelector<HTMLElement>('h2[tabindex="-1"], h3[tabindex="-1"]') : null
  if (title)
    return title
  if (!target.hasAttribute('tabindex'))
    target.setAttribute('tabindex', '-1')
  return target
}

export function useBookletNavigation(options: BookletNavigationOptions) {
  const route = useRoute()
  /** The section being read (aria-current in the table of contents). */
  const current = ref<string | null>(null)
  let pendingHash: string | null = route.hash || null
  let observer: IntersectionObserver | null = null
  const timers = new Map<string, ReturnType<typeof setTimeout>>()

  /** Scrolls to an anchor (section, heading or the table of contents) and focuses it. */
  function goTo(hash: string, { updateUrl = true } = {}): boolean {
    const id = decodeURIComponent(hash.replace(/^#/, ''))
    const target = id ? document.getElementById(id) : null
    if (!target || !options.root.value?.contains(target))
      return false
    focusTarget(target).focus({ preventScroll: true })
    scrollToTarget(target)
    if (updateUrl && location.hash !== `#${id}`)
      history.replaceState(history.state, '', `#${id}`)
    const slug = slugFromHash(id)
    if (slug && options.slugs.value.includes(slug)) {
      current.value = slug
      options.onRead(slug)
    }
    return true
  }

  function onClick(event: MouseEvent) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
    if (!link || link.target === '_blank')
      return
    const url = new URL(link.href, location.href)
    if (url.origin !== location.origin || url.pathname !== location.pathname || !url.hash)
      return
    if (goTo(url.hash))
      event.preventDefault()
  }

  // A deep link opens once its section has arrived from the database.
  watch(options.slugs, async () => {
    if (!pendingHash)
      return
    await new Promise(resolve => requestAnimationFrame(resolve))
    if (pendingHash && goTo(pendingHash, { updateUrl: false }))
      pendingHash = null
  }, { flush: 'post' })

  function observe() {
    observer?.disconnect()
    if (typeof IntersectionObserver === 'undefined' || !options.root.value)
      return
    observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const slug = slugFromHash(entry.target.id)
        if (!slug)
          continue
        if (entry.isIntersecting) {
          current.value = slug
          if (!timers.has(slug))
            timers.set(slug, setTimeout(() => options.onRead(slug), READ_DWELL_MS))
        }
        else {
          clearTimeout(timers.get(slug))
          timers.delete(slug)
        }
      }
    }, { rootMargin: '0px 0px -40% 0px' })
    options.root.value.querySelectorAll('article[id^="livret-"]').forEach(el => observer!.observe(el))
  }

  watch(options.slugs, observe, { flush: 'post' })

  // A hash reached through the router (a link from another screen, Back):
  // after the router's own scrolling and focus, which target the page top.
  watch(() => route.hash, (hash) => {
    if (hash)
      setTimeout(() => goTo(hash, { updateUrl: false }), 50)
  })

  onMounted(() => {
    options.root.value?.addEventListener('click', onClick, true)
    observe()
    if (pendingHash) {
      requestAnimationFrame(() => {
        if (pendingHash && goTo(pendingHash, { updateUrl: false }))
          pendingHash = null
      })
    }
  })
  onBeforeUnmount(() => {
    options.root.value?.removeEventListener('click', onClick, true)
    observer?.disconnect()
    timers.forEach(clearTimeout)
  })

  return { current, goTo }
}

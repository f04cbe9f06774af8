// Where a navigation leaves the page: the first page is not scrolled (it opens at
// its top, and a scroll would force a layout during the first render); later
// navigations go to the top, or to the anchor, or back where the user was.
import type { RouteLocationNormalized } from 'vue-router'
import { describe, expect, it } from 'vitest'
import { START_LOCATION } from 'vue-router'
import { appRouter } from '@/modules/router'

const router = appRouter()

const behavior = router.options.scrollBehavior!
const at = (path: string) => router.resolve(path) as RouteLocationNormalized

describe('scroll behaviour', () => {
  it('leaves the first page as it opens', () => {
    expect(behavior(at('/prestations'), START_LOCATION, null)).toBe(false)
  })

  it('still goes to an anchor on the first page', () => {
    expect(behavior(at('/livret#droits'), START_LOCATION, null)).toEqual({ el: '#droits', top: 8 })
  })

  it('goes to the top on a later navigation, and back to a saved position', () => {
    expect(behavior(at('/structures'), at('/prestations'), null)).toEqual({ top: 0 })
    expect(behavior(at('/structures'), at('/prestations'), { left: 0, top: 420 })).toEqual({ left: 0, top: 420 })
  })
})

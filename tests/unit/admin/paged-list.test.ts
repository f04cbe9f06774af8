// The feedback inbox's paging (usePagedList): a page at a time, more on
// request, back to the first page when the filter changes.
import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { usePagedList } from '@/composables/usePagedList'

describe('usePagedList', () => {
  it('shows a page, then the next ones on request, and says how many are left', () => {
    const items = ref(Array.from({ length: 120 }, (_, i) => i))
    const scope = effectScope()
    const paged = scope.run(() => usePagedList(items, 50))!
    expect(paged.visible.value).toEqual(items.value.slice(0, 50))
    expect(paged.remaining.value).toBe(70)
    expect(paged.next.value).toBe(50)
    expect(paged.showMore()).toBe(50)
    expect(paged.visible.value).toHaveLength(100)
    expect(paged.next.value).toBe(20)
    expect(paged.showMore()).toBe(100)
    expect(paged.visible.value).toHaveLength(120)
    expect(paged.remaining.value).toBe(0)
    items.value = items.value.slice(0, 10)
    expect(paged.visible.value).toHaveLength(10)
    expect(paged.remaining.value).toBe(0)
    scope.stop()
  })

  it('starts again at the top when what it follows changes', async () => {
    const items = ref(Array.from({ length: 200 }, (_, i) => i))
    const filter = ref('all')
    const scope = effectScope()
    const paged = scope.run(() => usePagedList(items, 50, filter))!
    paged.showMore()
    paged.showMore()
    expect(paged.visible.value).toHaveLength(150)
    filter.value = 'document'
    await nextTick()
    expect(paged.visible.value).toHaveLength(50)
    expect(paged.remaining.value).toBe(150)
    scope.stop()
  })
})

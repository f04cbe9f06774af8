/**
 * The shell's first render in steps (composables/useRenderStages.ts): each part
 * comes in a task of its own, top of the page first.
 */
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { useRenderStages } from '@/composables/useRenderStages'

const Staged = defineComponent({
  props: { last: { type: Number, required: true } },
  setup(props) {
    const stage = useRenderStages(props.last)
    return () => h('div', [0, 1, 2, 3].filter(n => n <= stage.value).map(n => h('p', { class: `part-${n}` })))
  },
})

const parts = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('p').map(p => p.classes()[0])

afterEach(() => {
  vi.useRealTimers()
})

describe('useRenderStages', () => {
  it('renders the first part at mount, then one more part per task up to the last', async () => {
    vi.useFakeTimers()
    const wrapper = mount(Staged, { props: { last: 2 } })
    expect(parts(wrapper)).toEqual(['part-0'])
    // Nothing more within the mounting task, however many microtasks run.
    await nextTick()
    await Promise.resolve()
    expect(parts(wrapper)).toEqual(['part-0'])

    vi.advanceTimersToNextTimer()
    await nextTick()
    expect(parts(wrapper)).toEqual(['part-0', 'part-1'])

    vi.advanceTimersToNextTimer()
    await nextTick()
    expect(parts(wrapper)).toEqual(['part-0', 'part-1', 'part-2'])

    // Stops at the last stage: no timer left behind.
    expect(vi.getTimerCount()).toBe(0)
    wrapper.unmount()
  })

  it('schedules nothing when there is only one stage', () => {
    vi.useFakeTimers()
    const wrapper = mount(Staged, { props: { last: 0 } })
    expect(parts(wrapper)).toEqual(['part-0'])
    expect(vi.getTimerCount()).toBe(0)
    wrapper.unmount()
  })
})

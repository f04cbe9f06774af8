// The app shell's first render, in steps. Rendered at once, the header, the
// screen and the bottom navigation make one long task, the longest of a first
// visit (≈ 20 ms of CPU on a fast machine, four to six times that on a cheap
// phone): input waits for all of it, and Lighthouse counts what passes 50 ms
// at its 4× slowdown as blocking time. Each step renders in a task of its own,
// the browser may paint and handle input in between. Parts must come in the
// page's order, top first: a part rendered later must not move what is
// already shown (a layout shift).
import type { Ref } from 'vue'
import { onMounted, readonly, ref } from 'vue'

/**
 * A stage counter for the calling component: 0 when it mounts, then one more
 * per task until `last`. Render a part with `v-if="stage >= n"`.
 */
export function useRenderStages(last: number): Readonly<Ref<number>> {
  const stage = ref(0)
  function next() {
    stage.value++
    // Scheduled before this stage renders (at the end of this task), so the
    // next stage gets a task of its own.
    if (stage.value < last)
      setTimeout(next, 0)
  }
  onMounted(() => {
    if (last > 0)
      setTimeout(next, 0)
  })
  return readonly(stage)
}

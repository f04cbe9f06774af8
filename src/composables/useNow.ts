// One clock for every "open now / closes soon" badge on a screen: a single
// timer, started by the first user and stopped with the last, ticking on the
// minute (opening hours have minute precision), so all cards change together.
import type { Ref } from 'vue'
import { getCurrentScope, onScopeDispose, readonly, shallowRef } from 'vue'

const now = shallowRef(new Date())
let users = 0
let timer: ReturnType<typeof setTimeout> | null = null

function schedule() {
  const current = Date.now()
  now.value = new Date(current)
  // Next tick just after the next minute starts.
  timer = setTimeout(schedule, 60_000 - (current % 60_000) + 50)
}

function release() {
  users = Math.max(0, users - 1)
  if (users === 0 && timer !== null) {
    clearTimeout(timer)
    timer = null
  }
}

/** The shared current time, refreshed every minute while something uses it. */
export function useNow(): Readonly<Ref<Date>> {
  users++
  if (timer === null)
    schedule()
  if (getCurrentScope())
    onScopeDispose(release)
  return readonly(now) as Readonly<Ref<Date>>
}

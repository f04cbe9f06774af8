import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { NOTIFY_LEAD_MS, notificationKey, planNotifications, useAppointmentNotifications } from '@/composables/useAppointmentNotifications'

const HOUR = 3_600_000

/** A stand-in for the browser's Notification: records what was shown. */
class FakeNotification {
  static permission: NotificationPermission = 'default'
  static shown: { title: string, options?: NotificationOptions }[] = []
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = 'granted'
    return FakeNotification.permission
  })

  onclick: (() => void) | null = null
  constructor(readonly title: string, readonly options?: NotificationOptions) {
    FakeNotification.shown.push({ title, options })
  }

  close() {}
}

const at = (ms: number) => new Date(ms).toISOString()

describe('planNotifications', () => {
  const now = Date.parse('2027-03-20T08:00:00Z')
  it('announces appointments within the lead time once, and says when to look again', () => {
    const list = [
      { id: 'in-1h', starts_at: at(now + HOUR), status: 'confirmed' },
      { id: 'in-5h', starts_at: at(now + 5 * HOUR), status: 'scheduled' },
      { id: 'in-3h', starts_at: at(now + 3 * HOUR), status: 'reschedule_requested' },
      { id: 'cannot-come', starts_at: at(now + HOUR), status: 'cancel_requested' },
      { id: 'cancelled', starts_at: at(now + HOUR), status: 'cancelled' },
      { id: 'started', starts_at: at(now - 60_000), status: 'confirmed' },
    ]
    const plan = planNotifications(list, now, new Set())
    expect(plan.due.map(a => a.id)).toEqual(['in-1h'])
    expect(plan.nextAt).toBe(now + 3 * HOUR - NOTIFY_LEAD_MS)
    expect(planNotifications(list, now, new Set([notificationKey(list[0]!)])).due).toEqual([])
  })

  it('announces a moved appointment again (a new time is a new key)', () => {
    const before = { id: 'a', starts_at: at(now + HOUR), status: 'scheduled' }
    const moved = { ...before, starts_at: at(now + 90 * 60_000) }
    expect(planNotifications([moved], now, new Set([notificationKey(before)])).due).toEqual([moved])
  })
})

describe('useAppointmentNotifications', () => {
  let now: number

  beforeEach(() => {
    vi.useFakeTimers()
    now = Date.parse('2027-03-20T08:00:00Z')
    vi.setSystemTime(now)
    FakeNotification.permission = 'default'
    FakeNotification.shown = []
    FakeNotification.requestPermission.mockClear()
    vi.stubGlobal('Notification', FakeNotification)
    localStorage.clear()
  })

  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  function start(list: ReturnType<typeof ref<{ id: string, starts_at: string, status: string }[]>>) {
    const scope = effectScope()
    const api = scope.run(() => useAppointmentNotifications(() => list.value ?? [], {
      content: a => ({ title: 'Rendez-vous bientôt', body: `à ${a.starts_at}`, lang: 'fr', dir: 'ltr', url: `/rendez-vous/${a.id}` }),
      now: () => Date.now(),
    }))!
    return { api, scope }
  }

  it('never asks on its own and shows nothing without permission', async () => {
    const list = ref([{ id: 'a', starts_at: at(now + HOUR), status: 'confirmed' }])
    const { api, scope } = start(list)
    await flushPromises()
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled()
    expect(FakeNotification.shown).toEqual([])
    expect(api.permission.value).toBe('default')
    scope.stop()
  })

  it('after the person allows it, shows what is near at once and the rest when its time comes, each once', async () => {
    const list = ref([
      { id: 'near', starts_at: at(now + HOUR), status: 'confirmed' },
      { id: 'later', starts_at: at(now + 5 * HOUR), status: 'scheduled' },
    ])
    const { api, scope } = start(list)
    expect(await api.request()).toBe('granted')
    expect(FakeNotification.shown.map(n => n.options?.tag)).toEqual(['near'])
    expect(FakeNotification.shown[0]!.options?.body).not.toMatch(/bilan|santé|insertion/i)

    await vi.advanceTimersByTimeAsync(3 * HOUR - 60_000)
    expect(FakeNotification.shown).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(FakeNotification.shown.map(n => n.options?.tag)).toEqual(['near', 'later'])

    // The list changes (a sync): nothing is announced twice.
    list.value = [...list.value!]
    await nextTick()
    await flushPromises()
    expect(FakeNotification.shown).toHaveLength(2)
    scope.stop()
  })

  it('remembers across reloads what it already announced', async () => {
    FakeNotification.permission = 'granted'
    const list = ref([{ id: 'near', starts_at: at(now + HOUR), status: 'confirmed' }])
    const first = start(list)
    await flushPromises()
    expect(FakeNotification.shown).toHaveLength(1)
    first.scope.stop()
    const second = start(list)
    await flushPromises()
    expect(FakeNotification.shown).toHaveLength(1)
    second.scope.stop()
  })

  it('says when the browser has no notifications at all', () => {
    vi.stubGlobal('Notification', undefined)
    const { api, scope } = start(ref([]))
    expect(api.permission.value).toBe('unsupported')
    scope.stop()
  })
})

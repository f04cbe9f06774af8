// A system notification when an appointment is near, while the app runs and
// only if the person allowed notifications (asked from a button, never on
// load). Reminders that must arrive when the app is closed are the
// database's SMS and e-mails; this is the nudge to leave on time.
//
// Each appointment (at a given time) is announced once, even across reloads:
// the announced keys are kept on the device. A moved appointment is a new
// key, so it is announced again. The text never names the kind of
// appointment or the place: a lock screen is often seen by others.
import type { MaybeRefOrGetter } from 'vue'
import { onScopeDispose, ref, toValue, watch } from 'vue'

export const NOTIFY_LEAD_MS = 2 * 3_600_000
const STORAGE_KEY = 'reperes.appointments.notified'
const KEEP = 50
/** setTimeout's limit is ~24.8 days; further plans are re-checked later. */
const MAX_DELAY_MS = 2 ** 31 - 1

export interface Notifiable {
  id: string
  starts_at: string
  status: string
}

/** Statuses worth a nudge: the person is expected (not when they said they cannot come). */
const NOTIFY_STATUSES = new Set(['scheduled', 'confirmed', 'reschedule_requested'])

export const notificationKey = (a: Notifiable) => `${a.id}@${Date.parse(a.starts_at)}`

/**
 * What to announce now (inside the lead window and not announced yet), and
 * when to look again (the next window opening), for a list of appointments.
 */
export function planNotifications<T extends Notifiable>(
  list: readonly T[],
  now: number,
  announced: ReadonlySet<string>,
  lead = NOTIFY_LEAD_MS,
): { due: T[], nextAt: number | null } {
  const due: T[] = []
  let nextAt: number | null = null
  for (const a of list) {
    const start = Date.parse(a.starts_at)
    if (!NOTIFY_STATUSES.has(a.status) || Number.isNaN(start) || start <= now || announced.has(notificationKey(a)))
      continue
    if (start - lead <= now)
      due.push(a)
    else
      nextAt = Math.min(nextAt ?? Infinity, start - lead)
  }
  return { due, nextAt }
}

export type Permission = NotificationPermission | 'unsupported'

export function currentPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

function readAnnounced(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : []
  }
  catch {
    return []
  }
}

function remember(key: string) {
  const keys = [...readAnnounced().filter(k => k !== key), key].slice(-KEEP)
  localStorage.setItem(STORAGE_KEY, JSON.stringify(keys))
}

export interface NotificationContent {
  title: string
  body: string
  lang: string
  dir: 'ltr' | 'rtl'
  /** Where a click leads (the appointment's page). */
  url: string
}

/**
 * Shows a notification: the page's own Notification where the browser allows it
 * (desktop), otherwise through the service worker (Android refuses `new Notification`).
 */
export async function showNotification(tag: string, content: NotificationContent, onClick?: () => void): Promise<void> {
  const options: NotificationOptions = { body: content.body, tag, lang: content.lang, dir: content.dir, data: { url: content.url } }
  try {
    const n = new Notification(content.title, options)
    n.onclick = () => {
      window.focus()
      onClick?.()
      n.close()
    }
    return
  }
  catch (error) {
    if (!(error instanceof TypeError) || typeof navigator === 'undefined' || !navigator.serviceWorker)
      throw error
  }
  const registration = await navigator.serviceWorker.getRegistration()
  await registration?.showNotification(content.title, options)
}

export interface NotificationOptionsFor<T extends Notifiable> {
  /** The words of the notification for one appointment. */
  content: (a: T) => NotificationContent
  onClick?: (a: T) => void
  now?: () => number
  lead?: number
}

export function useAppointmentNotifications<T extends Notifiable>(list: MaybeRefOrGetter<readonly T[]>, options: NotificationOptionsFor<T>) {
  const permission = ref<Permission>(currentPermission())
  const now = options.now ?? Date.now
  let timer: ReturnType<typeof setTimeout> | undefined

  async function check() {
    clearTimeout(timer)
    if (permission.value !== 'granted')
      return
    const { due, nextAt } = planNotifications(toValue(list), now(), new Set(readAnnounced()), options.lead)
    for (const a of due) {
      remember(notificationKey(a))
      try {
        await showNotification(a.id, options.content(a), options.onClick ? () => options.onClick!(a) : undefined)
      }
      catch {
        // The browser refused after all (permission revoked meanwhile): nothing to do.
        permission.value = currentPermission()
      }
    }
    if (nextAt !== null)
      timer = setTimeout(() => void check(), Math.min(Math.max(nextAt - now(), 0), MAX_DELAY_MS))
  }

  /** Asks the browser; call it from a click only. */
  async function request(): Promise<Permission> {
    if (permission.value === 'unsupported')
      return permission.value
    permission.value = await Notification.requestPermission()
    await check()
    return permission.value
  }

  watch(() => toValue(list), () => void check(), { immediate: true })
  // The permission may change in the browser's settings while the app runs.
  const onVisible = () => {
    if (document.visibilityState === 'visible') {
      permission.value = currentPermission()
      void check()
    }
  }
  document.addEventListener('visibilitychange', onVisible)
  onScopeDispose(() => {
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onVisible)
  })

  return { permission, request, check }
}

// "3 minutes ago" / "in 2 minutes" in the current locale, refreshed while
// shown. Intl.RelativeTimeFormat does the wording and plurals for each language.
import type { MaybeRefOrGetter } from 'vue'
import { useIntervalFn, useNow } from '@vueuse/core'
import { computed, toValue } from 'vue'
import { useI18n } from 'vue-i18n'

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
]

/** null when the moment is within `nowWindowSec` of now (the caller says "just now"). */
export function formatRelative(at: number, now: number, locale: string, nowWindowSec = 45): string | null {
  const seconds = (at - now) / 1000
  if (Math.abs(seconds) < nowWindowSec)
    return null
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1]
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(seconds / size), unit)
}

export function useRelativeTime(at: MaybeRefOrGetter<string | number | null | undefined>) {
  const { locale, t } = useI18n()
  // Half a minute is precise enough for "3 minutes ago" and costs nothing.
  const now = useNow({ scheduler: cb => useIntervalFn(cb, 30_000) })
  return computed(() => {
    const value = toValue(at)
    if (value === null || value === undefined)
      return null
    const ms = typeof value === 'number' ? value : Date.parse(value)
    if (Number.isNaN(ms))
      return null
    return formatRelative(ms, now.value.getTime(), locale.value) ?? t('sync.just_now')
  })
}

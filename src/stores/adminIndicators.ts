import type { IndicatorRow, IndicatorSet, Period } from '@/domain/adminIndicators'
import type { AdminErrorKind } from '@/services/admin'
import { defineStore } from 'pinia'
import { shallowReactive } from 'vue'
import { AdminServiceError, fetchIndicators } from '@/services/admin'
import { useAuthStore } from './auth'

export interface IndicatorResult {
  status: 'loading' | 'ready' | 'error'
  rows: IndicatorRow[]
  /** When the server computed these rows (ISO, device clock): written in exports. */
  computedAt: string | null
  error: AdminErrorKind | null
  /** The server's sentence, for a refused period. */
  message: string | null
}

const keyOf = (set: IndicatorSet, period: Period) => `${set}|${period.start}|${period.end}`

/**
 * Indicator tables already computed in this session, by table and period:
 * switching tabs or coming back to a period does not ask the server again
 * (figures are "as at the time of the query"; Refresh asks again).
 */
export const useAdminIndicatorsStore = defineStore('adminIndicators', () => {
  const results = shallowReactive(new Map<string, IndicatorResult>())
  const inFlight = new Map<string, AbortController>()

  function result(set: IndicatorSet, period: Period): IndicatorResult | undefined {
    return results.get(keyOf(set, period))
  }

  async function load(set: IndicatorSet, period: Period, options: { force?: boolean } = {}): Promise<void> {
    const key = keyOf(set, period)
    const known = results.get(key)
    if (!options.force && known && known.status !== 'error')
      return
    const userId = useAuthStore().userId
    if (!userId) {
      results.set(key, { status: 'error', rows: [], computedAt: null, error: 'session', message: null })
      return
    }
    inFlight.get(key)?.abort()
    const controller = new AbortController()
    inFlight.set(key, controller)
    results.set(key, { status: 'loading', rows: known?.rows ?? [], computedAt: known?.computedAt ?? null, error: null, message: null })
    try {
      const rows = await fetchIndicators(set, period, userId, controller.signal)
      results.set(key, { status: 'ready', rows, computedAt: new Date().toISOString(), error: null, message: null })
    }
    catch (error) {
      if (controller.signal.aborted)
        return
      const kind = error instanceof AdminServiceError ? error.kind : 'server'
      const message = error instanceof AdminServiceError && kind === 'invalid' ? error.message : null
      results.set(key, { status: 'error', rows: [], computedAt: null, error: kind, message })
    }
    finally {
      if (inFlight.get(key) === controller)
        inFlight.delete(key)
    }
  }

  return { result, load }
})

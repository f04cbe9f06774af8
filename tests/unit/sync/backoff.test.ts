import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from '@/services/supabase'
import { backoffCeiling, backoffDelay, retryDelay } from '@/sync/backoff'

const opts = { baseMs: 1_000, capMs: 60_000 }

/** A seeded generator so the distribution checks are reproducible. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('backoff', () => {
  it('doubles the ceiling per failure up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(n => backoffCeiling(n, opts))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000])
    expect(backoffCeiling(10_000, opts)).toBe(60_000)
    expect(backoffCeiling(0, opts)).toBe(1_000)
  })

  it('draws every delay in [0, ceiling)', () => {
    const random = mulberry32(42)
    for (let n = 1; n <= 12; n++) {
      for (let i = 0; i < 200; i++) {
        const d = backoffDelay(n, opts, random)
        expect(d).toBeGreaterThanOrEqual(0)
        expect(d).toBeLessThan(backoffCeiling(n, opts))
        expect(Number.isInteger(d)).toBe(true)
      }
    }
  })

  it('uses the extremes of the random draw safely', () => {
    expect(backoffDelay(3, opts, () => 0)).toBe(0)
    expect(backoffDelay(3, opts, () => 1)).toBeLessThan(4_000)
    expect(backoffDelay(3, opts, () => 0.5)).toBe(2_000)
  })

  it('spreads the delays (full jitter), not a fixed schedule', () => {
    const random = mulberry32(7)
    const delays = Array.from({ length: 1_000 }, () => backoffDelay(6, opts, random))
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length
    // Uniform on [0, 32 s): mean ≈ 16 s, and values cover the whole range.
    expect(mean).toBeGreaterThan(14_000)
    expect(mean).toBeLessThan(18_000)
    expect(Math.min(...delays)).toBeLessThan(2_000)
    expect(Math.max(...delays)).toBeGreaterThan(30_000)
    expect(new Set(delays).size).toBeGreaterThan(900)
  })

  it('never retries sooner than a Retry-After, with a little jitter on top', () => {
    const random = mulberry32(1)
    for (let i = 0; i < 100; i++) {
      const d = retryDelay(1, 30_000, opts, random)
      expect(d).toBeGreaterThanOrEqual(30_000)
      expect(d).toBeLessThan(31_000)
    }
    expect(retryDelay(2, undefined, opts, () => 0.5)).toBe(1_000)
  })

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.UTC(2027, 0, 1, 12, 0, 0)
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter('Fri, 01 Jan 2027 12:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Fri, 01 Jan 2027 11:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})

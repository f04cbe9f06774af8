// The wait before each Lighthouse run (scripts/host-quiet.mjs): /proc/stat's
// counters read right, and the wait ends on a quiet window or at its bound.
import { describe, expect, it } from 'vitest'
import { busyShare, cpuTicks, waitForQuietHost } from '../../../scripts/host-quiet.mjs'

// user nice system idle iowait irq softirq steal guest guest_nice
const STAT = 'cpu  4705 150 1120 16250 520 0 30 0 0 0\ncpu0 2352 75 560 8125 260 0 15 0 0 0\nintr 12345\n'

/** A fake clock and /proc/stat: each window adds `busy` and `idle` ticks. */
function host(windows: { busy: number, idle: number }[]) {
  let time = 0
  let idle = 0
  let total = 0
  let step = 0
  return {
    read: () => ({ idle, total }),
    sleep: async (ms: number) => {
      time += ms
      const w = windows[Math.min(step++, windows.length - 1)]!
      idle += w.idle
      total += w.busy + w.idle
    },
    now: () => time,
  }
}

describe('host-quiet', () => {
  it('reads idle (with iowait) and total ticks from the first cpu line', () => {
    expect(cpuTicks(STAT)).toEqual({ idle: 16770, total: 4705 + 150 + 1120 + 16250 + 520 + 30 })
  })

  it('refuses a /proc/stat without a readable cpu line', () => {
    expect(() => cpuTicks('intr 1\n')).toThrow(/no "cpu" line/)
    expect(() => cpuTicks('cpu  a b c d\n')).toThrow(/unreadable/)
  })

  it('computes the busy share between two readings', () => {
    expect(busyShare({ idle: 100, total: 200 }, { idle: 175, total: 300 })).toBeCloseTo(0.25)
    expect(busyShare({ idle: 100, total: 200 }, { idle: 100, total: 200 })).toBe(0)
  })

  it('returns after the first quiet window', async () => {
    const fake = host([{ busy: 90, idle: 10 }, { busy: 60, idle: 40 }, { busy: 5, idle: 95 }])
    const result = await waitForQuietHost({ ...fake, busyBelow: 0.15, windowMs: 1000, maxMs: 20_000 })
    expect(result.waitedMs).toBe(3000)
    expect(result.busy).toBeCloseTo(0.05)
  })

  it('gives up at its bound on a host that stays busy, and says how busy', async () => {
    const fake = host([{ busy: 80, idle: 20 }])
    const result = await waitForQuietHost({ ...fake, busyBelow: 0.15, windowMs: 1000, maxMs: 5000 })
    expect(result.waitedMs).toBe(5000)
    expect(result.busy).toBeCloseTo(0.8)
  })

  it('does not wait where there is no /proc/stat', async () => {
    const fake = host([{ busy: 80, idle: 20 }])
    expect(await waitForQuietHost({ ...fake, read: () => null })).toEqual({ waitedMs: 0, busy: null })
  })
})

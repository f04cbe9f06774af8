// Waits for the host's CPUs to go quiet before a lab measurement.
//
// Lighthouse's blocking time is the page's main-thread wall time, times four:
// when another process (the previous run's Chromium shutting down, a test
// server, a neighbour on a shared machine) holds a core, the page's tasks take
// longer and the score drops without the app changing. Lighthouse's
// documentation lists this "client resource contention" among the largest
// sources of variance, and advises isolating the measurement from it. Linux
// only (/proc/stat); elsewhere the wait is skipped.
import { readFileSync } from 'node:fs'

/**
 * The CPU counters of /proc/stat's first line (all cores), in ticks: idle
 * (idle and iowait) and total (user, nice, system, idle, iowait, irq,
 * softirq, steal; guest time is already counted in user).
 */
export function cpuTicks(stat) {
  const line = stat.split('\n').find(l => l.startsWith('cpu '))
  if (!line)
    throw new Error('no "cpu" line in /proc/stat')
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number)
  if (fields.length < 4 || fields.some(n => !Number.isFinite(n)))
    throw new Error(`unreadable "cpu" line in /proc/stat: ${line}`)
  const [, , , idle, iowait = 0] = fields
  return { idle: idle + iowait, total: fields.reduce((a, b) => a + b, 0) }
}

/** The share of CPU time spent busy between two readings (0 to 1; 0 when no tick passed). */
export function busyShare(before, after) {
  const total = after.total - before.total
  return total > 0 ? Math.min(1, Math.max(0, 1 - (after.idle - before.idle) / total)) : 0
}

function readProcStat() {
  try {
    return cpuTicks(readFileSync('/proc/stat', 'utf8'))
  }
  catch {
    return null
  }
}

/**
 * Resolves once the CPUs were busy less than `busyBelow` over a whole window
 * of `windowMs`, or after `maxMs` whatever the load. Returns how long it
 * waited and the last window's busy share (null when the host has no
 * /proc/stat).
 */
export async function waitForQuietHost({ busyBelow = 0.15, windowMs = 1000, maxMs = 20_000, read = readProcStat, sleep = ms => new Promise(resolve => setTimeout(resolve, ms)), now = Date.now } = {}) {
  const start = now()
  let before = read()
  if (!before)
    return { waitedMs: 0, busy: null }
  for (;;) {
    await sleep(windowMs)
    const after = read()
    const busy = after ? busyShare(before, after) : 0
    const waitedMs = now() - start
    if (!after || busy < busyBelow || waitedMs >= maxMs)
      return { waitedMs, busy }
    before = after
  }
}

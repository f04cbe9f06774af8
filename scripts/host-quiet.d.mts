// Types of host-quiet.mjs, for the tests that import it.
export interface CpuTicks { idle: number, total: number }
export interface QuietOptions {
  busyBelow?: number
  windowMs?: number
  maxMs?: number
  read?: () => CpuTicks | null
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}
export function cpuTicks(stat: string): CpuTicks
export function busyShare(before: CpuTicks, after: CpuTicks): number
export function waitForQuietHost(options?: QuietOptions): Promise<{ waitedMs: number, busy: number | null }>

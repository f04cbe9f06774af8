// Retry delays. "Full jitter" (a uniform draw between 0 and the exponential
// ceiling) spreads the retries of many phones that lost the network at the
// same moment, so they do not all hit the server again in lockstep.

export interface BackoffOptions {
  baseMs: number
  capMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 5 * 60_000 }

/** The ceiling for the nth consecutive failure (1-based): base·2^(n-1), at most cap. */
export function backoffCeiling(failures: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(failures))
  // Past ~30 doublings the number overflows usefulness; the cap applies anyway.
  return Math.min(options.capMs, options.baseMs * 2 ** Math.min(n - 1, 30))
}

/** A delay in [0, ceiling), drawn with `random` (Math.random by default). */
export function backoffDelay(failures: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON)
  return Math.floor(r * backoffCeiling(failures, options))
}

/**
 * The wait before the next attempt: what the server asked for (Retry-After)
 * when it said so, never less (plus up to one base delay of jitter so the
 * clients it throttled do not come back all at once); otherwise the jittered
 * backoff.
 */
export function retryDelay(failures: number, retryAfterMs: number | undefined, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0)
    return Math.ceil(retryAfterMs) + backoffDelay(1, options, random)
  return backoffDelay(failures, options, random)
}

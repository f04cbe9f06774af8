// One sync runner across all tabs of the app. The Web Locks API gives a real
// mutual exclusion that is released when a tab dies; where it is missing, a
// lease in localStorage (renewed while running, expiring on its own if the
// tab crashes) is a best-effort fallback. Duplicates cannot come from two
// runners anyway: the server answers a replayed mutation_id with "duplicate".

export const LOCK_NAME = 'reperes-sync'

export type LockOutcome<T> = { ran: true, value: T } | { ran: false }

export interface RunnerLock {
  /** Runs `fn` if no other runner holds the lock; never waits for it. */
  runExclusive: <T>(fn: () => Promise<T>) => Promise<LockOutcome<T>>
}

interface LockManagerLike {
  request: (name: string, options: { ifAvailable: boolean }, cb: (lock: unknown) => Promise<unknown>) => Promise<unknown>
}

export function webLock(locks: LockManagerLike, name = LOCK_NAME): RunnerLock {
  return {
    async runExclusive<T>(fn: () => Promise<T>) {
      return await locks.request(name, { ifAvailable: true }, async (lock) => {
        if (!lock)
          return { ran: false }
        return { ran: true, value: await fn() }
      }) as LockOutcome<T>
    },
  }
}

interface StorageLike {
  getItem: (key: string) => string | null
  setItem: (key: string, value: string) => void
  removeItem: (key: string) => void
}

export interface LeaseOptions {
  storage: StorageLike
  name?: string
  ttlMs?: number
  now?: () => number
  owner?: string
}

export function leaseLock(options: LeaseOptions): RunnerLock {
  const key = `${options.name ?? LOCK_NAME}.lease`
  const ttl = options.ttlMs ?? 15_000
  const now = options.now ?? Date.now
  const owner = options.owner ?? crypto.randomUUID()

  function holder(): { owner: string, until: number } | null {
    try {
      return JSON.parse(options.storage.getItem(key) ?? 'null') as { owner: string, until: number } | null
    }
    catch {
      return null
    }
  }
  const write = () => options.storage.setItem(key, JSON.stringify({ owner, until: now() + ttl }))

  return {
    async runExclusive<T>(fn: () => Promise<T>) {
      const current = holder()
      if (current && current.owner !== owner && current.until > now())
        return { ran: false }
      write()
      // Re-read: if another tab wrote at the same moment, the last writer wins.
      if (holder()?.owner !== owner)
        return { ran: false }
      const renew = setInterval(write, Math.max(1_000, ttl / 3))
      try {
        return { ran: true, value: await fn() }
      }
      finally {
        clearInterval(renew)
        if (holder()?.owner === owner)
          options.storage.removeItem(key)
      }
    },
  }
}

/** In one process only (Node, tests without storage). */
export function localLock(): RunnerLock {
  let busy = false
  return {
    async runExclusive<T>(fn: () => Promise<T>) {
      if (busy)
        return { ran: false }
      busy = true
      try {
        return { ran: true, value: await fn() }
      }
      finally {
        busy = false
      }
    },
  }
}

export function defaultLock(): RunnerLock {
  const nav = typeof navigator === 'undefined' ? undefined : (navigator as { locks?: LockManagerLike })
  if (nav?.locks?.request)
    return webLock(nav.locks)
  if (typeof localStorage !== 'undefined')
    return leaseLock({ storage: localStorage })
  return localLock()
}

// One pass of the reminder sender: claim due reminders, deliver each through its
// channel's provider, record the outcome. Delivery is at most once per reminder (and
// generation); see README.md for the reasoning.
import { renderEmail, renderSms } from './render.ts'
import { reminderStore, type ReminderStore, type StoreOptions, type WorkerDb } from './store.ts'
import type { Channel, ClaimedReminder, OutgoingMessage, Providers, SendOutcome } from './types.ts'

export interface RunOptions {
  db: WorkerDb
  providers: Providers
  /** The moment the pass runs at (tests and replays); defaults to the clock. */
  now?: Date
  batch?: number
  leaseSeconds?: number
  /** Reminders delivered at the same time. */
  concurrency?: number
  store?: StoreOptions
  log?: (message: string) => void
  /** Backoff jitter source, [0, 1). */
  random?: () => number
}

export interface RunReport {
  claimed: number
  sent: number
  /** Recorded as sent because the provider already had the message (after a crash). */
  recovered: number
  retried: number
  failed: number
  unknown: number
}

const BACKOFF_BASE_MS = 60_000
const BACKOFF_CAP_MS = 30 * 60_000

/** Exponential backoff with ±20% jitter: about 1, 2, 4, 8... minutes, capped at 30. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling * (0.8 + 0.4 * random()))
}

export async function runOnce(opts: RunOptions): Promise<RunReport> {
  const now = opts.now ?? new Date()
  const log = opts.log ?? (() => {})
  const store = reminderStore(opts.db, opts.store)
  const channels = (['sms', 'email'] as Channel[]).filter((c) => opts.providers[c])
  const report: RunReport = { claimed: 0, sent: 0, recovered: 0, retried: 0, failed: 0, unknown: 0 }
  if (!channels.length) return report

  const claimed = await store.claim(opts.batch ?? 50, now, opts.leaseSeconds ?? 300, channels)
  report.claimed = claimed.length
  const queue = [...claimed]
  const lanes = Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, queue.length)) }, async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      try {
        const result = await deliver(r, opts, store, now)
        report[result]++
      } catch (e) {
        // A database error: the lease runs out and the next pass takes over safely.
        log(`[reminders] ${r.id}: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
  })
  await Promise.all(lanes)
  log(`[reminders] ${JSON.stringify(report)}`)
  return report
}

type Result = 'sent' | 'recovered' | 'retried' | 'failed' | 'unknown'

async function deliver(r: ClaimedReminder, opts: RunOptions, store: ReminderStore, now: Date): Promise<Result> {
  const provider = opts.providers[r.channel]
  if (!provider) throw new Error(`no provider for ${r.channel}`)
  const random = opts.random ?? Math.random
  const retryAt = (ms?: number) => new Date(now.getTime() + (ms ?? retryDelayMs(r.attempt, random)))

  const failed = async (error: string, at: Date | null): Promise<Result> =>
    (await store.markFailed(r.id, error, at, r.claim_token)) === 'pending' ? 'retried' : 'failed'

  if (r.check_first) {
    // An earlier attempt under this key may have gone through: never send blind.
    if (!provider.lookup) {
      await store.markUnknown(r.id, 'An earlier attempt may have been delivered; the provider cannot be asked.', r.claim_token)
      return 'unknown'
    }
    const known = await provider.lookup(r.idempotency_key)
    if (known.kind === 'found') {
      await recordSent(store, r.id, known.providerId)
      return 'recovered'
    }
    if (known.kind === 'error') return failed(`Provider check failed: ${known.error}`, retryAt())
  }
  if (!r.may_send) return failed('Send window passed; the provider has no message under this key.', null)

  const message: OutgoingMessage =
    r.channel === 'sms'
      ? { to: r.recipient, text: renderSms(r, now), idempotencyKey: r.idempotency_key }
      : { to: r.recipient, ...renderEmail(r), idempotencyKey: r.idempotency_key }
  const outcome: SendOutcome = await provider.send(message).catch(
    (e: unknown): SendOutcome => ({ kind: 'unknown', error: e instanceof Error ? e.message : String(e) }),
  )
  switch (outcome.kind) {
    case 'sent':
      await recordSent(store, r.id, outcome.providerId)
      return 'sent'
    case 'retry':
      return failed(outcome.error, retryAt(outcome.retryAfterMs))
    case 'rejected':
      return failed(outcome.error, null)
    case 'unknown':
      // Retrying is safe only where the provider can be asked first (the row's key is
      // marked used, so the next claim sets check_first).
      if (provider.lookup) return failed(`Outcome unknown: ${outcome.error}`, retryAt())
      await store.markUnknown(r.id, `Outcome unknown, not retried: ${outcome.error}`, r.claim_token)
      return 'unknown'
  }
}

/** The provider took the message: recording it must not be lost to a passing database error. */
async function recordSent(store: ReminderStore, id: string, providerId: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.markSent(id, providerId)
      return
    } catch (e) {
      if (attempt >= 3) throw e
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt))
    }
  }
}

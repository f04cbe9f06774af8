// One-time codes for passwordless sign-in. Kept in memory: a code lives ten
// minutes, and a restart of the local backend simply means asking for a new one.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'

export interface OtpSettings {
  ttlSeconds: number
  maxAttempts: number
  maxSends: number
  sendWindowSeconds: number
}

export interface PendingOtp {
  hash: Buffer
  expiresAt: number
  attempts: number
  /** Create the user on verification if they do not exist yet (GoTrue's create_user). */
  createUser: boolean
  userMetadata: Record<string, unknown>
}

export type SendResult = { code: string } | { retryAfterSeconds: number }
export type CheckResult = { ok: true; pending: PendingOtp } | { ok: false }

export class OtpStore {
  private pending = new Map<string, PendingOtp>()
  private sends = new Map<string, number[]>()
  private lastCodes = new Map<string, string>()

  constructor(
    private readonly settings: OtpSettings,
    private readonly pepper: string,
  ) {}

  /** `to` is a normalized recipient key such as "email:a@b.fr" or "phone:33612345678". */
  issue(to: string, createUser: boolean, userMetadata: Record<string, unknown>, now = Date.now()): SendResult {
    const windowStart = now - this.settings.sendWindowSeconds * 1000
    const recent = (this.sends.get(to) ?? []).filter((t) => t > windowStart)
    if (recent.length >= this.settings.maxSends) {
      return { retryAfterSeconds: Math.ceil((recent[0]! - windowStart) / 1000) }
    }
    recent.push(now)
    this.sends.set(to, recent)
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    // A new code replaces the previous one, as GoTrue does.
    this.pending.set(to, {
      hash: this.hash(to, code),
      expiresAt: now + this.settings.ttlSeconds * 1000,
      attempts: 0,
      createUser,
      userMetadata,
    })
    this.lastCodes.set(to, code)
    return { code }
  }

  /** A code is single use; a wrong guess counts, and too many guesses burn the code. */
  check(to: string, code: string, now = Date.now()): CheckResult {
    const p = this.pending.get(to)
    if (!p) return { ok: false }
    if (p.expiresAt < now || p.attempts >= this.settings.maxAttempts) {
      this.pending.delete(to)
      return { ok: false }
    }
    const given = this.hash(to, code.trim())
    if (given.length === p.hash.length && timingSafeEqual(given, p.hash)) {
      this.pending.delete(to)
      return { ok: true, pending: p }
    }
    p.attempts += 1
    if (p.attempts >= this.settings.maxAttempts) this.pending.delete(to)
    return { ok: false }
  }

  /** Development and tests only: the last code sent to a recipient. */
  last(to: string): string | undefined {
    return this.lastCodes.get(to)
  }

  private hash(to: string, code: string): Buffer {
    return createHmac('sha256', this.pepper).update(`${to}\n${code}`).digest()
  }
}

// Shapes shared by the reminder worker's parts.

export type Channel = 'sms' | 'email'
export type Slot = 'd_minus_2' | 'morning_of'

/** One row of public.reminders_claim(): a leased reminder with what its message needs. */
export interface ClaimedReminder {
  id: string
  /** '<reminder id>:<generation>', given to the provider so a repeat is recognised. */
  idempotency_key: string
  claim_token: string
  channel: Channel
  slot: Slot
  recipient: string
  locale: string
  attempt: number
  /** An earlier attempt under this key may have reached the provider: ask it first. */
  check_first: boolean
  /** False once the send window has passed: only asking the provider is allowed. */
  may_send: boolean
  appointment_id: string
  kind: string
  title: string | null
  starts_at: Date
  duration_min: number
  mode: 'in_person' | 'phone' | 'video'
  location: string | null
  documents_to_bring: string[]
  structure_name: string | null
  structure_address: string | null
  structure_phone: string | null
}

export interface OutgoingMessage {
  to: string
  /** Email only. */
  subject?: string
  text: string
  idempotencyKey: string
}

/**
 * What a provider said. `retry` and `rejected` mean the message was certainly not
 * delivered; `unknown` means it may have been (timeout, connection lost mid-way).
 */
export type SendOutcome =
  | { kind: 'sent'; providerId: string }
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  | { kind: 'rejected'; error: string }
  | { kind: 'unknown'; error: string }

export type LookupOutcome = { kind: 'found'; providerId: string } | { kind: 'not_found' } | { kind: 'error'; error: string }

export interface Provider {
  send(message: OutgoingMessage): Promise<SendOutcome>
  /** Providers that can be asked about an idempotency key (SMS). Without it, an
   * ambiguous outcome is recorded as 'unknown' and never retried. */
  lookup?(idempotencyKey: string): Promise<LookupOutcome>
  close?(): Promise<void> | void
}

export type Providers = Partial<Record<Channel, Provider>>

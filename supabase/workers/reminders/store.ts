// The worker's only access to the database: the reminders_* functions, each call in its
// own short transaction under the service role (so a crash never holds a lease open
// longer than its timeout, and the grants are what production uses).
import type { Channel, ClaimedReminder } from './types.ts'

export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<T = any>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
}

/** A database with transactions: node-postgres (see pgDb) or the local backend's PGlite Db. */
export interface WorkerDb {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
}

export interface StoreOptions {
  /** Role taken for every call (`set local role`); null keeps the connecting role. */
  role?: string | null
}

export interface ReminderStore {
  claim(batch: number, now: Date, leaseSeconds: number, channels: Channel[]): Promise<ClaimedReminder[]>
  markSent(id: string, providerId: string): Promise<boolean>
  /** retryAt null: failed for good. Returns the new status, or null if the lease was lost. */
  markFailed(id: string, error: string, retryAt: Date | null, claimToken: string): Promise<string | null>
  markUnknown(id: string, error: string, claimToken: string): Promise<boolean>
}

export function reminderStore(db: WorkerDb, opts: StoreOptions = {}): ReminderStore {
  const role = opts.role === undefined ? 'service_role' : opts.role
  if (role !== null && !/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`Invalid role name: ${role}`)
  const call = <T>(sql: string, params: unknown[]) =>
    db.transaction(async (tx) => {
      if (role) await tx.query(`set local role "${role}"`)
      return (await tx.query<T>(sql, params)).rows
    })

  return {
    async claim(batch, now, leaseSeconds, channels) {
      const rows = await call<ClaimedReminder>(
        'select * from public.reminders_claim($1::int, $2::timestamptz, $3::int, $4::text[])',
        [batch, now.toISOString(), leaseSeconds, channels],
      )
      return rows.map((r) => ({ ...r, starts_at: new Date(r.starts_at), documents_to_bring: r.documents_to_bring ?? [] }))
    },
    async markSent(id, providerId) {
      const rows = await call<{ ok: boolean }>('select public.reminders_mark_sent($1::uuid, $2::text) as ok', [id, providerId])
      return rows[0]?.ok === true
    },
    async markFailed(id, error, retryAt, claimToken) {
      const rows = await call<{ status: string | null }>(
        'select public.reminders_mark_failed($1::uuid, $2::text, $3::timestamptz, $4::uuid) as status',
        [id, error, retryAt?.toISOString() ?? null, claimToken],
      )
      return rows[0]?.status ?? null
    },
    async markUnknown(id, error, claimToken) {
      const rows = await call<{ ok: boolean }>('select public.reminders_mark_unknown($1::uuid, $2::text, $3::uuid) as ok', [
        id,
        error,
        claimToken,
      ])
      return rows[0]?.ok === true
    },
  }
}

/** Minimal node-postgres pool shape, so this file does not import `pg` itself. */
export interface PgPoolLike {
  connect(): Promise<{
    query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>
    release(err?: Error | boolean): void
  }>
}

/** A WorkerDb over a node-postgres Pool. */
export function pgDb(pool: PgPoolLike): WorkerDb {
  return {
    async transaction(fn) {
      const client = await pool.connect()
      let broken: Error | undefined
      try {
        await client.query('begin')
        const result = await fn({ query: async (sql, params) => ({ rows: (await client.query(sql, params)).rows as never[] }) })
        await client.query('commit')
        return result
      } catch (e) {
        await client.query('rollback').catch((re: Error) => (broken = re))
        throw e
      } finally {
        client.release(broken)
      }
    },
  }
}

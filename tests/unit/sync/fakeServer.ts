// An in-memory stand-in for the four sync RPCs, implementing the same
// SyncTransport interface as the real one. It keeps the protocol's
// promises (idempotent mutation ids, ordered results, cursor pages,
// tombstones) so the engine can be tested without a server.
import type { PullPage, PushMutation, PushResult, ServerRow } from '@/domain/sync'
import type { SyncTransport } from '@/sync/transport'
import { TransportError } from '@/sync/transport'

interface Change { seq: number, table: string, id: string, row: ServerRow | null }

export type Fault = TransportError | Error
export type Policy = (m: PushMutation) => { reason: string, message: string } | undefined

export class FakeServer implements SyncTransport {
  readonly rows = new Map<string, Map<string, ServerRow>>()
  readonly log = new Map<string, { status: 'applied' | 'rejected', device: string }>()
  readonly calls: { method: string, size?: number, cursor?: string | null }[] = []
  /** Failures thrown by the next calls, in order (one per call). */
  readonly faults: (Fault | undefined)[] = []
  /** Which method the faults apply to (default: any). */
  faultOn: keyof SyncTransport | 'any' = 'any'
  policy: Policy = () => undefined
  private changes: Change[] = []
  private seq = 0
  /** Resolves every push after this promise (to hold a push in flight). */
  gate: Promise<void> | null = null

  constructor(readonly userId = 'user-a') {}

  put(table: string, row: ServerRow): void {
    const version = (this.rows.get(table)?.get(row.id)?.version ?? 0) + 1
    const stored = { ...row, version }
    if (!this.rows.has(table))
      this.rows.set(table, new Map())
    this.rows.get(table)!.set(row.id, stored)
    this.changes.push({ seq: ++this.seq, table, id: row.id, row: stored })
  }

  remove(table: string, id: string): void {
    this.rows.get(table)?.delete(id)
    this.changes.push({ seq: ++this.seq, table, id, row: null })
  }

  /** Hides a row without a tombstone (access revoked): only reconcile can tell. */
  revoke(table: string, id: string): void {
    this.rows.get(table)?.delete(id)
  }

  count(table: string): number {
    return this.rows.get(table)?.size ?? 0
  }

  private fault(method: keyof SyncTransport): void {
    if (this.faultOn !== 'any' && this.faultOn !== method)
      return
    const next = this.faults.shift()
    if (next)
      throw next
  }

  async push(mutations: PushMutation[], deviceId: string): Promise<PushResult[]> {
    this.calls.push({ method: 'push', size: mutations.length })
    this.fault('push')
    if (this.gate)
      await this.gate
    return mutations.map((m) => {
      if (this.log.get(m.mutation_id)?.status === 'applied')
        return { mutation_id: m.mutation_id, status: 'duplicate' }
      const refusal = this.policy(m)
      if (refusal) {
        this.log.set(m.mutation_id, { status: 'rejected', device: deviceId })
        return { mutation_id: m.mutation_id, status: 'rejected', ...refusal }
      }
      this.apply(m)
      this.log.set(m.mutation_id, { status: 'applied', device: deviceId })
      return { mutation_id: m.mutation_id, status: 'applied' }
    })
  }

  private apply(m: PushMutation): void {
    const [entity, verb] = m.name.split('.')
    const table = entity === 'feedback' ? 'feedback' : entity === 'profile' ? 'profiles' : `${entity}s`
    const id = String(m.args.id ?? this.userId)
    if (verb === 'delete')
      return this.remove(table, id)
    const current = this.rows.get(table)?.get(id)
    this.put(table, { ...current, ...m.args, id, ...(verb === 'create' ? { author_id: this.userId } : {}) })
  }

  async pull(cursor: string | null, limit: number): Promise<PullPage> {
    this.calls.push({ method: 'pull', cursor })
    this.fault('pull')
    const from = Number(cursor ?? 0)
    // Only the latest change of each row matters, as with the real cursor.
    const latest = new Map<string, Change>()
    for (const c of this.changes.filter(c => c.seq > from))
      latest.set(`${c.table}:${c.id}`, c)
    const ordered = [...latest.values()].sort((a, b) => a.seq - b.seq)
    const page = ordered.slice(0, limit)
    const result: PullPage = { changes: {}, tombstones: {}, cursor: String(page.at(-1)?.seq ?? from), has_more: ordered.length > limit }
    for (const c of page) {
      if (c.row)
        (result.changes[c.table] ??= []).push(c.row)
      else
        (result.tombstones[c.table] ??= []).push(c.id)
    }
    if (!result.has_more)
      result.cursor = String(this.seq)
    return result
  }

  async reconcile(tables: string[]): Promise<Record<string, string[]>> {
    this.calls.push({ method: 'reconcile' })
    this.fault('reconcile')
    return Object.fromEntries(tables.map(t => [t, [...(this.rows.get(t)?.keys() ?? [])]]))
  }

  async stats(deviceId: string): Promise<{ mutations_received: number }> {
    this.calls.push({ method: 'stats' })
    this.fault('stats')
    return { mutations_received: [...this.log.values()].filter(e => e.device === deviceId).length }
  }
}

export const offline = () => new TransportError('network', 'fetch failed')
export const expired = () => new TransportError('auth', 'JWT expired', 401)

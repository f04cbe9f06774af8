/**
 * sync_pull on a real PostgreSQL with concurrent transactions: a transaction
 * that starts first and commits last must never be skipped by a cursor, and
 * paging serves every row exactly once.
 */
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ids, pull, startCluster, type Cluster } from './helpers/database.ts'

let cluster: Cluster
const clients: pg.Client[] = []

async function connect(): Promise<pg.Client> {
  const c = await cluster.connect()
  clients.push(c)
  return c
}

/** Inserts a published structure as the platform (no user), in whatever transaction c is in. */
async function insertStructure(c: pg.Client, name: string): Promise<string> {
  const id = randomUUID()
  await c.query(`insert into public.structures (id, kind, name, status) values ($1, 'EI', $2, 'published')`, [id, name])
  return id
}

async function xidOf(c: pg.Client, id: string): Promise<bigint> {
  const { rows } = await c.query<{ x: string }>('select row_xid::text as x from public.structures where id = $1', [id])
  return BigInt(rows[0]!.x)
}

beforeAll(async () => {
  cluster = await startCluster()
})

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)))
  cluster?.stop()
})

describe('sync_pull on real PostgreSQL', () => {
  it('never skips a transaction that started first and committed last', async () => {
    const [admin, early, late, puller] = await Promise.all([connect(), connect(), connect(), connect()])
    const before = await insertStructure(admin, 'Déjà là')

    await early.query('begin')
    const first = await insertStructure(early, 'Commence tôt, valide tard') // takes its xid now
    await late.query('begin')
    const second = await insertStructure(late, 'Commence tard, valide tôt')
    await late.query('commit')

    // The scenario really is out of order: the row committed first has the newer xid.
    expect(await xidOf(admin, second)).toBeGreaterThan(await xidOf(early, first))

    const p1 = await pull(puller, null, null)
    expect(ids(p1, 'structures')).toContain(before)
    expect(ids(p1, 'structures')).not.toContain(first) // still in flight
    // Held back too: serving it would move the cursor past the in-flight row.
    expect(ids(p1, 'structures')).not.toContain(second)

    await early.query('commit')
    const p2 = await pull(puller, null, p1.cursor)
    expect(ids(p2, 'structures').sort()).toEqual([first, second].sort())

    const p3 = await pull(puller, null, p2.cursor)
    expect(p3.changes).toEqual({})
    expect(p3.has_more).toBe(false)
  })

  it('serves an update made by a late-committing transaction', async () => {
    const [admin, early, late, puller] = await Promise.all([connect(), connect(), connect(), connect()])
    const row = await insertStructure(admin, 'Version 1')
    const p1 = await pull(puller, null, null)
    expect(p1.changes.structures?.find((r) => r.id === row)?.version).toBe(1)

    await early.query('begin')
    await early.query(`update public.structures set name = 'Version 2' where id = $1`, [row])
    await late.query('begin')
    const other = await insertStructure(late, 'Autre')
    await late.query('commit')

    const p2 = await pull(puller, null, p1.cursor)
    expect(ids(p2, 'structures')).not.toContain(row)
    await early.query('commit')

    const p3 = await pull(puller, null, p2.cursor)
    const served = p3.changes.structures ?? []
    expect(served.find((r) => r.id === row)).toMatchObject({ name: 'Version 2', version: 2 })
    expect([...ids(p2, 'structures'), ...ids(p3, 'structures')]).toContain(other)
  })

  it('holds back a late personal row under row-level security, then serves it to its owner only', async () => {
    const [admin, early, late, puller] = await Promise.all([connect(), connect(), connect(), connect()])
    const [a, b] = [randomUUID(), randomUUID()]
    await admin.query(`insert into auth.users (id, email) values ($1, $2), ($3, $4)`, [
      a, `${a}@test.invalid`, b, `${b}@test.invalid`,
    ])
    const appointment = (c: pg.Client, who: string) => {
      const id = randomUUID()
      return c
        .query(
          `insert into public.appointments (id, allocataire_id, kind, starts_at)
           values ($1, $2, 'follow_up', now() + interval '3 days')`,
          [id, who],
        )
        .then(() => id)
    }
    const p0 = await pull(puller, a, null)

    await early.query('begin')
    const lateForA = await appointment(early, a)
    await late.query('begin')
    const forB = await appointment(late, b)
    const soonForA = await appointment(late, a)
    await late.query('commit')

    const p1 = await pull(puller, a, p0.cursor)
    expect(ids(p1, 'appointments')).toEqual([])
    await early.query('commit')

    const p2 = await pull(puller, a, p1.cursor)
    expect(ids(p2, 'appointments').sort()).toEqual([lateForA, soonForA].sort())
    expect(ids(p2, 'appointments')).not.toContain(forB)
    const forBOnly = await pull(puller, b, null)
    expect(ids(forBOnly, 'appointments')).toEqual([forB])
  })

  it('pages with a small limit serve every row exactly once, whatever the commit order', async () => {
    const writers = await Promise.all([connect(), connect(), connect(), connect()])
    const [puller] = await Promise.all([connect()])
    const start = await pull(puller, null, null)
    const written: string[] = []
    // Three rounds: four transactions open at once, committed in reverse order.
    for (let round = 0; round < 3; round++) {
      for (const w of writers) await w.query('begin')
      for (const [i, w] of writers.entries()) {
        for (let k = 0; k < 5; k++) written.push(await insertStructure(w, `Page ${round}-${i}-${k}`))
      }
      for (const w of [...writers].reverse()) await w.query('commit')
    }

    const seen: string[] = []
    let cursor = start.cursor
    let pulls = 0
    for (;;) {
      const page = await pull(puller, null, cursor, 7)
      pulls++
      for (const rows of Object.values(page.changes)) expect(rows.length).toBeLessThanOrEqual(7)
      seen.push(...ids(page, 'structures'))
      cursor = page.cursor
      if (!page.has_more) break
      expect(pulls).toBeLessThan(50)
    }
    expect(seen.length).toBe(written.length)
    expect(new Set(seen)).toEqual(new Set(written))
    expect(pulls).toBe(Math.ceil(written.length / 7)) // has_more is exact: no empty last page
  })

  it('converges to the database under concurrent writers, rollbacks and deletes', async () => {
    const writers = await Promise.all([connect(), connect(), connect(), connect()])
    const [puller, admin] = await Promise.all([connect(), connect()])
    const base = await pull(puller, null, null)
    const pool: string[] = []
    for (let i = 0; i < 20; i++) pool.push(await insertStructure(admin, `Départ ${i}`))

    // What a device would hold: id → version, or null once tombstoned.
    const device = new Map<string, number | null>()
    let cursor = base.cursor
    const apply = (a: Awaited<ReturnType<typeof pull>>) => {
      for (const row of a.changes.structures ?? []) {
        const had = device.get(row.id)
        if (typeof had === 'number') expect(row.version).toBeGreaterThan(had) // never served backwards
        device.set(row.id, row.version)
      }
      for (const id of a.tombstones.structures ?? []) device.set(id, null)
      cursor = a.cursor
    }

    let running = true
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
    const pulling = (async () => {
      while (running) {
        apply(await pull(puller, null, cursor, 5))
        await sleep(2)
      }
    })()

    const deleted = new Set<string>()
    const work = writers.map(async (w, n) => {
      for (let i = 0; i < 25; i++) {
        await w.query('begin')
        try {
          const roll = Math.random()
          if (roll < 0.4) {
            const id = await insertStructure(w, `W${n}-${i}`)
            pool.push(id)
          } else {
            const id = pool[Math.floor(Math.random() * pool.length)]!
            if (roll < 0.5 && !deleted.has(id)) {
              deleted.add(id)
              await w.query('update public.structures set deleted_at = now() where id = $1', [id])
            } else {
              await w.query(`update public.structures set name = name || '.' where id = $1 and deleted_at is null`, [id])
            }
          }
          await sleep(Math.random() * 15)
          await w.query(Math.random() < 0.1 ? 'rollback' : 'commit')
        } catch {
          await w.query('rollback')
        }
      }
    })
    await Promise.all(work)
    running = false
    await pulling
    for (;;) {
      const a = await pull(puller, null, cursor, 5)
      apply(a)
      if (!a.has_more) break
    }

    const { rows } = await admin.query<{ id: string; version: string; dead: boolean }>(
      'select id, version::text, deleted_at is not null as dead from public.structures where id = any($1::uuid[])',
      [pool],
    )
    const truth = new Map(rows.map((r) => [r.id, r.dead ? null : Number(r.version)]))
    expect(truth.size).toBeGreaterThan(20)
    for (const id of pool) {
      if (truth.has(id)) expect(device.get(id), id).toBe(truth.get(id))
      else expect(device.has(id), `rolled back ${id}`).toBe(false)
    }
  })

  it('reads only recent index entries when the cursor is recent', async () => {
    const [admin, puller] = await Promise.all([connect(), connect()])
    const users = Array.from({ length: 50 }, () => randomUUID())
    await admin.query(
      `insert into auth.users (id, email) select u, u::text || '@test.invalid' from unnest($1::uuid[]) u`,
      [users],
    )
    await admin.query(
      `insert into public.appointments (allocataire_id, kind, starts_at)
       select ($1::uuid[])[1 + g % 50], 'follow_up', now() + g * interval '1 minute' from generate_series(1, 20000) g`,
      [users],
    )
    await admin.query('analyze public.appointments')
    const me = users[0]!
    let cursor: string | null = null
    for (;;) {
      const a: Awaited<ReturnType<typeof pull>> = await pull(puller, me, cursor)
      cursor = a.cursor
      if (!a.has_more) break
    }
    await admin.query(
      `insert into public.appointments (allocataire_id, kind, starts_at) values ($1, 'diagnostic', now() + interval '1 day')`,
      [me],
    )
    const scans = async () => {
      await admin.query('select pg_stat_clear_snapshot()')
      const { rows } = await admin.query<{ seq: string; idx: string }>(
        `select seq_scan::text as seq, idx_scan::text as idx from pg_stat_user_tables where relid = 'public.appointments'::regclass`,
      )
      return { seq: Number(rows[0]!.seq), idx: Number(rows[0]!.idx) }
    }
    const flush = () => puller.query('select pg_stat_force_next_flush()').then(() => puller.query('select 1'))
    await flush()
    const before = await scans()
    const recent = await pull(puller, me, cursor)
    await flush()
    const after = await scans()
    expect(ids(recent, 'appointments')).toHaveLength(1)
    expect(after.seq - before.seq).toBe(0)
    expect(after.idx - before.idx).toBeGreaterThan(0)
  })
})

/**
 * The sync migrations on PGlite (PostgreSQL 18 in WebAssembly), the engine of the
 * local backend: they load, the xid functions they rely on exist, the pgTAP suites of
 * supabase/tests/sync_*.sql pass there too, and push/pull work end to end.
 */
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ids, pull, push, startPglite } from './helpers/database.ts'

const TESTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'supabase', 'tests')

/** Debian's pgTAP is plain SQL: it loads into PGlite as a script. */
function pgtapScript(): string {
  const share = execFileSync('pg_config', ['--sharedir'], { encoding: 'utf8' }).trim()
  const control = readFileSync(path.join(share, 'extension', 'pgtap.control'), 'utf8')
  const version = /default_version\s*=\s*'([^']+)'/.exec(control)?.[1]
  return readFileSync(path.join(share, 'extension', `pgtap--${version}.sql`), 'utf8')
}

let db: PGlite

beforeAll(async () => {
  db = await startPglite()
})

afterAll(async () => {
  await db?.close()
})

describe('sync on PGlite', () => {
  it('has the transaction id functions the cursor relies on', async () => {
    const { rows } = await db.query<{ v: string; ok: boolean }>(
      `select current_setting('server_version_num') as v,
              pg_snapshot_xmin(pg_current_snapshot()) <= pg_current_xact_id() as ok`,
    )
    expect(Number(rows[0]!.v)).toBeGreaterThanOrEqual(180000)
    expect(rows[0]!.ok).toBe(true)
  })

  it('pushes, replays, pulls pages and tombstones', async () => {
    const me = randomUUID()
    await db.query(`insert into auth.users (id, email) values ($1, $2)`, [me, `${me}@test.invalid`])
    const created = Array.from({ length: 12 }, () => randomUUID())
    const mutations = created.map((id, i) => ({
      mutation_id: randomUUID(),
      name: 'feedback.create',
      args: { id, kind: 'other', body: `Avis ${i}`, share_with_groupe: false, contact_back: false },
    }))
    const device = randomUUID()
    const first = await push(db, me, mutations, device)
    expect(first.map((r) => r.status)).toEqual(created.map(() => 'applied'))
    const again = await push(db, me, mutations.slice(0, 2), device)
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate'])
    const del = await push(db, me, [{ mutation_id: randomUUID(), name: 'feedback.delete', args: { id: created[0] } }], device)
    expect(del[0]!.status).toBe('applied')

    const seen: string[] = []
    const dead: string[] = []
    let cursor: string | null = null
    for (let n = 0; ; n++) {
      const page: Awaited<ReturnType<typeof pull>> = await pull(db, me, cursor, 5)
      seen.push(...ids(page, 'feedback'))
      dead.push(...(page.tombstones.feedback ?? []))
      cursor = page.cursor
      if (!page.has_more) break
      expect(n).toBeLessThan(20)
    }
    expect(dead).toEqual([created[0]])
    expect(seen.sort()).toEqual(created.slice(1).sort())

    const { rows } = await stats(me, device)
    expect(rows[0]!.s.mutations_received).toBe(13)
  })

  for (const file of readdirSync(TESTS_DIR).filter((f) => /^sync_.*\.sql$/.test(f)).sort()) {
    it(`passes the pgTAP suite ${file}`, async () => {
      await loadPgtap()
      const sql = readFileSync(path.join(TESTS_DIR, file), 'utf8').replace(/^create extension if not exists pgtap;$/m, '')
      let results
      try {
        results = await db.exec(sql)
      } catch (e) {
        await db.exec('rollback')
        throw e
      }
      const tap = results
        .flatMap((r) => r.rows.map((row) => Object.values(row)[0]))
        .filter((v): v is string => typeof v === 'string')
        .flatMap((v) => v.split('\n'))
      const plan = tap.find((l) => /^1\.\.\d+$/.test(l))
      const failures = tap.filter((l) => l.startsWith('not ok') || l.startsWith('# Looks like'))
      expect(failures, tap.join('\n')).toEqual([])
      expect(tap.filter((l) => l.startsWith('ok ')).length).toBe(Number(plan?.slice(3)))
    })
  }
})

let pgtapLoaded = false
async function loadPgtap() {
  if (pgtapLoaded) return
  await db.exec(pgtapScript())
  pgtapLoaded = true
}

async function stats(sub: string, device: string) {
  await db.query('begin')
  try {
    await db.query(`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub, role: 'authenticated' }),
    ])
    const r = await db.query<{ s: { mutations_received: number } }>('select public.sync_stats($1) as s', [device])
    await db.query('commit')
    return r
  } catch (e) {
    await db.query('rollback')
    throw e
  }
}

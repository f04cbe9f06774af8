// @vitest-environment node
// `npm run retention` on the local engine (PGlite, PostgreSQL 18 in WebAssembly): the same
// migrations, the same function the nightly pg_cron job calls on Supabase.
import type { Db } from '../../../supabase/local/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseArgs, runRetention } from '../../../scripts/retention'
import { openPglite } from '../../../supabase/local/db'
import { migrate } from '../../../supabase/local/migrate'

let db: Db

beforeAll(async () => {
  db = await openPglite(null)
  await migrate(db, { seed: true, log: () => {} })
}, 120_000)

afterAll(async () => {
  await db?.close()
})

const state = async (id: string) => (await db.query<{ note: string | null, reduced: boolean, deleted: boolean }>(
  'select note, reduced_at is not null as reduced, deleted_at is not null as deleted from public.outreach_contacts where id = $1', [id])).rows[0]

describe('scripts/retention.ts', () => {
  it('reads its options', () => {
    expect(parseArgs(['--dry-run', '--at', '2027-06-01T03:00:00+02:00'])).toEqual({ dryRun: true, at: '2027-06-01T03:00:00+02:00' })
    expect(parseArgs(['--at=2027-06-01'])).toEqual({ at: '2027-06-01' })
    expect(() => parseArgs(['--at', 'demain'])).toThrow('--at')
    expect(() => parseArgs(['--force'])).toThrow('unknown option')
  })

  it('reports without changing anything in a dry run', async () => {
    // The seeded anonymous contact met 130 days ago is due for reduction.
    expect(await runRetention(db, { dryRun: true })).toEqual({ reduced: 1, erased: 0 })
    expect(await state('cc000000-0000-4000-8000-000000000004')).toMatchObject({ reduced: false, note: 'Rencontré à la fête de quartier.' })
  })

  it('applies the rules as the service role, once', async () => {
    expect(await runRetention(db)).toEqual({ reduced: 1, erased: 0 })
    expect(await state('cc000000-0000-4000-8000-000000000004')).toMatchObject({ reduced: true, note: null, deleted: false })
    expect(await runRetention(db)).toEqual({ reduced: 0, erased: 0 })
  })

  it('looks ahead with --at: a year and a half later, consented contacts without activity are erased', async () => {
    const at = new Date(Date.now() + 550 * 86_400_000).toISOString()
    const result = await runRetention(db, { at, dryRun: true })
    // Seeded: two anonymous contacts left to reduce; three consented, one of them in a parcours (kept).
    expect(result).toEqual({ reduced: 2, erased: 2 })
  })
})

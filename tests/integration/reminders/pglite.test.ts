/**
 * The local backend runs on PGlite, a single in-process connection: there the sender is
 * not a separate process but runOnce() called with a transaction-capable handle over the
 * same PGlite (the shape of supabase/local/db.ts's Db). Same functions, same grants.
 */
import type { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpSmsProvider } from '../../../supabase/workers/reminders/sms.ts'
import type { WorkerDb } from '../../../supabase/workers/reminders/store.ts'
import { runOnce } from '../../../supabase/workers/reminders/worker.ts'
import { startPglite } from '../sync-server/helpers/database.ts'
import { startFakeSms, type FakeSms } from './fakeSms.ts'
import { addAllocataire, addAppointment, addStructure, remindersOf } from './helpers.ts'

const U1 = 'ae000000-0000-4000-8000-000000000001'
const A1 = 'ae100000-0000-4000-8000-000000000001'

let lite: PGlite
let sms: FakeSms

beforeAll(async () => {
  ;[lite, sms] = await Promise.all([startPglite(), startFakeSms()])
})
afterAll(async () => {
  await Promise.all([lite?.close(), sms?.close()])
})

function pgliteDb(db: PGlite): WorkerDb {
  return {
    transaction: (fn) =>
      db.transaction((tx) => fn({ query: async (sql, params) => ({ rows: (await tx.query(sql, params)).rows as never[] }) })),
  }
}

describe('reminder sender on PGlite', () => {
  it('schedules on insert, sends in-process through runOnce, once', async () => {
    await addStructure(lite)
    await addAllocataire(lite, { id: U1, phone: '+33 6 12 34 56 78', email: 'a@example.org', locale: 'en' })
    // Monday 31 March 2036 10:00 Paris (summer time since the day before).
    await addAppointment(lite, { id: A1, allocataireId: U1, startsAt: '2036-03-31T10:00:00+02:00', location: 'CAPI 20e' })
    const rows = await remindersOf(lite, A1)
    expect(rows.map((r) => [r.channel, r.slot, r.status])).toEqual([
      ['email', 'd_minus_2', 'pending'],
      ['email', 'morning_of', 'pending'],
      ['sms', 'd_minus_2', 'pending'],
      ['sms', 'morning_of', 'pending'],
    ])
    const db = pgliteDb(lite)
    const providers = { sms: httpSmsProvider({ url: sms.url, token: sms.token }) }
    // D-2: Saturday 29 March 10:00, still winter time (09:00 UTC).
    expect((await runOnce({ db, providers, now: new Date('2036-03-29T08:59:00Z') })).claimed).toBe(0)
    expect(await runOnce({ db, providers, now: new Date('2036-03-29T09:00:00Z') })).toMatchObject({ claimed: 1, sent: 1 })
    expect(await runOnce({ db, providers, now: new Date('2036-03-29T09:01:00Z') })).toMatchObject({ claimed: 0 })
    expect(sms.posts).toHaveLength(1)
    expect(sms.posts[0]?.text).toBe('Repères: appointment on Mon 31 Mar at 10:00, CAPI 20e. Please answer in the Repères app.')
    expect((await remindersOf(lite, A1)).find((r) => r.channel === 'sms' && r.slot === 'd_minus_2')?.status).toBe('sent')
  })
})

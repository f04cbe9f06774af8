/**
 * A sender process killed after the SMS provider took the message but before the database
 * heard of it: the next pass must find the message by its idempotency key and record it,
 * never send a second SMS. Also: the command-line entry point runs a pass and exits.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { httpSmsProvider } from '../../../supabase/workers/reminders/sms.ts'
import { runOnce } from '../../../supabase/workers/reminders/worker.ts'
import { startFakeSms, type FakeSms } from './fakeSms.ts'
import { addAllocataire, addAppointment, addStructure, remindersOf, reset, startDb, type TestDb } from './helpers.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const U1 = 'ae000000-0000-4000-8000-000000000001'
const A1 = 'ae100000-0000-4000-8000-000000000001'
const D2 = new Date('2036-06-16T08:00:00Z') // D-2 of Wednesday 18 June 2036 14:00 Paris
const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000)

let t: TestDb
let sms: FakeSms

beforeAll(async () => {
  ;[t, sms] = await Promise.all([startDb(), startFakeSms()])
})
afterAll(async () => {
  await Promise.all([t?.close(), sms?.close()])
})
beforeEach(async () => {
  await reset(t.admin)
  await addStructure(t.admin)
  await addAllocataire(t.admin, { id: U1, phone: '+33 6 12 34 56 78', emailReminders: false })
  await addAppointment(t.admin, { id: A1, allocataireId: U1, startsAt: '2036-06-18T14:00:00+02:00' })
  sms.messages.clear()
  sms.posts.length = 0
  sms.lookups.length = 0
  sms.mode = 'ok'
  sms.onAccepted = undefined
})

function run(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out })),
  )
  return { child, exited }
}

const smsOnly = () => ({ sms: httpSmsProvider({ url: sms.url, token: sms.token }) })

describe('a sender that dies', () => {
  it('killed between the provider call and the record: the next pass does not send again', async () => {
    const { child, exited } = run(path.join('tests', 'integration', 'reminders', 'crashChild.ts'), [], {
      DATABASE_URL: t.url,
      SMS_PROVIDER_URL: sms.url,
      SMS_PROVIDER_TOKEN: sms.token,
      REMINDERS_NOW: D2.toISOString(),
    })
    // The provider takes the message, and the sender dies before hearing back.
    sms.onAccepted = () => child.kill('SIGKILL')
    const end = await exited
    expect(end.signal).toBe('SIGKILL')
    expect(sms.posts).toHaveLength(1)
    expect(sms.messages.size).toBe(1)
    expect((await remindersOf(t.admin, A1)).find((r) => r.slot === 'd_minus_2')?.status).toBe('sending')

    const db = t.workerDb()
    // Within the lease (5 minutes) nobody touches it.
    expect((await runOnce({ db, providers: smsOnly(), now: minutes(D2, 2) })).claimed).toBe(0)
    // After it, the provider is asked and the message recorded.
    expect(await runOnce({ db, providers: smsOnly(), now: minutes(D2, 6) })).toMatchObject({
      claimed: 1,
      recovered: 1,
      sent: 0,
    })
    const row = (await remindersOf(t.admin, A1)).find((r) => r.slot === 'd_minus_2')
    expect(row).toMatchObject({ status: 'sent', provider_id: [...sms.messages.values()][0]?.id, attempts: 2 })
    expect(sms.posts).toHaveLength(1)
    expect(sms.lookups).toEqual([sms.posts[0]?.idempotency_key])
    expect((await runOnce({ db, providers: smsOnly(), now: minutes(D2, 30) })).claimed).toBe(0)
    expect(sms.posts).toHaveLength(1)
  })

  it('killed after claiming, before any provider call: the next pass checks, then sends once', async () => {
    // A worker leased the reminder and died at once.
    await t.admin.query("select * from public.reminders_claim(10, $1, 300, '{sms}')", [D2.toISOString()])
    const db = t.workerDb()
    expect(await runOnce({ db, providers: smsOnly(), now: minutes(D2, 6) })).toMatchObject({ claimed: 1, sent: 1 })
    expect(sms.lookups).toHaveLength(1)
    expect(sms.posts).toHaveLength(1)
    expect((await remindersOf(t.admin, A1)).find((r) => r.slot === 'd_minus_2')?.status).toBe('sent')
  })

  it('the command line runs one pass and exits; it refuses to start unconfigured', async () => {
    await reset(t.admin)
    const main = path.join('supabase', 'workers', 'reminders', 'main.ts')
    const ok = await run(main, ['--once'], {
      DATABASE_URL: t.url,
      SMS_PROVIDER_URL: sms.url,
      SMS_PROVIDER_TOKEN: sms.token,
    }).exited
    expect(ok.out).toContain('"claimed":0')
    expect(ok.code).toBe(0)
    const bad = await run(main, ['--once'], { DATABASE_URL: '', SMS_PROVIDER_URL: sms.url }).exited
    expect(bad.code).toBe(1)
    expect(bad.out).toContain('DATABASE_URL is required')
  })
})

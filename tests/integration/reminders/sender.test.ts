/**
 * The reminder sender against real PostgreSQL, a fake SMS provider (HTTP) and a fake SMTP
 * server, all on 127.0.0.1. Time is passed to each pass (`now`), the database schedules.
 * Appointment: Wednesday 18 June 2036 14:00 Paris (UTC+2); its D-2 is Monday 16 June 10:00
 * (08:00 UTC), its day-of reminder 18 June 08:00 (06:00 UTC).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { smtpProvider } from '../../../supabase/workers/reminders/email.ts'
import { smsLength } from '../../../supabase/workers/reminders/gsm.ts'
import { httpSmsProvider } from '../../../supabase/workers/reminders/sms.ts'
import type { Providers } from '../../../supabase/workers/reminders/types.ts'
import { runOnce, type RunOptions } from '../../../supabase/workers/reminders/worker.ts'
import { startFakeSms, type FakeSms } from './fakeSms.ts'
import { startFakeSmtp, type FakeSmtp } from './fakeSmtp.ts'
import { addAllocataire, addAppointment, addStructure, remindersOf, reset, startDb, type TestDb } from './helpers.ts'

const U1 = 'ae000000-0000-4000-8000-000000000001'
const A1 = 'ae100000-0000-4000-8000-000000000001'
const STARTS = '2036-06-18T14:00:00+02:00'
const D2 = new Date('2036-06-16T08:00:00Z')
const MORNING = new Date('2036-06-18T06:00:00Z')
const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000)

let t: TestDb
let sms: FakeSms
let smtp: FakeSmtp

beforeAll(async () => {
  ;[t, sms, smtp] = await Promise.all([startDb(), startFakeSms(), startFakeSmtp()])
})
afterAll(async () => {
  await Promise.all([t?.close(), sms?.close(), smtp?.close()])
})
beforeEach(async () => {
  await reset(t.admin)
  await addStructure(t.admin)
  sms.messages.clear()
  sms.posts.length = 0
  sms.lookups.length = 0
  sms.mode = 'ok'
  sms.delayMs = 0
  smtp.mails.length = 0
  smtp.dataReceived = 0
  smtp.mode = 'ok'
})

function providers(opts: { smsTimeoutMs?: number; emailTimeoutMs?: number } = {}): Providers {
  return {
    sms: httpSmsProvider({ url: sms.url, token: sms.token, timeoutMs: opts.smsTimeoutMs ?? 5_000 }),
    email: smtpProvider({ url: smtp.url, from: 'Repères <rappels@reperes.paris>', timeoutMs: opts.emailTimeoutMs ?? 5_000 }),
  }
}

async function pass(now: Date, extra: Partial<RunOptions> = {}) {
  return runOnce({ db: t.workerDb(), providers: providers(), now, random: () => 0.5, ...extra })
}

async function oneAppointment(locale = 'fr') {
  await addAllocataire(t.admin, { id: U1, email: 'amina@example.org', phone: '+33 6 12 34 56 78', locale })
  await addAppointment(t.admin, {
    id: A1,
    allocataireId: U1,
    startsAt: STARTS,
    location: 'Espace insertion Paris 18e, 4 rue Affre',
    documents: ['Attestation CAF', 'Pièce d’identité'],
  })
}

describe('reminder sender', () => {
  it('sends due reminders once, by SMS and email, in French', async () => {
    await oneAppointment()
    expect((await pass(minutes(D2, -1))).claimed).toBe(0)

    const first = await pass(D2)
    expect(first).toMatchObject({ claimed: 2, sent: 2, retried: 0, failed: 0, unknown: 0 })
    expect(sms.posts).toHaveLength(1)
    const text = sms.posts[0]?.text ?? ''
    expect(sms.posts[0]?.to).toBe('+33 6 12 34 56 78')
    expect(text).toBe("Repères : rendez-vous le mer. 18 juin à 14:00, Espace insertion Paris 18e, 4 rue Affre. Répondez dans l'app Repères.")
    expect(smsLength(text)).toMatchObject({ encoding: 'gsm7', parts: 1 })

    expect(smtp.mails).toHaveLength(1)
    const mail = smtp.mails[0]
    expect(mail?.subject).toBe('Rappel : votre rendez-vous le mer. 18 juin à 14:00')
    expect(mail?.text).toContain('Quoi : Rendez-vous de suivi avec votre référent')
    expect(mail?.text).toContain('Quand : le mercredi 18 juin 2036 à 14:00 (45 min)')
    expect(mail?.text).toContain('- Pièce d’identité')
    expect(mail?.text).toContain('appelez le 01 53 09 00 00')
    const rows = await remindersOf(t.admin, A1)
    const emailRow = rows.find((r) => r.channel === 'email' && r.slot === 'd_minus_2')
    expect(mail?.messageId).toBe(`<${emailRow?.id}.1@reperes.paris>`)

    expect(rows.map((r) => [r.channel, r.slot, r.status])).toEqual([
      ['email', 'd_minus_2', 'sent'],
      ['email', 'morning_of', 'pending'],
      ['sms', 'd_minus_2', 'sent'],
      ['sms', 'morning_of', 'pending'],
    ])
    expect(rows.find((r) => r.channel === 'sms' && r.slot === 'd_minus_2')?.provider_id).toBe(
      sms.messages.get(sms.posts[0]?.idempotency_key ?? '')?.id,
    )
    const reminded = await t.admin.query('select reminded_at from public.appointments where id = $1', [A1])
    expect(reminded.rows[0]?.reminded_at).not.toBeNull()

    // The same moment again, and a bit later: nothing more.
    expect((await pass(D2)).claimed).toBe(0)
    expect((await pass(minutes(D2, 90))).claimed).toBe(0)
    expect(sms.posts).toHaveLength(1)
    expect(smtp.dataReceived).toBe(1)

    const morning = await pass(MORNING)
    expect(morning).toMatchObject({ claimed: 2, sent: 2 })
    expect(sms.posts[1]?.text).toBe(
      "Repères : rendez-vous aujourd'hui à 14:00, Espace insertion Paris 18e, 4 rue Affre. Répondez dans l'app Repères.",
    )
    expect(new Set(sms.posts.map((p) => p.idempotency_key)).size).toBe(2)
  })

  it('renders the messages in Arabic for an Arabic-speaking allocataire', async () => {
    await oneAppointment('ar')
    expect(await pass(D2)).toMatchObject({ sent: 2 })
    const text = sms.posts[0]?.text ?? ''
    expect(text).toMatch(/^ريبير: موعدك يوم .+ الساعة 14:00، Espace insertion Paris 18e, 4 rue Affre\. يرجى الرد في تطبيق ريبير\.$/)
    expect(text).toContain('18')
    expect(smsLength(text)).toMatchObject({ encoding: 'ucs2' })
    expect(smsLength(text).parts).toBeLessThanOrEqual(2)
    expect(smtp.mails[0]?.subject).toMatch(/^تذكير: موعدك يوم .+ الساعة 14:00$/)
    expect(smtp.mails[0]?.text).toContain('الوثائق التي يجب إحضارها:')
    expect(smtp.mails[0]?.text).toContain('موعد متابعة مع مرشدك')
  })

  it('retries a provider error (500) with backoff, then gives up after 5 attempts', async () => {
    await oneAppointment()
    sms.mode = 'fail500'
    const smsOnly = { providers: { sms: providers().sms } }
    expect(await pass(D2, smsOnly)).toMatchObject({ claimed: 1, retried: 1 })
    let row = (await remindersOf(t.admin, A1)).find((r) => r.channel === 'sms' && r.slot === 'd_minus_2')
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(row?.last_error).toContain('HTTP 500')
    expect(row?.next_attempt_at).toEqual(minutes(D2, 1)) // 1 min (jitter source fixed at the middle)

    expect((await pass(minutes(D2, 0.5), smsOnly)).claimed).toBe(0) // not before the retry time
    // Retries after 1, 2, 4 and 8 minutes.
    for (const [at, expected] of [
      [1, 'retried'],
      [3, 'retried'],
      [7, 'retried'],
      [15, 'failed'],
    ] as const) {
      expect(await pass(minutes(D2, at), smsOnly)).toMatchObject({ claimed: 1, [expected]: 1 })
    }
    row = (await remindersOf(t.admin, A1)).find((r) => r.channel === 'sms' && r.slot === 'd_minus_2')
    expect(row).toMatchObject({ status: 'failed', attempts: 5 })
    expect(sms.posts).toHaveLength(5)
    expect(new Set(sms.posts.map((p) => p.idempotency_key)).size).toBe(1) // one key for all attempts
    sms.mode = 'ok'
    expect((await pass(minutes(D2, 60), smsOnly)).claimed).toBe(0)
    expect(sms.messages.size).toBe(0)
  })

  it('waits as long as a 429 asks (Retry-After), then sends', async () => {
    await oneAppointment()
    sms.mode = 'rate_limited'
    const smsOnly = { providers: { sms: providers().sms } }
    expect(await pass(D2, smsOnly)).toMatchObject({ retried: 1 })
    const row = (await remindersOf(t.admin, A1)).find((r) => r.channel === 'sms' && r.slot === 'd_minus_2')
    expect(row?.next_attempt_at).toEqual(minutes(D2, 2))
    sms.mode = 'ok'
    expect((await pass(minutes(D2, 1.5), smsOnly)).claimed).toBe(0)
    expect(await pass(minutes(D2, 2), smsOnly)).toMatchObject({ sent: 1 })
    expect(sms.messages.size).toBe(1)
  })

  it('after a timeout, asks the provider instead of sending a second SMS', async () => {
    await oneAppointment()
    sms.mode = 'slow' // takes the message, answers after the sender gave up
    const slowSms = { providers: { sms: httpSmsProvider({ url: sms.url, token: sms.token, timeoutMs: 300 }) } }
    expect(await pass(D2, slowSms)).toMatchObject({ claimed: 1, retried: 1 })
    let row = (await remindersOf(t.admin, A1)).find((r) => r.channel === 'sms' && r.slot === 'd_minus_2')
    expect(row?.status).toBe('pending')
    expect(row?.last_error).toContain('Outcome unknown')
    expect(sms.messages.size).toBe(1)

    sms.mode = 'ok'
    expect(await pass(minutes(D2, 1), slowSms)).toMatchObject({ claimed: 1, recovered: 1, sent: 0 })
    row = (await remindersOf(t.admin, A1)).find((r) => r.channel === 'sms' && r.slot === 'd_minus_2')
    expect(row).toMatchObject({ status: 'sent', provider_id: [...sms.messages.values()][0]?.id })
    expect(sms.posts).toHaveLength(1)
    expect(sms.lookups).toEqual([sms.posts[0]?.idempotency_key])
  })

  it('never resends an email whose fate is unknown (no answer after the data)', async () => {
    await oneAppointment()
    smtp.mode = 'silent_after_data'
    const emailOnly = { providers: { email: providers({ emailTimeoutMs: 500 }).email } }
    expect(await pass(D2, emailOnly)).toMatchObject({ claimed: 1, unknown: 1 })
    const row = (await remindersOf(t.admin, A1)).find((r) => r.channel === 'email' && r.slot === 'd_minus_2')
    expect(row?.status).toBe('unknown')
    smtp.mode = 'ok'
    expect((await pass(minutes(D2, 30), emailOnly)).claimed).toBe(0)
    expect(smtp.dataReceived).toBe(1)
  })

  it('retries an email refused for now (450) and gives up on a refused address (550)', async () => {
    await oneAppointment()
    const emailOnly = { providers: { email: providers().email } }
    smtp.mode = 'busy_450'
    expect(await pass(D2, emailOnly)).toMatchObject({ retried: 1 })
    smtp.mode = 'reject_550'
    expect(await pass(minutes(D2, 1), emailOnly)).toMatchObject({ failed: 1 })
    const row = (await remindersOf(t.admin, A1)).find((r) => r.channel === 'email' && r.slot === 'd_minus_2')
    expect(row).toMatchObject({ status: 'failed', attempts: 2 })
    expect(row?.last_error).toContain('550')
    expect(smtp.mails).toHaveLength(0)
  })

  it('sends nothing for a cancelled appointment', async () => {
    await oneAppointment()
    await t.admin.query("update public.appointments set status = 'cancelled' where id = $1", [A1])
    expect((await pass(D2)).claimed).toBe(0)
    expect(sms.posts).toHaveLength(0)
  })

  it('two workers at once never send the same reminder twice', async () => {
    const n = 20
    for (let i = 0; i < n; i++) {
      const id = `ae000000-0000-4000-8000-${String(100 + i).padStart(12, '0')}`
      await addAllocataire(t.admin, { id, email: `p${i}@example.org`, phone: `+336000001${String(i).padStart(2, '0')}` })
      await addAppointment(t.admin, {
        id: `ae100000-0000-4000-8000-${String(100 + i).padStart(12, '0')}`,
        allocataireId: id,
        startsAt: STARTS,
      })
    }
    sms.delayMs = 15
    const worker = async () => {
      const db = t.workerDb()
      let sent = 0
      for (;;) {
        const r = await runOnce({ db, providers: providers(), now: D2, batch: 4, concurrency: 2 })
        if (!r.claimed) return sent
        sent += r.sent
      }
    }
    const [a, b] = await Promise.all([worker(), worker()])
    expect(a).toBeGreaterThan(0) // both took part
    expect(b).toBeGreaterThan(0)
    expect(a + b).toBe(2 * n)
    expect(sms.posts).toHaveLength(n)
    expect(new Set(sms.posts.map((p) => p.to)).size).toBe(n)
    expect(smtp.mails).toHaveLength(n)
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(n)
    const { rows } = await t.admin.query(
      "select count(*)::int as n from public.reminders where slot = 'd_minus_2' and status = 'sent' and attempts = 1",
    )
    expect(rows[0]?.n).toBe(2 * n)
  })
})

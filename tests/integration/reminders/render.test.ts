/** The sender's pure parts: message texts and lengths, backoff, error classification, config. */
import { describe, expect, it } from 'vitest'
import { configFromEnv } from '../../../supabase/workers/reminders/config.ts'
import { classifySmtpError } from '../../../supabase/workers/reminders/email.ts'
import { isGsm7, smsLength, toGsm7 } from '../../../supabase/workers/reminders/gsm.ts'
import { renderEmail, renderSms } from '../../../supabase/workers/reminders/render.ts'
import { retryAfterMs } from '../../../supabase/workers/reminders/sms.ts'
import { retryDelayMs } from '../../../supabase/workers/reminders/worker.ts'

const base = {
  locale: 'fr',
  kind: 'bilan_sante',
  title: null,
  starts_at: new Date('2036-08-20T12:00:00Z'), // Wednesday 20 August 14:00 Paris
  duration_min: 120,
  mode: 'in_person' as const,
  location: 'Centre d’examens de santé, 6 rue de la Tour des Dames (9e)',
  documents_to_bring: ['Carte Vitale'],
  structure_name: null,
  structure_address: null,
  structure_phone: null,
}
const D2 = new Date('2036-08-18T08:00:00Z')

describe('SMS text', () => {
  it('writes French in the GSM alphabet (one part, one price)', () => {
    const text = renderSms(base, D2)
    expect(text).toBe(
      "Repères : rendez-vous le mer. 20 aout à 14:00, Centre d'examens de santé, 6 rue de la Tour des Dames (9e). Répondez dans l'app Repères.",
    )
    expect(isGsm7(text)).toBe(true)
    expect(smsLength(text)).toEqual({ encoding: 'gsm7', length: text.length, parts: 1 })
  })

  it('never names the kind of appointment (a shared phone must not reveal a health check)', () => {
    expect(renderSms(base, D2)).not.toMatch(/bilan|gratuit/i)
  })

  it('shortens a long place to stay within 160 characters', () => {
    const text = renderSms({ ...base, location: 'Espace insertion, '.repeat(20) }, D2)
    expect(smsLength(text)).toMatchObject({ encoding: 'gsm7', parts: 1 })
    expect(text).toContain('...')
    expect(text.endsWith("Répondez dans l'app Repères.")).toBe(true)
  })

  it('keeps Arabic within two parts', () => {
    const text = renderSms({ ...base, locale: 'ar', location: 'Espace insertion Paris 18e, 4 rue Affre, bureau 2, 2e étage, escalier B' }, D2)
    expect(text.startsWith('ريبير: موعدك يوم ')).toBe(true)
    expect(text).toContain('14:00')
    expect(smsLength(text).encoding).toBe('ucs2')
    expect(smsLength(text).parts).toBeLessThanOrEqual(2)
  })

  it('says today / tomorrow in Paris time, also across the DST night', () => {
    const early = { ...base, starts_at: new Date('2036-03-30T06:45:00Z') } // Sunday 30 March 08:45 CEST
    expect(renderSms(early, new Date('2036-03-29T18:00:00Z'))).toContain('demain à 08:45') // Saturday 19:00 CET
    expect(renderSms(base, new Date('2036-08-20T06:00:00Z'))).toContain("aujourd'hui à 14:00")
    expect(renderSms({ ...base, locale: 'en' }, new Date('2036-08-19T17:00:00Z'))).toContain('tomorrow at 14:00')
  })

  it('says phone or video instead of an address', () => {
    expect(renderSms({ ...base, mode: 'phone' }, D2)).toContain('14:00, par téléphone.')
    expect(renderSms({ ...base, mode: 'video', locale: 'en' }, D2)).toContain('14:00, by video.')
  })

  it('falls back to French for a language not written yet', () => {
    expect(renderSms({ ...base, locale: 'ta' }, D2).startsWith('Repères : ')).toBe(true)
  })

  it('rewrites only what has a GSM equivalent', () => {
    expect(toGsm7('août – « ça » … ’')).toBe('aout - " ca " ... \'')
    expect(toGsm7('é è à ù Ç')).toBe('é è à ù Ç')
  })
})

describe('email text', () => {
  it('says what, when, where and what to bring', () => {
    const mail = renderEmail({ ...base, structure_phone: '01 00 00 00 00' })
    expect(mail.subject).toBe('Rappel : votre rendez-vous le mer. 20 août à 14:00')
    expect(mail.text.split('\n')).toEqual([
      'Bonjour,',
      '',
      'Nous vous rappelons votre rendez-vous.',
      '',
      'Quoi : Bilan de santé gratuit',
      'Quand : le mercredi 20 août 2036 à 14:00 (120 min)',
      'Où : Centre d’examens de santé, 6 rue de la Tour des Dames (9e)',
      '',
      'Documents à apporter :',
      '- Carte Vitale',
      '',
      'Si vous ne pouvez pas venir, dites-le dans l’application Repères (« Je ne peux pas venir » ou « Je voudrais une autre date »), ou appelez le 01 00 00 00 00.',
      '',
      '-- ',
      expect.stringContaining('rappels par courriel'),
      '',
    ])
  })
})

describe('sender rules', () => {
  it('backs off 1, 2, 4, 8… minutes with ±20% jitter, capped at 30', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => retryDelayMs(n, () => 0.5))).toEqual([
      60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000,
    ])
    expect(retryDelayMs(1, () => 0)).toBe(48_000)
    expect(retryDelayMs(1, () => 0.999999)).toBeLessThanOrEqual(72_000)
  })

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('120')).toBe(120_000)
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(30_000)
    expect(retryAfterMs(null)).toBeUndefined()
  })

  it('retries SMTP only when the mail certainly did not go', () => {
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 450, command: 'RCPT TO' }).kind).toBe('retry')
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' }).kind).toBe('rejected')
    expect(classifySmtpError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' }).kind).toBe('retry')
    expect(classifySmtpError({ code: 'ETIMEDOUT', command: 'CONN' }).kind).toBe('unknown')
    expect(classifySmtpError({ code: 'ECONNECTION', command: 'CONN', message: 'Connection closed' }).kind).toBe('unknown')
    expect(classifySmtpError({ code: 'EENVELOPE', command: 'API' }).kind).toBe('rejected')
  })

  it('reads its configuration from the environment', () => {
    expect(() => configFromEnv({})).toThrow('DATABASE_URL is required')
    expect(() => configFromEnv({ DATABASE_URL: 'postgres://x' })).toThrow('Configure SMS_PROVIDER_URL and/or SMTP_URL')
    expect(() => configFromEnv({ DATABASE_URL: 'postgres://x', SMS_PROVIDER_URL: 'http://sms' })).toThrow('SMS_PROVIDER_TOKEN')
    const c = configFromEnv({ DATABASE_URL: 'postgres://x', SMS_PROVIDER_URL: 'http://sms', SMS_PROVIDER_TOKEN: 't', REMINDERS_DB_ROLE: '' })
    expect(c).toMatchObject({ batch: 50, intervalMs: 60_000, role: null })
    expect(Object.keys(c.providers)).toEqual(['sms'])
    expect(() => configFromEnv({ DATABASE_URL: 'x', SMTP_URL: 'smtp://h', MAIL_FROM: 'a@b', REMINDERS_BATCH: '0' })).toThrow()
  })
})

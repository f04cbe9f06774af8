import ICAL from 'ical.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  appointmentToIcs,
  downloadIcs,
  escapeText,
  foldLine,
  icsFileName,
  type IcsAppointment,
  type IcsLabels,
} from '@/services/ics'

const fr: IcsLabels = {
  kinds: { follow_up: 'Rendez-vous de suivi', diagnostic: 'Diagnostic emploi' },
  phone: 'Téléphone',
  video: 'Visio',
  personToMeet: 'Personne à rencontrer :',
  documentsToBring: 'Documents à apporter :',
  ifYouCannotCome: 'Si vous ne pouvez pas venir, répondez dans l’application Repères.',
  structurePhone: 'Téléphone de la structure :',
  alarm: 'Rendez-vous dans 2 heures',
}

const ar: IcsLabels = {
  kinds: { follow_up: 'موعد متابعة' },
  phone: 'هاتف',
  video: 'فيديو',
  personToMeet: 'الشخص الذي ستقابله:',
  documentsToBring: 'الوثائق التي يجب إحضارها:',
  ifYouCannotCome:
    'إذا لم تتمكن من الحضور، يرجى الرد في تطبيق ريبير أو الاتصال بالهيكل في أقرب وقت ممكن حتى نتمكن من تحديد موعد آخر لك.',
  alarm: 'موعد بعد ساعتين',
}

const base: IcsAppointment = {
  id: 'a9900000-0000-4000-8000-000000000003',
  kind: 'follow_up',
  title: 'Rendez-vous avec votre référent',
  starts_at: '2027-03-29T08:00:00+00:00',
  duration_min: 45,
  mode: 'in_person',
  location: 'Espace insertion Paris 18e, 4 rue Affre',
  documents_to_bring: ['Attestation CAF'],
  person: 'Karim Benali',
  version: 3,
}

const NOW = new Date('2027-03-01T12:00:00Z')

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text))
  const vtz = cal.getFirstSubcomponent('vtimezone')
  if (!vtz) throw new Error('no VTIMEZONE')
  ICAL.TimezoneService.register(new ICAL.Timezone(vtz))
  const vevent = cal.getFirstSubcomponent('vevent')
  if (!vevent) throw new Error('no VEVENT')
  return { cal, vevent, event: new ICAL.Event(vevent) }
}

/** Physical lines, as octets between CRLFs. */
function physicalLines(text: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text)
  const lines: Uint8Array[] = []
  let start = 0
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.slice(start, i))
      start = i + 2
      i++
    }
  }
  expect(start).toBe(bytes.length) // the file ends with CRLF
  return lines
}

describe('appointmentToIcs', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('writes one VCALENDAR with the required header, a Paris VTIMEZONE and CRLF line endings', () => {
    const text = appointmentToIcs(base, fr, NOW)
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const { cal } = parse(text)
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN')
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(1)
    const vtz = cal.getFirstSubcomponent('vtimezone')
    expect(vtz?.getFirstPropertyValue('tzid')).toBe('Europe/Paris')
    expect(vtz?.getAllSubcomponents('standard')).toHaveLength(1)
    expect(vtz?.getAllSubcomponents('daylight')).toHaveLength(1)
  })

  it('gives the start and end in Paris time, read back to the same instants', () => {
    const { vevent, event } = parse(appointmentToIcs(base, fr, NOW))
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Paris')
    expect(event.startDate.toString()).toBe('2027-03-29T10:00:00')
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-29T08:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-29T08:45:00.000Z')
  })

  it.each([
    ['the Saturday before the spring change (CET)', '2027-03-27T09:00:00Z', '2027-03-27T10:00:00'],
    ['the spring change day, last Sunday of March (CEST)', '2027-03-28T08:00:00Z', '2027-03-28T10:00:00'],
    ['the autumn change day, last Sunday of October (CET)', '2027-10-31T09:00:00Z', '2027-10-31T10:00:00'],
    ['the Saturday before the autumn change (CEST)', '2027-10-30T08:00:00Z', '2027-10-30T10:00:00'],
  ])('handles DST: %s', (_label, instant, local) => {
    const { event } = parse(appointmentToIcs({ ...base, starts_at: instant }, fr, NOW))
    expect(event.startDate.toString()).toBe(local)
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(instant).toISOString())
  })

  it('computes the end across the DST jump from the duration, not the wall clock', () => {
    // 01:30 CET on 28 March 2027 + 60 min = 03:30 CEST (02:xx does not exist that night).
    const text = appointmentToIcs({ ...base, starts_at: '2027-03-28T00:30:00Z', duration_min: 60 }, fr, NOW)
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20270328T013000\r\n')
    expect(text).toContain('DTEND;TZID=Europe/Paris:20270328T033000\r\n')
    const { event } = parse(text)
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(60 * 60_000)
  })

  it('does not depend on the device time zone', () => {
    const inParis = appointmentToIcs(base, fr, NOW)
    vi.stubEnv('TZ', 'America/New_York')
    expect(new Date('2027-03-29T08:00:00Z').getHours()).toBe(4)
    expect(appointmentToIcs(base, fr, NOW)).toBe(inParis)
    vi.stubEnv('TZ', 'Asia/Tokyo')
    expect(appointmentToIcs(base, fr, NOW)).toBe(inParis)
  })

  it('folds a long Arabic description at 75 octets without cutting a character', () => {
    const docs = ['بطاقة الهوية أو تصريح الإقامة', 'شهادة من صندوق الإعانات العائلية', 'إثبات السكن الحديث']
    const text = appointmentToIcs({ ...base, title: null, documents_to_bring: docs, person: 'كريم بن علي' }, ar, NOW)
    const lines = physicalLines(text)
    const strict = new TextDecoder('utf-8', { fatal: true })
    let continuations = 0
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75)
      expect(() => strict.decode(line)).not.toThrow()
      if (line[0] === 0x20) continuations++
    }
    expect(continuations).toBeGreaterThan(3)
    const { event, vevent } = parse(text)
    expect(event.summary).toBe('موعد متابعة')
    expect(event.description).toBe(
      ['الشخص الذي ستقابله: كريم بن علي', 'الوثائق التي يجب إحضارها:', ...docs.map((d) => `- ${d}`), ar.ifYouCannotCome].join(
        '\n',
      ),
    )
    expect(vevent.getFirstSubcomponent('valarm')?.getFirstPropertyValue('description')).toBe('موعد بعد ساعتين')
  })

  it('folds exactly at the limit and leaves short lines alone', () => {
    expect(foldLine('A'.repeat(75))).toBe('A'.repeat(75))
    expect(foldLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`)
    // 2-octet letters: 37 fit in 75 octets, the 38th moves to the next line.
    const folded = foldLine('é'.repeat(40))
    expect(folded.split('\r\n')).toEqual(['é'.repeat(37), ` ${'é'.repeat(3)}`])
    // A 4-octet emoji is never split.
    const emoji = foldLine('x'.repeat(73) + '📅' + 'y')
    expect(emoji.split('\r\n')).toEqual(['x'.repeat(73), ' 📅y'])
  })

  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf')
    const location = 'Bureau 2; 4, rue Affre \\ bât. B\n2e étage'
    const text = appointmentToIcs({ ...base, location }, fr, NOW)
    expect(text.replace(/\r\n /g, '')).toContain('LOCATION:Bureau 2\\; 4\\, rue Affre \\\\ bât. B\\n2e étage\r\n')
    expect(parse(text).event.location).toBe(location)
  })

  it('describes the person to meet, the documents and what to do if you cannot come', () => {
    const { event } = parse(
      appointmentToIcs({ ...base, structure: { name: 'EI 18e', phone: '01 53 09 00 00' } }, fr, NOW),
    )
    expect(event.summary).toBe('Rendez-vous de suivi')
    expect(event.description.split('\n')).toEqual([
      'Rendez-vous avec votre référent',
      'Personne à rencontrer : Karim Benali',
      'Documents à apporter :',
      '- Attestation CAF',
      fr.ifYouCannotCome,
      'Téléphone de la structure : 01 53 09 00 00',
    ])
  })

  it('says where: the address, or phone / video', () => {
    expect(parse(appointmentToIcs({ ...base, mode: 'phone', location: null }, fr, NOW)).event.location).toBe('Téléphone')
    expect(parse(appointmentToIcs({ ...base, mode: 'video', location: null }, fr, NOW)).event.location).toBe('Visio')
    expect(
      parse(appointmentToIcs({ ...base, location: null, structure: { name: 'CAPI 20e', address: '62 rue de Bagnolet' } }, fr, NOW))
        .event.location,
    ).toBe('CAPI 20e, 62 rue de Bagnolet')
  })

  it('has a display alarm 2 hours before', () => {
    const { vevent } = parse(appointmentToIcs(base, fr, NOW))
    const alarms = vevent.getAllSubcomponents('valarm')
    expect(alarms).toHaveLength(1)
    expect(alarms[0]?.getFirstPropertyValue('action')).toBe('DISPLAY')
    const trigger = alarms[0]?.getFirstPropertyValue('trigger') as ICAL.Duration
    expect(trigger.toSeconds()).toBe(-2 * 3600)
  })

  it('keeps the same UID for the same appointment, whatever changed', () => {
    const first = parse(appointmentToIcs(base, fr, NOW))
    const moved = parse(
      appointmentToIcs({ ...base, starts_at: '2027-04-02T12:00:00Z', version: 4 }, fr, new Date('2027-03-05T00:00:00Z')),
    )
    expect(first.event.uid).toBe('a9900000-0000-4000-8000-000000000003@reperes.paris')
    expect(moved.event.uid).toBe(first.event.uid)
    expect(moved.event.sequence).toBe(4)
    expect(first.vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2027-03-01T12:00:00Z')
    expect(parse(appointmentToIcs({ ...base, id: 'other' }, fr, NOW)).event.uid).not.toBe(first.event.uid)
  })

  it('marks a cancelled appointment as cancelled', () => {
    expect(appointmentToIcs({ ...base, status: 'cancelled' }, fr, NOW)).toContain('\r\nSTATUS:CANCELLED\r\n')
  })

  it('refuses an invalid start', () => {
    expect(() => appointmentToIcs({ ...base, starts_at: 'not a date' }, fr, NOW)).toThrow(RangeError)
  })
})

describe('downloadIcs', () => {
  it('returns a Blob URL of the calendar file and a file name in Paris time', async () => {
    let blob: Blob | undefined
    const create = vi.fn((b: Blob) => {
      blob = b
      return 'blob:reperes/1'
    })
    const revoke = vi.fn()
    // jsdom has no Blob URLs: provide them for this test only.
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL }
    URL.createObjectURL = create
    URL.revokeObjectURL = revoke
    try {
      const result = downloadIcs(base, { ...fr, fileName: 'Rendez-vous Repères' }, NOW)
      expect(result.url).toBe('blob:reperes/1')
      expect(result.filename).toBe('Rendez-vous-Reperes-2027-03-29-1000.ics')
      expect(blob?.type).toBe('text/calendar;charset=utf-8')
      expect(await blob?.text()).toBe(appointmentToIcs(base, fr, NOW))
      result.revoke()
      expect(revoke).toHaveBeenCalledWith('blob:reperes/1')
    } finally {
      URL.createObjectURL = original.create
      URL.revokeObjectURL = original.revoke
    }
  })

  it('names the file with a default prefix', () => {
    expect(icsFileName({ ...base, starts_at: '2027-10-31T23:30:00Z' }, fr)).toBe('rendez-vous-2027-11-01-0030.ics')
  })
})

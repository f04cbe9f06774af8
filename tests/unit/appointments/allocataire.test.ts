import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parisInstant } from '@/components/appointments/time'
import { loadLocale } from '@/modules/i18n'
import { useAppointmentsStore } from '@/stores/appointments'
import { axeViolations } from '../booklet/mountHelpers'
import { EI18, ME, row } from './fixtures'
import { freshDb, mountRoute, outbox, serverApplies, setOnline, signedInAs } from './helpers'

const HOUR = 3_600_000
const inHours = (h: number) => new Date(Math.round((Date.now() + h * HOUR) / 60_000) * 60_000).toISOString()

afterEach(async () => {
  document.body.innerHTML = ''
  setOnline(true)
  await loadLocale('fr')
})

describe('answering an appointment, offline first', () => {
  let db: Awaited<ReturnType<typeof freshDb>>
  beforeEach(async () => {
    db = await freshDb()
    await db.serverTable('structures').put(EI18)
    await db.serverTable('profiles').put({ id: ME, roles: ['allocataire'], phone: '+33600000001', email: null, reminder_sms: true, reminder_email: false, preferred_locale: 'fr', version: 1 })
  })

  it('confirms without network: waiting, then sent, then seen by the référent', async () => {
    const appointment = row({ starts_at: inHours(72) })
    await db.serverTable('appointments').put(appointment)
    const { pinia } = signedInAs(db, ME, ['allocataire'])
    setOnline(false)
    const { wrapper } = await mountRoute(pinia, `/rendez-vous/${appointment.id}`)
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Rendez-vous de suivi avec votre référent'))
    expect(wrapper.text()).toContain('Karim Benali')
    expect(wrapper.text()).toContain('Espace insertion Paris 18e')
    expect(wrapper.find('[data-testid="map-link"]').attributes('href')).toContain('4%20rue%20Affre')

    await wrapper.get('[data-testid="respond-confirm"]').trigger('click')
    await vi.waitFor(async () => expect(await outbox(db, ME)).toHaveLength(1))
    const [entry] = await outbox(db, ME)
    expect(entry!.name).toBe('appointment.respond')
    expect(entry!.args).toEqual({ id: appointment.id, response: 'confirmed' })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="appointment-delivery"]').text()).toContain('En attente de réseau'))
    expect(wrapper.get('[data-status]').attributes('data-status')).toBe('confirmed')

    await serverApplies(db, ME, { ...appointment, response: 'confirmed', status: 'confirmed', responded_at: '2027-01-01T10:00:00.123456+00:00', version: 2 })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="appointment-delivery"]').text()).toBe('Envoyée à votre référent'))

    await db.serverTable('appointments').update(appointment.id, { seen_by_referent_at: '2027-01-01T11:00:00+00:00', version: 3 })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="appointment-delivery"]').text()).toBe('Vue par votre référent'))
    expect(wrapper.get('[data-testid="appointment-delivery"]').attributes('data-delivery')).toBe('seen')
  })

  it('says "cannot come" only with a reason', async () => {
    const appointment = row({ starts_at: inHours(72) })
    await db.serverTable('appointments').put(appointment)
    const { pinia } = signedInAs(db, ME, ['allocataire'])
    const { wrapper } = await mountRoute(pinia, `/rendez-vous/${appointment.id}`)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="respond-confirm"]').exists()).toBe(true))

    const cannot = wrapper.findAll('button').find(b => b.text() === 'Je ne peux pas venir')!
    await cannot.trigger('click')
    expect(cannot.attributes('aria-expanded')).toBe('true')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[role="alert"]').text()).toBe('Écrivez la raison en quelques mots.')
    expect(await outbox(db, ME)).toHaveLength(0)

    await wrapper.get('textarea').setValue('  Mon enfant est malade.  ')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(async () => expect(await outbox(db, ME)).toHaveLength(1))
    expect((await outbox(db, ME))[0]!.args).toEqual({ id: appointment.id, response: 'cannot_come', reason: 'Mon enfant est malade.' })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="appointment-answer"]').text()).toContain('Vous avez dit que vous ne pouvez pas venir.'))
    expect(wrapper.get('[data-status]').text()).toBe('Annulation demandée')
  })

  it('asks for another time with preferred slots in Paris time', async () => {
    const appointment = row({ starts_at: inHours(72) })
    await db.serverTable('appointments').put(appointment)
    const { pinia } = signedInAs(db, ME, ['allocataire'])
    const { wrapper } = await mountRoute(pinia, `/rendez-vous/${appointment.id}`)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="respond-confirm"]').exists()).toBe(true))

    await wrapper.findAll('button').find(b => b.text() === 'Je voudrais une autre date')!.trigger('click')
    const day = new Date(Date.now() + 10 * 24 * HOUR).toISOString().slice(0, 10)
    await wrapper.get('input[type="date"]').setValue(day)
    await wrapper.get('select').setValue('afternoon')
    await wrapper.findAll('button').find(b => b.text() === 'Ajouter un autre moment')!.trigger('click')
    const days = wrapper.findAll('input[type="date"]')
    expect(days).toHaveLength(2)
    await days[1]!.setValue('2001-01-01')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[role="alert"]').text()).toBe('Choisissez un jour à partir d’aujourd’hui.')
    await days[1]!.setValue('')
    await wrapper.get('form').trigger('submit')

    await vi.waitFor(async () => expect(await outbox(db, ME)).toHaveLength(1))
    expect((await outbox(db, ME))[0]!.args).toEqual({
      id: appointment.id,
      response: 'reschedule',
      preferred_slots: [{ from: parisInstant(day, '13:30').toISOString(), to: parisInstant(day, '17:00').toISOString() }],
    })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="appointment-answer"]').text()).toContain('Moments proposés'))
  })

  it('keeps the documents checklist on the device and answers nothing for a past appointment', async () => {
    const past = row({ starts_at: inHours(-30), status: 'attended' })
    await db.serverTable('appointments').put(past)
    const { pinia } = signedInAs(db, ME, ['allocataire'])
    const { wrapper } = await mountRoute(pinia, `/rendez-vous/${past.id}`)
    await vi.waitFor(() => expect(wrapper.text()).toContain('Ce rendez-vous est passé.'))
    expect(wrapper.find('[data-testid="respond-confirm"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="add-to-calendar"]').exists()).toBe(false)
    expect(wrapper.findAll('input[type="checkbox"]').every(c => (c.element as HTMLInputElement).disabled)).toBe(true)
  })

  it('ticks documents to bring', async () => {
    const appointment = row({ starts_at: inHours(72) })
    await db.serverTable('appointments').put(appointment)
    const { pinia } = signedInAs(db, ME, ['allocataire'])
    const { wrapper } = await mountRoute(pinia, `/rendez-vous/${appointment.id}`)
    await vi.waitFor(() => expect(wrapper.findAll('fieldset input[type="checkbox"]')).toHaveLength(2))
    await wrapper.findAll('fieldset input[type="checkbox"]')[1]!.setValue(true)
    expect(wrapper.text()).toContain('1 sur 2 prêt(s)')
    expect(useAppointmentsStore(pinia).checklist.isChecked(appointment.id, 'Attestation CAF')).toBe(true)
  })
})

describe('the list of appointments', () => {
  it('highlights those within 48 hours and keeps the past apart', async () => {
    const db = await freshDb()
    await db.serverTable('structures').put(EI18)
    await db.serverTable('appointments').bulkPut([
      row({ id: 'a9900000-0000-4000-8000-00000000000a', starts_at: inHours(30) }),
      row({ id: 'a9900000-0000-4000-8000-00000000000b', starts_at: inHours(72), kind: 'bilan_sante' }),
      row({ id: 'a9900000-0000-4000-8000-00000000000c', starts_at: inHours(-72), status: 'missed' }),
      row({ id: 'a9900000-0000-4000-8000-00000000000d', starts_at: inHours(24), allocataire_id: 'someone-else' }),
    ])
    const { pinia } = signedInAs(db, ME, ['allocataire'])
    const { wrapper } = await mountRoute(pinia, '/rendez-vous')
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="appointment-card"]')).toHaveLength(3))
    const upcoming = wrapper.get('[data-testid="upcoming-appointments"]').findAll('[data-testid="appointment-card"]')
    expect(upcoming.map(c => c.attributes('data-soon') ?? null)).toEqual(['true', null])
    expect(upcoming[0]!.text()).toMatch(/Bientôt : (demain|après-demain)/)
    expect(wrapper.text()).toContain('Rendez-vous passés')
  })

  it('changes reminder preferences through the outbox', async () => {
    const db = await freshDb()
    await db.serverTable('profiles').put({ id: ME, roles: ['allocataire'], phone: '+33600000001', email: 'a@example.org', reminder_sms: true, reminder_email: true, preferred_locale: 'ar', version: 1 })
    const { pinia } = signedInAs(db, ME, ['allocataire'])
    const { wrapper } = await mountRoute(pinia, '/rendez-vous')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="reminder-sms"]').exists()).toBe(true))
    expect(wrapper.text()).toContain('en arabe')
    await wrapper.get('[data-testid="reminder-email"]').setValue(false)
    await vi.waitFor(async () => expect(await outbox(db, ME)).toHaveLength(1))
    expect((await outbox(db, ME))[0]).toMatchObject({ name: 'profile.update', args: { reminder_email: false } })
    await flushPromises()
  })

  for (const locale of ['fr', 'ar'] as const) {
    it(`has no axe violation (${locale})`, async () => {
      const db = await freshDb()
      await db.serverTable('structures').put(EI18)
      await db.serverTable('profiles').put({ id: ME, roles: ['allocataire'], phone: '+33600000001', reminder_sms: true, reminder_email: false, preferred_locale: 'fr', version: 1 })
      const appointment = row({ starts_at: inHours(30), response: 'reschedule', responded_at: '2027-01-01T10:00:00Z', preferred_slots: [{ from: inHours(96), to: inHours(99) }, 'le mardi matin'] })
      await db.serverTable('appointments').put(appointment)
      await loadLocale(locale)
      const { pinia } = signedInAs(db, ME, ['allocataire'])
      const list = await mountRoute(pinia, '/rendez-vous')
      await vi.waitFor(() => expect(list.wrapper.findAll('[data-testid="appointment-card"]')).toHaveLength(1))
      expect(await axeViolations(list.wrapper.element)).toEqual([])
      list.wrapper.unmount()
      const detail = await mountRoute(pinia, `/rendez-vous/${appointment.id}`)
      await vi.waitFor(() => expect(detail.wrapper.find('[data-testid="appointment-answer"]').exists()).toBe(true))
      expect(await axeViolations(detail.wrapper.element)).toEqual([])
    })
  }
})

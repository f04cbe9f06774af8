import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ReferentAppointmentForm from '@/components/appointments/ReferentAppointmentForm.vue'
import ReferentWeek from '@/components/appointments/ReferentWeek.vue'
import { addDays, mondayOf, parisDay, parisInstant } from '@/components/appointments/time'
import { loadLocale } from '@/modules/i18n'
import { axeViolations, plugins } from '../booklet/mountHelpers'
import { appointment, EI18, ME, REFERENT, row, STRUCTURE } from './fixtures'
import { freshDb, mountRoute, outbox, signedInAs } from './helpers'

const PEOPLE = new Map([[ME, { id: ME, display_name: 'Amina Kone', preferred_locale: 'ar', phone: '+33600000001', email: null, reminder_sms: true, reminder_email: false }]])

afterEach(async () => {
  document.body.innerHTML = ''
  await loadLocale('fr')
})

describe('the week view', () => {
  const monday = '2027-03-22'
  const week = [
    appointment({ id: 'mon', starts_at: '2027-03-22T08:00:00Z' }),
    appointment({ id: 'mon2', starts_at: '2027-03-22T13:00:00Z', response: 'cannot_come', responded_at: '2027-03-20T10:00:00Z', status: 'cancel_requested' }),
    appointment({ id: 'tue', starts_at: '2027-03-23T08:00:00Z' }),
    appointment({ id: 'sun', starts_at: '2027-03-28T21:30:00Z' }), // Sunday 23:30 after the change
    appointment({ id: 'next', starts_at: '2027-03-28T22:30:00Z' }), // next Monday 00:30
  ]

  function mountWeek() {
    return mount(ReferentWeek, {
      props: { appointments: week, people: PEOPLE, monday, now: Date.parse('2027-03-22T07:00:00Z') },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
  }

  it('shows the Paris week, Monday to Sunday, with unread answers marked', () => {
    const wrapper = mountWeek()
    const days = wrapper.findAll('[data-week-day]')
    expect(days).toHaveLength(7)
    expect(days[0]!.find('h3').text()).toContain('lundi 22 mars 2027')
    expect(days[0]!.findAll('[data-testid="week-appointment"]')).toHaveLength(2)
    expect(days[6]!.findAll('[data-testid="week-appointment"]')).toHaveLength(1)
    expect(wrapper.text()).not.toContain('00:30')
    expect(wrapper.text()).toContain('4 rendez-vous cette semaine')
    expect(days[0]!.findAll('[data-testid="week-appointment"]')[1]!.text()).toContain('Réponse à lire')
    expect(days[0]!.text()).toContain('Amina Kone')
  })

  it('moves with the arrow keys between days and items, and pages between weeks', async () => {
    const wrapper = mountWeek()
    const nav = (day: number) => wrapper.findAll('[data-week-day]')[day]!.findAll('[data-week-nav]')
    ;(nav(0)[1]!.element as HTMLElement).focus()
    await nav(0)[1]!.trigger('keydown', { key: 'ArrowRight' })
    // Tuesday has one appointment and its "add" link: the second item is the link.
    expect(document.activeElement).toBe(nav(1)[1]!.element)
    await nav(1)[1]!.trigger('keydown', { key: 'ArrowUp' })
    expect(document.activeElement).toBe(nav(1)[0]!.element)
    await nav(1)[0]!.trigger('keydown', { key: 'End' })
    expect(document.activeElement).toBe(nav(6)[0]!.element)
    await nav(6)[0]!.trigger('keydown', { key: 'ArrowRight' })
    expect(document.activeElement).toBe(nav(6)[0]!.element)
    await nav(6)[0]!.trigger('keydown', { key: 'PageDown' })
    expect(wrapper.emitted('update:monday')).toEqual([['2027-03-29']])
    await wrapper.get('[data-testid="week-previous"]').trigger('click')
    expect(wrapper.emitted('update:monday')![1]).toEqual(['2027-03-15'])
  })

  it('follows the reading direction in Arabic', async () => {
    await loadLocale('ar')
    const wrapper = mountWeek()
    const nav = (day: number) => wrapper.findAll('[data-week-day]')[day]!.findAll('[data-week-nav]')
    ;(nav(1)[0]!.element as HTMLElement).focus()
    await nav(1)[0]!.trigger('keydown', { key: 'ArrowLeft' })
    expect(document.activeElement).toBe(nav(2)[0]!.element)
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

describe('the appointment form', () => {
  const now = Date.parse('2027-03-20T12:00:00Z')
  const draft = {
    id: 'a9900000-0000-4000-8000-0000000000f1', allocataire_id: '', structure_id: STRUCTURE, referent_id: REFERENT, event_id: null,
    kind: 'follow_up' as const, title: null, starts_at: parisInstant('2027-03-29', '10:00').toISOString(), duration_min: 45,
    mode: 'in_person' as const, location: null, documents_to_bring: [], note: null,
  }

  function mountForm(overrides: Record<string, unknown> = {}) {
    return mount(ReferentAppointmentForm, {
      props: { draft, people: [...PEOPLE.values()], structures: [{ ...EI18 }], editing: false, now, ...overrides },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
  }

  it('shows the person\'s language and sends the whole row in Paris time', async () => {
    const wrapper = mountForm()
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[role="alert"]').text()).toContain('Choisissez la personne.')
    expect(wrapper.emitted('save')).toBeUndefined()

    await wrapper.get('select').setValue(ME)
    expect(wrapper.get('[data-testid="person-language"]').text()).toContain('arabe')
    await wrapper.get('input[type="date"]').setValue('2027-03-28') // the day clocks go forward
    await wrapper.get('input[type="time"]').setValue('09:30')
    await wrapper.get('textarea').setValue('Pièce d’identité\n\n Attestation CAF ')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('save')![0]![0]).toEqual({
      ...draft,
      allocataire_id: ME,
      starts_at: '2027-03-28T07:30:00.000Z',
      documents_to_bring: ['Pièce d’identité', 'Attestation CAF'],
    })
  })

  it('refuses a time already past, and warns that moving clears the answer', async () => {
    const wrapper = mountForm({ editing: true, draft: { ...draft, allocataire_id: ME } })
    expect((wrapper.get('select').element as HTMLSelectElement).disabled).toBe(true)
    await wrapper.get('input[type="date"]').setValue('2027-03-19')
    expect(wrapper.text()).toContain('efface la réponse')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[role="alert"]').text()).toContain('déjà passées')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

describe('the référent\'s screens on the device\'s data', () => {
  let db: Awaited<ReturnType<typeof freshDb>>
  beforeEach(async () => {
    db = await freshDb()
    await db.serverTable('structures').put(EI18)
    await db.serverTable('profiles').bulkPut([
      { id: REFERENT, roles: ['referent'], structure_id: STRUCTURE, display_name: 'Karim Benali', version: 1 },
      { id: ME, roles: ['allocataire'], structure_id: STRUCTURE, display_name: 'Amina Kone', preferred_locale: 'ar', phone: '+33600000001', reminder_sms: true, version: 1 },
    ])
  })

  it('reads an answer and marks it seen, through the outbox', async () => {
    const answered = row({ starts_at: new Date(Date.now() + 72 * 3_600_000).toISOString(), response: 'confirmed', status: 'confirmed', responded_at: '2027-01-01T10:00:00.123456+00:00' })
    await db.serverTable('appointments').put(answered)
    const { pinia } = signedInAs(db, REFERENT, ['referent'])
    const suivi = await mountRoute(pinia, '/suivi')
    await vi.waitFor(() => expect(suivi.wrapper.find('[data-testid="unread-responses"]').exists()).toBe(true))
    expect(suivi.wrapper.get('[data-testid="unread-responses"]').text()).toContain('Amina Kone')
    expect(suivi.wrapper.get('[data-testid="unread-responses"]').text()).toContain('a confirmé')
    suivi.wrapper.unmount()

    const detail = await mountRoute(pinia, `/suivi/rendez-vous/${answered.id}`)
    await vi.waitFor(() => expect(detail.wrapper.find('[data-testid="mark-seen"]').exists()).toBe(true))
    expect(detail.wrapper.get('[data-testid="appointment-answer"]').text()).toContain('La personne a confirmé qu’elle viendra.')
    expect(detail.wrapper.get('[data-testid="person-language"]').text()).toContain('arabe')
    await detail.wrapper.get('[data-testid="mark-seen"]').trigger('click')
    await vi.waitFor(async () => expect(await outbox(db, REFERENT)).toHaveLength(1))
    expect((await outbox(db, REFERENT))[0]).toMatchObject({ name: 'appointment.mark_seen', args: { id: answered.id, responded_at: '2027-01-01T10:00:00.123456+00:00' } })
    expect((await outbox(db, REFERENT))[0]!.base_version).toBeUndefined()
    await vi.waitFor(() => expect(detail.wrapper.find('[data-testid="response-seen"]').exists()).toBe(true))
  })

  it('creates an appointment for a followed allocataire from the week, and cancels it', async () => {
    const { pinia } = signedInAs(db, REFERENT, ['referent'])
    const day = addDays(parisDay(Date.now()), 2)
    const form = await mountRoute(pinia, `/suivi/rendez-vous/nouveau?allocataire=${ME}&jour=${day}`)
    await vi.waitFor(() => expect(form.wrapper.find('[data-testid="appointment-form"]').exists()).toBe(true))
    await form.wrapper.get('[data-testid="appointment-form"]').trigger('submit')
    await vi.waitFor(async () => expect(await outbox(db, REFERENT)).toHaveLength(1))
    const [created] = await outbox(db, REFERENT)
    expect(created).toMatchObject({
      name: 'appointment.upsert',
      args: { allocataire_id: ME, structure_id: STRUCTURE, referent_id: REFERENT, kind: 'follow_up', duration_min: 45, mode: 'in_person', documents_to_bring: [], starts_at: parisInstant(day, '10:00').toISOString() },
    })
    const id = String(created!.args.id)
    await vi.waitFor(() => expect(form.router.currentRoute.value.path).toBe(`/suivi/rendez-vous/${id}`))
    await flushPromises()
    await vi.waitFor(() => expect(form.wrapper.text()).toContain('Modification en attente d’envoi'))
    expect(form.wrapper.find('h1').text()).toBe('Rendez-vous de suivi avec votre référent — Amina Kone')

    await form.wrapper.findAll('button').find(b => b.text() === 'Annuler le rendez-vous')!.trigger('click')
    await form.wrapper.get('[data-testid="confirm-cancel"]').trigger('click')
    await vi.waitFor(async () => expect(await outbox(db, REFERENT)).toHaveLength(2))
    expect((await outbox(db, REFERENT))[1]).toMatchObject({ name: 'appointment.set_status', args: { id, status: 'cancelled' } })
    await vi.waitFor(() => expect(form.wrapper.get('[data-status]').text()).toBe('Annulé'))

    const week = await mountRoute(pinia, `/suivi?semaine=${mondayOf(day)}`)
    await vi.waitFor(() => expect(week.wrapper.findAll('[data-testid="week-appointment"]')).toHaveLength(1))
    expect(week.wrapper.get('[data-testid="week-appointment"]').text()).toContain('En attente d’envoi')
  })

  it('moves an appointment by sending the whole row again', async () => {
    const day = addDays(parisDay(Date.now()), 4)
    const original = row({
      starts_at: parisInstant(day, '10:00').toISOString(), event_id: 'e0000000-0000-4000-8000-000000000001',
      response: 'confirmed', status: 'confirmed', responded_at: '2027-01-01T10:00:00Z', note: 'Apportez un stylo.',
    })
    await db.serverTable('appointments').put(original)
    const { pinia } = signedInAs(db, REFERENT, ['referent'])
    const { wrapper, router } = await mountRoute(pinia, `/suivi/rendez-vous/${original.id}/modifier`)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="appointment-form"]').exists()).toBe(true))
    expect(wrapper.find('h1').text()).toBe('Modifier le rendez-vous')
    await wrapper.get('input[type="time"]').setValue('15:30')
    expect(wrapper.text()).toContain('efface la réponse de la personne')
    await wrapper.get('[data-testid="appointment-form"]').trigger('submit')
    await vi.waitFor(async () => expect(await outbox(db, REFERENT)).toHaveLength(1))
    expect((await outbox(db, REFERENT))[0]).toMatchObject({
      name: 'appointment.upsert',
      base_version: 1,
      args: {
        id: original.id, allocataire_id: ME, structure_id: STRUCTURE, referent_id: REFERENT, event_id: 'e0000000-0000-4000-8000-000000000001',
        kind: 'follow_up', title: 'Rendez-vous avec votre référent', starts_at: parisInstant(day, '15:30').toISOString(), duration_min: 45,
        mode: 'in_person', location: 'Espace insertion Paris 18e, 4 rue Affre, bureau 2',
        documents_to_bring: ['Contrat d’engagements réciproques', 'Attestation CAF'], note: 'Apportez un stylo.',
      },
    })
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe(`/suivi/rendez-vous/${original.id}`))
  })

  it('records attendance once the appointment is over', async () => {
    const over = row({ starts_at: new Date(Date.now() - 3 * 3_600_000).toISOString(), status: 'confirmed' })
    await db.serverTable('appointments').put(over)
    const { pinia } = signedInAs(db, REFERENT, ['referent'])
    const { wrapper } = await mountRoute(pinia, `/suivi/rendez-vous/${over.id}`)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="mark-missed"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="move-appointment"]').exists()).toBe(false)
    await wrapper.get('[data-testid="mark-missed"]').trigger('click')
    await vi.waitFor(async () => expect(await outbox(db, REFERENT)).toHaveLength(1))
    expect((await outbox(db, REFERENT))[0]).toMatchObject({ name: 'appointment.set_status', args: { id: over.id, status: 'missed' } })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="mark-missed"]').attributes('aria-pressed')).toBe('true'))
  })

  it('lists thousands of followed people 50 at a time, searchable by name without accents', async () => {
    await db.serverTable('profiles').bulkPut(Array.from({ length: 120 }, (_, i) => ({
      id: `99999999-0000-4000-8000-${String(i).padStart(12, '0')}`, roles: ['allocataire'], structure_id: STRUCTURE,
      display_name: i === 77 ? 'Éloïse Martin' : `Personne ${i}`, version: 1,
    })))
    const { pinia } = signedInAs(db, REFERENT, ['referent'])
    const { wrapper } = await mountRoute(pinia, '/suivi/allocataires')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="people"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="people-count"]').text()).toBe('121 allocataires')
    expect(wrapper.findAll('[data-testid="people"] > li')).toHaveLength(50)
    await wrapper.get('[data-testid="people-more"]').trigger('click')
    expect(wrapper.findAll('[data-testid="people"] > li')).toHaveLength(100)
    await wrapper.get('input[type="search"]').setValue('eloise')
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="people"] > li')).toHaveLength(1))
    expect(wrapper.get('[data-testid="people"]').text()).toContain('Éloïse Martin')
    expect(wrapper.get('[data-testid="people-count"]').text()).toBe('1 allocataire')
    expect(wrapper.find('[data-testid="people-more"]').exists()).toBe(false)
    wrapper.unmount()
  })

  for (const locale of ['fr', 'ar'] as const) {
    it(`has no axe violation on the follow-up screens (${locale})`, async () => {
      await db.serverTable('appointments').put(row({ starts_at: new Date(Date.now() + 26 * 3_600_000).toISOString(), response: 'reschedule', status: 'reschedule_requested', responded_at: '2027-01-01T10:00:00Z', preferred_slots: ['le mardi matin'] }))
      await loadLocale(locale)
      const { pinia } = signedInAs(db, REFERENT, ['referent'])
      for (const path of ['/suivi', '/suivi/allocataires', '/suivi/rendez-vous/nouveau']) {
        const { wrapper } = await mountRoute(pinia, path)
        await vi.waitFor(() => expect(wrapper.find('[role="status"]').exists()).toBe(false))
        expect(await axeViolations(wrapper.element), path).toEqual([])
        wrapper.unmount()
      }
    })
  }
})

import type { Offer } from '@/stores/catalogue'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick } from 'vue'
import BookletChangeReferent from '@/components/booklet/BookletChangeReferent.vue'
import OfferList from '@/components/offers/OfferList.vue'
import OfferResponse from '@/components/offers/OfferResponse.vue'
import { contentState } from '@/composables/useContentSync'
import { loadDb } from '@/db/access'
import { useNow } from '@/composables/useNow'
import { useCatalogueStore } from '@/stores/catalogue'
import { useSyncStore } from '@/stores/sync'
import { axeViolations, plugins } from '../booklet/mountHelpers'
import { putRows, resetAll, signInAs, until, USER } from './helpers'

beforeEach(async () => {
  await resetAll()
})

afterEach(() => {
  document.body.innerHTML = ''
  window.dispatchEvent(new Event('online'))
})

function mountIt<T>(component: T, props: Record<string, unknown> = {}) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return mount(component as any, { props, attachTo: document.body, global: { plugins: plugins() } })
}

describe('contentState', () => {
  it('tells reading the device, waiting for a first connection, downloading and nothing published apart', () => {
    expect(contentState(undefined, { online: true, everSynced: false })).toBe('loading')
    expect(contentState([], { online: false, everSynced: false })).toBe('waiting_network')
    expect(contentState([], { online: true, everSynced: false, failing: true })).toBe('waiting_network')
    expect(contentState([], { online: true, everSynced: false })).toBe('syncing')
    expect(contentState([], { online: true, everSynced: true })).toBe('empty')
    // Content on the device is shown whatever the network does.
    expect(contentState([{}], { online: false, everSynced: false })).toBe('ready')
  })
})

describe('useNow', () => {
  it('is one clock, ticking on the minute for every user', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-11-25T09:59:30Z'))
    const a = effectScope()
    const b = effectScope()
    const first = a.run(() => useNow())!
    const second = b.run(() => useNow())!
    expect(first.value.toISOString()).toBe('2026-11-25T09:59:30.000Z')
    vi.advanceTimersByTime(31_000)
    expect(first.value.getUTCMinutes()).toBe(0)
    expect(second.value).toBe(first.value)
    a.stop()
    b.stop()
    vi.useRealTimers()
  })
})

function offer(over: Partial<Offer> = {}): Offer {
  return {
    id: '0ff00000-0000-4000-8000-000000000001', prestationId: 'p1', prestation: null, status: 'proposed',
    message: null, proposedAt: '2026-11-20T10:00:00Z', respondedAt: null, pending: false, ...over,
  }
}

describe('OfferResponse', () => {
  it('answers with two toggle buttons and says when the answer waits for the network', async () => {
    const catalogue = useCatalogueStore()
    const respond = vi.spyOn(catalogue, 'respond').mockResolvedValue()
    const wrapper = mountIt(OfferResponse, { offer: offer() })
    expect(wrapper.get('[data-testid="offer-status"]').text()).toContain('en attente de votre réponse')
    expect(wrapper.get('[data-testid="offer-interested"]').attributes('aria-pressed')).toBe('false')
    await wrapper.get('[data-testid="offer-not-interested"]').trigger('click')
    expect(respond).toHaveBeenCalledWith(offer().id, 'not_interested')

    window.dispatchEvent(new Event('offline'))
    await wrapper.setProps({ offer: offer({ status: 'not_interested', pending: true }) })
    expect(wrapper.get('[data-testid="offer-not-interested"]').attributes('aria-pressed')).toBe('true')
    expect(wrapper.get('[data-testid="offer-note"]').text()).toContain('en attente de réseau')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it('shows the server’s refusal and offers no answer once the prestation has started', async () => {
    const sync = useSyncStore()
    sync.rejected = [{ row_id: offer().id, message: 'Cette proposition est introuvable.' } as never]
    const wrapper = mountIt(OfferResponse, { offer: offer({ pending: true }) })
    expect(wrapper.get('[data-testid="offer-note"]').text()).toContain('Cette proposition est introuvable.')
    await wrapper.setProps({ offer: offer({ status: 'entered' }) })
    expect(wrapper.find('[data-testid="offer-interested"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="offer-status"]').text()).toContain('vous avez commencé la prestation')
  })
})

describe('OfferList', () => {
  it('signed out, explains and links to the sign-in page', async () => {
    const wrapper = mountIt(OfferList)
    const link = wrapper.get('[data-testid="offers-sign-in"]')
    expect(link.attributes('href')).toBe('/connexion?redirect=/prestations/propositions')
    expect(await axeViolations(wrapper.element)).toEqual([])
  })

  it('signed in, lists the proposals in a stable order with how many await an answer', async () => {
    await signInAs(USER)
    await putRows('prestation_offers', [
      { id: '0ff00000-0000-4000-8000-000000000001', allocataire_id: USER, prestation_id: 'p1', status: 'proposed', proposed_at: '2026-11-20T10:00:00Z' },
      { id: '0ff00000-0000-4000-8000-000000000002', allocataire_id: USER, prestation_id: 'p2', status: 'interested', proposed_at: '2026-11-21T10:00:00Z' },
    ])
    const wrapper = mountIt(OfferList)
    await until(() => expect(wrapper.findAll('article')).toHaveLength(2))
    expect(wrapper.get('[data-testid="offers-summary"]').text()).toBe('1 proposition attend votre réponse')
    expect(wrapper.findAll('article').map(a => a.attributes('data-testid'))).toEqual([
      'offer-0ff00000-0000-4000-8000-000000000002', 'offer-0ff00000-0000-4000-8000-000000000001',
    ])
    expect(await axeViolations(wrapper.element)).toEqual([])
  })
})

describe('BookletChangeReferent', () => {
  it('signed out, explains and links to the sign-in page, back to this section', () => {
    const wrapper = mountIt(BookletChangeReferent)
    expect(wrapper.text()).toContain('connectez-vous')
    expect(wrapper.get('[data-testid="change-referent-sign-in"]').attributes('href')).toBe('/connexion?redirect=/livret%23livret-changer-referent')
  })

  it('signed in, sends a change_referent feedback (never shared) and shows that it waits for the network', async () => {
    const { write } = await signInAs(USER)
    const wrapper = mountIt(BookletChangeReferent)
    await wrapper.get('[data-testid="change-referent-open"]').trigger('click')
    await nextTick()
    expect(document.activeElement?.tagName).toBe('TEXTAREA')
    expect(await axeViolations(wrapper.element)).toEqual([])

    window.dispatchEvent(new Event('offline'))
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(write).toHaveBeenCalledWith('feedback.create', expect.objectContaining({
      kind: 'change_referent', body: 'Je souhaite changer de référent.', share_with_groupe: false, contact_back: true,
    }))
    await until(() => expect(wrapper.get('[data-testid="change-referent-status"]').text()).toContain('en attente de réseau'))
    expect(wrapper.get('[data-testid="change-referent-open"]').text()).toBe('Envoyer une nouvelle demande')

    // The server accepted it and the row came back: sent.
    const db = await loadDb()
    const [pending] = await db.pending.toArray()
    await db.transaction('rw', [db.pending, db.serverTable('feedback')], async () => {
      await db.pending.clear()
      await db.serverTable('feedback').put({ ...pending!.row!, version: 1, created_at: '2026-11-25T10:00:00Z' })
    })
    await until(() => expect(wrapper.get('[data-testid="change-referent-status"]').text()).toContain('Demande envoyée le 25 novembre 2026'))
  })

  it('sends the reason when one is given', async () => {
    const { write } = await signInAs(USER)
    const wrapper = mountIt(BookletChangeReferent)
    await wrapper.get('[data-testid="change-referent-open"]').trigger('click')
    await wrapper.get('textarea').setValue('  J’ai déménagé.  ')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(write.mock.calls[0]![1]).toMatchObject({ body: 'J’ai déménagé.' })
  })

  it('is not offered to staff accounts', async () => {
    await signInAs(USER, ['referent'])
    const wrapper = mountIt(BookletChangeReferent)
    expect(wrapper.text()).toContain('réservée aux personnes qui touchent le RSA')
    expect(wrapper.find('[data-testid="change-referent-open"]').exists()).toBe(false)
  })
})

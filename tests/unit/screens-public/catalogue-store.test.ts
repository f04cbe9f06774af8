import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { CATALOGUE_STORAGE_KEY, canRespond, useCatalogueStore } from '@/stores/catalogue'
import { event, prestation, PRESTATIONS, structure } from '../catalogue/fixtures'
import { freshPinia, OTHER, putRows, resetAll, signInAs, until, USER } from './helpers'

const STRUCTURES = [
  structure({ id: 's1', name: 'Espace insertion Paris 18e', kind: 'EI', arrondissement: 18, address: '4 rue Affre', postcode: '75018' }),
  structure({ id: 's2', name: 'CAPI Paris 20e', kind: 'CAPI', arrondissement: 20 }),
  structure({ id: 's3', name: 'MdEE Paris 18e', kind: 'MDEE', arrondissement: 18 }),
  structure({ id: 's4', name: 'Ancienne structure', kind: 'EI', arrondissement: 18, status: 'archived' }),
]

const EVENTS = [
  event({ id: 'e1', title: 'Paris pour l’emploi', starts_at: '2027-10-07T08:00:00Z', ends_at: '2027-10-08T16:00:00Z' }),
  event({ id: 'e2', title: 'Forum passé', starts_at: '2025-03-18T09:00:00Z' }),
  event({ id: 'e3', title: 'Information collective PLIE', kind: 'information_collective', starts_at: '2027-01-14T08:30:00Z', structure_id: 's1' }),
]

function stored() {
  return JSON.parse(localStorage.getItem(CATALOGUE_STORAGE_KEY) ?? '{}')
}

beforeEach(async () => {
  await resetAll()
  await putRows('prestations', [...PRESTATIONS, prestation({ id: 'p8', title: 'Atelier CV', registre: 'intermediation', structure_id: 's1' })])
  await putRows('structures', STRUCTURES)
  await putRows('events', EVENTS)
})

async function loadedStore() {
  const catalogue = useCatalogueStore()
  await until(() => {
    expect(catalogue.prestations?.length).toBeGreaterThan(0)
    expect(catalogue.structures?.length).toBeGreaterThan(0)
    expect(catalogue.events?.length).toBeGreaterThan(0)
  })
  return catalogue
}

describe('catalogue store: prestations', () => {
  it('lists visible prestations by registre and filters them', async () => {
    const catalogue = await loadedStore()
    // Archived and deleted ones never show.
    expect(catalogue.filteredPrestations.map(p => p.id).sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p8'])
    expect(catalogue.prestationGroups.map(g => g.registre)).toEqual(['formation', 'intermediation', 'creation_activite'])

    catalogue.prestationFilter = { ...catalogue.prestationFilter, registre: 'formation' }
    expect(catalogue.filteredPrestations.map(p => p.id)).toEqual(['p3', 'p1', 'p2'])
    // Prestations open to everyone match every public.
    catalogue.prestationFilter = { ...catalogue.prestationFilter, public: 'parents_isoles' }
    expect(catalogue.filteredPrestations.map(p => p.id)).toEqual(['p3', 'p2'])
    catalogue.prestationFilter = { registre: null, public: null, arrondissement: 12, accessMode: null, query: '' }
    // Paris-wide prestations and those of the 12e.
    expect(catalogue.filteredPrestations.map(p => p.id)).not.toContain('p2')
    expect(catalogue.filteredPrestations.map(p => p.id)).toContain('p5')
    catalogue.prestationFilter = { registre: null, public: null, arrondissement: null, accessMode: null, query: 'francais meres' }
    expect(catalogue.filteredPrestations.map(p => p.id)).toEqual(['p2'])
  })

  it('keeps favourites on the device and can show only them', async () => {
    let catalogue = await loadedStore()
    catalogue.toggle('p4')
    catalogue.toggle('p1')
    await nextTick()
    expect(stored().favourites).toEqual(['p1', 'p4'])
    expect(catalogue.isFavourite('p4')).toBe(true)

    freshPinia()
    catalogue = await loadedStore()
    expect(catalogue.favouritePrestations.map(p => p.id)).toEqual(['p1', 'p4'])
    catalogue.favouritesOnly = true
    expect(catalogue.filteredPrestations.map(p => p.id).sort()).toEqual(['p1', 'p4'])
    catalogue.toggle('p1')
    expect(catalogue.filteredPrestations.map(p => p.id)).toEqual(['p4'])
  })

  it('ignores a corrupt stored value', async () => {
    localStorage.setItem(CATALOGUE_STORAGE_KEY, '{"favourites": [1, "p1"], "home": 42}')
    const catalogue = useCatalogueStore()
    expect(catalogue.favourites).toEqual(['p1'])
    expect(catalogue.home).toBeNull()
  })
})

describe('catalogue store: structures and events', () => {
  it('filters structures by kind and arrondissement; "near me" is an arrondissement kept on the device', async () => {
    let catalogue = await loadedStore()
    expect(catalogue.filteredStructures.map(s => s.id)).toEqual(['s1', 's3', 's2'])
    catalogue.structureFilter = { ...catalogue.structureFilter, kind: 'EI' }
    expect(catalogue.filteredStructures.map(s => s.id)).toEqual(['s1'])

    catalogue.setHome(20)
    await nextTick()
    expect(stored().home).toBe(20)
    expect(catalogue.filteredStructures).toEqual([])
    catalogue.structureFilter = { ...catalogue.structureFilter, kind: null }
    expect(catalogue.filteredStructures.map(s => s.id)).toEqual(['s2'])

    // Next visit: the filters start from the chosen arrondissement.
    freshPinia()
    catalogue = await loadedStore()
    expect(catalogue.home).toBe(20)
    expect(catalogue.structureFilter.arrondissement).toBe(20)
    expect(catalogue.prestationFilter.arrondissement).toBe(20)
    catalogue.setHome(null)
    expect(catalogue.filteredStructures.map(s => s.id)).toEqual(['s1', 's3', 's2'])
  })

  it('lists upcoming events soonest first, and what happens at a structure', async () => {
    const catalogue = await loadedStore()
    expect(catalogue.eventsAfter(new Date('2026-11-25T00:00:00Z')).map(e => e.id)).toEqual(['e3', 'e1'])
    // An event is upcoming until it ends.
    expect(catalogue.eventsAfter(new Date('2027-10-08T10:00:00Z')).map(e => e.id)).toEqual(['e1'])
    expect(catalogue.prestationsAt('s1').map(p => p.id)).toEqual(['p8'])
  })
})

describe('catalogue store: my proposals', () => {
  const [O1, O2, O3] = ['0ff00000-0000-4000-8000-000000000001', '0ff00000-0000-4000-8000-000000000002', '0ff00000-0000-4000-8000-000000000003']
  const offers = [
    { id: O1, allocataire_id: USER, prestation_id: 'p1', status: 'proposed', message: 'Pour les entretiens.', proposed_at: '2026-11-20T10:00:00Z', version: 1 },
    { id: O2, allocataire_id: USER, prestation_id: 'p4', status: 'entered', message: null, proposed_at: '2026-10-01T10:00:00Z', version: 3 },
    { id: O3, allocataire_id: OTHER, prestation_id: 'p3', status: 'proposed', message: null, proposed_at: '2026-11-21T10:00:00Z', version: 1 },
  ]

  it('is empty when signed out', async () => {
    await putRows('prestation_offers', offers)
    const catalogue = useCatalogueStore()
    await until(() => expect(catalogue.offers).toEqual([]))
    expect(catalogue.offersAwaiting).toBe(0)
  })

  it('shows the allocataire’s own proposals with their prestation, and records an answer at once, pending until synced', async () => {
    await putRows('prestation_offers', offers)
    const { db, write } = await signInAs(USER)
    const catalogue = await loadedStore()
    await until(() => expect(catalogue.offers?.map(o => o.id)).toEqual([O1, O2]))
    const [first, second] = catalogue.offers!
    expect(first).toMatchObject({ status: 'proposed', message: 'Pour les entretiens.', pending: false })
    expect(first!.prestation?.title).toBe('Passerelles linguistiques')
    expect(catalogue.offerFor('p4')?.status).toBe('entered')
    expect(canRespond(second!.status)).toBe(false)
    expect(catalogue.offersAwaiting).toBe(1)

    await catalogue.respond(O1, 'interested')
    expect(write).toHaveBeenCalledWith('offer.respond', { id: O1, interest: 'interested' })
    await until(() => expect(catalogue.offerFor('p1')).toMatchObject({ status: 'interested', pending: true }))
    expect(catalogue.offersAwaiting).toBe(0)
    // One outbox entry, sent by the sync engine later, with the version answered.
    const outbox = await db.outbox.toArray()
    expect(outbox).toMatchObject([{ name: 'offer.respond', user_id: USER, row_id: O1, base_version: 1, args: { id: O1, interest: 'interested' } }])
    // The order never depends on the answer: the card stays in place.
    expect(catalogue.offers?.map(o => o.id)).toEqual([O1, O2])
  })

  it('refuses an invalid answer before anything is saved', async () => {
    await putRows('prestation_offers', offers)
    const { db } = await signInAs(USER)
    const catalogue = useCatalogueStore()
    await expect(catalogue.respond('not-a-uuid', 'interested')).rejects.toThrow()
    expect(await db.outbox.count()).toBe(0)
  })
})

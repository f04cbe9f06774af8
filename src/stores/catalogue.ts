import type { EventRow, PrestationFilter, PrestationRow, StructureFilter, StructureRow } from '@/domain/catalogue'
import type { LocalRow } from '@/db/types'
import { useLocalStorage } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { readRows } from '@/db/read'
import {
  ARRONDISSEMENTS,
  emptyPrestationFilter,
  emptyStructureFilter,
  filterPrestations,
  filterStructures,
  groupByRegistre,
  isVisible,
  toggleFavourite,
  upcomingEvents,
} from '@/domain/catalogue'
import { useAuthStore } from './auth'
import { useSettingsStore } from './settings'
import { useSyncStore } from './sync'

/** Device preferences of the catalogue (not personal data: kept across sign-outs). */
export const CATALOGUE_STORAGE_KEY = 'reperes.catalogue'

interface StoredCatalogue {
  favourites: string[]
  /** "Près de chez moi": the arrondissement the reader chose (never a location). */
  home: number | null
}

function readStored(raw: string): StoredCatalogue {
  try {
    const value = JSON.parse(raw) as Partial<StoredCatalogue>
    return {
      favourites: Array.isArray(value.favourites) ? value.favourites.filter((f): f is string => typeof f === 'string') : [],
      home: typeof value.home === 'number' && ARRONDISSEMENTS.includes(value.home) ? value.home : null,
    }
  }
  catch {
    return { favourites: [], home: null }
  }
}

export type OfferStatus = 'proposed' | 'interested' | 'not_interested' | 'entered' | 'exited'
export type OfferInterest = 'interested' | 'not_interested'

/** A prestation the référent proposed to the signed-in allocataire. */
export interface Offer {
  id: string
  prestationId: string
  prestation: PrestationRow | null
  status: OfferStatus
  message: string | null
  proposedAt: string | null
  respondedAt: string | null
  /** Answered on this device, not yet confirmed by the server. */
  pending: boolean
}

const OFFER_STATUSES: readonly OfferStatus[] = ['proposed', 'interested', 'not_interested', 'entered', 'exited']
/** The allocataire may (still) answer: before the prestation has started. */
export function canRespond(status: OfferStatus): boolean {
  return status === 'proposed' || status === 'interested' || status === 'not_interested'
}

function toOffer(row: LocalRow, prestations: Map<string, PrestationRow>): Offer {
  const status = OFFER_STATUSES.includes(row.status as OfferStatus) ? row.status as OfferStatus : 'proposed'
  const prestationId = String(row.prestation_id ?? '')
  return {
    id: row.id,
    prestationId,
    prestation: prestations.get(prestationId) ?? null,
    status,
    message: typeof row.message === 'string' && row.message.trim() ? row.message : null,
    proposedAt: typeof row.proposed_at === 'string' ? row.proposed_at : null,
    respondedAt: typeof row.responded_at === 'string' ? row.responded_at : null,
    pending: row.$pending === true,
  }
}

/** Newest proposal first; never by status, so answering does not move a card away from the reader. */
function offerOrder(a: Offer, b: Offer): number {
  return (Date.parse(b.proposedAt ?? '') || 0) - (Date.parse(a.proposedAt ?? '') || 0) || a.id.localeCompare(b.id)
}

/**
 * The public catalogue (prestations, structures, events) read from the
 * device, the reader's filters, favourites and arrondissement, and the
 * signed-in allocataire's proposals.
 */
export const useCatalogueStore = defineStore('catalogue', () => {
  const auth = useAuthStore()
  const settings = useSettingsStore()

  const stored = useLocalStorage<StoredCatalogue>(CATALOGUE_STORAGE_KEY, { favourites: [], home: null }, {
    serializer: { read: readStored, write: value => JSON.stringify(value) },
  })

  const userDeps = [() => auth.userId]
  const prestationRows = useLiveQuery(async db => (await readRows(db, 'prestations', auth.userId)) as unknown as PrestationRow[], userDeps)
  const structureRows = useLiveQuery(async db => (await readRows(db, 'structures', auth.userId)) as unknown as StructureRow[], userDeps)
  const eventRows = useLiveQuery(async db => (await readRows(db, 'events', auth.userId)) as unknown as EventRow[], userDeps)
  const offerRows = useLiveQuery(
    async db => (auth.userId ? readRows(db, 'prestation_offers', auth.userId, r => r.allocataire_id === auth.userId && !r.deleted_at) : []),
    userDeps,
  )

  const prestations = computed(() => prestationRows.value?.filter(isVisible))
  const structures = computed(() => structureRows.value?.filter(isVisible))
  const events = computed(() => eventRows.value?.filter(isVisible))
  const prestationById = computed(() => new Map((prestationRows.value ?? []).map(p => [p.id, p])))
  const structureById = computed(() => new Map((structureRows.value ?? []).map(s => [s.id, s])))

  // --- "Près de chez moi" -----------------------------------------------------
  const home = computed(() => stored.value.home)

  // Filters live in the store so they survive opening a sheet and coming back.
  const prestationFilter = ref<PrestationFilter>({ ...emptyPrestationFilter(), arrondissement: stored.value.home })
  const structureFilter = ref<StructureFilter>({ ...emptyStructureFilter(), arrondissement: stored.value.home })

  /** Saves the reader's arrondissement on the device and shows what is near it. */
  function setHome(arrondissement: number | null) {
    const value = arrondissement !== null && ARRONDISSEMENTS.includes(arrondissement) ? arrondissement : null
    stored.value = { ...stored.value, home: value }
    structureFilter.value = { ...structureFilter.value, arrondissement: value }
    prestationFilter.value = { ...prestationFilter.value, arrondissement: value }
  }

  // --- Favourites ---------------------------------------------------------------
  const favourites = computed(() => stored.value.favourites)
  const favouritesOnly = ref(false)

  function isFavourite(id: string): boolean {
    return stored.value.favourites.includes(id)
  }

  function toggle(id: string) {
    stored.value = { ...stored.value, favourites: toggleFavourite(stored.value.favourites, id) }
  }

  /** Favourite prestations that still exist, newest favourite first. */
  const favouritePrestations = computed(() => favourites.value
    .map(id => prestationById.value.get(id))
    .filter((p): p is PrestationRow => p !== undefined && isVisible(p)))

  // --- Lists ----------------------------------------------------------------------
  const filteredPrestations = computed(() => filterPrestations(
    prestations.value ?? [],
    { ...prestationFilter.value, ids: favouritesOnly.value ? favourites.value : null },
    { locale: settings.locale },
  ))
  const prestationGroups = computed(() => groupByRegistre(filteredPrestations.value))
  const filteredStructures = computed(() => filterStructures(structures.value ?? [], structureFilter.value, settings.locale))

  function eventsAfter(now: Date): EventRow[] {
    return upcomingEvents(events.value ?? [], now)
  }

  function prestationsAt(structureId: string): PrestationRow[] {
    return filterPrestations((prestations.value ?? []).filter(p => p.structure_id === structureId), {}, { locale: settings.locale })
  }

  // --- My proposals -------------------------------------------------------------
  const offers = computed<Offer[] | undefined>(() => offerRows.value?.map(r => toOffer(r, prestationById.value)).sort(offerOrder))
  const offersAwaiting = computed(() => (offers.value ?? []).filter(o => o.status === 'proposed').length)

  function offerFor(prestationId: string): Offer | null {
    return offers.value?.find(o => o.prestationId === prestationId) ?? null
  }

  /** "Ça m'intéresse" / "Pas pour moi": saved on the device at once, sent by the sync. */
  async function respond(offerId: string, interest: OfferInterest) {
    await useSyncStore().write('offer.respond', { id: offerId, interest })
  }

  return {
    prestations, structures, events, prestationById, structureById,
    home, setHome,
    prestationFilter, structureFilter,
    favourites, favouritesOnly, isFavourite, toggle, favouritePrestations,
    filteredPrestations, prestationGroups, filteredStructures, eventsAfter, prestationsAt,
    offers, offersAwaiting, offerFor, respond,
  }
})

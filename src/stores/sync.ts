import type { QuarantineEntry } from '@/db/types'
import type { MutationArgs, MutationName } from '@/domain/mutations'
import type { SessionSnapshot } from '@/sync/session'
import { defineStore } from 'pinia'
import { computed, effectScope, ref, watch } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { useOnline } from '@/composables/useOnline'
import { useAuthStore } from './auth'

const session = () => import('@/sync/session')

/**
 * What the sync status shows (pending count, last sync, errors, refused
 * writes) and the one entry point screens use to change data: `write`.
 */
export const useSyncStore = defineStore('sync', () => {
  const auth = useAuthStore()
  const online = useOnline()
  const snapshot = ref<SessionSnapshot | null>(null)
  const scope = effectScope(true)
  let binding: Promise<void> | null = null

  const phase = computed(() => snapshot.value?.engine?.phase ?? 'idle')
  const lastSyncAt = computed(() => snapshot.value?.engine?.lastSyncAt ?? null)
  const lastError = computed(() => snapshot.value?.engine?.lastError ?? null)
  const errorKind = computed(() => snapshot.value?.engine?.errorKind ?? null)
  const nextRetryAt = computed(() => snapshot.value?.engine?.nextRetryAt ?? null)
  const evicted = computed(() => snapshot.value?.engine?.evicted ?? false)
  const versionChanged = computed(() => snapshot.value?.versionChanged ?? false)
  const updateRequired = computed(() => phase.value === 'updateRequired')
  const needsSignIn = computed(() => phase.value === 'needsSignIn')

  const pendingCount = ref(0)
  const rejected = ref<QuarantineEntry[]>([])
  /** Unsent writes of another account kept on this device (see sync/session.ts). */
  const keptAside = ref(0)

  /**
   * Follows the sync session once it runs; components call it on mount. It
   * never starts the session itself: the status in the header must not pull
   * the sync code into the first screen.
   */
  function bind(): Promise<void> {
    binding ??= (async () => {
      await auth.whenStarted()
      const s = await session()
      s.subscribeSession((next) => {
        snapshot.value = next
      })
      scope.run(() => {
        const uid = () => auth.userId
        const counts = useLiveQuery(async (db) => {
          const id = uid()
          const [mine, refused, all] = await Promise.all([
            id ? db.outbox.where('user_id').equals(id).count() : 0,
            id ? db.quarantine.where('user_id').equals(id).sortBy('seq') : [],
            db.outbox.count().then(async n => n + await db.quarantine.count()),
          ])
          return { mine, refused, others: all - mine - refused.length }
        }, [uid])
        watch(counts, (value) => {
          if (!value)
            return
          pendingCount.value = value.mine
          rejected.value = value.refused
          keptAside.value = value.others
        })
      })
    })()
    return binding
  }

  async function syncNow() {
    await auth.init()
    await (await session()).syncNow()
  }

  async function retry(mutationId: string) {
    await (await session()).retry(mutationId)
  }

  async function discard(mutationId: string) {
    await (await session()).discard(mutationId)
  }

  async function discardKeptAside() {
    return (await session()).discardKeptAside()
  }

  /** Validates (ZodError on bad input), saves locally with its outbox entry, and schedules the sync. */
  async function write<N extends MutationName>(name: N, args: MutationArgs<N>) {
    await auth.init()
    return (await session()).mutate(name, args)
  }

  return {
    snapshot, online, phase, lastSyncAt, lastError, errorKind, nextRetryAt, evicted, versionChanged, updateRequired, needsSignIn,
    pendingCount, rejected, keptAside, bind, syncNow, retry, discard, discardKeptAside, write,
  }
})

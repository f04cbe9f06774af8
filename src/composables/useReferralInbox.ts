// The receiving structure's side of a referral: the people field teams oriented to the
// référent's structure with their consent (what row-level security lets the device
// pull), their answer through the outbox, and — online only — how many people were
// oriented there without consent (an anonymous count, the only trace of them).
import type { ContactRow } from '@/domain/outreachRows'
import { computed, ref } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { readRow, readRows } from '@/db/read'
import { toContactRow } from '@/domain/outreachRows'
import { useAuthStore } from '@/stores/auth'
import { useSyncStore } from '@/stores/sync'

export interface Referral extends ContactRow {
  teamName: string | null
}

export interface OrientationCount {
  month: string
  oriented: number
  anonymous: number
}

export type ReferralResponse = { response: 'accepted' } | { response: 'declined', reason: string } | { response: 'appointment_planned', appointment_at: string | null }

/** Pending first (oldest first: they waited longest), then answered, newest first. */
export function sortReferrals<T extends Pick<ContactRow, 'referral_status' | 'oriented_at' | 'referral_answered_at'>>(rows: readonly T[]): T[] {
  const pending = rows.filter(r => r.referral_status === 'pending').sort((a, b) => (a.oriented_at ?? '').localeCompare(b.oriented_at ?? ''))
  const answered = rows.filter(r => r.referral_status !== 'pending')
    .sort((a, b) => (b.referral_answered_at ?? b.oriented_at ?? '').localeCompare(a.referral_answered_at ?? a.oriented_at ?? ''))
  return [...pending, ...answered]
}

export function useReferralInbox() {
  const auth = useAuthStore()
  const sync = useSyncStore()
  const uid = () => auth.userId

  const snapshot = useLiveQuery(async (db) => {
    const id = uid()
    if (!id)
      return { structureId: null, referrals: [] as Referral[] }
    const me = await readRow(db, 'profiles', id, id)
    const structureId = typeof me?.structure_id === 'string' ? me.structure_id : null
    const [rows, teams] = await Promise.all([
      readRows(db, 'outreach_contacts', id, r => !r.deleted_at && r.consent === true && r.oriented_structure_id === structureId),
      readRows(db, 'teams', id),
    ])
    const teamName = new Map(teams.map(t => [t.id, typeof t.name === 'string' ? t.name : null]))
    return {
      structureId,
      referrals: rows.map(r => ({ ...toContactRow(r), teamName: teamName.get(String(r.team_id)) ?? null })),
    }
  }, [uid], { onError: () => {} })

  const loaded = computed(() => snapshot.value !== undefined)
  const structureId = computed(() => snapshot.value?.structureId ?? null)
  const referrals = computed(() => sortReferrals(snapshot.value?.referrals ?? []))
  const pendingCount = computed(() => referrals.value.filter(r => r.referral_status === 'pending').length)

  async function respond(id: string, answer: ReferralResponse) {
    await sync.write('referral.respond', { id, ...answer })
  }

  const counts = ref<OrientationCount[] | null>(null)
  /** Anonymous counts come from the server: nothing about these people is on the device. */
  async function loadCounts(fromDate: string) {
    const user = auth.userId
    if (!user)
      return
    const { callRpc } = await import('@/services/supabase')
    const result = await callRpc('outreach_orientation_counts', { from_date: fromDate }, { asUser: user, timeoutMs: 10_000 })
    if (!result.error && Array.isArray(result.data)) {
      counts.value = result.data.map((r: Record<string, unknown>) => ({
        month: String(r.month),
        oriented: Number(r.oriented ?? 0),
        anonymous: Number(r.anonymous ?? 0),
      }))
    }
  }

  return { loaded, structureId, referrals, pendingCount, respond, counts, loadCounts }
}

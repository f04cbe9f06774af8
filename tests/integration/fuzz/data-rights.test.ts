/**
 * Data rights over HTTP with the real supabase-js, as the app calls them: export, account
 * deletion (sessions revoked, no sign-in any more, a stale token reaches nothing), and the
 * erasure of an outreach contact reaching every device through sync_pull tombstones.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SupabaseClient } from '@supabase/supabase-js'
import { startTestBackend, type TestBackend } from '../helpers/backend.ts'

let b: TestBackend

beforeAll(async () => {
  b = await startTestBackend()
})
afterAll(() => b?.close())

interface Pull {
  changes: Record<string, { id: string }[]>
  tombstones: Record<string, string[]>
  cursor: string
  has_more: boolean
}

async function pullAll(client: SupabaseClient, cursor: string | null = null) {
  const changes: Record<string, { id: string }[]> = {}
  const tombstones: Record<string, string[]> = {}
  for (;;) {
    const { data, error } = await client.rpc('sync_pull', { cursor, lim: 500 })
    expect(error).toBeNull()
    const page = data as Pull
    for (const [t, rows] of Object.entries(page.changes)) (changes[t] ??= []).push(...rows)
    for (const [t, ids] of Object.entries(page.tombstones)) (tombstones[t] ??= []).push(...ids)
    cursor = page.cursor
    if (!page.has_more) return { changes, tombstones, cursor }
  }
}

describe('export', () => {
  it('gives an allocataire every row about them, and nothing to anon', async () => {
    const { client, session } = await b.signIn('allocataire@demo.reperes.paris')
    const { data, error } = await client.rpc('account_export')
    expect(error).toBeNull()
    const doc = data as Record<string, unknown> & { appointments: { allocataire_id: string }[] }
    expect(doc).toMatchObject({ format: 'reperes.account_export', version: 1, user_id: session.user.id })
    expect(doc.appointments).toHaveLength(6)
    expect(doc.appointments.every((a) => a.allocataire_id === session.user.id)).toBe(true)
    const anon = await b.client().rpc('account_export')
    expect(anon.status).toBe(401)
  })
})

describe('account deletion', () => {
  it('deletes the account: sessions end, sign-in fails, a stale token reaches nothing', async () => {
    const email = 'allocataire2@demo.reperes.paris'
    const { client, session } = await b.signIn(email)
    const other = await b.signIn(email)
    const id = session.user.id
    const countAppointments = async () =>
      (await b.db.query<{ n: number }>('select count(*)::int as n from public.appointments')).rows[0]!.n
    const appointmentsBefore = await countAppointments()

    const refused = await client.rpc('account_delete', { confirm_user_id: randomUUID() })
    expect(refused.status).toBe(400)
    expect(refused.error?.message).toBe('La confirmation ne correspond pas au compte connecté.')

    const { data, error } = await client.rpc('account_delete', { confirm_user_id: id })
    expect(error).toBeNull()
    expect(data).toMatchObject({ deleted: true, appointments_detached: 1 })

    // Every session of the user is gone: no refresh, on this device or another.
    for (const s of [session, other.session]) {
      const refresh = await b.client().auth.refreshSession({ refresh_token: s.refresh_token })
      expect(refresh.error?.code).toBe('refresh_token_not_found')
    }
    const again = await b.client().auth.signInWithPassword({ email, password: 'demo-password' })
    expect(again.error?.code).toBe('invalid_credentials')
    const user = await b.client().auth.getUser(session.access_token)
    expect(user.data.user).toBeNull()

    // The access token still verifies until it expires (as on Supabase), but leads nowhere.
    const stale = b.client(session.access_token)
    const pulled = await pullAll(stale)
    for (const table of ['profiles', 'appointments', 'prestation_offers', 'feedback']) expect(pulled.changes[table]).toBeUndefined()
    const push = await stale.rpc('sync_push', {
      mutations: [{ mutation_id: randomUUID(), name: 'feedback.create', args: { id: randomUUID(), kind: 'other', body: 'après', share_with_groupe: false, contact_back: false } }],
    })
    expect(push.status).toBeGreaterThanOrEqual(400)
    expect(push.status).toBeLessThan(500)
    expect((await b.db.query('select 1 from public.feedback where body = $1', ['après'])).rows).toHaveLength(0)

    // The appointment stays in the records, detached and cancelled.
    const { rows } = await b.db.query<{ allocataire_id: string | null; status: string }>(
      `select allocataire_id, status from public.appointments where id = 'a9900000-0000-4000-8000-000000000007'`)
    expect(rows[0]).toEqual({ allocataire_id: null, status: 'cancelled' })
    // None of the programme's appointment records went with the account.
    expect(await countAppointments()).toBe(appointmentsBefore)
  })
})

describe('erasing an outreach contact on request', () => {
  it('reaches the team and the référent of the referral as a tombstone', async () => {
    const contact = 'cc000000-0000-4000-8000-000000000001'
    const team = (await b.signIn('outreach@demo.reperes.paris')).client
    const referent = (await b.signIn('referent@demo.reperes.paris')).client
    const teamBefore = await pullAll(team)
    const referentBefore = await pullAll(referent)
    expect(teamBefore.changes.outreach_contacts?.map((r) => r.id)).toContain(contact)
    expect(referentBefore.changes.outreach_contacts?.map((r) => r.id)).toContain(contact)

    const { data, error } = await team.rpc('sync_push', { mutations: [{ mutation_id: randomUUID(), name: 'contact.delete', args: { id: contact } }] })
    expect(error).toBeNull()
    expect((data as { results: { status: string }[] }).results[0]!.status).toBe('applied')

    for (const [who, client, before] of [['team', team, teamBefore], ['référent', referent, referentBefore]] as const) {
      const next = await pullAll(client, before.cursor)
      expect(next.tombstones.outreach_contacts, who).toContain(contact)
      expect(JSON.stringify(next.changes), who).not.toContain('Mariam')
    }
  })
})

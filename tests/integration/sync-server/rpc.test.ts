/**
 * The sync functions through the local backend's PostgREST RPC endpoint, called
 * with the real supabase-js client, as the app calls them.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBackend, type TestBackend } from '../helpers/backend.ts'
import type { PullAnswer, PushResult } from './helpers/database.ts'

let backend: TestBackend

beforeAll(async () => {
  backend = await startTestBackend()
})

afterAll(async () => {
  await backend?.close()
})

describe('sync over supabase.rpc', () => {
  it('serves public content to anon, and refuses anon pushes', async () => {
    const anon = backend.client()
    const { data, error } = await anon.rpc('sync_pull', { cursor: null, lim: 500, schema_version: 1 })
    expect(error).toBeNull()
    const answer = data as PullAnswer
    expect(answer.changes.structures?.length).toBeGreaterThan(0)
    expect(answer.changes.appointments).toBeUndefined()

    const push = await anon.rpc('sync_push', { mutations: [] })
    expect(push.error?.code).toBe('42501')
  })

  it('pushes a feedback, answers duplicate on replay, then pulls it', async () => {
    const { client } = await backend.signIn('allocataire@demo.reperes.paris')
    const id = randomUUID()
    const mutation = {
      mutation_id: randomUUID(),
      name: 'feedback.create',
      args: { id, kind: 'booklet', body: 'Le livret est clair.', rating: 5, share_with_groupe: true, contact_back: false },
    }
    const device = randomUUID()
    const first = await client.rpc('sync_push', { mutations: [mutation], schema_version: 1, device_id: device })
    expect(first.error).toBeNull()
    expect((first.data as { results: PushResult[] }).results).toEqual([{ mutation_id: mutation.mutation_id, status: 'applied' }])
    const replay = await client.rpc('sync_push', { mutations: [mutation], device_id: device })
    expect((replay.data as { results: PushResult[] }).results[0]!.status).toBe('duplicate')

    const stats = await client.rpc('sync_stats', { device_id: device })
    expect(stats.data).toEqual({ mutations_received: 1 })

    let cursor: string | null = null
    const feedback: string[] = []
    for (;;) {
      const { data, error } = await client.rpc('sync_pull', { cursor, lim: 200 })
      expect(error).toBeNull()
      const page = data as PullAnswer
      feedback.push(...(page.changes.feedback ?? []).map((r) => r.id))
      cursor = page.cursor
      if (!page.has_more) break
    }
    expect(feedback).toContain(id)

    const reconcile = await client.rpc('sync_reconcile', { tables: ['feedback'] })
    expect((reconcile.data as Record<string, string[]>).feedback).toContain(id)
  })

  it('answers errors without internals', async () => {
    const { client } = await backend.signIn('allocataire@demo.reperes.paris')
    const { error } = await client.rpc('sync_reconcile', { tables: ['sync_mutations'] })
    expect(error?.code).toBe('22023')
    expect(error?.message).toBe('Table inconnue : sync_mutations')
    expect(JSON.stringify(error)).not.toMatch(/stack|PL\/pgSQL|line \d/)

    const { data } = await client.rpc('sync_push', {
      mutations: [{ mutation_id: randomUUID(), name: 'appointment.set_status', args: { id: randomUUID(), status: 'attended' } }],
    })
    expect((data as { results: PushResult[] }).results[0]).toMatchObject({ status: 'rejected', reason: 'not_found' })
  })
})

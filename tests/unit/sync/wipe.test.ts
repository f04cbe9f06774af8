import { afterEach, describe, expect, it } from 'vitest'
import { PERSONAL_TABLES, PUBLIC_TABLES } from '@/domain/sync'
import { cursorKey } from '@/sync/pull'
import { pushPending } from '@/sync/push'
import { discardOtherUsers } from '@/sync/quarantine'
import { OWNER_KEY, unsentCount, wipeUser } from '@/sync/wipe'
import { writeMutation } from '@/sync/write'
import { FakeServer } from './fakeServer'
import { closeDbs, feedback, makeDb, USER_A, USER_B } from './helpers'

afterEach(closeDbs)

async function fill(db: ReturnType<typeof makeDb>) {
  for (const table of [...PERSONAL_TABLES, ...PUBLIC_TABLES])
    await db.serverTable(table).bulkPut([{ id: crypto.randomUUID(), version: 1 }, { id: crypto.randomUUID(), version: 1 }])
  await db.sync_state.bulkPut([
    { key: cursorKey(USER_A), cursor: 'a', tables: '', last_sync_at: null },
    { key: cursorKey(null), cursor: 'anon', tables: '', last_sync_at: null },
  ])
  await db.meta.put({ key: OWNER_KEY, value: USER_A })
  const server = new FakeServer(USER_A)
  server.policy = m => m.args.body === 'refusé' ? { reason: 'validation', message: 'Non.' } : undefined
  await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback({ body: 'refusé' }))
  await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback({ body: 'envoyé' }))
  await pushPending({ db, transport: server, userId: USER_A, deviceId: crypto.randomUUID() })
  await writeMutation({ db, userId: USER_A }, 'profile.update', { display_name: 'Awa' })
  await writeMutation({ db, userId: USER_A }, 'feedback.create', feedback({ body: 'pas encore envoyé' }))
}

describe('wipe on sign-out and user switch', () => {
  it('leaves no personal row, no queued write and no cursor of that user; public content stays', async () => {
    const db = makeDb()
    await fill(db)
    expect(await unsentCount(db, USER_A)).toBe(3) // two queued, one refused
    await wipeUser(db, USER_A)
    for (const table of PERSONAL_TABLES)
      expect(await db.serverTable(table).count(), table).toBe(0)
    for (const table of PUBLIC_TABLES)
      expect(await db.serverTable(table).count(), table).toBe(2)
    for (const local of [db.outbox, db.quarantine, db.applied, db.pending])
      expect(await local.count(), local.name).toBe(0)
    expect((await db.sync_state.toArray()).map(s => s.key)).toEqual([cursorKey(null)])
    expect(await db.meta.get(OWNER_KEY)).toBeUndefined()
  })

  it('can keep an expired user’s unsent writes aside when someone else signs in', async () => {
    const db = makeDb()
    await fill(db)
    await wipeUser(db, USER_A, { keepUnsent: true })
    for (const table of PERSONAL_TABLES)
      expect(await db.serverTable(table).count(), table).toBe(0)
    expect(await unsentCount(db, USER_A)).toBe(3)
    // The next user neither sees nor sends them.
    await writeMutation({ db, userId: USER_B }, 'feedback.create', feedback())
    const server = new FakeServer(USER_B)
    await pushPending({ db, transport: server, userId: USER_B, deviceId: crypto.randomUUID() })
    expect(server.count('feedback')).toBe(1)
    expect(await unsentCount(db, USER_A)).toBe(3)
    // …until they are discarded on purpose.
    expect(await discardOtherUsers(db, USER_B)).toBe(3)
    expect((await db.pending.toArray()).map(p => p.user_id)).toEqual([USER_B])
    expect(await db.outbox.count()).toBe(0)
    expect(await db.quarantine.count()).toBe(0)
  })
})

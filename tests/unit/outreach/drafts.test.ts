import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, reactive } from 'vue'
import { DRAFT_DELAY_MS, deleteDraft, loadDraft, saveDraft, useDraft } from '@/composables/useDraft'
import { loadDb } from '@/db/access'
import { ReperesDb } from '@/db/database'
import { CURRENT_VERSION } from '@/db/schema'
import { emptyContactForm } from '@/domain/outreach'
import { discardOtherUsers } from '@/sync/quarantine'
import { unsentCount, wipeUser } from '@/sync/wipe'
import { createRawDatabase, put } from '../db/released-schemas'
import { closeDbs, makeDb, USER_A, USER_B } from '../sync/helpers'

afterEach(closeDbs)
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

describe('drafts on the device', () => {
  it('are kept per user and per form', async () => {
    const db = makeDb()
    await saveDraft(db, USER_A, 'contact:new', { quartier: 'Flandre' })
    await saveDraft(db, USER_B, 'contact:new', { quartier: 'Belleville' })
    expect((await loadDraft(db, USER_A, 'contact:new'))?.value).toEqual({ quartier: 'Flandre' })
    expect((await loadDraft(db, USER_B, 'contact:new'))?.value).toEqual({ quartier: 'Belleville' })
    await deleteDraft(db, USER_A, 'contact:new')
    expect(await loadDraft(db, USER_A, 'contact:new')).toBeUndefined()
  })

  it('are personal data: wiped at sign-out, kept aside with unsent writes at a user switch', async () => {
    const db = makeDb()
    await saveDraft(db, USER_A, 'contact:new', { note: 'à rappeler' })
    await saveDraft(db, USER_B, 'contact:new', { note: 'autre' })
    await wipeUser(db, USER_A, { keepUnsent: true })
    expect(await loadDraft(db, USER_A, 'contact:new')).toBeDefined()
    // A draft is not an unsent write: it does not block a sign-out.
    expect(await unsentCount(db, USER_A)).toBe(0)
    await wipeUser(db, USER_A)
    expect(await loadDraft(db, USER_A, 'contact:new')).toBeUndefined()
    expect(await loadDraft(db, USER_B, 'contact:new')).toBeDefined()
    await discardOtherUsers(db, USER_A)
    expect(await db.drafts.count()).toBe(0)
  })

  it('arrive with the schema upgrade: a database left by version 1 opens with its data and an empty drafts table', async () => {
    const name = `drafts-upgrade-${crypto.randomUUID()}`
    const raw = await createRawDatabase(name, 1)
    const contact = { id: crypto.randomUUID(), version: 2, team_id: 'T', quartier: 'Flandre', met_at: '2026-11-20T09:00:00Z' }
    await put(raw, 'outreach_contacts', [contact])
    await put(raw, 'meta', [{ key: 'device_id', value: 'dev-1' }])
    raw.close()

    const db = new ReperesDb(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(await db.serverTable('outreach_contacts').get(contact.id)).toEqual(contact)
    expect(await db.drafts.count()).toBe(0)
    expect(await db.serverTable('outreach_follow_ups').count()).toBe(0)
    await db.serverTable('outreach_contact_events').put({ id: 'e1', contact_id: contact.id })
    expect(await db.serverTable('outreach_contact_events').where('contact_id').equals(contact.id).count()).toBe(1)
    await saveDraft(db, USER_A, 'contact:new', { quartier: 'Flandre' })
    expect(await db.drafts.where('user_id').equals(USER_A).count()).toBe(1)
    await db.delete()
  })
})

describe('useDraft', () => {
  it('saves changes by itself (scheduled ≤ 300 ms after them) and restores them after the app was closed mid-form', async () => {
    const db = await loadDb()
    const form = reactive(emptyContactForm(crypto.randomUUID(), new Date()))
    const first = effectScope()
    const draft = first.run(() => useDraft(USER_A, 'contact:new', () => form))!
    expect(await draft.restore()).toBeNull()
    draft.start()

    form.quartier = 'Goutte d’Or'
    form.note = 'Cherche'
    await nextTick()
    form.note = 'Cherche un emploi le matin'
    // The write is scheduled ≤ 300 ms after the first change, whatever follows (not reset by typing).
    expect(DRAFT_DELAY_MS).toBeLessThanOrEqual(300)
    await vi.waitFor(async () => {
      expect((await loadDraft(db, USER_A, 'contact:new'))?.value).toMatchObject({ quartier: 'Goutte d’Or', note: 'Cherche un emploi le matin' })
    }, { timeout: 2_000, interval: 20 })
    expect(draft.savedAt.value).not.toBeNull()

    // The app is closed: the scope goes away. A last keystroke is written on the way out.
    form.note = 'Cherche un emploi le matin, rappeler lundi'
    first.stop()
    await sleep(50)

    const second = effectScope()
    const again = second.run(() => useDraft<typeof form>(USER_A, 'contact:new', () => form))!
    const restored = await again.restore()
    expect(restored?.value).toMatchObject({ id: form.id, quartier: 'Goutte d’Or', note: 'Cherche un emploi le matin, rappeler lundi' })
    await again.clear()
    expect(await loadDraft(db, USER_A, 'contact:new')).toBeUndefined()
    second.stop()
  })

  it('leaves no draft for a form with nothing typed, and none for nobody', async () => {
    const db = await loadDb()
    const form = reactive({ text: 'x' })
    const scope = effectScope()
    const draft = scope.run(() => useDraft(USER_B, 'contact:new', () => form, { isEmpty: f => f.text === '' }))!
    draft.start()
    form.text = 'typed'
    await draft.flush()
    expect(await loadDraft(db, USER_B, 'contact:new')).toBeDefined()
    form.text = ''
    await draft.flush()
    expect(await loadDraft(db, USER_B, 'contact:new')).toBeUndefined()
    scope.stop()

    const signedOut = effectScope()
    const none = signedOut.run(() => useDraft(null, 'contact:new', () => form))!
    none.start()
    form.text = 'again'
    await none.flush()
    expect(await db.drafts.count()).toBe(0)
    signedOut.stop()
  })

  it('writes at once when the page is hidden (app switched, screen locked)', async () => {
    const db = await loadDb()
    const form = reactive({ text: '' })
    const scope = effectScope()
    const draft = scope.run(() => useDraft('33333333-3333-4333-8333-333333333333', 'k', () => form, { delayMs: 60_000 }))!
    draft.start()
    form.text = 'avant de verrouiller'
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
    document.dispatchEvent(new Event('visibilitychange'))
    await sleep(50)
    expect((await loadDraft(db, '33333333-3333-4333-8333-333333333333', 'k'))?.value).toEqual({ text: 'avant de verrouiller' })
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' })
    scope.stop()
  })
})

describe('useDraft timing', () => {
  it('does not wait for typing to stop: while someone keeps typing, the draft is already on disk', async () => {
    const db = await loadDb()
    const user = '44444444-4444-4444-8444-444444444444'
    const form = reactive({ text: '' })
    const scope = effectScope()
    const draft = scope.run(() => useDraft(user, 'k', () => form))!
    draft.start()
    // A keystroke every 100 ms: a debounce that restarts at each one would write nothing yet.
    for (let i = 0; i < 8; i++) {
      form.text += 'a'
      await sleep(100)
    }
    const saved = (await loadDraft(db, user, 'k'))?.value as { text: string } | undefined
    expect(saved?.text.length).toBeGreaterThan(0)
    scope.stop()
  })
})

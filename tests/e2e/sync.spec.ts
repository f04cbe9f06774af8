/**
 * The offline-first data layer in a real browser: a write recorded offline
 * survives closing the page and reaches the server when the network is
 * back; two tabs sync through one runner; signing out leaves no personal row
 * in IndexedDB.
 */
import type { Page } from '@playwright/test'
import { createClient } from '@supabase/supabase-js'
import { expect, test } from '@playwright/test'
import { BACKEND_URL } from '../../playwright.config'
import { ANON_KEY, chooseLocale, DEMO_PASSWORD, expectNoAxeViolations, signInAsStaff, waitForServiceWorker } from './fixtures'

const PERSONAL_TABLES = ['profiles', 'appointments', 'prestation_offers', 'feedback', 'consultations', 'evaluations', 'outreach_contacts', 'teams', 'invitations']

/** The signed-in user's id, from the session supabase-js keeps in localStorage. */
async function userIdIn(page: Page): Promise<string> {
  const id = await page.evaluate(() => {
    const raw = localStorage.getItem('reperes.auth')
    return raw ? (JSON.parse(raw) as { user?: { id?: string } }).user?.id ?? null : null
  })
  expect(id, 'a signed-in session').toBeTruthy()
  return id!
}

/** Row counts of the app's IndexedDB tables, read in the page. */
async function localCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => new Promise<Record<string, number>>((resolve, reject) => {
    const open = indexedDB.open('reperes')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const names = [...db.objectStoreNames]
      const tx = db.transaction(names, 'readonly')
      const counts: Record<string, number> = {}
      for (const name of names) {
        const req = tx.objectStore(name).count()
        req.onsuccess = () => (counts[name] = req.result)
      }
      tx.oncomplete = () => {
        db.close()
        resolve(counts)
      }
    }
  }))
}

/**
 * Records a feedback the way the app's write path does: outbox entry and
 * optimistic row in one IndexedDB transaction (the feedback screen is built
 * separately; this spec is about delivery, not the form).
 */
async function recordFeedback(page: Page, userId: string, body: string): Promise<string> {
  return page.evaluate(({ userId, body }) => new Promise<string>((resolve, reject) => {
    const id = crypto.randomUUID()
    const args = { id, kind: 'other', body, share_with_groupe: false, contact_back: false }
    const now = new Date().toISOString()
    const open = indexedDB.open('reperes')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const tx = db.transaction(['outbox', 'pending'], 'readwrite', { durability: 'strict' })
      tx.objectStore('outbox').add({ mutation_id: crypto.randomUUID(), user_id: userId, name: 'feedback.create', args, table: 'feedback', row_id: id, created_at: now, attempts: 0, last_error: null })
      tx.objectStore('pending').put({ user_id: userId, table: 'feedback', id, row: { ...args, author_id: userId, status: 'received', created_at: now, updated_at: now } })
      tx.oncomplete = () => {
        db.close()
        resolve(id)
      }
      tx.onerror = () => reject(tx.error)
    }
  }), { userId, body })
}

/** The ids of this user's feedback on the server, read by a fresh sign-in elsewhere. */
async function serverFeedbackIds(email: string): Promise<string[]> {
  const client = createClient(BACKEND_URL, ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } })
  const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD })
  if (error)
    throw error
  const ids: string[] = []
  let cursor: string | null = null
  for (;;) {
    const { data, error: pullError } = await client.rpc('sync_pull', { cursor, lim: 1000, schema_version: 1 })
    if (pullError)
      throw pullError
    const page = data as { changes: { feedback?: { id: string }[] }, cursor: string, has_more: boolean }
    ids.push(...(page.changes.feedback ?? []).map(r => r.id))
    cursor = page.cursor
    if (!page.has_more)
      break
  }
  await client.auth.signOut()
  return ids
}

/** A write the server refused earlier, as the engine quarantines it. */
async function quarantineFeedback(page: Page, userId: string, body: string): Promise<string> {
  return page.evaluate(({ userId, body }) => new Promise<string>((resolve, reject) => {
    const id = crypto.randomUUID()
    const entry = {
      seq: 1_000_000, mutation_id: crypto.randomUUID(), user_id: userId, name: 'feedback.create', table: 'feedback', row_id: id,
      args: { id, kind: 'other', body, share_with_groupe: false, contact_back: false },
      created_at: new Date(Date.now() - 3_600_000).toISOString(), attempts: 0, last_error: null, recorded: true,
      reason: 'forbidden', message: 'Vous n’avez pas le droit de faire cette modification.', rejected_at: new Date().toISOString(),
    }
    const open = indexedDB.open('reperes')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const tx = db.transaction('quarantine', 'readwrite')
      tx.objectStore('quarantine').put(entry)
      tx.oncomplete = () => {
        db.close()
        resolve(id)
      }
    }
  }), { userId, body })
}

async function syncNowIn(page: Page) {
  // The engine syncs when the network comes back: the cheapest way to ask it now.
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
}

test('a write recorded offline survives closing the page and reaches the server once online', async ({ context, page }) => {
  const email = 'allocataire@demo.reperes.paris'
  await signInAsStaff(page, email, '/')
  await waitForServiceWorker(page)
  const userId = await userIdIn(page)
  await expect.poll(async () => (await localCounts(page)).profiles).toBeGreaterThan(0)

  await context.setOffline(true)
  const body = `Écrit hors ligne ${Date.now()}`
  const id = await recordFeedback(page, userId, body)
  await syncNowIn(page)
  await page.close()
  expect(await serverFeedbackIds(email)).not.toContain(id)

  // Reopened while still offline: the app shell comes from the service worker, the write from IndexedDB.
  const reopened = await context.newPage()
  await reopened.goto('/')
  await expect(reopened.getByRole('heading', { level: 1 })).toBeVisible()
  expect((await localCounts(reopened)).outbox).toBe(1)

  await context.setOffline(false)
  await expect.poll(async () => (await localCounts(reopened)).outbox, { timeout: 20_000 }).toBe(0)
  expect(await serverFeedbackIds(email)).toContain(id)
})

test('two tabs: one sync runner at a time, every write once', async ({ context, page }) => {
  const email = 'groupe@demo.reperes.paris'
  await signInAsStaff(page, email, '/')
  const userId = await userIdIn(page)
  const second = await context.newPage()
  await second.goto('/')

  // Time every push of each tab to check they never overlap.
  const pushes: { tab: number, start: number, end?: number }[] = []
  for (const [tab, p] of [page, second].entries()) {
    p.on('request', (r) => {
      if (r.url().includes('/rest/v1/rpc/sync_push'))
        pushes.push({ tab, start: Date.now() })
    })
    p.on('requestfinished', (r) => {
      if (r.url().includes('/rest/v1/rpc/sync_push'))
        pushes.findLast(x => x.tab === tab && x.end === undefined)!.end = Date.now()
    })
  }

  const ids: string[] = []
  for (let i = 0; i < 30; i++)
    ids.push(await recordFeedback(i % 2 ? page : second, userId, `Deux onglets ${i}`))
  await Promise.all([syncNowIn(page), syncNowIn(second)])
  await expect.poll(async () => (await localCounts(page)).outbox, { timeout: 20_000 }).toBe(0)

  const onServer = await serverFeedbackIds(email)
  for (const id of ids)
    expect(onServer.filter(x => x === id)).toHaveLength(1)
  expect(pushes.length).toBeGreaterThan(0)
  const sorted = [...pushes].sort((a, b) => a.start - b.start)
  for (let i = 1; i < sorted.length; i++)
    expect(sorted[i]!.start, 'a push started while another was in flight').toBeGreaterThanOrEqual(sorted[i - 1]!.end ?? Infinity)
})

test('signing out leaves no personal row in IndexedDB and keeps public content', async ({ page }) => {
  await signInAsStaff(page, 'referent@demo.reperes.paris', '/')
  await expect.poll(async () => (await localCounts(page)).profiles).toBeGreaterThan(0)
  await expect.poll(async () => (await localCounts(page)).appointments).toBeGreaterThan(0)

  await page.goto('/connexion')
  await page.getByRole('button', { name: 'Me déconnecter' }).press('Enter')
  await expect(page.getByText('Rien de personnel ne reste sur ce téléphone.')).toBeVisible()

  const counts = await localCounts(page)
  for (const table of [...PERSONAL_TABLES, 'outbox', 'quarantine', 'applied', 'pending'])
    expect(counts[table], table).toBe(0)
  expect(counts.structures).toBeGreaterThan(0)
  expect(await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('reperes.auth')))).toEqual([])
})

for (const locale of ['fr', 'ar'] as const) {
  test(`the sync panel works from the keyboard, with refused writes, and has no axe violation (${locale})`, async ({ page }) => {
    const email = 'allocataire@demo.reperes.paris'
    await signInAsStaff(page, email, '/')
    const userId = await userIdIn(page)
    const id = await quarantineFeedback(page, userId, `Refusé puis réessayé ${locale}`)
    // Written behind Dexie's back: a reload lets the live queries read it.
    await page.reload()
    if (locale === 'ar')
      await chooseLocale(page, 'ar')

    const toggle = page.getByTestId('sync-status')
    await toggle.focus()
    await page.keyboard.press('Enter')
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const panel = page.getByTestId('sync-panel')
    await expect(panel.getByTestId('sync-rejected')).toBeVisible()
    await expectNoAxeViolations(page, `sync panel ${locale}`)
    for (const button of await panel.getByRole('button').all()) {
      const box = await button.boundingBox()
      expect(box!.height, await button.innerText()).toBeGreaterThanOrEqual(44)
      expect(box!.width, await button.innerText()).toBeGreaterThanOrEqual(44)
    }

    // Retry sends it again: this time the server accepts it.
    await panel.getByRole('button', { name: { fr: 'Réessayer', ar: 'أعد المحاولة' }[locale] }).press('Enter')
    await expect(panel.getByTestId('sync-rejected')).toHaveCount(0)
    await expect.poll(async () => (await localCounts(page)).outbox, { timeout: 20_000 }).toBe(0)
    expect(await serverFeedbackIds(email)).toContain(id)

    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()
    await expect(toggle).toBeFocused()
  })
}

/**
 * Field contacts on a phone with no network: three contacts captured offline (the
 * minimal one in ≤ 6 taps, one with consent and a referral), a page killed mid-form
 * whose draft comes back, a call back due today marked "no answer", then the network
 * returns and everything reaches the server, where the receiving structure's référent
 * finds the referral and accepts it, and the field worker sees the answer. And zero axe
 * violations on the outreach screens, in French and in Arabic.
 */
import type { Browser, Locator, Page } from '@playwright/test'
import { createClient } from '@supabase/supabase-js'
import { expect, test } from '@playwright/test'
import { BACKEND_URL } from '../../playwright.config'
import { ANON_KEY, chooseLocale, expectNoAxeViolations, waitForServiceWorker } from './fixtures'

const DEMO_PASSWORD = 'demo-password'
const OUTREACH = 'outreach@demo.reperes.paris'
const REFERENT = 'referent@demo.reperes.paris'
/** The structure the référent works at (seed). */
const EI_18 = 'Espace insertion Paris 18e'
/** The seeded team, spelled as in the database. */
const TEAM = 'Équipe de développement local Goutte d\'Or'

async function signIn(page: Page, email: string, redirect: string) {
  await page.goto(`/connexion?redirect=${encodeURIComponent(redirect)}`)
  await page.getByLabel('Je suis professionnel ou professionnelle').check()
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Me connecter' }).press('Enter')
  await expect(page).toHaveURL(redirect)
}

/** Rows in one IndexedDB store of the app, read in the page. */
async function storeRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(name => new Promise<T[]>((resolve, reject) => {
    const open = indexedDB.open('reperes')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const req = db.transaction(name, 'readonly').objectStore(name).getAll()
      req.onsuccess = () => {
        db.close()
        resolve(req.result as T[])
      }
      req.onerror = () => reject(req.error)
    }
  }), store)
}

const outboxCount = async (page: Page) => (await storeRows(page, 'outbox')).length

/** The outreach contacts a user pulls from the server, read by a fresh sign-in from here. */
async function serverContacts(email: string): Promise<Record<string, unknown>[]> {
  const client = createClient(BACKEND_URL, ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } })
  const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD })
  if (error)
    throw error
  const rows: Record<string, unknown>[] = []
  let cursor: string | null = null
  for (;;) {
    const { data, error: pullError } = await client.rpc('sync_pull', { cursor, lim: 1000, schema_version: 1 })
    if (pullError)
      throw pullError
    const page = data as { changes: { outreach_contacts?: Record<string, unknown>[] }, cursor: string, has_more: boolean }
    rows.push(...(page.changes.outreach_contacts ?? []))
    cursor = page.cursor
    if (!page.has_more)
      break
  }
  await client.auth.signOut()
  return rows
}

/** Signs in and waits until the device holds the team and the structures (what an offline day needs). */
async function readyOffline(page: Page) {
  await signIn(page, OUTREACH, '/terrain')
  await waitForServiceWorker(page)
  await expect(page.getByText(TEAM)).toBeVisible({ timeout: 20_000 })
  await expect.poll(async () => (await storeRows(page, 'structures')).length, { timeout: 20_000 }).toBeGreaterThan(5)
  // Every outreach screen once, so nothing has to come from the network later.
  for (const path of ['/terrain/contact/nouveau', '/terrain/contacts', '/terrain/tableau-de-bord', '/terrain'])
    await page.goto(path)
}

test('contacts captured offline, a killed page, then the server and the référent', async ({ browser, context, page }) => {
  test.setTimeout(180_000)
  const tag = Date.now().toString(36)
  const name = `Nour ${tag}`
  await readyOffline(page)
  await context.setOffline(true)

  // 1. The minimal contact, counting every tap from the outreach home page.
  let taps = 0
  const tap = async (target: Locator) => {
    taps++
    await target.click()
  }
  await tap(page.getByTestId('new-contact'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouveau contact')
  await tap(page.getByRole('radio', { name: 'Goutte d\'Or', exact: true }))
  await tap(page.getByRole('radio', { name: 'Marché', exact: true }))
  await tap(page.getByRole('radio', { name: '18-25 ans', exact: true }))
  await tap(page.getByRole('checkbox', { name: 'Emploi', exact: true }))
  await tap(page.getByTestId('save-contact'))
  await expect(page.getByTestId('contact-saved')).toContainText('Contact enregistré sur ce téléphone')
  expect(taps, 'taps for the minimal contact').toBeLessThanOrEqual(6)

  // 2. With consent (text shown in Arabic) and a referral to the EI 18e.
  await page.getByRole('radio', { name: 'La Chapelle', exact: true }).click()
  await page.getByRole('radio', { name: 'Rue', exact: true }).click()
  await page.getByRole('radio', { name: '35-49 ans', exact: true }).click()
  await page.getByRole('checkbox', { name: 'Formation', exact: true }).click()
  await page.getByRole('checkbox', { name: 'Langue française', exact: true }).click()
  await page.getByTestId('section-identity').locator('summary').click()
  await page.getByTestId('ask-consent').click()
  await page.getByRole('radio', { name: 'العربية', exact: true }).click()
  await expect(page.getByTestId('consent-text')).toHaveAttribute('lang', 'ar')
  await expect(page.getByTestId('consent-text')).toContainText('12 شهرًا')
  await page.getByTestId('consent-accept').click()
  await page.getByLabel('Prénom ou surnom').fill(name)
  await page.getByLabel('La personne accepte d’être recontactée').check()
  await page.getByLabel('Téléphone').fill('06 12 34 56 78')
  await page.getByTestId('section-note').locator('summary').click()
  await page.getByLabel('Note courte').fill(`Cherche une formation en cuisine ${tag}`)
  await page.getByTestId('section-orientation').locator('summary').click()
  await page.getByTestId('orientation-structure').selectOption({ label: EI_18 })
  await page.getByLabel('Pourquoi cette structure').fill('Accompagnement vers la formation')
  await page.getByTestId('save-contact').click()
  await expect(page.getByTestId('contact-saved')).toContainText(`Contact de ${name} enregistré`)

  // 3. Half typed, then the page is killed (no unload handler gets a chance to help).
  await page.getByRole('radio', { name: 'Porte de la Chapelle', exact: true }).click()
  await page.getByRole('radio', { name: 'Association', exact: true }).click()
  await page.getByTestId('section-note').locator('summary').click()
  await page.getByLabel('Note courte').pressSequentially(`Brouillon ${tag}`, { delay: 20 })
  await expect(page.getByTestId('draft-status')).toContainText('Brouillon enregistré')
  // The draft reaches the disk by itself, without leaving the field (no blur, no save).
  await expect.poll(async () => (await storeRows<{ value: { note: string } }>(page, 'drafts'))[0]?.value.note, { intervals: [50] }).toBe(`Brouillon ${tag}`)
  await page.close({ runBeforeUnload: false })

  const reopened = await context.newPage()
  await reopened.goto('/terrain')
  await expect(reopened.getByTestId('draft-waiting')).toBeVisible()
  await reopened.getByTestId('new-contact').click()
  await expect(reopened.getByTestId('draft-restored')).toBeVisible()
  await expect(reopened.getByRole('radio', { name: 'Porte de la Chapelle', exact: true })).toBeChecked()
  await expect(reopened.getByRole('radio', { name: 'Association', exact: true })).toBeChecked()
  await expect(reopened.getByLabel('Note courte')).toHaveValue(`Brouillon ${tag}`)
  // With a call back planned for today.
  await reopened.getByTestId('section-follow-up').locator('summary').click()
  await reopened.getByRole('button', { name: 'Prévoir une relance' }).click()
  await reopened.getByLabel('Date').fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date()))
  await reopened.getByRole('radio', { name: 'Rappeler', exact: true }).click()
  await reopened.getByTestId('save-contact').click()
  await expect(reopened.getByTestId('contact-saved')).toBeVisible()

  // Today's list has the call back; "no answer" takes it off the list.
  await reopened.goto('/terrain')
  const due = reopened.getByTestId('follow-up').filter({ hasText: 'Porte de la Chapelle' })
  await expect(due).toContainText('Rappeler')
  await due.getByRole('button', { name: 'Pas de réponse' }).click()
  await expect(due).toHaveCount(0)

  // Everything waits in the outbox, nothing went out.
  const queued = (await storeRows<{ name: string, args: Record<string, unknown> }>(reopened, 'outbox'))
  expect(queued.map(e => e.name)).toEqual(['contact.upsert', 'contact.upsert', 'contact.upsert', 'follow_up.upsert', 'follow_up.set_outcome'])
  expect(await storeRows(reopened, 'drafts')).toEqual([])
  await reopened.goto('/terrain/contacts')
  await expect(reopened.getByTestId('contact-card').filter({ hasText: name })).toContainText('En attente d’envoi')

  // The network comes back: the outbox empties and the server has the three contacts.
  await context.setOffline(false)
  await reopened.evaluate(() => window.dispatchEvent(new Event('online')))
  await expect.poll(() => outboxCount(reopened), { timeout: 30_000 }).toBe(0)
  const onServer = await serverContacts(OUTREACH)
  const ids = new Set(queued.filter(e => e.name === 'contact.upsert').map(e => String(e.args.id)))
  const mine = onServer.filter(r => ids.has(String(r.id)))
  expect(mine).toHaveLength(3)
  const referral = mine.find(r => r.first_name_or_alias === name)!
  expect(referral).toMatchObject({ consent: true, consent_version: 'consent-v1.ar', phone: '06 12 34 56 78', referral_status: 'pending', status: 'oriented' })
  expect(mine.find(r => r.note === `Brouillon ${tag}`)).toMatchObject({ quartier: 'Porte de la Chapelle', met_how: 'association', consent: false, status: 'follow_up' })

  // The référent of the EI 18e, on another device, sees the referral and accepts it.
  await answerAsReferent(browser, name)
  await expect.poll(async () => (await serverContacts(OUTREACH)).find(r => r.id === referral.id)?.referral_status, { timeout: 30_000 }).toBe('accepted')

  // Back on the field worker's phone, the answer arrives with the next sync.
  await reopened.goto(`/terrain/contacts/${String(referral.id)}`)
  await expect.poll(async () => {
    await reopened.evaluate(() => window.dispatchEvent(new Event('online')))
    return reopened.getByTestId('referral-status').first().textContent()
  }, { timeout: 30_000 }).toContain('Acceptée')
  await expect(reopened.getByTestId('history')).toContainText('Réponse de la structure : Acceptée')
})

test('a person asks to be forgotten: the team erases the contact, on the device and on the server', async ({ page }) => {
  const tag = Date.now().toString(36)
  const name = `Inès ${tag}`
  await signIn(page, OUTREACH, '/terrain')
  await expect(page.getByText(TEAM)).toBeVisible({ timeout: 20_000 })
  await page.getByTestId('new-contact').click()
  await page.getByRole('radio', { name: 'Goutte d\'Or', exact: true }).click()
  await page.getByRole('radio', { name: 'Rue', exact: true }).click()
  await page.getByRole('radio', { name: '26-34 ans', exact: true }).click()
  await page.getByTestId('section-identity').locator('summary').click()
  await page.getByTestId('ask-consent').click()
  await page.getByTestId('consent-accept').click()
  await page.getByLabel('Prénom ou surnom').fill(name)
  await page.getByTestId('save-contact').click()
  await expect(page.getByTestId('contact-saved')).toBeVisible()
  await expect.poll(() => outboxCount(page), { timeout: 20_000 }).toBe(0)
  const id = String((await serverContacts(OUTREACH)).find(r => r.first_name_or_alias === name)?.id)
  expect(id).toMatch(/^[0-9a-f-]{36}$/)

  await page.goto(`/terrain/contacts/${id}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  // Nothing happens without the confirmation; "cancel" keeps the contact.
  await page.getByTestId('erase-contact').click()
  await page.getByRole('button', { name: 'Annuler' }).last().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await page.getByTestId('erase-contact').click()
  await page.getByTestId('erase-contact-yes').click()

  await expect(page).toHaveURL(/\/terrain\/contacts\?erased=1$/)
  await expect(page.getByText('Contact effacé.')).toBeVisible()
  await expect(page.getByTestId('contact-card').filter({ hasText: name })).toHaveCount(0)
  await expect.poll(() => outboxCount(page), { timeout: 20_000 }).toBe(0)
  // The outbox empties when the push is answered; the device's copy goes with the
  // tombstone that the pull of the same sync brings right after.
  await expect.poll(async () => (await storeRows<{ id: string }>(page, 'outreach_contacts')).some(r => r.id === id), { timeout: 20_000 }).toBe(false)
  // A fresh device of the team pulls no trace of the person: the row is only a tombstone.
  const fresh = await serverContacts(OUTREACH)
  expect(fresh.some(r => r.id === id || r.first_name_or_alias === name)).toBe(false)
})

async function answerAsReferent(browser: Browser, name: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, REFERENT, '/suivi/orientations')
  const card = page.getByTestId('referral-card').filter({ hasText: name })
  await expect(card).toBeVisible({ timeout: 20_000 })
  await expect(card).toContainText('06 12 34 56 78')
  await expect(card).toContainText('Accompagnement vers la formation')
  await expect(card).toContainText('Formation, Langue française')
  await card.getByTestId('referral-accept').click()
  await expect(card).toContainText('Acceptée')
  await expect.poll(() => outboxCount(page), { timeout: 20_000 }).toBe(0)
  await context.close()
}

for (const locale of ['fr', 'ar'] as const) {
  test(`outreach screens have no axe violations (${locale})`, async ({ browser, page }) => {
    test.setTimeout(120_000)
    await signIn(page, OUTREACH, '/terrain')
    await expect(page.getByText(TEAM)).toBeVisible({ timeout: 20_000 })
    await chooseLocale(page, locale)
    await expectNoAxeViolations(page, `/terrain (${locale})`)

    await page.goto('/terrain/contact/nouveau')
    await expect(page.getByTestId('save-contact')).toBeVisible()
    await page.getByTestId('save-contact').click()
    await expect(page.getByTestId('form-errors')).toBeVisible()
    for (const section of ['section-identity', 'section-note', 'section-orientation', 'section-follow-up'])
      await page.getByTestId(section).locator('summary').click()
    await page.getByTestId('ask-consent').click()
    await page.getByTestId('section-note').locator('textarea').fill('malade, sort de prison')
    await expect(page.getByTestId('note-sensitive')).toBeVisible()
    await expectNoAxeViolations(page, `/terrain/contact/nouveau (${locale})`)

    await page.goto('/terrain/contacts')
    await expect(page.getByTestId('contact-card').first()).toBeVisible()
    await page.locator('details').first().locator('summary').click()
    await expectNoAxeViolations(page, `/terrain/contacts (${locale})`)

    await page.goto('/terrain/contacts/cc000000-0000-4000-8000-000000000001')
    await expect(page.getByTestId('history')).toBeVisible()
    await page.getByTestId('orient-open').click()
    await expectNoAxeViolations(page, `/terrain/contacts/:id (${locale})`)

    await page.goto('/terrain/tableau-de-bord')
    await expect(page.getByTestId('weekly-chart')).toBeVisible()
    await expectNoAxeViolations(page, `/terrain/tableau-de-bord (${locale})`)

    const context = await browser.newContext()
    const referent = await context.newPage()
    await signIn(referent, REFERENT, '/suivi/orientations')
    await expect(referent.getByTestId('referral-card').first()).toBeVisible({ timeout: 20_000 })
    await chooseLocale(referent, locale)
    await expectNoAxeViolations(referent, `/suivi/orientations (${locale})`)
    await context.close()
  })
}

/**
 * Data rights end to end, in Chromium against the local backend: an allocataire signs in
 * through /connexion, downloads their data (the JSON holds their appointments; the readable
 * page too, without any script), deletes their account, and is left signed out with no
 * personal row in IndexedDB and no session; the account no longer signs in.
 *
 * The account (allocataire2) is really deleted: the suite needs a fresh backend, as CI's.
 */
import type { Download, Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './fixtures'

const EMAIL = 'allocataire2@demo.reperes.paris'
const PASSWORD = 'demo-password'
/** Their appointment at the CAPI 20e (supabase/seed.sql). */
const APPOINTMENT = 'a9900000-0000-4000-8000-000000000007'
const PERSONAL_TABLES = ['profiles', 'appointments', 'prestation_offers', 'feedback', 'consultations', 'evaluations', 'outreach_contacts', 'teams', 'invitations']

async function signIn(page: Page) {
  await page.goto('/connexion?redirect=/compte')
  await page.getByLabel('Je suis professionnel ou professionnelle').check()
  await page.getByLabel('Adresse e-mail').fill(EMAIL)
  await page.getByLabel('Mot de passe').fill(PASSWORD)
  await page.getByRole('button', { name: 'Me connecter' }).click()
}

/** Row counts of the app's IndexedDB stores, read in the page. */
function localCounts(page: Page): Promise<Record<string, number>> {
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

async function saved(download: Promise<Download>): Promise<{ name: string, text: string }> {
  const d = await download
  return { name: d.suggestedFilename(), text: await readFile((await d.path())!, 'utf8') }
}

test('an allocataire exports their data, then deletes their account and leaves nothing behind', async ({ page }) => {
  await signIn(page)
  await expect(page).toHaveURL('/compte')
  await expect(page.getByRole('heading', { name: 'Mes données', exact: true })).toBeVisible()
  const userId = await page.evaluate(() => (JSON.parse(localStorage.getItem('reperes.auth') ?? '{}') as { user?: { id?: string } }).user?.id)
  expect(userId).toBeTruthy()
  await expectNoAxeViolations(page, 'my data')

  // Export: the complete JSON file…
  const jsonDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Télécharger le fichier complet (JSON)' }).click()
  const file = await saved(jsonDownload)
  expect(file.name).toMatch(/^reperes-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/)
  const doc = JSON.parse(file.text) as { user_id: string, appointments: { id: string, allocataire_id: string }[], profile: { email: string } }
  expect(doc.user_id).toBe(userId)
  expect(doc.profile.email).toBe(EMAIL)
  expect(doc.appointments.map(a => a.id)).toContain(APPOINTMENT)
  expect(doc.appointments.every(a => a.allocataire_id === userId)).toBe(true)
  await expect(page.getByRole('status').filter({ hasText: 'Le fichier est téléchargé.' })).toBeVisible()

  // … and the readable page, without a script.
  const htmlDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Télécharger une page à lire ou à imprimer' }).click()
  const page2 = await saved(htmlDownload)
  expect(page2.name).toMatch(/\.html$/)
  expect(page2.text).toContain('Rendez-vous à la CAPI')
  expect(page2.text).not.toMatch(/<script\b/i)

  // Their rows are on the device before the deletion.
  await expect.poll(async () => (await localCounts(page)).appointments, { timeout: 15_000 }).toBeGreaterThan(0)

  // Deletion, confirmed.
  await page.getByRole('button', { name: 'Supprimer mon compte' }).click()
  await expect(page.getByText('Voulez-vous vraiment supprimer votre compte ?')).toBeVisible()
  await expectNoAxeViolations(page, 'account deletion, confirming')
  await page.getByRole('button', { name: 'Oui, supprimer définitivement' }).click()
  await expect(page.getByTestId('account-deleted')).toContainText('Votre compte a été supprimé.')
  await expect(page.getByTestId('account-deleted')).toBeFocused()

  // Signed out, nothing personal left on the device.
  await expect(page.getByTestId('sign-out')).toHaveCount(0)
  const keys = await page.evaluate(() => Object.keys(localStorage))
  expect(keys.filter(k => k.startsWith('reperes.auth'))).toEqual([])
  const counts = await localCounts(page)
  for (const table of PERSONAL_TABLES)
    expect(counts[table] ?? 0, table).toBe(0)
  expect(counts.outbox ?? 0).toBe(0)
  expect(counts.quarantine ?? 0).toBe(0)
  expect(counts.structures, 'public content stays for offline reading').toBeGreaterThan(0)

  // The account is gone: signing in again fails.
  await signIn(page)
  await expect(page.getByRole('alert')).toHaveText('L’adresse e-mail ou le mot de passe ne correspond pas.')
  await expect(page).toHaveURL(/\/connexion/)
})

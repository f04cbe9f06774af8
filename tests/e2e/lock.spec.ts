/**
 * The outreach device lock, in a real browser: a field worker sets a PIN, records a
 * contact, locks the app; the contact's name is then nowhere in IndexedDB nor on the
 * page, a reload stays locked, a wrong PIN is refused (and counted), the right one
 * brings the contact back. The lock screen has zero axe violations in French and Arabic.
 * A forgotten PIN signs out and wipes the device. Two tabs of the app lock and unlock together.
 */
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { chooseLocale, expectNoAxeViolations } from './fixtures'

const OUTREACH = 'outreach@demo.reperes.paris'
const PIN = '482913'

async function signIn(page: Page, email: string, redirect: string) {
  await page.goto(`/connexion?redirect=${encodeURIComponent(redirect)}`)
  await page.getByLabel('Je suis professionnel ou professionnelle').check()
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill('demo-password')
  await page.getByRole('button', { name: 'Me connecter' }).press('Enter')
  await expect(page).toHaveURL(redirect)
}

/** Every value of every store of the app's database, read raw in the page, as text. */
async function rawDatabaseText(page: Page): Promise<string> {
  return page.evaluate(() => new Promise<string>((resolve, reject) => {
    const open = indexedDB.open('reperes')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const names = [...db.objectStoreNames]
      const tx = db.transaction(names, 'readonly')
      const parts: string[] = []
      for (const name of names) {
        const req = tx.objectStore(name).getAll()
        req.onsuccess = () => parts.push(JSON.stringify(req.result, (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v)))
      }
      tx.oncomplete = () => {
        db.close()
        resolve(parts.join('\n'))
      }
      tx.onerror = () => reject(tx.error)
    }
  }))
}

async function enableLock(page: Page) {
  await page.goto('/compte')
  const settings = page.getByTestId('lock-settings')
  await expect(settings.getByTestId('lock-enable')).toBeVisible()
  await expectNoAxeViolations(page, 'lock settings (off)')
  await settings.getByLabel('Nouveau code PIN').fill(PIN)
  await settings.getByLabel('Confirmez le code PIN').fill('482914')
  await settings.getByTestId('lock-enable').click()
  await expect(settings.getByText('Les deux codes ne sont pas identiques.')).toBeVisible()
  await settings.getByLabel('Confirmez le code PIN').fill(PIN)
  await settings.getByTestId('lock-enable').click()
  await expect(page.getByTestId('lock-enabled')).toContainText('5 minutes', { timeout: 20_000 })
  await expectNoAxeViolations(page, 'lock settings (on)')
}

async function recordContact(page: Page, name: string) {
  await page.goto('/terrain/contact/nouveau')
  await page.getByRole('radio', { name: 'Goutte d\'Or', exact: true }).click()
  await page.getByRole('radio', { name: 'Rue', exact: true }).click()
  await page.getByRole('radio', { name: '26-34 ans', exact: true }).click()
  await page.getByRole('checkbox', { name: 'Logement', exact: true }).click()
  await page.getByTestId('section-identity').locator('summary').click()
  await page.getByTestId('ask-consent').click()
  await page.getByTestId('consent-accept').click()
  await page.getByLabel('Prénom ou surnom').fill(name)
  await page.getByTestId('save-contact').click()
  await expect(page.getByTestId('contact-saved')).toContainText(`Contact de ${name} enregistré`)
}

async function lockNow(page: Page) {
  await page.goto('/compte')
  await page.getByTestId('lock-now').click()
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  await expect.poll(async () => (await rawDatabaseText(page)).includes('vault:'), { timeout: 15_000 }).toBe(true)
}

test('lock with a PIN: the contact is sealed on the device until the right PIN', async ({ page }) => {
  test.setTimeout(120_000)
  const name = `Samir ${Date.now().toString(36)}`
  await signIn(page, OUTREACH, '/terrain')
  await enableLock(page)
  await recordContact(page, name)
  expect(await rawDatabaseText(page)).toContain(name)

  await lockNow(page)
  await expect.poll(async () => (await rawDatabaseText(page)).includes(name), { timeout: 15_000 }).toBe(false)
  expect(await page.content()).not.toContain(name)

  // A reload (or the app killed and opened again) stays locked, without showing anything personal.
  await page.reload()
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Application verrouillée')
  expect(await page.content()).not.toContain(name)
  expect(await rawDatabaseText(page)).not.toContain(name)
  await expectNoAxeViolations(page, 'lock screen (fr)')

  // A wrong PIN is refused and counted; the next attempts are announced.
  await page.getByLabel('Code PIN').fill('000000')
  await page.getByTestId('unlock').click()
  await expect(page.getByText('Code incorrect.')).toBeVisible({ timeout: 15_000 })
  await expect(page.getByTestId('attempts-left')).toContainText('encore 4 essais')
  await expect(page.getByTestId('lock-screen')).toBeVisible()

  // In Arabic, right to left, still accessible; only keyboard from here.
  await chooseLocale(page, 'ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('التطبيق مقفل')
  await expectNoAxeViolations(page, 'lock screen (ar)')
  await chooseLocale(page, 'fr')

  await page.getByLabel('Code PIN').fill(PIN)
  await page.getByLabel('Code PIN').press('Enter')
  await expect(page.getByTestId('lock-screen')).toHaveCount(0, { timeout: 15_000 })
  await page.goto('/terrain/contacts')
  await expect(page.getByTestId('contact-card').filter({ hasText: name })).toBeVisible()
  expect(await rawDatabaseText(page)).not.toContain('vault:')
})

test('a forgotten PIN signs out and wipes the device', async ({ page }) => {
  test.setTimeout(120_000)
  const name = `Lina ${Date.now().toString(36)}`
  await signIn(page, OUTREACH, '/terrain')
  await enableLock(page)
  await recordContact(page, name)
  await lockNow(page)
  await page.getByTestId('forgot-pin').click()
  await expect(page.getByTestId('forget-panel')).toContainText('ne peuvent pas être ouvertes')
  await page.getByTestId('forget-confirm').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Données effacées', { timeout: 15_000 })
  await page.getByTestId('lock-continue').click()
  await expect(page.getByTestId('lock-screen')).toHaveCount(0)
  const raw = await rawDatabaseText(page)
  expect(raw).not.toContain('vault:')
  expect(raw).not.toContain(name)
  expect(await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('reperes.auth') || k.startsWith('reperes.lock')))).toEqual([])
  await page.goto('/compte')
  await expect(page.getByTestId('lock-settings')).toHaveCount(0)
})

test('two tabs lock and unlock together', async ({ page }) => {
  test.setTimeout(120_000)
  const name = `Nadia ${Date.now().toString(36)}`
  await signIn(page, OUTREACH, '/terrain')
  await enableLock(page)
  await recordContact(page, name)

  const other = await page.context().newPage()
  await other.goto('/terrain/contacts')
  await expect(other.getByTestId('contact-card').filter({ hasText: name })).toBeVisible({ timeout: 15_000 })

  // Locking in the first tab locks the second one: its page no longer shows the contact.
  await lockNow(page)
  await expect(other.getByTestId('lock-screen')).toBeVisible({ timeout: 15_000 })
  expect(await other.content()).not.toContain(name)
  await expect.poll(async () => (await rawDatabaseText(other)).includes(name), { timeout: 15_000 }).toBe(false)

  // The right PIN in the second tab unlocks both.
  await other.getByLabel('Code PIN').fill(PIN)
  await other.getByTestId('unlock').click()
  await expect(other.getByTestId('lock-screen')).toHaveCount(0, { timeout: 15_000 })
  await expect(page.getByTestId('lock-screen')).toHaveCount(0, { timeout: 15_000 })
  await page.goto('/terrain/contacts')
  await expect(page.getByTestId('contact-card').filter({ hasText: name })).toBeVisible()
  await other.close()
})

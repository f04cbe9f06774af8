/**
 * What every allocataire reads first, without an account: the welcome
 * booklet, the prestation catalogue and the structures directory — synced
 * to the device on the first visit, then readable offline, in French and in
 * Arabic (right to left). Signed in, an allocataire answers a proposal and
 * asks to change référent, with the answer kept while offline.
 */
import type { BrowserContext, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { BACKEND_URL } from '../../playwright.config'
import { chooseLocale, expectNoAxeViolations, waitForServiceWorker } from './fixtures'

const PASSERELLES = 'b0000000-0000-4000-8000-000000000001'
const EI_18 = '5e000000-0000-4000-8000-000000000001'
/** Offer 1 of the seed: "Passerelles linguistiques", proposed to allocataire@demo. */
const OFFER = '0ff00000-0000-4000-8000-000000000001'

/** Opens the booklet and waits until its sections have arrived from the server. */
async function openBookletSynced(page: Page) {
  await page.goto('/livret')
  await expect(page.getByRole('heading', { level: 2, name: 'Le RSA, c\'est quoi ?' })).toBeVisible({ timeout: 30_000 })
}

/** Visits the catalogue screens once online so public content is on the device. */
async function syncPublicContent(page: Page) {
  await openBookletSynced(page)
  await waitForServiceWorker(page)
  await page.goto('/structures')
  await expect(page.getByRole('heading', { level: 2, name: 'Espace insertion Paris 18e' })).toBeVisible()
  await page.goto('/prestations')
  await expect(page.getByRole('link', { name: 'Passerelles linguistiques', exact: true })).toBeVisible()
}

async function signIn(page: Page, redirect: string) {
  await page.goto(`/connexion?redirect=${encodeURIComponent(redirect)}`)
  await page.getByLabel('Je suis professionnel ou professionnelle').check()
  await page.getByLabel('Adresse e-mail').fill('allocataire@demo.reperes.paris')
  await page.getByLabel('Mot de passe').fill('demo-password')
  await page.getByRole('button', { name: 'Me connecter' }).press('Enter')
  await expect(page).toHaveURL(redirect)
}

async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true)
  await expect(page.getByTestId('connectivity')).toHaveText('Hors ligne')
}

test('after a first visit the booklet, a prestation and a structure open offline', async ({ page, context }) => {
  await syncPublicContent(page)
  await goOffline(context, page)

  // A deep link to a section: scrolled to, its title focused.
  await page.goto('/livret#livret-changer-referent')
  const title = page.getByRole('heading', { level: 2, name: 'Changer de référent' })
  await expect(title).toBeFocused()
  await expect(title).toBeInViewport()
  await expect(page.getByTestId('change-referent-sign-in')).toHaveAttribute('href', '/connexion?redirect=/livret%23livret-changer-referent')

  // The table of contents moves to a section without leaving the page.
  await page.getByTestId('toc-contacts').click()
  await expect(page.getByRole('heading', { level: 2, name: 'Qui contacter ?' })).toBeFocused()
  await expect(page).toHaveURL(/\/livret#livret-contacts$/)

  // Search within the booklet, accents ignored.
  await page.getByLabel('Chercher dans le livret').fill('bilan de sante')
  await expect(page.getByRole('status').filter({ hasText: /résultat/ })).toHaveText(/\d+ résultats?|1 résultat/)
  await page.getByTestId('search-hit-accompagnement').click()
  await expect(page.getByRole('heading', { level: 2, name: 'Qui vous accompagne ?' })).toBeFocused()

  // "Lecture facile" / "texte complet".
  await page.getByTestId('variant-full').check()
  await expect(page.getByRole('heading', { level: 2, name: 'Le revenu de solidarité active (RSA)' })).toBeVisible()
  await page.getByTestId('variant-easy').check()
  await expect(page.getByRole('heading', { level: 2, name: 'Le RSA, c\'est quoi ?' })).toBeVisible()

  // A prestation's sheet.
  await page.goto('/prestations')
  await page.getByRole('link', { name: 'Passerelles linguistiques', exact: true }).click()
  await expect(page).toHaveURL(`/prestations/${PASSERELLES}`)
  const sheet = page.getByRole('article', { name: 'Passerelles linguistiques' })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Passerelles linguistiques')
  for (const label of ['Conditions', 'Comment faire', 'Organisme', 'Où', 'Durée', 'Coût'])
    await expect(sheet.getByText(label, { exact: true })).toBeVisible()
  await expect(sheet.getByText('3 mois, 12 heures par semaine')).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Où ça se passe' })).toBeVisible()

  // A structure's sheet: opening status, tap to call, map link.
  await page.goto(`/structures/${EI_18}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace insertion Paris 18e')
  await expect(page.getByTestId('tel-link')).toHaveAttribute('href', 'tel:0153090018')
  // The test phone is an Android one: the address opens in its maps app.
  await expect(page.getByTestId('map-link').first()).toHaveAttribute('href', /^geo:0,0\?q=4%20rue%20Affre/)
  await expect(page.locator('.opening')).toHaveAttribute('data-state', /open|closes_soon|closed/)
  await context.setOffline(false)
})

test('filters, favourites and "near me" work and are kept on the device', async ({ page }) => {
  await syncPublicContent(page)

  // Prestations: by registre, then by words.
  await page.getByLabel('Type d’aide').selectOption({ label: 'Créer son activité' })
  const groups = page.locator('[data-registre]')
  await expect(groups).toHaveCount(1)
  await expect(groups.first()).toHaveAttribute('data-registre', 'creation_activite')
  await page.getByLabel('Chercher une prestation').fill('microcredit')
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Microcrédit et financement solidaire'])
  await page.getByTestId('filters-reset').click()
  await expect(page.getByLabel('Type d’aide')).toHaveValue('')

  // Favourites survive a reload.
  const item = page.getByTestId(`prestation-${PASSERELLES}`)
  await item.getByTestId('favourite').click()
  await expect(item.getByTestId('favourite')).toHaveAttribute('aria-pressed', 'true')
  await page.reload()
  await page.getByTestId('favourites-only').check()
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Passerelles linguistiques'])
  await page.getByTestId('favourites-only').uncheck()

  // Structures: by kind, and "près de chez moi" saved on the device.
  await page.goto('/structures')
  await page.getByLabel('Mon arrondissement').selectOption({ label: '18e arrondissement' })
  await page.getByLabel('Type de structure').selectOption({ label: 'Espace insertion' })
  await expect(page.getByRole('heading', { level: 2 }).filter({ hasNotText: 'Près de chez moi' })).toHaveText(['Espace insertion Paris 18e'])
  await page.reload()
  await expect(page.getByLabel('Mon arrondissement')).toHaveValue('18')
  await expect(page.locator('[data-testid^="structure-"]').first()).toContainText('18e arrondissement')
  for (const card of await page.locator('[data-testid^="structure-"]').all())
    await expect(card).toContainText('18e arrondissement')
  await page.getByLabel('Mon arrondissement').selectOption('')

  // Upcoming events: date, place, how to register.
  await page.goto('/prestations/evenements')
  const forum = page.getByRole('article', { name: 'Paris pour l\'emploi', exact: true })
  await expect(forum).toContainText('Place de la Concorde')
  await expect(forum).toContainText('Entrée libre les deux jours.')
})

test('a first visit offline before any sync says content comes with the first connection', async ({ page, context }) => {
  // The server cannot be reached: nothing arrives on the device.
  await context.route(`${BACKEND_URL}/**`, route => route.abort('internetdisconnected'))
  await page.goto('/livret')
  await expect(page.getByTestId('content-state')).toContainText('Pas encore de contenu sur ce téléphone', { timeout: 20_000 })
  await expect(page.getByTestId('content-state')).toContainText('après la première connexion à internet')
  await page.goto('/structures')
  await expect(page.getByTestId('content-state')).toContainText('Les structures s’afficheront après la première connexion')
  await expectNoAxeViolations(page, 'structures before the first sync')
})

test('the booklet reads in Arabic, right to left', async ({ page }) => {
  await openBookletSynced(page)
  await chooseLocale(page, 'ar')
  const section = page.locator('#livret-rsa')
  await expect(section).toHaveAttribute('lang', 'ar')
  await expect(section).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 2, name: 'ما هو RSA؟' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('دليل الاستقبال')
  // Only "lecture facile" exists in Arabic: no switch.
  await expect(page.getByTestId('variant-full')).toHaveCount(0)
  // Right to left: a section's title starts on the right of its pictogram.
  const picto = await section.locator('svg').first().boundingBox()
  const heading = await section.getByRole('heading', { level: 2 }).boundingBox()
  expect(picto!.x).toBeGreaterThan(heading!.x)
  await page.getByLabel('البحث في الدليل').fill('مرافق')
  await expect(page.getByTestId('search-hit-changer-referent')).toBeVisible()
  await chooseLocale(page, 'fr')
})

for (const locale of ['fr', 'ar'] as const) {
  test(`zero axe violations on the booklet, catalogue and directory in ${locale}`, async ({ page }) => {
    await syncPublicContent(page)
    await chooseLocale(page, locale)
    for (const path of ['/livret', '/prestations', `/prestations/${PASSERELLES}`, '/prestations/evenements', '/prestations/propositions', '/structures', `/structures/${EI_18}`]) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expect(page.getByTestId('content-state')).toHaveCount(0)
      await expectNoAxeViolations(page, `${path} (${locale})`)
    }
    await chooseLocale(page, 'fr')
  })
}

test('at 200 % text on a 320 px screen nothing scrolls sideways', async ({ page }) => {
  await syncPublicContent(page)
  await page.setViewportSize({ width: 320, height: 640 })
  await page.evaluate(() => localStorage.setItem('reperes.settings', JSON.stringify({ locale: 'fr', textScale: 200 })))
  for (const path of ['/livret', '/prestations', `/prestations/${PASSERELLES}`, '/prestations/evenements', '/structures', `/structures/${EI_18}`]) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByTestId('content-state')).toHaveCount(0)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    // Names the elements that stick out, should it fail.
    const wide = overflow > 0
      ? await page.evaluate(() => [...document.querySelectorAll('main *')]
          .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map(el => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 10).join(', '))
      : ''
    expect(overflow, `${path}: ${wide}`).toBeLessThanOrEqual(0)
  }
})

test('a changed section is marked until it has been read', async ({ page }) => {
  await openBookletSynced(page)
  // As if "Le RSA" had been read in an older edition.
  await page.evaluate(() => localStorage.setItem('reperes.booklet', JSON.stringify({
    variant: 'easy',
    lastRead: { rsa: { revision: 1, updated_at: '2000-01-01T00:00:00Z', locale: 'fr', variant: 'easy' } },
  })))
  await page.reload()
  await expect(page.getByTestId('booklet-changes')).toContainText('Le RSA, c\'est quoi ?')
  await expect(page.locator('#livret-rsa [data-status="updated"]')).toBeVisible()
  await page.getByTestId('toc-rsa').click()
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('reperes.booklet') ?? '{}').lastRead?.rsa?.updated_at)).not.toBe('2000-01-01T00:00:00Z')
  await page.reload()
  await expect(page.locator('#livret-rsa')).toBeVisible()
  await expect(page.locator('#livret-rsa [data-status="updated"]')).toHaveCount(0)
})

test('an allocataire answers a proposal (offline too) and asks to change référent', async ({ page, context }) => {
  await signIn(page, '/prestations/propositions')
  const card = page.getByTestId(`offer-${OFFER}`)
  await expect(card.getByRole('heading', { name: 'Passerelles linguistiques' })).toBeVisible({ timeout: 20_000 })
  await expect(card).toContainText('Pour être plus à l\'aise aux entretiens.')

  // Whatever the previous answer was, give the other one, offline.
  const interested = card.getByTestId('offer-interested')
  const answer = (await interested.getAttribute('aria-pressed')) === 'true' ? card.getByTestId('offer-not-interested') : interested
  await goOffline(context, page)
  await answer.click()
  await expect(answer).toHaveAttribute('aria-pressed', 'true')
  await expect(card.getByTestId('offer-note')).toContainText('en attente de réseau')
  await expect(answer).toBeFocused()

  await context.setOffline(false)
  await expect(card.getByTestId('offer-note')).toHaveText('', { timeout: 20_000 })
  await page.reload()
  await expect(card.getByTestId('offer-status')).toBeVisible({ timeout: 20_000 })
  await expect(answer).toHaveAttribute('aria-pressed', 'true')
  await expectNoAxeViolations(page, 'my proposals, signed in')

  // The proposal also shows on the prestation's sheet.
  await page.goto(`/prestations/${PASSERELLES}`)
  await expect(page.getByTestId('sheet-offer')).toContainText('Votre référent vous propose cette prestation')

  // Change référent from the booklet: kept while offline, then sent.
  await page.goto('/livret#livret-changer-referent')
  const request = page.getByTestId('change-referent')
  await request.getByTestId('change-referent-open').click()
  await expect(request.getByLabel('Pourquoi ? (facultatif)')).toBeFocused()
  await request.getByLabel('Pourquoi ? (facultatif)').fill('J’ai déménagé dans le 20e.')
  await goOffline(context, page)
  await request.getByTestId('change-referent-send').click()
  await expect(request.getByTestId('change-referent-status')).toContainText('en attente de réseau')
  await context.setOffline(false)
  await expect(request.getByTestId('change-referent-status')).toContainText('Demande envoyée le', { timeout: 20_000 })
  await expectNoAxeViolations(page, 'booklet, signed in')
})

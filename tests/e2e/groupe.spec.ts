/**
 * The loop participation needs, end to end on the production build and the local
 * backend: a coordinator opens a document review; a groupe ressource member comments
 * on a passage with no network and submits once back online; the coordinator reads
 * the answer under a pseudonym and publishes what came of it; the member sees it.
 * And zero axe violations on the workspace screens, in French and in Arabic.
 */
import type { Browser, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { chooseLocale, deviceRows, expectNoAxeViolations, waitForServiceWorker } from './fixtures'

const DEMO_PASSWORD = 'demo-password'
const COORDINATOR = 'coordinator@demo.reperes.paris'
const MEMBER = 'groupe@demo.reperes.paris'

async function signIn(browser: Browser, email: string, redirect: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`/connexion?redirect=${encodeURIComponent(redirect)}`)
  await page.getByLabel('Je suis professionnel ou professionnelle').check()
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Me connecter' }).press('Enter')
  await expect(page).toHaveURL(redirect)
  await waitForServiceWorker(page)
  return page
}

/** The engine syncs when the network comes back: the cheapest way to ask it now. */
async function syncNow(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event('online')))
}

/** Waits until the coordinator's last write on this consultation reached the server. */
async function settled(page: Page, status: string) {
  await expect(async () => {
    await syncNow(page)
    await expect(page.getByTestId('admin-status')).toHaveAttribute('data-status', status, { timeout: 2_000 })
    await expect(page.getByTestId('admin-status')).not.toContainText('en attente d’envoi', { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
}

test('a document review: opened, commented offline, submitted online, outcome published and seen', async ({ browser }) => {
  test.setTimeout(240_000)
  const title = `Relire la lettre de convocation ${Date.now().toString(36)}`

  // 1. The coordinator prepares the review of a letter and opens it.
  const coordinator = await signIn(browser, COORDINATOR, '/admin/consultations')
  await coordinator.getByTestId('consultation-new').click()
  await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText('Nouvelle consultation')
  await coordinator.getByTestId('kind-document_review').check()
  await coordinator.getByRole('textbox', { name: 'Titre (obligatoire)' }).fill(title)
  await coordinator.getByLabel('Présentation pour le groupe').fill('Dites-nous ce qui n’est pas clair dans cette lettre.')
  await coordinator.getByRole('textbox', { name: /^Texte du courrier à relire/ }).fill('Madame, Monsieur,\nVous êtes convoqué(e) le 12 mars à 9 h 30 à l’Espace insertion.\nMerci de vous munir de votre pièce d’identité.')
  await coordinator.getByTestId('editor-save').click()
  await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(title)
  await coordinator.getByTestId('admin-open').click()
  await settled(coordinator, 'open')

  // 2. The member finds it, loses the network, comments on a passage.
  const member = await signIn(browser, MEMBER, '/groupe')
  const card = member.getByTestId('consultation-card').filter({ hasText: title })
  await expect(async () => {
    await syncNow(member)
    await expect(card).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await expect(card).toContainText('Pas encore répondu')
  await card.getByRole('link', { name: title }).click()
  await expect(member.getByTestId('review-document')).toContainText('Vous êtes convoqué(e) le 12 mars')

  await member.context().setOffline(true)
  await member.getByTestId('passage-add').click()
  const passage = member.getByTestId('passage-1')
  await passage.getByLabel('Le passage').fill('Vous êtes convoqué(e)')
  await passage.getByLabel('Ce qui ne va pas').fill('« Convoqué » fait peur : on croit à une sanction.')
  await passage.getByLabel('Ce que vous proposez d’écrire').fill('Nous vous invitons à un rendez-vous')
  await member.getByTestId('review-changes').check()
  await expect(member.getByTestId('answer-status')).toHaveText('Brouillon enregistré sur ce téléphone (sans réseau).', { timeout: 10_000 })
  await expectNoAxeViolations(member, 'review, offline (fr)')

  // A reload without network: the draft is on the phone.
  await member.reload()
  await expect(member.getByTestId('passage-1').getByLabel('Ce qui ne va pas')).toHaveValue('« Convoqué » fait peur : on croit à une sanction.')

  // 3. Back online, the member submits.
  await member.context().setOffline(false)
  await syncNow(member)
  await member.getByTestId('answer-submit').click()
  await expect(member.getByTestId('answer-status')).toContainText('Réponses envoyées au Bureau du RSA.', { timeout: 30_000 })

  // 4. The coordinator reads it under a pseudonym and publishes what came of it.
  await coordinator.reload()
  await expect(async () => {
    await syncNow(coordinator)
    await expect(coordinator.getByTestId('evaluations')).toContainText('« Convoqué » fait peur', { timeout: 3_000 })
  }).toPass({ timeout: 30_000 })
  await expect(coordinator.getByTestId('evaluations')).toContainText('Membre 1')
  await expect(coordinator.getByTestId('evaluations')).not.toContainText('groupe@demo')
  await expect(coordinator.getByTestId('results')).toContainText('1 réponse envoyée.')
  await expectNoAxeViolations(coordinator, 'consultation for coordinators (fr)')

  // The list counts answers on the server; the coordinator's device holds no evaluation
  // (they carry their authors).
  const consultationUrl = coordinator.url()
  await coordinator.goto('/admin/consultations')
  await expect(coordinator.getByRole('row', { name: new RegExp(title) }).getByTestId('consultation-answers')).toHaveText('1')
  expect(await deviceRows(coordinator, 'evaluations')).toEqual([])
  await coordinator.goto(consultationUrl)
  const outcome = 'La lettre dit désormais « Nous vous invitons à un rendez-vous ». Merci au groupe ressource.'
  await coordinator.getByRole('textbox', { name: /^Ce qui a changé/ }).fill(outcome)
  await coordinator.getByTestId('publish-submit').click()
  await settled(coordinator, 'published')

  // 5. The member sees what came of it.
  await member.goto('/groupe')
  const published = member.getByTestId('outcomes').getByTestId('consultation-card').filter({ hasText: title })
  await expect(async () => {
    await syncNow(member)
    await expect(published).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await published.getByRole('link', { name: title }).click()
  await expect(member.getByTestId('outcome-text')).toHaveText(outcome)
  await expect(member.getByTestId('consultation-outcome')).toContainText('Moins de 3 personnes ont répondu')
  await expectNoAxeViolations(member, 'outcome (fr)')

  for (const path of ['/groupe', '/groupe/avis']) {
    await member.goto(path)
    await expect(member.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoAxeViolations(member, `${path} (fr)`)
  }
  await chooseLocale(member, 'ar')
  for (const path of ['/groupe', '/groupe/avis']) {
    await member.goto(path)
    await expect(member.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(member.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoAxeViolations(member, `${path} (ar)`)
  }
  await member.goto('/groupe')
  await member.getByTestId('outcomes').getByRole('link', { name: title }).click()
  await expect(member.getByTestId('outcome-text')).toHaveText(outcome)
  await expectNoAxeViolations(member, 'outcome (ar)')

  await chooseLocale(coordinator, 'ar')
  await coordinator.reload()
  await expect(coordinator.getByTestId('results')).toContainText('أُرسلت إجابة واحدة.')
  await expectNoAxeViolations(coordinator, 'consultation for coordinators (ar)')
  await member.context().close()
  await coordinator.context().close()
})

/**
 * Appointments end to end, two people on two devices: the référent
 * schedules an appointment for the demo allocataire; the allocataire sees it
 * after sync, confirms it while offline, comes back online; the référent
 * sees the confirmation and marks it read, which the allocataire then sees.
 * The screens on the way have no axe violation, in French and in Arabic.
 */
import type { Browser, Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { chooseLocale, expectNoAxeViolations } from './fixtures'

const REFERENT = 'referent@demo.reperes.paris'
const ALLOCATAIRE = 'allocataire@demo.reperes.paris'

async function signIn(browser: Browser, email: string, redirect: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`/connexion?redirect=${encodeURIComponent(redirect)}`)
  await page.getByLabel('Je suis professionnel ou professionnelle').check()
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill('demo-password')
  await page.getByRole('button', { name: 'Me connecter' }).click()
  await expect(page).toHaveURL(redirect)
  return page
}

/**
 * A slot a few days ahead, in Paris: as the form takes it, and as the screens
 * write it. Random, so that a second run against the same backend finds its own.
 */
function slotAhead() {
  const at = new Date(Date.now() + (3 + Math.floor(Math.random() * 40)) * 86_400_000)
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at)
  const time = `${String(8 + Math.floor(Math.random() * 10)).padStart(2, '0')}:${String(5 * Math.floor(Math.random() * 12)).padStart(2, '0')}`
  const shown = new Intl.DateTimeFormat('fr', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))
  return { day, time, shown: `${shown} à ${time}` }
}

test('a référent schedules, the allocataire confirms offline, the référent sees it', async ({ browser }) => {
  test.setTimeout(180_000)
  const slot = slotAhead()

  // --- The référent schedules an appointment -------------------------------------
  const referent = await signIn(browser, REFERENT, '/suivi')
  await expect(referent.getByRole('heading', { level: 1 })).toHaveText('Suivi des allocataires')
  await expect(referent.getByTestId('referent-week')).toBeVisible()
  await expectNoAxeViolations(referent, 'suivi (fr)')

  await referent.getByTestId('new-appointment').click()
  await expect(referent.getByRole('heading', { level: 1 })).toHaveText('Nouveau rendez-vous')
  await referent.getByLabel('Allocataire').selectOption({ label: 'Amina Kone' })
  await expect(referent.getByTestId('person-language')).toContainText('français')
  await referent.getByLabel('Type de rendez-vous').selectOption('information_collective')
  await referent.getByLabel('Date').fill(slot.day)
  await referent.getByLabel('Heure', { exact: true }).fill(slot.time)
  await referent.getByLabel('Documents à apporter').fill('Pièce d’identité\nCV')
  await expectNoAxeViolations(referent, 'new appointment form (fr)')
  await referent.getByTestId('appointment-save').click()

  await expect(referent).toHaveURL(/\/suivi\/rendez-vous\/[0-9a-f-]{36}$/)
  await expect(referent.getByRole('heading', { level: 1 })).toHaveText('Information collective — Amina Kone')
  // Sent and pulled back: no local change left.
  await expect(referent.getByText('Modification en attente d’envoi')).toBeHidden({ timeout: 20_000 })
  await expect(referent.getByText('Pas encore de réponse.')).toBeVisible()
  await expectNoAxeViolations(referent, 'appointment, référent side (fr)')

  // --- The allocataire, on their own phone, sees it and confirms offline --------
  const allocataire = await signIn(browser, ALLOCATAIRE, '/rendez-vous')
  await expect(allocataire.getByRole('heading', { level: 1 })).toHaveText('Mes rendez-vous')
  const card = allocataire.getByTestId('appointment-card').filter({ hasText: slot.shown })
  await expect(card).toBeVisible({ timeout: 20_000 })
  const link = card.getByRole('link', { name: 'Information collective' })
  await expectNoAxeViolations(allocataire, 'my appointments (fr)')
  await link.click()
  await expect(allocataire.getByRole('heading', { level: 1 })).toHaveText('Information collective')
  await expect(allocataire.getByTestId('appointment-when')).toContainText(slot.shown)
  await expect(allocataire.getByText('Karim Benali')).toBeVisible()
  await expect(allocataire.getByText('Pièce d’identité')).toBeVisible()
  await expectNoAxeViolations(allocataire, 'appointment, allocataire side (fr)')

  await allocataire.context().setOffline(true)
  await allocataire.getByTestId('respond-confirm').click()
  const delivery = allocataire.getByTestId('appointment-delivery')
  await expect(delivery).toContainText('En attente de réseau')
  await expect(allocataire.getByText('Vous avez confirmé que vous viendrez.')).toBeVisible()
  // Still offline a moment later: nothing left the phone.
  await allocataire.waitForTimeout(1_000)
  await expect(delivery).toContainText('En attente de réseau')

  await allocataire.context().setOffline(false)
  await expect(delivery).toHaveText('Envoyée à votre référent', { timeout: 20_000 })

  // --- The référent sees the confirmation and marks it read ----------------------
  await referent.goto('/suivi')
  const answer = referent.getByTestId('unread-responses').getByRole('link').filter({ hasText: slot.shown })
  await expect(answer).toContainText('Amina Kone', { timeout: 20_000 })
  await expect(answer).toContainText('a confirmé')
  await answer.click()
  await expect(referent.getByTestId('appointment-answer')).toHaveText('La personne a confirmé qu’elle viendra.')
  await referent.getByTestId('mark-seen').click()
  await expect(referent.getByTestId('response-seen')).toBeVisible()
  await expect(referent.getByText('Modification en attente d’envoi')).toBeHidden({ timeout: 20_000 })

  // --- …which the allocataire sees after their next sync -------------------------
  await allocataire.reload()
  await expect(allocataire.getByTestId('appointment-delivery')).toHaveText('Vue par votre référent', { timeout: 20_000 })

  // --- The same screens in Arabic, right to left --------------------------------
  await chooseLocale(allocataire, 'ar')
  await expect(allocataire.getByTestId('appointment-delivery')).toHaveText('اطّلع عليه مرشدك')
  await expectNoAxeViolations(allocataire, 'appointment, allocataire side (ar)')
  await allocataire.goto('/rendez-vous')
  await expect(allocataire.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(allocataire.getByTestId('upcoming-appointments')).toBeVisible()
  await expectNoAxeViolations(allocataire, 'my appointments (ar)')

  await chooseLocale(referent, 'ar')
  await expect(referent.getByTestId('appointment-answer')).toHaveText('أكد الشخص أنه سيحضر.')
  await expectNoAxeViolations(referent, 'appointment, référent side (ar)')
  await referent.goto('/suivi')
  await expect(referent.getByTestId('referent-week')).toBeVisible()
  await expectNoAxeViolations(referent, 'suivi (ar)')
  await referent.goto('/suivi/rendez-vous/nouveau')
  await expect(referent.getByTestId('appointment-form')).toBeVisible()
  await expectNoAxeViolations(referent, 'new appointment form (ar)')

  await referent.context().close()
  await allocataire.context().close()
})

test('the next appointment is on the allocataire\'s home screen', async ({ browser }) => {
  const page = await signIn(browser, ALLOCATAIRE, '/')
  const card = page.getByTestId('next-appointment')
  await expect(card).toBeVisible({ timeout: 20_000 })
  await expect(card.getByRole('heading', { name: 'Mon prochain rendez-vous' })).toBeVisible()
  await card.getByRole('link', { name: 'Voir le rendez-vous et répondre' }).click()
  await expect(page).toHaveURL(/\/rendez-vous\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('add-to-calendar')).toBeVisible()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('add-to-calendar').click()])
  expect(download.suggestedFilename()).toMatch(/^rendez-vous-\d{4}-\d{2}-\d{2}-\d{4}\.ics$/)
  await page.context().close()
})

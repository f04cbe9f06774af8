/**
 * Signing in, as staff (password) and as an allocataire (one-time code),
 * with errors in plain words, the ?redirect= return, and no accessibility
 * violation in French, English and Arabic.
 */
import { expect, test } from '@playwright/test'
import { BACKEND_URL } from '../../playwright.config'
import { chooseLocale, expectNoAxeViolations } from './fixtures'

// Buttons are pressed from the keyboard (Enter): the whole flow must work without a pointer.
test('staff sign in with a password and land where they were going', async ({ page }) => {
  await page.goto('/connexion?redirect=/suivi')
  await page.getByLabel('Je suis professionnel ou professionnelle').check()
  await page.getByLabel('Adresse e-mail').fill('referent@demo.reperes.paris')
  await page.getByLabel('Mot de passe').fill('demo-password')
  await page.getByRole('button', { name: 'Me connecter' }).press('Enter')
  await expect(page).toHaveURL('/suivi')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Suivi des allocataires')
  await expect(page.getByText('Espace réservé')).toHaveCount(0)
})

test('a wrong password is explained in plain words', async ({ page }) => {
  await page.goto('/connexion')
  await page.getByLabel('Je suis professionnel ou professionnelle').check()
  await page.getByLabel('Adresse e-mail').fill('referent@demo.reperes.paris')
  await page.getByLabel('Mot de passe').fill('not-the-password')
  await page.getByRole('button', { name: 'Me connecter' }).press('Enter')
  await expect(page.getByRole('alert')).toHaveText('L’adresse e-mail ou le mot de passe ne correspond pas.')
  await expect(page).toHaveURL(/\/connexion/)
})

test('an allocataire signs in with a code received by e-mail', async ({ page, request }) => {
  const email = 'allocataire2@demo.reperes.paris'
  await page.goto('/connexion?redirect=/rendez-vous')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByRole('button', { name: 'Recevoir un code' }).press('Enter')
  await expect(page.getByText(`Nous avons envoyé un code à 6 chiffres à ${email}.`)).toBeVisible()
  await expect(page.getByLabel('Code reçu')).toBeFocused()
  // The local backend shows sent codes to developers, as Supabase's local mail viewer does.
  const answer = await request.get(`${BACKEND_URL}/__dev/otp?to=${encodeURIComponent(email)}`)
  const { code } = await answer.json() as { code: string }
  await page.getByLabel('Code reçu').fill(code)
  await page.getByRole('button', { name: 'Me connecter' }).press('Enter')
  await expect(page).toHaveURL('/rendez-vous')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes rendez-vous')
})

test('a wrong code asks to check it or get a new one', async ({ page }) => {
  await page.goto('/connexion')
  await page.getByLabel('SMS').check()
  await page.getByLabel('Numéro de téléphone portable').fill('06 98 76 54 32')
  await page.getByRole('button', { name: 'Recevoir un code' }).press('Enter')
  await page.getByLabel('Code reçu').fill('000000')
  await page.getByRole('button', { name: 'Me connecter' }).press('Enter')
  await expect(page.getByRole('alert')).toContainText('Ce code n’est pas bon ou a expiré.')
})

for (const locale of ['fr', 'en', 'ar'] as const) {
  test(`the sign-in page has no accessibility violation (${locale})`, async ({ page }) => {
    await page.goto('/connexion')
    if (locale !== 'fr')
      await chooseLocale(page, locale)
    await expectNoAxeViolations(page, `sign-in ${locale}`)
    await page.getByTestId('pro-toggle').check()
    // Submitting the empty form from the keyboard shows the field errors.
    await page.locator('input[type="email"]').press('Enter')
    await expect(page.getByRole('alert')).toHaveCount(2)
    await expectNoAxeViolations(page, `sign-in errors ${locale}`)
  })
}

import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { waitForServiceWorker } from './fixtures'

const SW = new URL('../../dist/sw.js', import.meta.url)

test('a new version waits for the user, then "Mettre à jour" activates it', async ({ page }) => {
  await page.goto('/')
  await waitForServiceWorker(page)
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toContain('/sw.js')

  // Publish a "new version": any byte change of sw.js is a new worker.
  const original = readFileSync(SW, 'utf8')
  writeFileSync(SW, `${original}\n// next release\n`)
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update())
    const prompt = page.getByTestId('update-prompt')
    await expect(prompt).toContainText('Nouvelle version disponible')
    // Nothing is activated behind the user's back.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null)).toBe(true)

    const reloaded = page.waitForEvent('framenavigated')
    await prompt.getByRole('button', { name: 'Mettre à jour' }).click()
    await reloaded
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue')
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull()
    await expect(page.getByTestId('update-prompt')).toHaveCount(0)
  }
  finally {
    writeFileSync(SW, original)
  }
})

/**
 * The feedback inbox at volume: it holds every feedback of the programme, and
 * shows them 50 at a time, with a button for the next ones (keyboard focus
 * carries on at the first one added); a new filter starts again at the top.
 */
import { randomUUID } from 'node:crypto'
import { createClient } from '@supabase/supabase-js'
import { expect, test } from '@playwright/test'
import { BACKEND_URL } from '../../playwright.config'
import { ANON_KEY, DEMO_PASSWORD, expectNoAxeViolations, signInAsStaff } from './fixtures'

const AUTHOR = 'allocataire2@demo.reperes.paris'
const EXTRA = 70

test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false })

/** Pushes mutations as the demo allocataire, through the real API. */
async function pushAsAuthor(mutations: { name: string, args: Record<string, unknown> }[]) {
  const client = createClient(BACKEND_URL, ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } })
  const { error } = await client.auth.signInWithPassword({ email: AUTHOR, password: DEMO_PASSWORD })
  if (error)
    throw error
  const { data, error: pushError } = await client.rpc('sync_push', { mutations: mutations.map(m => ({ mutation_id: randomUUID(), ...m })) })
  if (pushError)
    throw pushError
  const results = (data as { results: { status: string }[] }).results
  expect(results.map(r => r.status)).toEqual(mutations.map(() => 'applied'))
  await client.auth.signOut()
}

test('the inbox shows 50 feedback at a time, and more on request', async ({ page }) => {
  const ids = Array.from({ length: EXTRA }, () => randomUUID())
  await pushAsAuthor(ids.map((id, i) => ({
    name: 'feedback.create',
    args: { id, kind: 'document', body: `Courrier peu clair n° ${i + 1}`, share_with_groupe: false, contact_back: false },
  })))
  try {
    await signInAsStaff(page, 'coordinator@demo.reperes.paris', '/admin/avis?statut=all')
    const list = page.getByTestId('feedback-list').locator(':scope > li')
    // Every feedback is counted, 50 are shown.
    await expect(page.getByRole('status').filter({ hasText: /\d+ avis/ })).toHaveText(/^(\d+) avis$/)
    const total = Number((await page.getByRole('status').filter({ hasText: /\d+ avis/ }).textContent())!.match(/\d+/)![0])
    expect(total).toBeGreaterThanOrEqual(EXTRA)
    await expect(list).toHaveCount(50)
    const more = page.getByTestId('feedback-more')
    await expect(more).toHaveText(`Afficher ${Math.min(50, total - 50)} avis de plus (${total - 50} restants)`)
    await expectNoAxeViolations(page, '/admin/avis (paged)')

    await more.focus()
    await page.keyboard.press('Enter')
    await expect(list).toHaveCount(Math.min(100, total))
    await expect(list.nth(50).locator('a')).toBeFocused()
    if (total <= 100)
      await expect(more).toHaveCount(0)

    // Another filter is another list: back to its first 50.
    await page.getByTestId('filter-kind').selectOption('document')
    await expect(page).toHaveURL(/type=document/)
    await expect(list).toHaveCount(50)
    await expect(more).toBeVisible()
  }
  finally {
    await pushAsAuthor(ids.map(id => ({ name: 'feedback.delete', args: { id } })))
  }
})

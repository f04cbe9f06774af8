/**
 * The coordinators' back office in a real browser against the local backend:
 * indicators with a CSV export whose figures match the table, answering a
 * feedback (its author reads the answer as written), inviting someone, and
 * no accessibility violation on the admin screens in French and Arabic.
 */
import { readFile } from 'node:fs/promises'
import { createClient } from '@supabase/supabase-js'
import { expect, test } from '@playwright/test'
import { BACKEND_URL } from '../../playwright.config'
import { ANON_KEY, chooseLocale, DEMO_PASSWORD, deviceRows, expectNoAxeViolations, signInAsStaff as signIn } from './fixtures'

const COORDINATOR = 'coordinator@demo.reperes.paris'

/** Laptop-sized: the back office is used at a desk (the phone layout is covered by the shell suite). */
test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false })

/** Parses CSV as written by the app (RFC 4180, BOM): the same rules as src/domain/csv.ts. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  const source = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"'
        i++
      }
      else if (c === '"') {
        quoted = false
      }
      else {
        field += c
      }
    }
    else if (c === '"' && field === '') {
      quoted = true
    }
    else if (c === ',') {
      record.push(field)
      field = ''
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n')
        i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    }
    else {
      field += c
    }
  }
  return records
}

/** A count or a rate as the French table prints it ("1 234", "66,67 %"), as a number. */
function frenchNumber(text: string): number | null {
  const t = text.replace(/[\s\u00A0\u202F]/g, '')
  if (t === '—' || t === '')
    return null
  const n = Number(t.replace('%', '').replace(',', '.'))
  return t.endsWith('%') ? Math.round(n * 100) / 10000 : n
}

/** Reads the server's feedback row as its author, through a fresh sign-in (not the page's). */
async function feedbackAsAuthor(email: string, id: string): Promise<Record<string, unknown> | undefined> {
  const client = createClient(BACKEND_URL, ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } })
  const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD })
  if (error)
    throw error
  let cursor: string | null = null
  let found: Record<string, unknown> | undefined
  for (;;) {
    const { data, error: pullError } = await client.rpc('sync_pull', { cursor, lim: 1000, schema_version: 1 })
    if (pullError)
      throw pullError
    const page = data as { changes: { feedback?: Record<string, unknown>[] }, cursor: string, has_more: boolean }
    found = (page.changes.feedback ?? []).find(r => r.id === id) ?? found
    cursor = page.cursor
    if (!page.has_more)
      break
  }
  await client.auth.signOut()
  return found
}

test('a coordinator reads the indicators and exports them: the CSV holds the table’s figures and definitions', async ({ page }) => {
  await signIn(page, COORDINATOR, '/admin/indicateurs')
  await expect(page.getByRole('heading', { level: 1, name: 'Indicateurs' })).toBeVisible()
  const table = page.getByTestId('indicator-table')
  await expect(table.locator('tbody tr').last()).toContainText('Total')
  await expect(page.getByTestId('indicator-chart').first()).toBeVisible()

  for (const set of ['prestations', 'outreach', 'appointments'] as const) {
    await page.getByTestId(`set-${set}`).click()
    await expect(page).toHaveURL(new RegExp(`jeu=${set}`))
    await expect(table.locator('tbody tr').first()).toBeVisible()

    const downloadPromise = page.waitForEvent('download')
    await page.getByTestId('export-internal').click()
    const download = await downloadPromise
    expect(download.suggestedFilename()).toMatch(new RegExp(`^reperes-indicateurs-${set}-\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.csv$`))
    const records = parseCsv(await readFile((await download.path())!, 'utf8'))
    const comments = records.filter(r => r.length === 1 && r[0]!.startsWith('# ')).map(r => r[0]!)
    const [header, ...rows] = records.filter(r => !(r.length === 1 && r[0]!.startsWith('# ')))

    // Definitions quoted from docs/indicators.md, one per column, in the file's header.
    for (const column of header!)
      expect(comments.some(c => c.startsWith(`# ${column} : `)), `definition of ${column}`).toBe(true)
    expect(comments.some(c => c.includes('Période : du '))).toBe(true)

    // Every cell of the table is the export's figure for the same row and column.
    const bodyRows = table.locator('tbody tr')
    expect(await bodyRows.count()).toBe(rows.length)
    const cells = await table.locator('tbody td').evaluateAll(tds => tds.map(td => ({
      row: Number(td.closest('tr')!.getAttribute('data-row')),
      col: td.getAttribute('data-col')!,
      text: td.textContent ?? '',
    })))
    expect(cells.length).toBeGreaterThan(0)
    for (const cell of cells) {
      const csv = rows[cell.row]![header!.indexOf(cell.col)]!
      expect(frenchNumber(cell.text), `${set} row ${cell.row} ${cell.col}`).toBe(csv === '' ? null : Number(csv))
    }
    // The chart prints the same figures.
    const bars = await page.getByTestId('indicator-chart').locator('.chart__group').evaluateAll(groups => groups.flatMap(g =>
      [...g.querySelectorAll('.chart__line')].map(line => ({
        row: Number(g.getAttribute('data-row')),
        col: line.getAttribute('data-series')!,
        text: line.querySelector('.chart__value')?.textContent ?? '',
      }))))
    for (const bar of bars) {
      const csv = rows[bar.row]![header!.indexOf(bar.col)]!
      expect(frenchNumber(bar.text), `${set} chart row ${bar.row} ${bar.col}`).toBe(csv === '' ? null : Number(csv))
    }
  }

  // The release export applies statistical secrecy: small counts never leave as they are.
  await page.getByTestId('set-prestations').click()
  await expect(table.locator('tbody tr').last()).toContainText('Total')
  const releasePromise = page.waitForEvent('download')
  await page.getByTestId('export-release').click()
  const release = parseCsv(await readFile((await (await releasePromise).path())!, 'utf8'))
  const [header, ...rows] = release.filter(r => !(r.length === 1 && r[0]!.startsWith('# ')))
  const entries = header!.indexOf('entries')
  for (const row of rows) {
    const value = Number(row[entries])
    expect(Number.isNaN(value) || value === 0 || value >= 5, `released entries: ${row[entries]}`).toBe(true)
  }
  expect(rows.some(r => r.includes('< 5'))).toBe(true)
})

test('a coordinator answers a change-of-référent request; its author reads the answer as written', async ({ page }) => {
  const id = 'fb000000-0000-4000-8000-000000000005'
  const answer = 'Bonjour,\nvotre demande est acceptée : la CAPI vous proposera un rendez-vous l’après-midi.'
  await signIn(page, COORDINATOR, '/admin/avis')
  await expect(page.getByRole('heading', { level: 1, name: 'Avis et demandes' })).toBeVisible()
  await page.getByTestId('filter-kind').selectOption('change_referent')
  await expect(page).toHaveURL(/type=change_referent/)
  // Authors' names come from the server (allocataires' profiles are not on the device).
  await expect(page.locator(`[data-feedback="${id}"]`)).toContainText('Jean-Pierre Robert')
  await page.locator(`[data-feedback="${id}"]`).click()
  await expect(page).toHaveURL(`/admin/avis/${id}`)
  await expect(page.getByTestId('feedback-body')).toContainText('Je voudrais changer de référent')
  // The author is not on the device (allocataires' profiles are not synced to
  // coordinators): their name is asked of the server.
  await expect(page.locator('dd', { hasText: 'Jean-Pierre Robert' })).toBeVisible()

  await page.getByTestId('feedback-assignee').selectOption({ label: 'Claire Moreau (Bureau du RSA)' })
  await page.getByRole('button', { name: 'Confier', exact: true }).click()
  await page.getByRole('textbox', { name: /Votre réponse/ }).fill(answer)
  await page.getByTestId('feedback-answer-send').click()
  await expect(page.getByText('Réponse enregistrée. Elle part dès que possible.')).toBeVisible()
  await expect(page.getByTestId('feedback-status')).toHaveText('Répondu')

  // Once delivered, the author's own pull carries the answer, word for word.
  await expect.poll(async () => (await feedbackAsAuthor('allocataire2@demo.reperes.paris', id))?.answer, { timeout: 20_000 }).toBe(answer)
  const row = await feedbackAsAuthor('allocataire2@demo.reperes.paris', id)
  expect(row).toMatchObject({ status: 'answered', answer_locale: 'fr' })
})

test('a coordinator invites an outreach worker; the invitation waits for them and is in the audit log', async ({ page }) => {
  await signIn(page, COORDINATOR, '/admin/comptes')
  await expect(page.getByRole('heading', { level: 1, name: 'Comptes' })).toBeVisible()
  const form = page.getByTestId('invite-form')
  await form.getByRole('button', { name: 'Envoyer l’invitation' }).click()
  await expect(form.getByText('Indiquez une adresse e-mail ou un numéro de téléphone.')).toBeVisible()

  await form.getByLabel('Nom (facultatif)').fill('Nadia Benali')
  await form.getByLabel('Adresse e-mail').fill('nadia.benali@example.org')
  await form.getByTestId('invite-language').selectOption('ar')
  await form.locator('[data-role="outreach"]').check()
  await form.getByTestId('role-team').selectOption({ label: 'Équipe de développement local Goutte d\'Or' })
  await form.getByRole('button', { name: 'Envoyer l’invitation' }).click()
  await expect(form.getByText('Invitation enregistrée pour nadia.benali@example.org.')).toBeVisible()

  const invitation = page.getByTestId('invitation-list').locator('li', { hasText: 'Nadia Benali' })
  await expect(invitation).toContainText('Équipe de terrain — Équipe de développement local Goutte d\'Or')
  await expect(invitation).toContainText('En attente')
  // Delivered: the device's copy is the server's row.
  await expect(invitation.getByText('En attente d’envoi')).toHaveCount(0, { timeout: 20_000 })

  await page.getByRole('link', { name: 'Voir le journal' }).click()
  await expect(page).toHaveURL('/admin/journal')
  const entry = page.getByTestId('audit-table').locator('tr', { hasText: 'Invitation de Nadia Benali' })
  await expect(entry).toContainText('Claire Moreau (Bureau du RSA)')
  await expect(entry).toContainText('Équipe de terrain')
})

test('a coordinator finds an allocataire by searching the server; the device holds the staff\'s profiles only', async ({ page }) => {
  await signIn(page, COORDINATOR, '/admin/comptes')
  const list = page.getByTestId('people-list')
  await expect(list).toContainText('Karim Benali')
  await expect(list).toContainText('Fatou Traoré')
  await expect(list).not.toContainText('Amina Kone')

  const search = page.getByTestId('people-search')
  await search.fill('kone')
  await expect(list.locator('li', { hasText: 'Amina Kone' })).toContainText('allocataire@demo.reperes.paris')
  await expect(page.getByTestId('people-count')).toHaveText('1 personne trouvée')
  await search.fill('06 00 00 00 02')
  await expect(list).toContainText('Jean-Pierre Robert')
  await expect(list).not.toContainText('Amina Kone')

  // What the device keeps: staff only, never an allocataire's name or phone.
  const held = await deviceRows<{ roles: string[] }>(page, 'profiles')
  expect(held.length).toBeGreaterThan(3)
  expect(held.filter(p => p.roles.every(r => r === 'allocataire'))).toEqual([])

  // Offline, the search says what it can still find.
  await page.context().setOffline(true)
  await search.fill('robert')
  await expect(page.getByTestId('people-count')).toContainText('Hors connexion')
  await expect(list).not.toContainText('Jean-Pierre Robert')
  await search.fill('karim')
  await expect(list).toContainText('Karim Benali')
  await page.context().setOffline(false)
  await expectNoAxeViolations(page, 'accounts search (fr)')
})

test('a coordinator writes a new version of a booklet section, sends it to the groupe ressource, publishes it; translations become outdated', async ({ page }) => {
  await signIn(page, COORDINATOR, '/admin/livret/groupe-ressource?langue=fr&variante=easy')
  const editor = page.getByTestId('booklet-editor')
  await expect(page.getByTestId('booklet-translations').locator('[data-state="en-easy"]')).toHaveText('à jour')
  await editor.getByTestId('booklet-start').click()
  const body = editor.getByTestId('booklet-body')
  await body.fill(`${await body.inputValue()}\n\nLe groupe se réunit aussi en visioconférence.`)
  await expect(editor.getByTestId('booklet-preview')).toContainText('Le groupe se réunit aussi en visioconférence.')
  await editor.getByTestId('booklet-save').click()
  await expect(editor.getByRole('status')).toHaveText('Brouillon enregistré.')
  await editor.getByTestId('booklet-to-review').click()
  await expect(editor.getByRole('status')).toHaveText('Envoyé en relecture.')
  // The review of the groupe ressource was opened with it (once the server has answered).
  await expect(editor.getByRole('link', { name: 'Relecture ouverte par le groupe ressource' })).toBeVisible({ timeout: 20_000 })

  const diff = page.getByTestId('booklet-diff')
  await expect(diff).toContainText('2 lignes ajoutées, 0 supprimées, 0 modifiées')
  await expect(diff.locator('ins').last()).toContainText('Le groupe se réunit aussi en visioconférence.')

  await editor.getByTestId('booklet-publish').click()
  await expect(editor.getByRole('status')).toHaveText('Publié : cette version remplace la précédente.')
  await expect(page.getByTestId('booklet-history')).toContainText('version 2', { timeout: 20_000 })
  await expect(page.getByTestId('booklet-translations').locator('[data-state="en-easy"]')).toHaveText('à mettre à jour')
  await expect(page.getByTestId('booklet-translations').locator('[data-state="ar-easy"]')).toHaveText('à mettre à jour')
})

test('a coordinator checks a structure sheet and is told what is wrong in another', async ({ page }) => {
  await signIn(page, COORDINATOR, '/admin/catalogue')
  await page.getByTestId('catalogue-table').getByRole('link', { name: 'Espace insertion Paris 18e' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Espace insertion Paris 18e' })).toBeVisible()
  const form = page.getByTestId('sheet-form')
  await form.getByLabel('Code postal').fill('93100')
  await page.getByTestId('sheet-save-checked').click()
  await expect(form.getByText('Vérifiez ce champ.')).toBeVisible()
  await form.getByLabel('Code postal').fill('75018')
  await form.getByLabel('Samedi').fill('10:00-12:00')
  await page.getByTestId('sheet-save-checked').click()
  await expect(form.getByRole('status')).toHaveText('Fiche enregistrée et marquée vérifiée aujourd’hui.')
  const today = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' }).format(new Date())
  await expect(page.getByTestId('last-checked')).toHaveText(`Vérifiée le ${today}.`)

  await page.goto('/admin/catalogue/events/nouveau')
  await page.getByLabel('Intitulé').fill('Forum de l’emploi du 19e')
  await page.getByLabel('Début').fill('2027-03-10T09:00')
  await page.getByLabel('Fin').fill('2027-03-10T08:00')
  await page.getByTestId('sheet-save').click()
  await expect(page.getByTestId('sheet-form').getByText('Vérifiez ce champ.')).toBeVisible()
})

const ADMIN_SCREENS = [
  '/admin',
  '/admin/indicateurs',
  '/admin/indicateurs?jeu=appointments&vue=responses',
  '/admin/avis',
  '/admin/avis?statut=closed',
  '/admin/avis/fb000000-0000-4000-8000-000000000004',
  '/admin/comptes',
  '/admin/journal',
  '/admin/livret',
  '/admin/livret/rsa?langue=ar&variante=easy',
  '/admin/catalogue',
  '/admin/catalogue/structures/5e000000-0000-4000-8000-000000000001',
]

for (const locale of ['fr', 'ar'] as const) {
  test(`the admin screens have no accessibility violations (${locale})`, async ({ page }) => {
    await signIn(page, COORDINATOR, '/admin')
    await chooseLocale(page, locale)
    for (const path of ADMIN_SCREENS) {
      await page.goto(path)
      await expect(page.locator('html')).toHaveAttribute('lang', locale)
      await expect(page.locator('main h1')).toBeVisible()
      // Wait for the data the screen shows (server figures or the device's rows).
      await expect(page.locator('main [role="status"]', { hasText: /Chargement|Calcul|جارٍ/ })).toHaveCount(0, { timeout: 20_000 })
      if (path.startsWith('/admin/indicateurs'))
        await expect(page.getByTestId('indicator-table')).toBeVisible()
      if (path === '/admin/indicateurs')
        await expect(page.locator('main h1')).toHaveText(locale === 'ar' ? 'المؤشرات' : 'Indicateurs')
      if (path === '/admin/journal')
        await expect(page.getByTestId('audit-table')).toBeVisible()
      if (path.includes('statut=closed')) {
        // The older items, read from the server on request (the seeded one, unless
        // admin-inbox.spec reopened it earlier in the run: then the "none" sentence).
        await page.getByTestId('feedback-archive-more').click()
        await expect(page.getByTestId('feedback-archive-status')).toHaveText(/\S/)
        await expect(page.getByTestId('feedback-archive-more')).toHaveCount(0)
      }
      await expectNoAxeViolations(page, `${path} (${locale})`)
    }
  })
}

// A device holding a large personal dataset (issue 10): a référent following 2,000
// allocataires (5 appointments each) and an outreach team with 5,000 contacts.
//
//   npx tsx bench/large-dataset.ts                  (BENCH_PEOPLE=2000, BENCH_CONTACTS=5000)
//   scripts/with-pg.sh npx tsx bench/large-dataset.ts
//
// What it does: seeds the rows with SQL into a fresh database (demo seed + the bench rows),
// builds the app for its own backend, then for each of the demo référent and the demo
// outreach worker, in a fresh Chromium profile (Pixel 5): signs in and times the first sync
// until every row the server lets them see is in IndexedDB, reads navigator.storage.estimate(),
// then times the list screens — cold (page reload: app start, IndexedDB read, render) and warm
// (in-app navigation, BENCH_ROUNDS times) — until the list is in the DOM.
//
// Figures:
//   first sync   from the tap on "Me connecter" to all the user's rows in IndexedDB
//   storage      navigator.storage.estimate().usage after the sync, minus before sign-in
//   list         /suivi/allocataires (every person rendered, no pagination) and
//                /terrain/contacts (the first 50 cards, then "more"); longest task seen
import { devices, type Page } from '@playwright/test'
import { PASSWORD, pulledCounts, signedInClient, startHarness, stats, storeCount } from './lib/harness.ts'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2000)
const APPOINTMENTS_EACH = 5
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 5000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const BACKEND_PORT = Number(process.env.BENCH_BACKEND_PORT ?? 54398)
const PREVIEW_PORT = Number(process.env.BENCH_PREVIEW_PORT ?? 4198)
const REFERENT = 'referent@demo.reperes.paris'
const OUTREACH = 'outreach@demo.reperes.paris'
const REFERENT_ID = 'de000000-0000-4000-8000-000000000004'
const OUTREACH_ID = 'de000000-0000-4000-8000-000000000006'
const STRUCTURE_ID = '5e000000-0000-4000-8000-000000000001'
const TEAM_ID = '7ea00000-0000-4000-8000-000000000001'

// Accounts go through auth.users so the account trigger makes their profiles, as in real life.
const SEED = `
insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
select '00000000-0000-0000-0000-000000000000', ('b1000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid,
       'authenticated', 'authenticated', 'bench.allocataire.' || g || '@example.org', now(),
       '{"provider":"email","providers":["email"]}', jsonb_build_object('display_name', 'Allocataire ' || g, 'locale', 'fr')
  from generate_series(1, ${PEOPLE}) g;

update public.profiles
   set referent_id = '${REFERENT_ID}', structure_id = '${STRUCTURE_ID}',
       display_name = (array['Amina','Jean','Fatou','Karim','Sophie','Moussa','Léa','Nadia'])[1 + (substr(id::text, 25)::int % 8)]
                      || ' ' || (array['Kone','Robert','Traoré','Benali','Laurent','Diallo','Martin','Haddad'])[1 + (substr(id::text, 25)::int / 8 % 8)]
                      || ' ' || substr(id::text, 25)::int
 where id::text like 'b1000000-%';

insert into public.appointments (allocataire_id, referent_id, structure_id, kind, title, starts_at, duration_min, mode, location, documents_to_bring, status)
select p.id, '${REFERENT_ID}', '${STRUCTURE_ID}',
       (array['first_reception','diagnostic','follow_up','follow_up','bilan_sante'])[k],
       'Rendez-vous avec votre référent',
       date_trunc('hour', now()) + ((k * 25 - 75) || ' days')::interval + ((substr(p.id::text, 25)::int % 9) || ' hours')::interval,
       45, 'in_person', 'Espace insertion Paris 18e, 4 rue Affre', '{"Attestation CAF"}',
       case when k <= 3 then 'attended' else 'scheduled' end
  from public.profiles p, generate_series(1, ${APPOINTMENTS_EACH}) k
 where p.id::text like 'b1000000-%';

insert into public.outreach_contacts (team_id, created_by, quartier, met_at, met_how, age_band, needs, rsa, note, status)
select '${TEAM_ID}', '${OUTREACH_ID}',
       (array['Goutte d''Or','La Chapelle','Porte de la Chapelle','Château Rouge'])[1 + g % 4],
       now() - ((g % 300) || ' days')::interval - ((g % 11) || ' hours')::interval,
       (array['street','market','association','event','partner'])[1 + g % 5],
       (array['18_25','26_34','35_49','50_64','unknown'])[1 + g % 5],
       array[(array['emploi','formation','francais','numerique','droits','logement'])[1 + g % 6]],
       (array['yes','no','unknown'])[1 + g % 3],
       case when g % 4 = 0 then 'Revoir au marché le mardi, intéressée par une formation.' end,
       (array['new','follow_up','oriented','closed'])[1 + g % 4]
  from generate_series(1, ${CONTACTS}) g;
`

interface UserRun { user: string, syncMs: number, rows: Record<string, number>, storage: { before: number, after: number }, cold: number[], warm: number[], longest: number, extra?: string }

async function usage(page: Page) {
  return page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0)
}

/** Navigates inside the app (vue-router listens to popstate) and times until `ready()` holds. */
async function timeInApp(page: Page, to: string, ready: string, arg: number): Promise<{ ms: number, longest: number }> {
  return page.evaluate(async ({ to, ready, arg }) => {
    const check = new Function('n', `return (${ready})(n)`) as (n: number) => boolean
    let longest = 0
    const observer = new PerformanceObserver(list => list.getEntries().forEach(e => (longest = Math.max(longest, e.duration))))
    observer.observe({ type: 'longtask' })
    const t0 = performance.now()
    history.pushState({}, '', to)
    window.dispatchEvent(new PopStateEvent('popstate', { state: history.state }))
    while (!check(arg)) {
      if (performance.now() - t0 > 120_000)
        throw new Error(`${to} never got ready`)
      await new Promise(r => requestAnimationFrame(r))
    }
    const ms = performance.now() - t0
    await new Promise(r => setTimeout(r, 50))
    observer.disconnect()
    return { ms, longest }
  }, { to, ready, arg })
}

/** Reloads `path` and times from navigation start until `ready()` holds. */
async function timeCold(page: Page, url: string, ready: string, arg: number): Promise<{ ms: number, longest: number }> {
  await page.goto(url, { waitUntil: 'commit' })
  return page.evaluate(async ({ ready, arg }) => {
    const check = new Function('n', `return (${ready})(n)`) as (n: number) => boolean
    let longest = 0
    const observer = new PerformanceObserver(list => list.getEntries().forEach(e => (longest = Math.max(longest, e.duration))))
    observer.observe({ type: 'longtask', buffered: true })
    while (!check(arg)) {
      if (performance.now() > 120_000)
        throw new Error('the page never got ready')
      await new Promise(r => setTimeout(r, 5))
    }
    const ms = performance.now()
    await new Promise(r => setTimeout(r, 50))
    observer.disconnect()
    return { ms, longest }
  }, { ready, arg })
}

async function firstSync(h: Awaited<ReturnType<typeof startHarness>>, email: string, landing: string, expected: Record<string, number>, tables: string[]) {
  const context = await h.browser.newContext({ ...devices['Pixel 5'], locale: 'fr-FR', timezoneId: 'Europe/Paris', serviceWorkers: 'allow' })
  const page = await context.newPage()
  await page.goto(`${h.app}/connexion?redirect=${encodeURIComponent(landing)}`)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 }).catch(() => {})
  // Let the anonymous pull of public content finish first: it is not this user's sync.
  await page.waitForFunction(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('reperes')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const n = await new Promise<number>(r => {
      const req = db.transaction('structures').objectStore('structures').count()
      req.onsuccess = () => r(req.result)
    })
    db.close()
    return n > 0
  }, null, { timeout: 30_000, polling: 200 }).catch(() => console.log('[bench]   (no anonymous pull before sign-in)'))
  await page.waitForTimeout(1000)
  const before = await usage(page)
  await page.getByLabel('Je suis professionnel ou professionnelle').check()
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(PASSWORD)
  const t0 = Date.now()
  await page.getByRole('button', { name: 'Me connecter' }).press('Enter')
  for (;;) {
    const counts = await Promise.all(tables.map(t => storeCount(page, t)))
    if (counts.every((n, i) => n >= (expected[tables[i]!] ?? 0)))
      break
    if (Date.now() - t0 > 600_000)
      throw new Error(`first sync of ${email} did not finish: ${JSON.stringify(counts)}`)
    await new Promise(r => setTimeout(r, 100))
  }
  const syncMs = Date.now() - t0
  await page.waitForTimeout(1500)
  const after = await usage(page)
  const rows = Object.fromEntries(await Promise.all(tables.map(async t => [t, await storeCount(page, t)] as const)))
  return { context, page, syncMs, rows, storage: { before, after } }
}

async function main() {
  const h = await startHarness({ backendPort: BACKEND_PORT, previewPort: PREVIEW_PORT, seedSql: SEED })
  const runs: UserRun[] = []
  try {
    // What the server lets each user see (and how long a pull of it takes from Node).
    const serverSide: Record<string, { counts: Record<string, number>, ms: number }> = {}
    for (const email of [REFERENT, OUTREACH]) {
      const client = await signedInClient(h.backend, email)
      const t0 = performance.now()
      serverSide[email] = { counts: await pulledCounts(client), ms: Math.round(performance.now() - t0) }
      await client.auth.signOut()
    }
    console.log('[bench] visible on the server:', JSON.stringify(serverSide))

    // The référent: 2,000 people; /suivi/allocataires counts them all and shows 50 cards, then "more".
    {
      const tables = ['profiles', 'appointments']
      const s = await firstSync(h, REFERENT, '/suivi', serverSide[REFERENT]!.counts, tables)
      console.log(`[bench] référent: first sync ${s.syncMs} ms, ${JSON.stringify(s.rows)}`)
      // The people the screen lists: allocataires other than the référent (store: referent.ts).
      const people = await s.page.evaluate(me => new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('reperes')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const req = open.result.transaction('profiles').objectStore('profiles').getAll()
          req.onsuccess = () => {
            open.result.close()
            resolve((req.result as { id: string, roles?: string[], deleted_at?: string | null }[])
              .filter(p => p.id !== me && !p.deleted_at && p.roles?.includes('allocataire')).length)
          }
        }
      }), REFERENT_ID)
      const ready = '(n) => document.querySelectorAll(\'[data-testid="people"] > li\').length >= Math.min(n, 50) && (document.querySelector(\'[data-testid="people-count"]\')?.textContent ?? \'\').includes(String(n))'
      const cold: number[] = []
      const warm: number[] = []
      let longest = 0
      for (let i = 0; i < ROUNDS; i++) {
        const c = await timeCold(s.page, `${h.app}/suivi/allocataires`, ready, people)
        cold.push(c.ms)
        longest = Math.max(longest, c.longest)
        await timeInApp(s.page, '/suivi', '() => document.querySelector(\'[data-testid="people"]\') === null', 0)
        const w = await timeInApp(s.page, '/suivi/allocataires', ready, people)
        warm.push(w.ms)
        longest = Math.max(longest, w.longest)
        console.log(`[bench]   /suivi/allocataires: cold ${c.ms.toFixed(0)} ms, in-app ${w.ms.toFixed(0)} ms (longest task ${Math.max(c.longest, w.longest).toFixed(0)} ms)`)
      }
      runs.push({ user: `référent (${people} allocataires)`, syncMs: s.syncMs, rows: s.rows, storage: s.storage, cold, warm, longest })
      await s.context.close()
    }

    // The outreach team: 5,000 contacts, 50 cards then "more".
    {
      const tables = ['outreach_contacts', 'outreach_contact_events']
      const s = await firstSync(h, OUTREACH, '/terrain', serverSide[OUTREACH]!.counts, tables)
      console.log(`[bench] outreach: first sync ${s.syncMs} ms, ${JSON.stringify(s.rows)}`)
      const ready = '(n) => document.querySelectorAll(\'ul.contacts > li\').length >= n && /\\d/.test(document.querySelector(\'[data-testid="contacts-count"]\')?.textContent ?? \'\')'
      const cold: number[] = []
      const warm: number[] = []
      let longest = 0
      for (let i = 0; i < ROUNDS; i++) {
        const c = await timeCold(s.page, `${h.app}/terrain/contacts`, ready, 50)
        cold.push(c.ms)
        longest = Math.max(longest, c.longest)
        await timeInApp(s.page, '/terrain', '() => document.querySelector(\'ul.contacts\') === null', 0)
        const w = await timeInApp(s.page, '/terrain/contacts', ready, 50)
        warm.push(w.ms)
        longest = Math.max(longest, w.longest)
        console.log(`[bench]   /terrain/contacts: cold ${c.ms.toFixed(0)} ms, in-app ${w.ms.toFixed(0)} ms (longest task ${Math.max(c.longest, w.longest).toFixed(0)} ms)`)
      }
      // One tap on "more": 50 more cards.
      const more = await s.page.evaluate(async () => {
        const button = [...document.querySelectorAll('button')].find(b => /plus|more/i.test(b.textContent ?? ''))
        if (!button)
          return -1
        const t0 = performance.now()
        button.click()
        while (document.querySelectorAll('ul.contacts > li').length < 100)
          await new Promise(r => requestAnimationFrame(r))
        return performance.now() - t0
      })
      const count = await s.page.getByTestId('contacts-count').textContent()
      runs.push({ user: `outreach team (${serverSide[OUTREACH]!.counts.outreach_contacts} contacts)`, syncMs: s.syncMs, rows: s.rows, storage: s.storage, cold, warm, longest, extra: `"more" → 100 cards: ${more.toFixed(0)} ms; count shown: ${count}` })
      await s.context.close()
    }

    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
    console.log(JSON.stringify({ engine: h.engine, chromium: h.browser.version(), serverSide, runs }, null, 2))
    console.log([
      '',
      `| ${h.engine}, Chromium ${h.browser.version()}, Pixel 5 profile | first sync | rows in IndexedDB | storage used (before → after sign-in) | list cold, median / p95 | list in-app, median / p95 | longest task |`,
      '|---|---|---|---|---|---|---|',
      ...runs.map((r) => {
        const c = stats(r.cold)
        const w = stats(r.warm)
        return `| ${r.user} | ${(r.syncMs / 1000).toFixed(1)} s | ${Object.entries(r.rows).map(([k, v]) => `${k} ${v}`).join(', ')} | ${mb(r.storage.before)} → ${mb(r.storage.after)} | ${c.median.toFixed(0)} / ${c.p95.toFixed(0)} ms | ${w.median.toFixed(0)} / ${w.p95.toFixed(0)} ms | ${r.longest.toFixed(0)} ms |`
      }),
      '',
      ...runs.filter(r => r.extra).map(r => `${r.user}: ${r.extra}`),
      `Server pull from Node (lim 1000): ${Object.entries(serverSide).map(([k, v]) => `${k} ${v.ms} ms`).join(', ')}.`,
    ].join('\n'))
  }
  finally {
    await h.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

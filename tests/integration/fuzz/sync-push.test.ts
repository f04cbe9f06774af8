/**
 * Property-based fuzzing of sync_push, through the real supabase-js against the local backend.
 * Every mutation registered in sync_private.mutation_handlers is attacked (new ones too):
 * random and malformed payloads, wrong types, huge strings, unicode edge cases, other
 * people's ids. Properties:
 *   - never a 5xx; a request refused whole is a 4xx in PostgREST's shape and writes nothing;
 *   - one result per mutation, in order; a refusal has a known reason and a short message
 *     with nothing of PostgreSQL's internals;
 *   - a batch where nothing was applied leaves every table as it was (the mutation log aside,
 *     which records only this caller's refusals);
 *   - nobody changes a row they may not write; no row ever becomes visible to the wrong user.
 * Seeded (FUZZ_SEED) and bounded (FUZZ_SCALE multiplies the run counts).
 */
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anyValue, hostileString, mutationArgs, numberLike, runs, SEED, UNREPRESENTABLE, valueFor, type Pools } from './helpers/arbitraries.ts'
import { changedTables, columnValues, listMutations, rowDigest, snapshot, type Mutation } from './helpers/catalog.ts'
import { expectPostgrestError, rawRpc } from './helpers/http.ts'
import { visibilityViolations } from './helpers/oracle.ts'
import { startFuzzWorld, type Caller, type FuzzWorld } from './helpers/setup.ts'

let world: FuzzWorld
let mutations: Mutation[]
let pools: Pools

beforeAll(async () => {
  world = await startFuzzWorld()
  mutations = await listMutations(world.backend.db)
  pools = { ids: world.ids, columns: await columnValues(world.backend.db) }
})
afterAll(() => world?.backend.close())

const REASONS = ['validation', 'forbidden', 'conflict', 'not_found', 'unknown_mutation']
/** Words of PostgreSQL's own messages: a refusal shown to a user must carry none of them. */
const INTERNALS = /PL\/pgSQL|SQL statement|CONTEXT|line \d+|violates|constraint|relation "|column "|syntax|ERROR|stack/i

interface Result {
  mutation_id: unknown
  status: string
  reason?: string
  message?: unknown
  field?: unknown
}

function checkResults(sent: unknown[], results: Result[]) {
  expect(results).toHaveLength(sent.length)
  results.forEach((r, i) => {
    const m = sent[i] as { mutation_id?: unknown } | null
    const validId = typeof m?.mutation_id === 'string' && /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(m.mutation_id)
    if (validId) expect(String(r.mutation_id).toLowerCase()).toBe((m!.mutation_id as string).toLowerCase())
    expect(['applied', 'duplicate', 'rejected']).toContain(r.status)
    if (r.status === 'rejected') {
      expect(REASONS).toContain(r.reason)
      expect(typeof r.message).toBe('string')
      expect((r.message as string).length).toBeGreaterThan(0)
      expect((r.message as string).length).toBeLessThanOrEqual(300)
      expect(r.message as string).not.toMatch(INTERNALS)
      if (r.field !== undefined) expect(typeof r.field).toBe('string')
    }
    if (!validId) expect(r.status).toBe('rejected')
  })
}

async function logCounts(caller: Caller) {
  const { rows } = await world.backend.db.query<{ mine_applied: string; others: string }>(
    `select count(*) filter (where user_id = $1 and status = 'applied') as mine_applied,
            count(*) filter (where user_id <> $1) as others from public.sync_mutations`,
    [caller.account.id],
  )
  return rows[0]!
}

/** A mutation envelope: mostly well formed around hostile arguments, sometimes broken itself. */
function envelope(): fc.Arbitrary<unknown> {
  const byName = fc.constantFrom(...mutations).chain((m) =>
    fc.record(
      {
        mutation_id: fc.oneof({ weight: 12, arbitrary: fc.uuid() }, { weight: 1, arbitrary: anyValue(world.ids, 0) }),
        name: fc.oneof({ weight: 12, arbitrary: fc.constant(m.name) }, { weight: 1, arbitrary: hostileString }),
        args: mutationArgs(m.keys, pools),
        base_version: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 5 }) }, { weight: 1, arbitrary: numberLike },
          { weight: 1, arbitrary: anyValue(world.ids, 0) }),
      },
      { requiredKeys: ['mutation_id', 'name', 'args'] },
    ))
  return fc.oneof({ weight: 20, arbitrary: byName }, { weight: 1, arbitrary: anyValue(world.ids, 1) })
}

/** FUZZ_STATS=1 prints how the server answered (to judge how deep the fuzzing goes). */
const stats = new Map<string, number>()
const tally = (key: string) => stats.set(key, (stats.get(key) ?? 0) + 1)
afterAll(() => {
  if (process.env.FUZZ_STATS) console.log([...stats].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}\t${k}`).join('\n'))
})

describe('sync_push under fuzzing', () => {
  it('lists every registered mutation with the argument keys its handler accepts', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(10)
    for (const m of mutations) expect(m.keys, `${m.name}: args_only(...) not found in ${m.handler}`).not.toBeNull()
  })

  it('answers hostile batches cleanly; a batch with nothing applied writes nothing', async () => {
    const device = randomUUID()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...world.callers.map((c) => c.account.key)), fc.array(envelope(), { minLength: 1, maxLength: 4 }), async (key, batch) => {
        const caller = world.caller(key)
        const before = await snapshot(world.backend.db)
        const logBefore = await logCounts(caller)
        const { data, error, status } = await caller.client.rpc('sync_push', { mutations: batch, schema_version: 1, device_id: device })
        expect(status, JSON.stringify(error)).toBeLessThan(500)
        const after = await snapshot(world.backend.db)
        if (error) {
          expect(status).toBeGreaterThanOrEqual(400)
          expect(typeof error.code).toBe('string')
          expect(changedTables(before, after)).toEqual([])
          return
        }
        const results = (data as { results: Result[] }).results
        checkResults(batch, results)
        results.forEach((r, i) => tally(`${(batch[i] as { name?: unknown } | null)?.name}: ${r.status} ${r.reason ?? ''} ${r.field ?? ''}`))
        if (!results.some((r) => r.status === 'applied')) {
          expect(changedTables(before, after).filter((t) => t !== 'public.sync_mutations')).toEqual([])
          expect(await logCounts(caller)).toEqual(logBefore)
        }
      }),
      { seed: SEED, numRuns: runs(150) },
    )
    expect(await visibilityViolations(world.backend.db, world.callers)).toEqual([])
  })

  it('refuses text PostgreSQL cannot store (NUL, lone surrogates) as a whole 4xx, writing nothing', async () => {
    const caller = world.caller('allocataire')
    for (const bad of UNREPRESENTABLE) {
      const before = await snapshot(world.backend.db)
      const mutation = { mutation_id: randomUUID(), name: 'feedback.create', args: { id: randomUUID(), kind: 'other', body: `avis ${bad}`, share_with_groupe: false, contact_back: false } }
      const raw = await rawRpc(world.backend.url, world.backend.anonKey, caller.token, 'sync_push', JSON.stringify({ mutations: [mutation] }))
      expectPostgrestError(raw.status, raw.body, raw.text)
      expect(raw.status).toBe(400)
      expect(changedTables(before, await snapshot(world.backend.db))).toEqual([])
    }
  })

  it('applies a valid mutation amid hostile ones, and only it', async () => {
    const caller = world.caller('allocataire')
    await fc.assert(
      fc.asyncProperty(fc.array(envelope(), { maxLength: 3 }), fc.array(envelope(), { maxLength: 3 }), hostileString, async (head, tail, text) => {
        const id = randomUUID()
        const body = text.trim() ? text.slice(0, 3000) : 'Un avis.'
        const valid = { mutation_id: randomUUID(), name: 'feedback.create', args: { id, kind: 'other', body, share_with_groupe: false, contact_back: false } }
        const batch = [...head, valid, ...tail]
        const before = await snapshot(world.backend.db)
        const { data, error, status } = await caller.client.rpc('sync_push', { mutations: batch })
        expect(status, JSON.stringify(error)).toBeLessThan(500)
        if (error) return // a hostile neighbour made the whole request unparseable: nothing to compare
        const results = (data as { results: Result[] }).results
        checkResults(batch, results)
        const mine = results[head.length]!
        const { rows } = await world.backend.db.query<{ n: string }>('select count(*)::text as n from public.feedback where id = $1', [id])
        if (mine.status === 'applied') expect(rows[0]!.n).toBe('1')
        else {
          // Only a body the server refuses for itself (control characters) may fail it.
          expect(mine.reason).toBe('validation')
          expect(rows[0]!.n).toBe('0')
        }
        const others = results.filter((_, i) => i !== head.length)
        if (!others.some((r) => r.status === 'applied')) {
          expect(changedTables(before, await snapshot(world.backend.db)).filter((t) => !['public.feedback', 'public.sync_mutations'].includes(t))).toEqual([])
        }
      }),
      { seed: SEED + 1, numRuns: runs(60) },
    )
  })

  it('never lets anyone change a row that is not theirs to write, whatever the arguments', async () => {
    // Earlier properties may have changed people's access (a coordinator's edits are fuzzed
    // too): only attackers whose roles are still those of the seed, whose rows the predicates
    // below describe.
    const attackers: Caller[] = []
    for (const c of ['allocataire2', 'outreach2', 'referent2'].map((k) => world.caller(k))) {
      const { rows } = await world.backend.db.query<{ roles: string[] }>('select roles from public.profiles where id = $1', [c.account.id])
      if (rows[0] && [...rows[0].roles].sort().join() === [...c.account.roles].sort().join()) attackers.push(c)
    }
    expect(attackers.length).toBeGreaterThan(0)
    const targeted = mutations.filter((m) => m.targetTable && m.targetIdArg)
    const victims = new Map<string, { table: string; id: string; row: Record<string, unknown> }[]>()
    for (const a of attackers) victims.set(a.account.key, await victimsOf(a))
    const attack = fc.constantFrom(...attackers).chain((attacker) => {
      const mine = victims.get(attacker.account.key)!
      const usable = targeted.filter((m) => mine.some((v) => v.table === m.targetTable))
      return fc.constantFrom(...usable).chain((m) =>
        fc.constantFrom(...mine.filter((v) => v.table === m.targetTable)).chain((victim) =>
          fc.tuple(fc.constant(attacker.account.key), fc.constant(m), fc.constant(victim), argsAgainst(m, victim))))
    })
    await fc.assert(
      fc.asyncProperty(attack, async ([key, m, victim, args]) => {
        const attacker = world.caller(key)
        const before = await rowDigest(world.backend.db, victim.table, victim.id)
        const { data, error, status } = await attacker.client.rpc('sync_push', { mutations: [{ mutation_id: randomUUID(), name: m.name, args }] })
        expect(status, JSON.stringify(error)).toBeLessThan(500)
        if (!error) {
          const [result] = (data as { results: Result[] }).results
          expect(result!.status, `${attacker.account.key} ${m.name} on ${victim.table} ${victim.id}: ${JSON.stringify(result)}`).toBe('rejected')
        }
        expect(await rowDigest(world.backend.db, victim.table, victim.id)).toBe(before)
      }),
      { seed: SEED + 2, numRuns: runs(150) },
    )
    expect(await visibilityViolations(world.backend.db, world.callers)).toEqual([])
  })
  it('answers near-valid edits of rows the caller can see (one or two fields fuzzed) cleanly', async () => {
    const targeted = mutations.filter((m) => m.targetTable && m.targetIdArg)
    const visible = new Map<string, { table: string; id: string; row: Record<string, unknown> }[]>()
    for (const c of world.callers) visible.set(c.account.key, await visibleRows(c, targeted))
    const edit = fc.constantFrom(...world.callers.filter((c) => visible.get(c.account.key)!.length > 0)).chain((caller) => {
      const rows = visible.get(caller.account.key)!
      const usable = targeted.filter((m) => rows.some((r) => r.table === m.targetTable))
      return fc.constantFrom(...usable).chain((m) =>
        fc.constantFrom(...rows.filter((r) => r.table === m.targetTable)).chain((target) =>
          fc.tuple(fc.constant(caller.account.key), fc.constant(m), fc.constant(target), argsAgainst(m, target, 2))))
    })
    await fc.assert(
      fc.asyncProperty(edit, async ([key, m, target, args]) => {
        const caller = world.caller(key)
        const before = await rowDigest(world.backend.db, target.table, target.id)
        const sent = [{ mutation_id: randomUUID(), name: m.name, args }]
        const { data, error, status } = await caller.client.rpc('sync_push', { mutations: sent })
        expect(status, JSON.stringify(error)).toBeLessThan(500)
        if (error) return
        const results = (data as { results: Result[] }).results
        checkResults(sent, results)
        tally(`near-valid ${m.name}: ${results[0]!.status} ${results[0]!.reason ?? ''}`)
        if (results[0]!.status === 'rejected') expect(await rowDigest(world.backend.db, target.table, target.id)).toBe(before)
      }),
      { seed: SEED + 3, numRuns: runs(150) },
    )
    expect(await visibilityViolations(world.backend.db, world.callers)).toEqual([])
  })

})

/** Arguments aimed at a victim row: its own column values (a replay of it), some keys fuzzed. */
function argsAgainst(m: Mutation, victim: { id: string; row: Record<string, unknown> }, maxFuzzed?: number): fc.Arbitrary<Record<string, unknown>> {
  const keys = m.keys ?? []
  return fc.tuple(fc.subarray(keys, { maxLength: Math.min(maxFuzzed ?? keys.length, keys.length) }), ...keys.map((k) => valueFor(k, pools))).map(([fuzzed, ...values]) => {
    const args: Record<string, unknown> = {}
    keys.forEach((k, i) => {
      if (fuzzed.includes(k)) args[k] = values[i]
      else if (k in victim.row && victim.row[k] !== null) args[k] = victim.row[k]
    })
    args[m.targetIdArg!] = victim.id
    return args
  })
}

/** Rows of the mutations' target tables that the caller can see (as sync_reconcile lists them). */
async function visibleRows(caller: Caller, targeted: Mutation[]) {
  const { rows: tables } = await world.backend.db.query<{ name: string; relation: string }>(
    'select name, relation from sync_private.pull_tables where reconcilable')
  const wanted = tables.filter((t) => targeted.some((m) => m.targetTable === t.relation))
  const { data } = await caller.client.rpc('sync_reconcile', { tables: wanted.map((t) => t.name) })
  const found: { table: string; id: string; row: Record<string, unknown> }[] = []
  for (const t of wanted) {
    const ids = ((data ?? {}) as Record<string, string[]>)[t.name] ?? []
    if (ids.length === 0) continue
    const { rows } = await world.backend.db.query<{ row: Record<string, unknown> }>(
      `select to_jsonb(x) - 'row_xid' as row from ${t.relation} x where x.id = any ($1::uuid[]) order by x.id limit 30`, [ids])
    for (const r of rows) found.push({ table: t.relation, id: String(r.row.id), row: r.row })
  }
  return found
}

/**
 * Rows the attacker may not write, by the design's access table (§4): a pure allocataire owns
 * only their own rows; an outreach worker only their team's contacts; a référent their
 * structure's and their allocataires' rows and the referrals sent to their structure.
 */
async function victimsOf(attacker: Caller) {
  const a = attacker.account
  // p.me: the attacker, p.st: their structure, p.tm: their team. `mine`: the allocataires a
  // référent follows now (earlier properties may have moved people between structures).
  const mine = `select a.id from public.profiles a where 'allocataire' = any (a.roles)
    and (a.referent_id = p.me or (p.st is not null and a.structure_id = p.st))`
  const tables: Record<string, string> = {
    'public.appointments': `x.allocataire_id is distinct from p.me and (p.st is null or x.structure_id is distinct from p.st)
      and x.referent_id is distinct from p.me and x.allocataire_id not in (${mine})`,
    'public.prestation_offers': `x.allocataire_id is distinct from p.me and x.referent_id is distinct from p.me
      and x.allocataire_id not in (${mine})`,
    'public.feedback': 'x.author_id is distinct from p.me',
    'public.evaluations': 'x.author_id is distinct from p.me',
    'public.outreach_contacts': 'x.team_id is distinct from p.tm and not (x.consent and x.oriented_structure_id is not distinct from p.st)',
    'public.outreach_follow_ups': 'x.team_id is distinct from p.tm',
    'public.consultations': 'true',
    'public.profiles': `x.id <> p.me and x.id not in (${mine})`,
  }
  const found: { table: string; id: string; row: Record<string, unknown> }[] = []
  for (const [table, where] of Object.entries(tables)) {
    const exists = await world.backend.db.query(`select to_regclass($1) as t`, [table])
    if (!exists.rows[0]?.t) continue
    const { rows } = await world.backend.db.query<{ row: Record<string, unknown> }>(
      `select to_jsonb(x) - 'row_xid' as row from ${table} x,
              (select pr.id as me, pr.structure_id as st, pr.team_id as tm from public.profiles pr where pr.id = $1::uuid) p
        where ${where} order by x.id limit 40`,
      [a.id],
    )
    for (const r of rows) found.push({ table, id: String(r.row.id), row: r.row })
  }
  return found
}

/**
 * Property-based fuzzing of every RPC a signed-in user may call, listed from pg_proc and its
 * grants when the test starts (so functions added later are attacked too). Arguments follow
 * the declared types or deliberately break them: wrong JSON types, huge and hostile strings,
 * unicode edge cases, impossible dates, other people's ids. Properties:
 *   - never a 5xx; every error is a 4xx in PostgREST's shape, without a stack;
 *   - an error writes nothing, and neither does a successful call of a stable function;
 *   - no row ever becomes visible to the wrong user.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anyValue, dateLike, hostileString, mutationArgs, numberLike, runs, SEED, timestampLike, type Pools } from './helpers/arbitraries.ts'
import { changedTables, columnValues, listFunctions, listMutations, snapshot, type RpcArg, type RpcFunction } from './helpers/catalog.ts'
import { expectPostgrestError, rawRpc } from './helpers/http.ts'
import { visibilityViolations } from './helpers/oracle.ts'
import { startFuzzWorld, type Caller, type FuzzWorld } from './helpers/setup.ts'

let world: FuzzWorld
let functions: RpcFunction[]
let pools: Pools
/** Keys accepted by each mutation handler, for direct calls of public.m_* functions. */
let handlerKeys: Map<string, string[] | null>

beforeAll(async () => {
  world = await startFuzzWorld()
  functions = (await listFunctions(world.backend.db, 'authenticated')).filter((f) => f.callable)
  pools = { ids: world.ids, columns: await columnValues(world.backend.db) }
  handlerKeys = new Map((await listMutations(world.backend.db)).map((m) => [m.handler.replace(/^public\./, ''), m.keys]))
})
afterAll(() => world?.backend.close())

function valueOfType(arg: RpcArg, fn: string): fc.Arbitrary<unknown> {
  const ids = pools.ids
  const wrong = anyValue(ids, 1)
  const right: fc.Arbitrary<unknown> = (() => {
    switch (arg.type) {
      case 'uuid': return fc.oneof(fc.constantFrom(...ids), fc.uuid())
      case 'text': return fc.oneof(hostileString, ...(pools.columns[arg.name]?.length ? [fc.constantFrom(...pools.columns[arg.name]!)] : []))
      case 'integer': case 'bigint': case 'smallint': return fc.oneof(fc.integer({ min: -3, max: 2000 }), numberLike)
      case 'boolean': return fc.boolean()
      case 'date': return dateLike
      case 'timestamp with time zone': return timestampLike
      case 'jsonb': case 'json': return handlerKeys.has(fn) && arg.name === 'args' ? mutationArgs(handlerKeys.get(fn)!, pools) : anyValue(ids, 3)
      case 'text[]': return fc.array(hostileString, { maxLength: 5 })
      case 'uuid[]': return fc.array(fc.constantFrom(...ids), { maxLength: 5 })
      default: return wrong
    }
  })()
  return fc.oneof({ weight: 5, arbitrary: right }, { weight: 1, arbitrary: wrong }, { weight: 1, arbitrary: fc.constant(null) })
}

/** Named arguments: the required ones (usually), the optional ones sometimes, now and then an unknown one. */
function argsFor(f: RpcFunction): fc.Arbitrary<Record<string, unknown>> {
  const absent = Symbol('absent')
  return fc.tuple(
    fc.tuple(...f.args.map((a) => fc.oneof(
      { weight: a.hasDefault ? 1 : 8, arbitrary: valueOfType(a, f.name) },
      { weight: 1, arbitrary: fc.constant(absent) },
    ))),
    fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z_]{1,10}$/) }),
  ).map(([values, extra]) => ({
    ...Object.fromEntries(f.args.map((a, i) => [a.name, values[i]]).filter(([, v]) => v !== absent)),
    ...(extra ? { [extra]: 1 } : {}),
  }))
}

/**
 * Calls that would end the fuzzing session itself are steered away: account_delete never
 * names the caller (its effects have their own tests in data-rights.test.ts).
 */
function defuse(fn: string, args: Record<string, unknown>, caller: Caller) {
  if (fn === 'account_delete' && args.confirm_user_id === caller.account.id) args.confirm_user_id = '00000000-0000-4000-8000-000000000000'
  return args
}

describe('RPC functions under fuzzing', () => {
  it('finds the functions a signed-in user may call', () => {
    const names = functions.map((f) => f.name)
    for (const expected of ['sync_push', 'sync_pull', 'sync_reconcile', 'sync_stats', 'account_export', 'account_delete'])
      expect(names).toContain(expected)
  })

  it('answers every call with a result or a clean 4xx, and an error writes nothing', async () => {
    // Counterexamples name the function and the account, not the objects behind them.
    const call = fc.constantFrom(...functions).chain((f) => fc.tuple(fc.constant(f.name), fc.constantFrom(...world.callers.map((c) => c.account.key)), argsFor(f)))
    const statuses = new Map<string, Set<number>>()
    await fc.assert(
      fc.asyncProperty(call, async ([name, key, rawArgs]) => {
        const f = functions.find((x) => x.name === name)!
        const caller = world.caller(key)
        const args = defuse(f.name, rawArgs, caller)
        const before = await snapshot(world.backend.db)
        const answer = await rawRpc(world.backend.url, world.backend.anonKey, caller.token, f.name, JSON.stringify(args))
        const context = `${caller.account.key} → ${f.name}(${JSON.stringify(args).slice(0, 300)}): ${answer.status} ${answer.text.slice(0, 300)}`
        statuses.set(f.name, (statuses.get(f.name) ?? new Set()).add(answer.status))
        expect(answer.status, context).toBeLessThan(500)
        const changed = changedTables(before, await snapshot(world.backend.db))
        if (answer.status >= 300) {
          expectPostgrestError(answer.status, answer.body, answer.text)
          expect(changed, context).toEqual([])
        } else if (f.volatility !== 'v') {
          expect(changed, `${context}: a ${f.volatility === 's' ? 'stable' : 'immutable'} function wrote`).toEqual([])
        }
      }),
      { seed: SEED + 10, numRuns: runs(Math.max(250, functions.length * 5)) },
    )
    if (process.env.FUZZ_STATS) console.log([...statuses].map(([f, s]) => `${f}: ${[...s].sort().join(',')}`).join('\n'))
    expect(await visibilityViolations(world.backend.db, world.callers)).toEqual([])
  })

  // Found by this fuzzer: consultation_results raised P0002 (HTTP 500) for an unknown id;
  // fixed in 20261125001010_fuzz_fixes.sql.
  it('answers 404 for a consultation that does not exist (regression)', async () => {
    const caller = world.caller('coordinator')
    const r = await rawRpc(world.backend.url, world.backend.anonKey, caller.token, 'consultation_results',
      JSON.stringify({ consultation: '00000000-0000-4000-8000-00000000c0de' }))
    expectPostgrestError(r.status, r.body, r.text)
    expect(r.status).toBe(404)
  })
})

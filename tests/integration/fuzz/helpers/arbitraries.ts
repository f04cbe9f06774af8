/**
 * fast-check generators of hostile input: strings that break naive code (control and
 * format characters, combining marks, right-to-left overrides, injection look-alikes,
 * huge texts), wrong JSON types, ids of rows that belong to someone else, timestamps
 * in every wrong shape.
 */
import fc from 'fast-check'

/** One seed for every property (reproducible runs); FUZZ_SEED overrides it. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261125)
/** Scales every property's run count (FUZZ_SCALE=10 for a long local session). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1)
export const runs = (n: number) => Math.max(1, Math.round(n * SCALE))

/** Text that passes through JSON and PostgreSQL's jsonb, yet is hostile to naive code. */
export const EDGE_STRINGS = [
  '', ' ', '  padded  ', '\t', '\r\n', 'line\nbreak', '\u0001', '\u001f', '\u007f', '\u0085', '\u2028', '\u2029',
  '\u202e', 'abc\u202edef', '\u200f', '\u200e', '\u2067x\u2069', '\u061c', '\ufeff', '\u200b', '\u00ad',
  'e\u0301', '\u0301', 'Z\u0337\u0322\u0349a\u0336l\u0335g\u0338o\u0334', '\u0e01\u0e33'.repeat(50),
  '👩🏽‍🚀', '🇫🇷', '\ud83d\ude00'.repeat(100), 'ﷺ', 'مرحبا بكم', 'שלום', '你好', 'ǅ', 'ß', 'İ',
  "'; drop table public.feedback; --", "' or '1'='1", '$$; select 1; $$', '%s%n%x', '${7*7}', '{{7*7}}',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '../../etc/passwd',
  '\\', '"', "'", '`', 'null', 'undefined', 'NaN', 'true', '-1', '1e309', '0x10',
  'PL/pgSQL function', 'ERROR:  line 1',
]

/** Characters PostgreSQL refuses inside jsonb: anywhere in a request, they fail it whole. */
export const UNREPRESENTABLE = ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\ud83d']

const edge = fc.constantFrom(...EDGE_STRINGS)
const sized = fc.tuple(fc.constantFrom('x', 'é', '😀', 'a\u0301', ' '), fc.integer({ min: 100, max: 20_000 }))
  .map(([unit, n]) => unit.repeat(n))
/** Rarely, a text far past every column's limit (the request stays under the 2 MB body limit). */
const huge = fc.integer({ min: 100_000, max: 400_000 }).map((n) => 'ab'.repeat(n / 2))

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: edge },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.tuple(edge, fc.string({ maxLength: 20 }), edge).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: sized },
  { weight: 1, arbitrary: huge },
)

export const timestampLike = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-11-30T10:00:00+01:00', '2026-11-30T10:00:00', '2026-11-30', '2026-02-30T10:00:00Z',
    '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '99999-01-01T00:00:00Z', 'infinity', '-infinity', 'now',
    'today', 'epoch', '2026-11-30T25:61:00Z', '2026-11-30T10:00:00+99:00', '1e10', ''),
)

export const dateLike = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-29', '2026-13-01', '0000-01-01', '2026-1-1', 'infinity', 'tomorrow', '31/12/2026'),
)

export const numberLike = fc.oneof(
  fc.integer({ min: -5, max: 10 }),
  fc.constantFrom(0, -0, 0.5, 1e308, -1e308, 2 ** 31, 2 ** 53, 9223372036854775807, -9223372036854775808, 1e-320),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)

/** Any JSON value, biased towards the wrong type for whatever the field is. */
export function anyValue(ids: readonly string[], depth = 3): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    hostileString, numberLike, fc.boolean(), fc.constant(null), fc.constantFrom(...ids), fc.uuid(), timestampLike,
  )
  if (depth <= 0) return leaf
  return fc.oneof(
    { weight: 6, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(anyValue(ids, depth - 1), { maxLength: 6 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), anyValue(ids, depth - 1), { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 20, max: 800 }).map((n) => nested(n)) },
  )
}

/** Arrays nested n deep (PostgreSQL and the client both parse this depth). */
export function nested(n: number): unknown {
  let v: unknown = 1
  for (let i = 0; i < n; i++) v = [v]
  return v
}

/** Context for argument generators: real ids, and values seen in real rows by column name. */
export interface Pools {
  ids: readonly string[]
  columns: Record<string, unknown[]>
}

/** A plausible value for a mutation argument (from its name and real rows), or anything at all. */
export function valueFor(key: string, pools: Pools): fc.Arbitrary<unknown> {
  const { ids, columns } = pools
  const seen = columns[key] ?? columns[key.replace(/^(preferred_|v_)/, '')]
  const byName = key === 'id' || key.endsWith('_id')
    ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ids) }, { weight: 2, arbitrary: fc.uuid() })
    : key.endsWith('_at')
      ? timestampLike
      : key.endsWith('_on') || key === 'follow_up_at'
        ? dateLike
        : fc.oneof(hostileString, fc.boolean(), numberLike, fc.constantFrom('confirmed', 'interested', 'not_interested',
          'done', 'yes', 'street', 'other', 'scheduled', 'fr', 'open', 'planned', 'call_back', 'accepted', 'reschedule'))
  return fc.oneof(
    { weight: seen?.length ? 6 : 0, arbitrary: seen?.length ? fc.constantFrom(...seen) : fc.constant(null) },
    { weight: 4, arbitrary: byName },
    { weight: 1, arbitrary: anyValue(ids, 2) },
  )
}

/** Arguments for a mutation: most of its keys (plausible or absurd values), maybe unknown ones. */
export function mutationArgs(keys: readonly string[] | null, pools: Pools): fc.Arbitrary<unknown> {
  const known = keys ?? ['id', 'name', 'body', 'status']
  const absent = Symbol('absent')
  const object = fc.tuple(
    fc.tuple(...known.map((k) => fc.oneof({ weight: 4, arbitrary: valueFor(k, pools) }, { weight: 1, arbitrary: fc.constant(absent) }))),
    // An unknown key now and then (1 in 6).
    fc.oneof({ weight: 5, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), anyValue(pools.ids, 1), { minKeys: 1, maxKeys: 2 }) }),
  ).map(([values, extra]) => ({
    ...(extra ?? {}),
    ...Object.fromEntries(known.map((k, i) => [k, values[i]]).filter(([, v]) => v !== absent)),
  }))
  // Not even an object, now and then.
  return fc.oneof({ weight: 15, arbitrary: object }, { weight: 1, arbitrary: anyValue(pools.ids, 1) })
}

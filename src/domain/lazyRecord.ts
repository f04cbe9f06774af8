// Building the ≈ 40 mutation schemas costs zod ≈ 45 ms on a cheap phone (at 4×
// CPU slowdown, in a first-visit profile of a public page), and the sync
// session imports them as soon as it starts, on every page — while most
// visits never write anything. Each schema is built the first time it is read.

export type LazyRecord<T extends Record<string, () => unknown>> = { readonly [K in keyof T]: ReturnType<T[K]> }

/**
 * An object with the keys of `builders` (own and enumerable, so `Object.keys`
 * and `Object.hasOwn` see them all at once); a value is built when first read,
 * then kept.
 */
export function lazyRecord<T extends Record<string, () => unknown>>(builders: T): LazyRecord<T> {
  const out = {} as Record<keyof T, unknown>
  for (const key of Object.keys(builders) as (keyof T)[]) {
    Object.defineProperty(out, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = builders[key]!()
        Object.defineProperty(out, key, { value, enumerable: true, writable: false, configurable: false })
        return value
      },
    })
  }
  return out as LazyRecord<T>
}

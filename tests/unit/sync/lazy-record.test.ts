// Mutation schemas are built when first read (src/domain/lazyRecord.ts): a page
// that never writes does not pay for building them.
import { describe, expect, it, vi } from 'vitest'
import { lazyRecord } from '@/domain/lazyRecord'
import { MUTATION_NAMES, MUTATION_SCHEMAS, parseMutationArgs } from '@/domain/mutations'

describe('lazyRecord', () => {
  it('builds a value on its first read only, and keeps it', () => {
    const a = vi.fn(() => ({ built: 'a' }))
    const b = vi.fn(() => ({ built: 'b' }))
    const record = lazyRecord({ a, b })
    expect(a).not.toHaveBeenCalled()
    expect(Object.keys(record)).toEqual(['a', 'b'])
    expect(Object.hasOwn(record, 'b')).toBe(true)
    expect(b).not.toHaveBeenCalled()
    const first = record.a
    expect(record.a).toBe(first)
    expect(a).toHaveBeenCalledTimes(1)
    expect(b).not.toHaveBeenCalled()
  })

  it('does not let a built value be replaced', () => {
    const record = lazyRecord({ a: () => 1 })
    expect(record.a).toBe(1)
    expect(() => {
      (record as Record<string, number>).a = 2
    }).toThrow(TypeError)
  })
})

describe('mutation schemas', () => {
  it('are all there, and each refuses what it does not know', () => {
    expect(MUTATION_NAMES.length).toBeGreaterThan(25)
    for (const name of MUTATION_NAMES)
      expect(MUTATION_SCHEMAS[name].safeParse({ not_a_field: true }).success, name).toBe(false)
    expect(() => parseMutationArgs('feedback.delete', { id: 'not-a-uuid' })).toThrow()
    expect(parseMutationArgs('feedback.delete', { id: '00000000-0000-4000-8000-000000000001' }))
      .toEqual({ id: '00000000-0000-4000-8000-000000000001' })
  })
})

import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTER } from '@/domain/adminFeedback'
import { ARCHIVE_PAGE, archiveArgs, archiveCovers, nextCursor, parseArchivedRows, toArchivedItems } from '@/domain/adminFeedbackArchive'

const row = (n: number, patch: Record<string, unknown> = {}) => ({
  id: `fb900000-0000-4000-8000-${String(n).padStart(12, '0')}`, author_id: 'de000000-0000-4000-8000-000000000001',
  kind: 'other', subject_id: null, body: `Retour ${n}`, status: 'answered', answer: 'Merci.', answered_at: '2026-01-02T10:00:00+00:00',
  themes: [], created_at: `2026-01-${String(30 - n).padStart(2, '0')}T10:00:00+00:00`, updated_at: '2026-02-01T10:00:00+00:00',
  deleted_at: null, version: 3, row_xid: '812', ...patch,
})

describe('the archive of older feedback', () => {
  it('is asked only for filters that can match answered or closed items', () => {
    expect(archiveCovers(DEFAULT_FILTER)).toBe(false)
    for (const status of ['received', 'read'] as const)
      expect(archiveArgs({ ...DEFAULT_FILTER, status }, null)).toBeNull()
    for (const status of ['all', 'answered', 'closed'] as const)
      expect(archiveCovers({ ...DEFAULT_FILTER, status })).toBe(true)
  })

  it('turns the inbox filter and the last item read into the function\'s arguments', () => {
    expect(archiveArgs({ ...DEFAULT_FILTER, status: 'all' }, null)).toEqual({
      kind: null, prestation: null, status: null, assigned: null, theme: null, before_created: null, before_id: null, lim: ARCHIVE_PAGE,
    })
    const filter = { kind: 'prestation', prestation: 'b0000000-0000-4000-8000-000000000006', status: 'closed', assigned: 'me', theme: 'horaires' } as const
    expect(archiveArgs(filter, { created_at: '2026-01-01T10:00:00+00:00', id: 'x' }, 10)).toEqual({
      kind: 'prestation', prestation: 'b0000000-0000-4000-8000-000000000006', status: 'closed', assigned: 'me', theme: 'horaires',
      before_created: '2026-01-01T10:00:00+00:00', before_id: 'x', lim: 10,
    })
    expect(archiveArgs({ ...filter, assigned: 'nobody' }, null)?.assigned).toBe('nobody')
  })

  it('checks the answer, keeps the row as sent but for its transaction id, and reads it as an inbox item', () => {
    const rows = parseArchivedRows([row(1, { themes: ['horaires'] }), row(2, { status: 'closed' })])
    expect(rows[0]).not.toHaveProperty('row_xid')
    expect(rows[0]).toMatchObject({ id: row(1).id, version: 3, answer: 'Merci.', author_id: row(1).author_id })
    expect(toArchivedItems(rows).map(i => [i.status, i.themes, i.pending])).toEqual([['answered', ['horaires'], false], ['closed', [], false]])
    expect(() => parseArchivedRows({ rows: [] })).toThrow()
    expect(() => parseArchivedRows([{ ...row(1), id: 'not-a-uuid' }])).toThrow()
    expect(() => parseArchivedRows([{ ...row(1), version: '3' }])).toThrow()
    expect(() => parseArchivedRows([{ ...row(1), deleted_at: '2026-01-01T00:00:00Z' }])).toThrow()
  })

  it('pages on until a page comes back short', () => {
    const full = parseArchivedRows(Array.from({ length: 3 }, (_, i) => row(i + 1)))
    expect(nextCursor(full, 3)).toEqual({ created_at: row(3).created_at, id: row(3).id })
    expect(nextCursor(full, 4)).toBeNull()
    expect(nextCursor([], 3)).toBeNull()
  })
})

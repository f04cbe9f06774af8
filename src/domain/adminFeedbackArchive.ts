// The inbox's older items: answered and closed feedback unchanged for 90 days is
// not on a coordinator's device (supabase/migrations/20261125001800_feedback_window.sql)
// and is read page by page from the server (public.admin_feedback_archive) with
// the inbox's own filters. Pure functions: the arguments of a page, and the
// answer checked before any screen uses it.
import type { InboxFilter, InboxItem } from './adminFeedback'
import { z } from 'zod'
import { toInboxItem } from './adminFeedback'

/** Items asked for at once: what the inbox shows before "show more". */
export const ARCHIVE_PAGE = 50
/** How long answered and closed items stay on a coordinator's device (the server's window). */
export const WINDOW_DAYS = 90

/** Where the next page starts: the last item read (newest first). */
export interface ArchiveCursor {
  created_at: string
  id: string
}

/** The archive only holds answered and closed items: filters on open ones have nothing there. */
export function archiveCovers(filter: InboxFilter): boolean {
  return filter.status === 'all' || filter.status === 'answered' || filter.status === 'closed'
}

/** The arguments of admin_feedback_archive for a filter and a page; null when the archive cannot match. */
export function archiveArgs(filter: InboxFilter, after: ArchiveCursor | null, limit = ARCHIVE_PAGE): Record<string, unknown> | null {
  if (!archiveCovers(filter))
    return null
  const any = (value: string) => (value === 'all' ? null : value)
  return {
    kind: any(filter.kind),
    prestation: any(filter.prestation),
    status: any(filter.status),
    assigned: filter.assigned === 'any' ? null : filter.assigned,
    theme: any(filter.theme),
    before_created: after?.created_at ?? null,
    before_id: after?.id ?? null,
    lim: limit,
  }
}

// The columns the inbox reads; the rest of the row (versions, dates) is kept as sent,
// since an opened item is stored on the device like a pulled row.
const archivedRow = z.looseObject({
  id: z.guid(),
  kind: z.string(),
  status: z.string(),
  body: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number().int(),
  deleted_at: z.null().optional(),
})

export interface ArchivedRow extends Record<string, unknown> {
  id: string
  created_at: string
  version: number
}

/** Rows of the feedback table as the archive functions answer them; throws on anything else. */
export function parseArchivedRows(data: unknown): ArchivedRow[] {
  return z.array(archivedRow).parse(data).map(({ row_xid: _xid, ...row }) => row as ArchivedRow)
}

export function toArchivedItems(rows: readonly ArchivedRow[]): InboxItem[] {
  return rows.map(toInboxItem).filter((i): i is InboxItem => i !== null)
}

/** The cursor after a page, or null when the page was the last one (shorter than asked). */
export function nextCursor(rows: readonly ArchivedRow[], limit = ARCHIVE_PAGE): ArchiveCursor | null {
  const last = rows.at(-1)
  return last && rows.length >= limit ? { created_at: last.created_at, id: last.id } : null
}

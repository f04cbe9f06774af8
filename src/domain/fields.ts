// Field types shared by the mutation schemas (mutations.ts, adminMutations.ts).
// They mirror what the server accepts: PostgreSQL text cannot hold U+0000, and
// a lone UTF-16 surrogate cannot be encoded as UTF-8 (the request would fail
// as a whole instead of naming the field).
import { z } from 'zod'

/** A lone surrogate (with the u flag, a well-formed pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u

export const uuid = z.uuid()
/** The server refuses timestamps without an explicit offset: device zones differ. */
export const instant = z.iso.datetime({ offset: true })
export const day = z.iso.date()
/** Optional values: the server treats a JSON null as absent. */
export const opt = <T extends z.ZodType>(schema: T) => schema.nullish()
/** Free text (line breaks allowed), never NUL nor a broken character. */
export const text = (max: number) => z.string().trim().min(1).max(max)
  .refine(s => !s.includes('\0') && !LONE_SURROGATE.test(s), { message: 'Invalid characters.' })
/** Text on one line: the server refuses control characters in short fields. */
export const line = (max: number) => text(max).regex(/^[^\x00-\x1F\x7F]*$/)

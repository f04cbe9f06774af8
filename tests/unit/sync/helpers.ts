import type { MutationArgs } from '@/domain/mutations'
import { ReperesDb } from '@/db/database'

const open: ReperesDb[] = []

/** A fresh database per test (fake-indexeddb keeps them apart by name). */
export function makeDb(): ReperesDb {
  const db = new ReperesDb(`test-${crypto.randomUUID()}`)
  open.push(db)
  return db
}

export async function closeDbs(): Promise<void> {
  for (const db of open.splice(0))
    await db.delete()
}

export function feedback(overrides: Partial<MutationArgs<'feedback.create'>> = {}): MutationArgs<'feedback.create'> {
  return {
    id: crypto.randomUUID(),
    kind: 'prestation',
    body: 'L’atelier m’a aidé à préparer le forum.',
    share_with_groupe: false,
    contact_back: false,
    ...overrides,
  }
}

export const USER_A = '11111111-1111-4111-8111-111111111111'
export const USER_B = '22222222-2222-4222-8222-222222222222'

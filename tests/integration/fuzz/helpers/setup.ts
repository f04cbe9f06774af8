/** A local backend with every demo account signed in through the real supabase-js. */
import type { SupabaseClient } from '@supabase/supabase-js'
import { startTestBackend, type TestBackend } from '../../helpers/backend.ts'
import { idPool, listAccounts, type Account } from './catalog.ts'

export interface Caller {
  account: Account
  client: SupabaseClient
  token: string
}

export interface FuzzWorld {
  backend: TestBackend
  callers: Caller[]
  ids: string[]
  caller(key: string): Caller
}

export async function startFuzzWorld(): Promise<FuzzWorld> {
  const backend = await startTestBackend()
  try {
    const accounts = await listAccounts(backend.db)
    const callers: Caller[] = []
    for (const account of accounts) {
      const { client, session } = await backend.signIn(account.email)
      callers.push({ account, client, token: session.access_token })
    }
    const ids = await idPool(backend.db)
    return {
      backend,
      callers,
      ids,
      caller(key) {
        const found = callers.find((c) => c.account.key === key)
        if (!found) throw new Error(`no demo account ${key}`)
        return found
      },
    }
  } catch (e) {
    await backend.close()
    throw e
  }
}

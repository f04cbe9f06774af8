// One database interface over two engines: PGlite (WebAssembly PostgreSQL,
// the default, one connection) and a real PostgreSQL through node-postgres
// (a pool), chosen by the presence of a connection URL.
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'
import pg from 'pg'

export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<T = any>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres'
  /** PGlite only: the whole data directory as a tar archive (see snapshot.ts). */
  dump?(): Promise<Blob>
  /** BEGIN … COMMIT around fn; ROLLBACK if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** dataDir null = in memory, optionally starting from a dumped data directory. */
export async function openPglite(dataDir: string | null, snapshot?: Blob): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const lite = new PGlite({ dataDir: dataDir ?? undefined, loadDataDir: snapshot, extensions: { pgcrypto } })
  await lite.waitReady
  // PGlite has a single connection; its own mutex already queues queries and
  // transactions, so concurrent HTTP requests are serialized, never interleaved.
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async (sql, params) => ({ rows: (await q.query(sql, params as unknown[])).rows as never[] }),
    exec: async (sql) => {
      await q.exec(sql)
    },
  })
  return {
    engine: 'pglite',
    ...wrap(lite),
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    dump: () => lite.dumpDataDir('none'),
    close: () => lite.close(),
  }
}

export async function openPostgres(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // An idle client losing its connection must not crash the process.
  pool.on('error', (e) => console.error('[db] idle connection error:', e.message))
  await pool.query('select 1')
  return {
    engine: 'postgres',
    query: async (sql, params) => ({ rows: (await pool.query(sql, params as unknown[])).rows }),
    exec: async (sql) => {
      await pool.query(sql)
    },
    async transaction(fn) {
      const client = await pool.connect()
      let broken: Error | undefined
      try {
        await client.query('begin')
        const tx: Queryable = {
          query: async (sql, params) => ({ rows: (await client.query(sql, params as unknown[])).rows }),
          exec: async (sql) => {
            await client.query(sql)
          },
        }
        const result = await fn(tx)
        await client.query('commit')
        return result
      } catch (e) {
        await client.query('rollback').catch((re: Error) => (broken = re))
        throw e
      } finally {
        client.release(broken)
      }
    },
    close: () => pool.end(),
  }
}

/** Fields a PostgreSQL error carries, from either driver. */
export interface PgError {
  code: string
  message: string
  detail?: string
  hint?: string
  position?: string
}

export function asPgError(e: unknown): PgError | undefined {
  // `severity` tells a server error from a Node system error such as EPIPE.
  if (e && typeof e === 'object' && 'severity' in e && 'code' in e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
    return e as unknown as PgError
  }
  return undefined
}

// Faster in-memory databases for tests: creating a PGlite cluster costs
// seconds (initdb in WebAssembly), loading a dumped one a fraction of that.
// The first start builds the database (bootstrap, migrations, seed) and dumps
// it into a cache directory; later starts load that dump. The cache key covers
// every input, so a changed migration or PGlite version builds a new one.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { PATHS } from './config.ts'
import { openPglite, type Db } from './db.ts'
import { migrate, migrationFiles, seedFiles } from './migrate.ts'

export async function openFromSnapshot(cacheDir: string, seed: boolean, log: (msg: string) => void): Promise<Db> {
  const prefix = seed ? 'seeded' : 'unseeded'
  const file = path.join(cacheDir, `${prefix}-${snapshotKey(seed)}.tar`)
  if (existsSync(file)) {
    try {
      return await openPglite(null, new Blob([readFileSync(file)]))
    } catch {
      rmSync(file, { force: true }) // unreadable (interrupted write, other PGlite): rebuild it
    }
  }
  const db = await openPglite(null)
  try {
    await migrate(db, { seed, log })
    const dump = Buffer.from(await (await db.dump!()).arrayBuffer())
    mkdirSync(cacheDir, { recursive: true })
    // Older dumps go; this key's files stay (another worker may be writing its own copy).
    const current = path.basename(file)
    for (const old of readdirSync(cacheDir)) {
      if (old.startsWith(`${prefix}-`) && !old.startsWith(current)) rmSync(path.join(cacheDir, old), { force: true })
    }
    // Written aside then renamed: parallel test workers never read half a file.
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, dump)
    renameSync(tmp, file)
  } catch (e) {
    await db.close()
    throw e
  }
  return db
}

function snapshotKey(seed: boolean): string {
  const hash = createHash('sha256')
  const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite')
  const pglitePkg = path.join(pgliteEntry.slice(0, pgliteEntry.lastIndexOf(`${path.sep}dist${path.sep}`)), 'package.json')
  hash.update(readFileSync(pglitePkg))
  hash.update(readFileSync(PATHS.bootstrap))
  for (const name of migrationFiles()) hash.update(name).update(readFileSync(path.join(PATHS.migrations, name)))
  if (seed) for (const file of seedFiles()) hash.update(file).update(readFileSync(file))
  return hash.digest('hex').slice(0, 16)
}

import type { Table } from 'dexie'
import type { DraftRow, MetaRow, OutboxEntry, PendingRow, QuarantineEntry, QueuedEntry, SyncStateRow } from './types'
import type { ServerRow, ServerTable } from '@/domain/sync'
import { Dexie } from 'dexie'
import { SERVER_TABLES } from '@/domain/sync'
import { DB_NAME, SCHEMA_HISTORY } from './schema'

export interface OpenOptions {
  /**
   * Another tab opened a newer version of the database (an app update): this
   * connection has been closed so the upgrade can proceed, and the page runs
   * code for the old schema. The app should ask the user to reload.
   */
  onVersionChange?: () => void
  /** Also for tests: inject an IndexedDB implementation. */
  indexedDB?: IDBFactory
  IDBKeyRange?: typeof IDBKeyRange
}

export class ReperesDb extends Dexie {
  declare outbox: Table<OutboxEntry, number>
  declare quarantine: Table<QuarantineEntry, string>
  declare applied: Table<QueuedEntry, string>
  declare pending: Table<PendingRow, [string, string, string]>
  declare sync_state: Table<SyncStateRow, string>
  declare meta: Table<MetaRow, string>
  declare drafts: Table<DraftRow, [string, string]>

  constructor(name = DB_NAME, options: OpenOptions = {}) {
    super(name, {
      // Strict durability: a write the user saw saved must survive a power
      // cut; Chromium's default ('relaxed') may lose the last transactions.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {}),
    })
    for (const { version, stores } of SCHEMA_HISTORY)
      this.version(version).stores(stores)

    this.on('versionchange', () => {
      // Close for good (no auto-reopen at the old version, which would fail
      // or block the newer tab), then let the app ask for a reload.
      this.close({ disableAutoOpen: true })
      options.onVersionChange?.()
      return false
    })
  }

  serverTable(name: ServerTable): Table<ServerRow, string> {
    return this.table(name)
  }

  /** Every table a pull or a wipe touches, for transaction scopes. */
  serverTables(): Table<ServerRow, string>[] {
    return SERVER_TABLES.map(name => this.serverTable(name))
  }
}

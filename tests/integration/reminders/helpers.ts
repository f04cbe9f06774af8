/**
 * Reminder sender tests: a throwaway PostgreSQL cluster with the schema (no seed), the
 * worker's database handle, and fixtures (allocataires, appointments) written as the owner.
 */
import pg from 'pg'
import { startCluster, type Cluster } from '../sync-server/helpers/database.ts'
import { pgDb, type WorkerDb } from '../../../supabase/workers/reminders/store.ts'

export interface TestDb {
  url: string
  /** Owner connection for fixtures and checks (bypasses RLS). */
  admin: pg.Pool
  /** A new WorkerDb over its own pool, as a separate worker process would have. */
  workerDb(): WorkerDb
  close(): Promise<void>
}

export async function startDb(): Promise<TestDb> {
  let cluster: Cluster | undefined = await startCluster()
  const pools: pg.Pool[] = []
  const pool = () => {
    const p = new pg.Pool({ connectionString: cluster?.url, max: 4 })
    pools.push(p)
    return p
  }
  const admin = pool()
  return {
    url: cluster.url,
    admin,
    workerDb: () => pgDb(pool()),
    async close() {
      await Promise.all(pools.map((p) => p.end()))
      cluster?.stop()
      cluster = undefined
    },
  }
}

/** pg.Pool and PGlite both fit: fixtures run on either engine. */
export interface Sql {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<T = any>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
}

export interface AllocataireFixture {
  id: string
  email?: string | null
  phone?: string | null
  locale?: string
  sms?: boolean
  emailReminders?: boolean
}

export async function addAllocataire(admin: Sql, a: AllocataireFixture) {
  await admin.query('insert into auth.users (id, email, phone, raw_user_meta_data) values ($1, $2, $3, $4)', [
    a.id,
    a.email ?? null,
    a.phone ?? null,
    JSON.stringify({ locale: a.locale ?? 'fr' }),
  ])
  await admin.query('update public.profiles set reminder_sms = $2, reminder_email = $3 where id = $1', [
    a.id,
    a.sms ?? true,
    a.emailReminders ?? true,
  ])
}

export const STRUCTURE_ID = 'ae200000-0000-4000-8000-000000000001'

export async function addStructure(admin: Sql) {
  await admin.query(
    `insert into public.structures (id, kind, name, address, phone, status)
     values ($1, 'EI', 'Espace insertion Paris 18e', '4 rue Affre, 75018 Paris', '01 53 09 00 00', 'published')
     on conflict (id) do nothing`,
    [STRUCTURE_ID],
  )
}

export interface AppointmentFixture {
  id: string
  allocataireId: string
  /** An instant with its offset, e.g. '2036-06-18T14:00:00+02:00'. */
  startsAt: string
  kind?: string
  location?: string | null
  documents?: string[]
}

export async function addAppointment(admin: Sql, a: AppointmentFixture) {
  await admin.query(
    `insert into public.appointments (id, allocataire_id, structure_id, kind, title, starts_at, duration_min, location,
                                      documents_to_bring)
     values ($1, $2, $3, $4, null, $5, 45, $6, $7)`,
    [a.id, a.allocataireId, STRUCTURE_ID, a.kind ?? 'follow_up', a.startsAt, a.location ?? null, a.documents ?? []],
  )
}

export interface ReminderRow {
  id: string
  channel: string
  slot: string
  status: string
  attempts: number
  provider_id: string | null
  next_attempt_at: Date
  last_error: string | null
  generation: number
}

export async function remindersOf(admin: Sql, appointmentId: string): Promise<ReminderRow[]> {
  const { rows } = await admin.query<ReminderRow>(
    `select id, channel, slot, status, attempts, provider_id, next_attempt_at, last_error, generation
       from public.reminders where appointment_id = $1 order by channel, slot`,
    [appointmentId],
  )
  return rows
}

/** Empties what a test wrote (reminders go with their appointments). */
export async function reset(admin: Sql) {
  await admin.query('delete from public.appointments')
  await admin.query('delete from auth.users')
}

/**
 * "Never a row visible to the wrong user": what each account may see, written again from the
 * access table of the design (§4) as plain SQL run by the superuser, independently of the
 * row-level security policies. The fuzzers compare it with what sync_reconcile actually shows
 * each account over HTTP.
 */
import type { SupabaseClient } from '@supabase/supabase-js'
import type { Queryable } from '../../../../supabase/local/db.ts'
import type { Account } from './catalog.ts'

// $1 = the account's id. `me` is their profile; `mine` the allocataires a référent follows.
const CTE = `
  with me as (select p.id, p.roles, p.team_id, p.structure_id from public.profiles p where p.id = $1::uuid and p.deleted_at is null),
       mine as (select a.id from public.profiles a, me
                 where 'referent' = any (me.roles) and 'allocataire' = any (a.roles)
                   and (a.referent_id = me.id or (me.structure_id is not null and a.structure_id = me.structure_id)))`

const coordinator = `'coordinator' = any (coalesce((select roles from me), '{}'::text[]))`
const referent = `'referent' = any (coalesce((select roles from me), '{}'::text[]))`
const outreach = `'outreach' = any (coalesce((select roles from me), '{}'::text[]))`

/** Rows (ids) each table may show to the account; tables left out are not checked. */
const ALLOWED: Record<string, string> = {
  profiles: `select t.id from public.profiles t where t.id = $1::uuid or ${coordinator} or t.id in (select id from mine)`,
  appointments: `select t.id from public.appointments t where t.allocataire_id = $1::uuid or ${coordinator}
    or (${referent} and (t.structure_id = (select structure_id from me) or t.referent_id = $1::uuid or t.allocataire_id in (select id from mine)))`,
  prestation_offers: `select t.id from public.prestation_offers t where t.allocataire_id = $1::uuid or ${coordinator}
    or (${referent} and (t.referent_id = $1::uuid or t.allocataire_id in (select id from mine)))`,
  feedback: `select t.id from public.feedback t where t.author_id = $1::uuid or ${coordinator}`,
  evaluations: `select t.id from public.evaluations t where t.author_id = $1::uuid`,
  outreach_contacts: `select t.id from public.outreach_contacts t
    where (${outreach} and t.team_id = (select team_id from me))
       or (${referent} and t.consent and t.oriented_structure_id = (select structure_id from me))`,
  outreach_follow_ups: `select t.id from public.outreach_follow_ups t where ${outreach} and t.team_id = (select team_id from me)`,
  outreach_contact_events: `select t.id from public.outreach_contact_events t where ${outreach} and t.team_id = (select team_id from me)`,
  invitations: `select t.id from public.invitations t where t.accepted_by = $1::uuid or ${coordinator}
    or (${referent} and t.invited_by = $1::uuid)`,
}

export interface Violation {
  account: string
  table: string
  id: string
}

/** Rows some account sees over HTTP that the design says it must not. */
export async function visibilityViolations(db: Queryable, accounts: { account: Account; client: SupabaseClient }[]): Promise<Violation[]> {
  const { rows } = await db.query<{ name: string }>(`select name from sync_private.pull_tables where not is_public and reconcilable`)
  const tables = rows.map((r) => r.name).filter((t) => t in ALLOWED)
  const violations: Violation[] = []
  for (const { account, client } of accounts) {
    const { data, error } = await client.rpc('sync_reconcile', { tables })
    if (error) throw new Error(`sync_reconcile as ${account.key}: ${error.message}`)
    const visible = data as Record<string, string[]>
    for (const table of tables) {
      const ids = visible[table] ?? []
      if (ids.length === 0) continue
      const allowed = await db.query<{ id: string }>(`${CTE} ${ALLOWED[table]}`, [account.id])
      const ok = new Set(allowed.rows.map((r) => r.id))
      for (const id of ids) if (!ok.has(id)) violations.push({ account: account.key, table, id })
    }
  }
  return violations
}

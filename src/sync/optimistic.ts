// What each mutation does to the local copy of its row before the server has
// seen it. The result is only a preview: the server's row, pulled after the
// push, always replaces it. Timestamps here come from the device clock and are
// for display only; nothing orders or decides on them.
import type { MutationName } from '@/domain/mutations'
import type { ServerRow, ServerTable } from '@/domain/sync'

export interface MutationContext {
  userId: string
  /** ISO timestamp of the device, display only. */
  now: string
}

export interface MutationTarget {
  table: ServerTable
  id: string
}

/** undefined = nothing to show (row unknown locally); null = row deleted. */
type Apply = (row: ServerRow | undefined, args: Record<string, unknown>, ctx: MutationContext) => ServerRow | null | undefined

interface MutationSpec {
  table: ServerTable
  /** Updates send the version they edited (base_version) for conflict logging. */
  edits: boolean
  /** The row written; profile.update always writes the caller's own profile. */
  targetId: (args: Record<string, unknown>, ctx: { userId: string }) => string
  apply: Apply
}

const byId = (args: Record<string, unknown>) => String(args.id)
const merge = (row: ServerRow | undefined, patch: Record<string, unknown>): ServerRow | undefined =>
  row ? { ...row, ...patch } : undefined

const RESPONSE_STATUS: Record<string, string> = {
  confirmed: 'confirmed',
  cannot_come: 'cancel_requested',
  reschedule: 'reschedule_requested',
}

export const MUTATION_SPECS: Record<MutationName, MutationSpec> = {
  'feedback.create': {
    table: 'feedback',
    edits: false,
    targetId: byId,
    apply: (row, args, ctx) => ({
      status: 'received', created_at: ctx.now, deleted_at: null, ...row, ...args,
      id: String(args.id), author_id: row?.author_id ?? ctx.userId, updated_at: ctx.now,
    }),
  },
  'feedback.delete': { table: 'feedback', edits: true, targetId: byId, apply: () => null },
  'appointment.respond': {
    table: 'appointments',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => merge(row, {
      response: args.response,
      response_reason: args.reason ?? null,
      preferred_slots: args.preferred_slots ?? null,
      responded_at: ctx.now,
      status: RESPONSE_STATUS[String(args.response)] ?? row?.status,
    }),
  },
  'appointment.upsert': {
    table: 'appointments',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => ({ status: 'scheduled', created_at: ctx.now, ...row, ...args, id: String(args.id), updated_at: ctx.now }),
  },
  'appointment.set_status': {
    table: 'appointments',
    edits: true,
    targetId: byId,
    apply: (row, args) => merge(row, { status: args.status }),
  },
  'appointment.mark_seen': {
    table: 'appointments',
    // Not an edit of the row's content: no base_version, so no conflict is logged.
    edits: false,
    targetId: byId,
    // The server marks only the answer that was read; a newer one stays unseen.
    apply: (row, args, ctx) => (row && row.responded_at === args.responded_at ? { ...row, seen_by_referent_at: ctx.now } : row),
  },
  'offer.respond': {
    table: 'prestation_offers',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => merge(row, { status: args.interest, responded_at: ctx.now }),
  },
  'contact.upsert': {
    table: 'outreach_contacts',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => ({
      status: 'new', referral_status: 'none', created_at: ctx.now, ...row, ...args,
      id: String(args.id), created_by: row?.created_by ?? ctx.userId, updated_at: ctx.now,
    }),
  },
  'evaluation.upsert': {
    table: 'evaluations',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => ({
      created_at: ctx.now, ...row,
      id: String(args.id), consultation_id: args.consultation_id, answers: args.answers,
      author_id: row?.author_id ?? ctx.userId,
      submitted_at: args.submitted ? (row?.submitted_at ?? ctx.now) : null,
      updated_at: ctx.now,
    }),
  },
  'profile.update': {
    table: 'profiles',
    edits: true,
    targetId: (_args, ctx) => ctx.userId,
    apply: (row, args) => merge(row, args),
  },
}

export function targetOf(name: MutationName, args: Record<string, unknown>, userId: string): MutationTarget {
  const spec = MUTATION_SPECS[name]
  return { table: spec.table, id: spec.targetId(args, { userId }) }
}

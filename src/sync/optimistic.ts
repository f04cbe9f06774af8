// What each mutation does to the local copy of its row before the server has
// seen it. The result is only a preview: the server's row, pulled after the
// push, always replaces it. Timestamps here come from the device clock and are
// for display only; nothing orders or decides on them.
import type { MutationName } from '@/domain/mutations'
import type { ServerRow, ServerTable } from '@/domain/sync'
import { ADMIN_MUTATION_SPECS } from '@/domain/adminOptimistic'

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
  /** Once accepted, the row may leave what this device pulls: reconcile its table then. */
  reconcile?: boolean
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
  'contact.delete': { table: 'outreach_contacts', edits: true, targetId: byId, apply: () => null },
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
    apply: (row, args, ctx) => {
      // As the server does: moving an appointment clears the allocataire's answer.
      const moved = row !== undefined && row.starts_at !== undefined && args.starts_at !== undefined
        && new Date(String(row.starts_at)).getTime() !== new Date(String(args.starts_at)).getTime()
      const cleared = moved ? { status: 'scheduled', response: null, response_reason: null, preferred_slots: null, responded_at: null } : {}
      return { status: 'scheduled', created_at: ctx.now, ...row, ...cleared, ...args, id: String(args.id), updated_at: ctx.now }
    },
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
    // Never before the answer, whatever the device clock says.
    apply: (row, args, ctx) => (row && row.responded_at === args.responded_at
      ? { ...row, seen_by_referent_at: Date.parse(ctx.now) >= Date.parse(String(args.responded_at)) ? ctx.now : args.responded_at }
      : row),
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
  'referral.respond': {
    table: 'outreach_contacts',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => merge(row, {
      referral_status: args.response,
      referral_decline_reason: args.reason ?? null,
      referral_appointment_at: args.appointment_at ?? null,
      referral_answered_at: ctx.now,
    }),
  },
  'follow_up.upsert': {
    table: 'outreach_follow_ups',
    // Date and kind only: the outcome is follow_up.set_outcome's, so no conflict to log.
    edits: false,
    targetId: byId,
    apply: (row, args, ctx) => ({
      status: 'planned', closed_at: null, created_at: ctx.now, created_by: ctx.userId, ...row, ...args,
      id: String(args.id), updated_at: ctx.now,
    }),
  },
  'follow_up.set_outcome': {
    table: 'outreach_follow_ups',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => merge(row, {
      status: args.outcome,
      closed_at: args.outcome === 'planned' ? null : ctx.now,
      closed_by: args.outcome === 'planned' ? null : ctx.userId,
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
  'consultation.upsert': {
    table: 'consultations',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => ({
      status: 'draft', created_at: ctx.now, created_by: ctx.userId, ...row, ...args,
      body: args.body ?? '', id: String(args.id), updated_at: ctx.now,
    }),
  },
  'consultation.set_status': {
    table: 'consultations',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => merge(row, args.status === 'open'
      ? { status: 'open', opens_at: row?.opens_at ?? ctx.now, closes_at: args.closes_at ?? (row?.status === 'draft' ? row.closes_at ?? null : null) }
      : { status: 'closed', closes_at: ctx.now }),
  },
  'consultation.publish': {
    table: 'consultations',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => merge(row, {
      status: 'published', outcome: args.outcome, outcome_section_id: args.outcome_section_id ?? null, outcome_at: ctx.now,
    }),
  },
  'feedback.tag_themes': {
    table: 'feedback',
    edits: true,
    targetId: byId,
    // The groupe has no feedback rows on its devices (it reads shared feedback without
    // authors, outside sync): only a coordinator's device has a row to preview.
    apply: (row, args) => merge(row, { themes: args.themes }),
  },
  'meeting.respond': {
    table: 'evaluations',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => ({
      created_at: ctx.now, ...row,
      id: String(args.id), consultation_id: args.consultation_id,
      answers: args.note ? { attending: args.attending, note: args.note } : { attending: args.attending },
      author_id: row?.author_id ?? ctx.userId, submitted_at: ctx.now, updated_at: ctx.now,
    }),
  },
  'profile.update': {
    table: 'profiles',
    edits: true,
    targetId: (_args, ctx) => ctx.userId,
    apply: (row, args) => merge(row, args),
  },
  ...ADMIN_MUTATION_SPECS,
}

export function targetOf(name: MutationName, args: Record<string, unknown>, userId: string): MutationTarget {
  const spec = MUTATION_SPECS[name]
  return { table: spec.table, id: spec.targetId(args, { userId }) }
}

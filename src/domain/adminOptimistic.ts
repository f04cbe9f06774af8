// What the back office's mutations do to the local copy of a row before the
// server has seen it (spread into MUTATION_SPECS, src/sync/optimistic.ts).
// Only a preview: the pulled row replaces it, so server-decided values
// (revision numbers, timestamps) are left as they were or empty.
import type { AdminMutationName } from './adminMutations'
import type { ServerRow, ServerTable } from './sync'

interface Context {
  userId: string
  now: string
}

export interface AdminMutationSpec {
  table: ServerTable
  edits: boolean
  targetId: (args: Record<string, unknown>, ctx: { userId: string }) => string
  apply: (row: ServerRow | undefined, args: Record<string, unknown>, ctx: Context) => ServerRow | null | undefined
  /** Once accepted, the row may leave what this device pulls: reconcile its table then. */
  reconcile?: boolean
}

const byId = (args: Record<string, unknown>) => String(args.id)
const merge = (row: ServerRow | undefined, patch: Record<string, unknown>): ServerRow | undefined =>
  row ? { ...row, ...patch } : undefined
/** Whole-row upserts: the device's fields over what it knew; server-only fields kept. */
function upsert(row: ServerRow | undefined, args: Record<string, unknown>, ctx: Context): ServerRow {
  const { checked, ...fields } = args
  return {
    created_at: ctx.now, ...row, ...fields,
    id: String(args.id),
    last_checked_at: checked ? ctx.now : (row?.last_checked_at ?? null),
    published_at: fields.status === 'published' ? (row?.published_at ?? ctx.now) : (row?.published_at ?? null),
    deleted_at: null,
    updated_at: ctx.now,
  }
}

export const ADMIN_MUTATION_SPECS: Record<AdminMutationName, AdminMutationSpec> = {
  'feedback.answer': {
    table: 'feedback',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => merge(row, {
      answer: args.answer,
      answer_locale: args.answer_locale ?? null,
      answered_at: ctx.now,
      answered_by: ctx.userId,
      status: row && ['received', 'read'].includes(String(row.status)) ? 'answered' : row?.status,
    }),
  },
  'feedback.assign': { table: 'feedback', edits: true, targetId: byId, apply: (row, args) => merge(row, { assigned_to: args.assigned_to ?? null }) },
  'feedback.set_status': { table: 'feedback', edits: true, targetId: byId, apply: (row, args) => merge(row, { status: args.status }) },
  'invitation.create': {
    table: 'invitations',
    edits: false,
    targetId: byId,
    apply: (row, args, ctx) => ({
      created_at: ctx.now, preferred_locale: 'fr', ...row, ...args,
      id: String(args.id), invited_by: ctx.userId, accepted_at: null, accepted_by: null, revoked_at: null,
      expires_at: new Date(Date.parse(ctx.now) + 30 * 86_400_000).toISOString(), updated_at: ctx.now,
    }),
  },
  'invitation.revoke': {
    table: 'invitations',
    edits: true,
    targetId: byId,
    apply: (row, _args, ctx) => merge(row, { revoked_at: row?.revoked_at ?? ctx.now }),
  },
  'profile.set_access': {
    table: 'profiles',
    edits: true,
    // A coordinator's device pulls staff profiles only: someone whose roles beyond
    // allocataire are withdrawn is no longer pulled, and must not stay as they were.
    reconcile: true,
    targetId: byId,
    apply: (row, args) => merge(row, { roles: args.roles, team_id: args.team_id ?? null, structure_id: args.structure_id ?? null }),
  },
  'booklet_section.save': {
    table: 'booklet_sections',
    edits: true,
    targetId: byId,
    // A new revision's number is the server's to give: shown as pending until pulled.
    apply: (row, args, ctx) => ({
      status: 'draft', revision: null, created_at: ctx.now, published_at: null, ...row, ...args,
      source_revision: args.locale === 'fr' ? null : (args.source_revision ?? null),
      id: String(args.id), edited_by: ctx.userId, updated_at: ctx.now,
    }),
  },
  'booklet_section.set_status': {
    table: 'booklet_sections',
    edits: true,
    targetId: byId,
    apply: (row, args, ctx) => merge(row, {
      status: args.status,
      published_at: args.status === 'published' ? ctx.now : args.status === 'archived' ? row?.published_at : null,
    }),
  },
  'structure.upsert': { table: 'structures', edits: true, targetId: byId, apply: upsert },
  'prestation.upsert': { table: 'prestations', edits: true, targetId: byId, apply: upsert },
  'event.upsert': { table: 'events', edits: true, targetId: byId, apply: upsert },
}

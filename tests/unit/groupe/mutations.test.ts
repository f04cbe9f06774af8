// The mutations this workspace adds: their schemas mirror the server's checks,
// and their optimistic previews say what the screens show before the server answers.
import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { parseMutationArgs } from '@/domain/mutations'
import { criteriaQuestions } from '@/domain/survey'
import { MUTATION_SPECS } from '@/sync/optimistic'

const id = () => crypto.randomUUID()
const ctx = { userId: 'de000000-0000-4000-8000-000000000005', now: '2026-11-25T10:00:00.000Z' }

describe('consultation, theme and meeting mutations', () => {
  it('accept valid arguments', () => {
    expect(() => parseMutationArgs('consultation.upsert', { id: id(), kind: 'prestation_evaluation', title: 'Ateliers', definition: { questions: criteriaQuestions() }, closes_at: '2027-03-01T18:00:00+01:00' })).not.toThrow()
    expect(() => parseMutationArgs('consultation.set_status', { id: id(), status: 'open', closes_at: '2027-03-01T18:00:00+01:00' })).not.toThrow()
    expect(() => parseMutationArgs('consultation.publish', { id: id(), outcome: 'Les courriers sont réécrits.', outcome_section_id: id() })).not.toThrow()
    expect(() => parseMutationArgs('feedback.tag_themes', { id: id(), themes: ['accueil', 'retard'] })).not.toThrow()
    expect(() => parseMutationArgs('meeting.respond', { id: id(), consultation_id: id(), attending: false, note: 'Rendez-vous médical.' })).not.toThrow()
  })

  it.each([
    ['consultation.upsert', { id: id(), kind: 'survey', title: 'Vide', definition: { questions: [] } }],
    ['consultation.upsert', { id: id(), kind: 'prestation_evaluation', title: 'x', definition: { questions: criteriaQuestions() }, opens_at: '2027-03-02T10:00:00Z', closes_at: '2027-03-01T10:00:00Z' }],
    ['consultation.set_status', { id: id(), status: 'published' }],
    ['consultation.publish', { id: id(), outcome: '   ' }],
    ['feedback.tag_themes', { id: id(), themes: Array.from({ length: 11 }, (_, i) => `t${i}`) }],
    ['feedback.tag_themes', { id: id(), themes: ['x'.repeat(41)] }],
    ['meeting.respond', { id: id(), consultation_id: id(), attending: 'oui' }],
  ])('refuse an invalid %s', (name, args) => {
    expect(() => parseMutationArgs(name as never, args)).toThrow(ZodError)
  })

  it('preview a new consultation as a draft signed by its coordinator, then opened, then published', () => {
    const cid = id()
    const draft = MUTATION_SPECS['consultation.upsert'].apply(undefined, { id: cid, kind: 'survey', title: 'x', definition: {} }, ctx)!
    expect(draft).toMatchObject({ id: cid, status: 'draft', created_by: ctx.userId, body: '' })
    const opened = MUTATION_SPECS['consultation.set_status'].apply(draft, { id: cid, status: 'open' }, ctx)!
    expect(opened).toMatchObject({ status: 'open', opens_at: ctx.now, closes_at: null })
    const published = MUTATION_SPECS['consultation.publish'].apply(opened, { id: cid, outcome: 'Fait.' }, ctx)!
    expect(published).toMatchObject({ status: 'published', outcome: 'Fait.', outcome_section_id: null, outcome_at: ctx.now })
  })

  it('preview a meeting answer as the member’s submitted evaluation, and leave unknown feedback alone', () => {
    const row = MUTATION_SPECS['meeting.respond'].apply(undefined, { id: 'e1', consultation_id: 'c1', attending: true }, ctx)
    expect(row).toMatchObject({ id: 'e1', consultation_id: 'c1', answers: { attending: true }, author_id: ctx.userId, submitted_at: ctx.now })
    // The groupe never holds feedback rows: nothing to preview on its devices.
    expect(MUTATION_SPECS['feedback.tag_themes'].apply(undefined, { id: 'f1', themes: ['x'] }, ctx)).toBeUndefined()
  })
})

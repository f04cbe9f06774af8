import { describe, expect, it } from 'vitest'
import { criteriaQuestions, parseDefinition, validateDefinition } from '@/domain/survey'

const codes = (errors: ReturnType<typeof validateDefinition>) => errors.map(e => `${e.path}:${e.code}`)

describe('survey definitions: valid ones pass', () => {
  it('accepts a survey with every question type', () => {
    expect(validateDefinition('survey', {
      questions: [
        { key: 'canal', type: 'single', label: 'Par où avez-vous connu le livret ?', options: ['Mon référent', 'Un forum', 'Internet'] },
        { key: 'aides', type: 'multiple', label: 'Qu’est-ce qui vous aide ?', options: ['Les ateliers', 'Le parrainage'], required: true },
        { key: 'clarte', type: 'scale', label: 'Clarté', min: 0, max: 10, help: '0 = pas du tout' },
        { key: 'idee', type: 'text', label: 'Une idée ?' },
      ],
    })).toEqual([])
  })

  it('accepts the six criteria without labels (the app words them) and a review of a pasted letter', () => {
    expect(validateDefinition('prestation_evaluation', { questions: criteriaQuestions() })).toEqual([])
    expect(validateDefinition('document_review', { document: { title: 'Convocation', text: 'Madame, Monsieur…' } })).toEqual([])
    expect(validateDefinition('document_review', {}, { hasSubject: true })).toEqual([])
  })

  it('accepts a meeting with its time offset, place and agenda', () => {
    expect(validateDefinition('meeting', {
      meeting: { starts_at: '2027-03-02T14:00:00+01:00', ends_at: '2027-03-02T16:00:00+01:00', place: 'Bureau du RSA', agenda: ['Livret', 'Courriers'] },
    })).toEqual([])
  })
})

describe('survey definitions: bad ones get clear, located errors', () => {
  it('names the question and what is wrong with it', () => {
    const errors = validateDefinition('survey', {
      questions: [
        { key: 'Canal préféré', type: 'single', label: 'x', options: ['a', 'b'] },
        { key: 'a', type: 'single', label: 'x', options: ['Oui'] },
        { key: 'a', type: 'text', label: 'y' },
        { key: 'b', type: 'dropdown', label: 'z' },
        { key: 'c', type: 'text' },
        { key: 'd', type: 'scale', label: 'd', min: 5, max: 2 },
        { key: 'e', type: 'single', label: 'e', options: ['Oui', ' oui '] },
        { key: 'f', type: 'text', label: 'f', options: ['a', 'b'] },
        { key: 'note', type: 'text', label: 'g' },
        { key: 'pertinence', type: 'scale', max: 5 },
      ],
    })
    expect(codes(errors)).toEqual([
      'questions.0.key:key_format',
      'questions.1.options:options_count',
      'questions.2.key:key_duplicate',
      'questions.3.type:type_unknown',
      'questions.4.label:label_required',
      'questions.5.max:scale_range',
      'questions.6.options:option_duplicate',
      'questions.7.options:options_not_allowed',
      'questions.8.key:key_reserved',
      'questions.9.max:criterion_scale',
    ])
    expect(errors[2]!.params).toEqual({ n: 3, key: 'a' })
  })

  it('says what each kind needs', () => {
    expect(codes(validateDefinition('survey', { questions: [] }))).toEqual(['questions:survey_empty'])
    expect(codes(validateDefinition('prestation_evaluation', { questions: [{ key: 'pertinence', type: 'scale' }] }))).toEqual(['questions:criteria_missing'])
    expect(codes(validateDefinition('document_review', {}))).toEqual(['document.text:review_needs_text'])
    expect(codes(validateDefinition('meeting', {}))).toEqual(['meeting:meeting_missing'])
    expect(codes(validateDefinition('survey', { questions: [{ key: 'a', type: 'text', label: 'A' }], document: { text: 'x' } }))).toEqual(['document:document_not_allowed'])
  })

  it('checks the meeting: an offset on the time, an end after the start, a place', () => {
    expect(codes(validateDefinition('meeting', { meeting: { starts_at: '2027-03-02 14:00', place: '' } })))
      .toEqual(['meeting.starts_at:meeting_start', 'meeting.place:meeting_place'])
    expect(codes(validateDefinition('meeting', { meeting: { starts_at: '2027-03-02T14:00+01:00', ends_at: '2027-03-02T13:00+01:00', place: 'Salle', agenda: [''] } })))
      .toEqual(['meeting.ends_at:meeting_end', 'meeting.agenda:meeting_agenda'])
  })

  it('refuses what is not a definition', () => {
    expect(codes(validateDefinition('survey', null))).toEqual(['definition:definition_object'])
    expect(codes(validateDefinition('survey', { questions: [], extra: 1 }))).toEqual(['definition:definition_unknown_part'])
    expect(codes(validateDefinition('survey', { questions: 'q' }))).toEqual(['questions:questions_list', 'questions:survey_empty'])
    expect(codes(validateDefinition('survey', { questions: Array.from({ length: 31 }, (_, i) => ({ key: `q${i}`, type: 'text', label: 'x' })) })))
      .toEqual(['questions:questions_too_many', 'questions:survey_empty'])
  })
})

describe('reading stored definitions leniently', () => {
  it('keeps what it understands, defaults scales to 1–4', () => {
    expect(parseDefinition({
      questions: [{ key: 'clarte', type: 'scale', label: 'Clair ?' }, { key: 'x', type: 'weird' }, 'junk'],
      meeting: { starts_at: '2027-03-02T14:00:00+01:00' },
      other: true,
    })).toEqual({
      questions: [{ key: 'clarte', type: 'scale', label: 'Clair ?', min: 1, max: 4 }],
      meeting: { starts_at: '2027-03-02T14:00:00+01:00', place: '' },
    })
    expect(parseDefinition('nope')).toEqual({})
  })
})

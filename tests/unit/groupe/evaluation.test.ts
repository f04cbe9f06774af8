import type { Answers } from '@/domain/evaluation'
import { describe, expect, it } from 'vitest'
import { cleanAnswers, countAnswers, missingRequired, parseResults, passagesOf, summarize, summarizeChoice, summarizeScale, withPassages } from '@/domain/evaluation'
import { criteriaQuestions } from '@/domain/survey'

describe('passages of a document review in flat answers', () => {
  it('round-trips, renumbering and dropping empty passages', () => {
    const answers = withPassages({ approve: false, passage_9_quote: 'old' }, [
      { quote: ' Vous êtes convoqué(e) ', comment: 'Fait peur.', wording: 'Nous vous invitons' },
      { quote: '', comment: '', wording: '' },
      { quote: 'Pièces à fournir', comment: 'Lesquelles ?', wording: '' },
    ])
    expect(answers).toEqual({
      approve: false,
      passage_1_quote: 'Vous êtes convoqué(e)',
      passage_1_comment: 'Fait peur.',
      passage_1_wording: 'Nous vous invitons',
      passage_2_quote: 'Pièces à fournir',
      passage_2_comment: 'Lesquelles ?',
    })
    expect(passagesOf(answers)).toEqual([
      { quote: 'Vous êtes convoqué(e)', comment: 'Fait peur.', wording: 'Nous vous invitons' },
      { quote: 'Pièces à fournir', comment: 'Lesquelles ?', wording: '' },
    ])
  })

  it('orders passages numerically (10 after 9)', () => {
    expect(passagesOf({ passage_10_comment: 'b', passage_9_comment: 'a' }).map(p => p.comment)).toEqual(['a', 'b'])
  })
})

describe('answers before sending', () => {
  it('drops empty answers and trims text', () => {
    expect(cleanAnswers({ a: '  ', b: ' oui ', c: [], d: ['x'], e: null, f: 0, g: false })).toEqual({ b: 'oui', d: ['x'], f: 0, g: false })
  })

  it('lists required questions left unanswered', () => {
    const def = { questions: [{ key: 'a', type: 'text' as const, label: 'A', required: true }, { key: 'b', type: 'multiple' as const, label: 'B', options: ['x', 'y'], required: true }, { key: 'c', type: 'text' as const, label: 'C' }] }
    expect(missingRequired(def, { a: ' ', b: [] })).toEqual(['a', 'b'])
    expect(missingRequired(def, { a: 'ok', b: ['x'] })).toEqual([])
  })
})

describe('scoring aggregation', () => {
  const definition = {
    questions: [
      ...criteriaQuestions(),
      { key: 'format', type: 'multiple' as const, label: 'Ce qui a aidé', options: ['Petits groupes', 'Horaires', 'Formateur'] },
      { key: 'duree', type: 'single' as const, label: 'Durée', options: ['Trop courte', 'Bien', 'Trop longue'] },
      { key: 'idee', type: 'text' as const, label: 'Idée' },
    ],
  }
  const answers: Answers[] = [
    { pertinence: 4, impact: 3, format: ['Petits groupes', 'Horaires'], duree: 'Trop courte', comment: 'Très utile.', idee: 'Plus long' },
    { pertinence: 3, impact: 3, format: ['Horaires'], duree: 'Bien', approve: true },
    { pertinence: 4, impact: null, approve: false },
  ]

  it('counts like the server: numbers, yes/no, choices — never free text', () => {
    expect(countAnswers(definition, answers)).toEqual({
      pertinence: { 3: 1, 4: 2 },
      impact: { 3: 2 },
      format: { 'Petits groupes': 1, 'Horaires': 2 },
      duree: { 'Trop courte': 1, 'Bien': 1 },
      approve: { true: 1, false: 1 },
    })
  })

  it('summarises a 1–4 scale with every step, the mean, the median and who gave no answer', () => {
    expect(summarizeScale('pertinence', { 3: 1, 4: 2 }, 3)).toEqual({
      key: 'pertinence',
      kind: 'scale',
      answered: 3,
      noAnswer: 0,
      bars: [
        { value: '1', count: 0, share: 0 },
        { value: '2', count: 0, share: 0 },
        { value: '3', count: 1, share: 1 / 3 },
        { value: '4', count: 2, share: 2 / 3 },
      ],
      mean: 3.7,
      median: 4,
    })
    const impact = summarizeScale('impact', { 3: 2 }, 3)
    expect([impact.answered, impact.noAnswer, impact.mean, impact.median]).toEqual([2, 1, 3, 3])
    const none = summarizeScale('coherence', {}, 3)
    expect([none.answered, none.noAnswer, none.mean, none.median]).toEqual([0, 3, null, null])
  })

  it('takes the lower middle as median for an even number of answers', () => {
    expect(summarizeScale('x', { 1: 1, 2: 1, 3: 1, 4: 1 }, 4).median).toBe(2)
    expect(summarizeScale('x', { 1: 1, 4: 1 }, 2).mean).toBe(2.5)
  })

  it('keeps the options in order, then unexpected values; shares of multiple choice are of respondents', () => {
    const single = summarizeChoice('duree', { 'Bien': 1, 'Trop courte': 1, 'Autre': 1 }, 4, ['Trop courte', 'Bien', 'Trop longue'])
    expect(single.bars.map(b => [b.value, b.count, b.share])).toEqual([['Trop courte', 1, 1 / 3], ['Bien', 1, 1 / 3], ['Trop longue', 0, 0], ['Autre', 1, 1 / 3]])
    expect([single.answered, single.noAnswer]).toEqual([3, 1])
    const multiple = summarizeChoice('format', { 'Petits groupes': 1, 'Horaires': 2 }, 3, ['Petits groupes', 'Horaires', 'Formateur'], true)
    expect(multiple.bars.map(b => b.share)).toEqual([1 / 3, 2 / 3, 0])
    expect([multiple.answered, multiple.noAnswer]).toEqual([null, null])
  })

  it('summarises the whole consultation in order: criteria, other questions, then approvals', () => {
    const results = { respondents: 3, hidden: false, counts: countAnswers(definition, answers) }
    const summary = summarize(definition, results)
    expect(summary.map(s => s.key)).toEqual(['pertinence', 'coherence', 'effectivite', 'efficacite', 'efficience', 'impact', 'format', 'duree', 'approve'])
    expect(summary.at(-1)!.bars.map(b => [b.value, b.count])).toEqual([['true', 1], ['false', 1]])
  })

  it('reads the server answer defensively', () => {
    expect(parseResults({ respondents: 2, hidden: true, counts: {} })).toEqual({ respondents: 2, hidden: true, counts: {} })
    expect(parseResults({ respondents: 3, counts: { a: { 1: 2, 2: -1, 3: 'x' }, b: 'junk' } })).toEqual({ respondents: 3, hidden: false, counts: { a: { 1: 2 } } })
    expect(parseResults(null)).toEqual({ respondents: 0, hidden: false, counts: {} })
  })
})

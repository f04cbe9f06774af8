import { effectScope, nextTick } from 'vue'
import { describe, expect, it } from 'vitest'
import { useReadAloud } from '@/composables/useReadAloud'
import { createSpeechReader, pickVoice, splitIntoChunks } from '@/services/speech'
import { FakeSynth, makeUtterance, VOICES } from './fakeSpeech'

const flush = () => new Promise(resolve => setTimeout(resolve, 0))

describe('splitIntoChunks', () => {
  it('cuts text into sentences and lines', () => {
    expect(splitIntoChunks('Le RSA aide. Il est versé par la CAF !\nQui vous aide ?\n\nVotre référent.'))
      .toEqual(['Le RSA aide.', 'Il est versé par la CAF !', 'Qui vous aide ?', 'Votre référent.'])
  })

  it('cuts Arabic sentences on the Arabic question mark', () => {
    expect(splitIntoChunks('من يدفع RSA؟ يدفعه الصندوق.')).toEqual(['من يدفع RSA؟', 'يدفعه الصندوق.'])
  })

  it('keeps every piece under the limit, cutting at commas then spaces', () => {
    const long = `${'un mot, '.repeat(40)}fin.`
    const chunks = splitIntoChunks(long, 50)
    expect(chunks.every(c => c.length <= 50)).toBe(true)
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(long.trim())
    expect(splitIntoChunks('x'.repeat(120), 50).map(c => c.length)).toEqual([50, 50, 20])
  })
})

describe('pickVoice', () => {
  it('prefers a voice of the device in the main region', () => {
    expect(pickVoice(VOICES, 'fr')?.name).toBe('Thomas')
  })

  it('matches the language prefix, whatever the tag spelling', () => {
    expect(pickVoice([{ name: 'Maged', lang: 'ar_SA' }], 'ar')?.name).toBe('Maged')
    expect(pickVoice(VOICES, 'en-GB')?.name).toBe('Samantha')
  })

  it('finds nothing for a language without voices, and never a look-alike tag', () => {
    expect(pickVoice(VOICES, 'ar')).toBeNull()
    expect(pickVoice([{ name: 'x', lang: 'frr-DE' }], 'fr')).toBeNull()
  })
})

describe('speech reader', () => {
  it('is unsupported without speechSynthesis', async () => {
    const reader = createSpeechReader(null)
    expect(reader.state).toBe('unsupported')
    expect(await reader.speak('Bonjour.', 'fr')).toBe('unsupported')
    expect(await reader.availability('fr')).toBe('unsupported')
  })

  it('waits for the voices to load, then speaks in the language of the text', async () => {
    const synth = new FakeSynth()
    const reader = createSpeechReader(synth, { makeUtterance })
    const started = reader.speak('Bonjour. Au revoir.', 'fr', 'rsa')
    expect(reader.state).toBe('loading')
    synth.loadVoices(VOICES)
    expect(await started).toBe('speaking')
    expect(reader.key).toBe('rsa')
    expect(synth.current).toMatchObject({ text: 'Bonjour.', lang: 'fr-FR', voice: { name: 'Thomas' } })
  })

  it('reads the sentences one after the other, then goes idle', async () => {
    const synth = new FakeSynth(VOICES)
    const reader = createSpeechReader(synth, { makeUtterance })
    await reader.speak('Un. Deux. Trois.', 'fr')
    synth.finish()
    synth.finish()
    expect(reader.state).toBe('speaking')
    synth.finish()
    expect(synth.texts).toEqual(['Un.', 'Deux.', 'Trois.'])
    expect(reader.state).toBe('idle')
    expect(reader.key).toBeNull()
  })

  it('reports no voice when none loads, or none speaks the language', async () => {
    const empty = createSpeechReader(new FakeSynth(), { makeUtterance, voicesTimeoutMs: 5 })
    expect(await empty.speak('Bonjour.', 'fr')).toBe('no_voice')
    const noArabic = createSpeechReader(new FakeSynth(VOICES), { makeUtterance })
    expect(await noArabic.speak('مرحبا.', 'ar')).toBe('no_voice')
    expect(await noArabic.availability('ar')).toBe('no_voice')
    expect(await noArabic.availability('fr')).toBe('ok')
  })

  it('pauses by cancelling, and resumes at the start of the sentence', async () => {
    const synth = new FakeSynth(VOICES)
    const reader = createSpeechReader(synth, { makeUtterance })
    await reader.speak('Un. Deux. Trois.', 'fr')
    synth.finish()
    reader.pause()
    expect(reader.state).toBe('paused')
    expect(synth.current).toBeNull()
    reader.resume()
    expect(reader.state).toBe('speaking')
    expect(synth.texts).toEqual(['Un.', 'Deux.', 'Deux.'])
    synth.finish()
    synth.finish()
    expect(reader.state).toBe('idle')
  })

  it('ignores the events of utterances it stopped', async () => {
    const synth = new FakeSynth(VOICES)
    const reader = createSpeechReader(synth, { makeUtterance })
    await reader.speak('Un. Deux.', 'fr')
    const first = synth.current!
    reader.stop()
    expect(reader.state).toBe('idle')
    first.onend?.({})
    expect(synth.texts).toEqual(['Un.'])
    expect(reader.state).toBe('idle')
  })

  it('shows an error when the synthesizer fails', async () => {
    const synth = new FakeSynth(VOICES)
    const reader = createSpeechReader(synth, { makeUtterance })
    await reader.speak('Un. Deux.', 'fr')
    synth.fail('synthesis-failed')
    expect(reader.state).toBe('error')
  })

  it('speaks Markdown as plain text', async () => {
    const synth = new FakeSynth(VOICES)
    const reader = createSpeechReader(synth, { makeUtterance })
    await reader.speakMarkdown('### Qui paie ?\n\nLa **CAF** verse le RSA. Voir [les structures](/structures).', 'fr')
    while (synth.current)
      synth.finish()
    expect(synth.texts).toEqual(['Qui paie ?', 'La CAF verse le RSA.', 'Voir les structures.'])
  })
})

describe('useReadAloud', () => {
  it('gives each content its own state on a shared voice, and stops when its owner goes away', async () => {
    const synth = new FakeSynth(VOICES)
    const reader = createSpeechReader(synth, { makeUtterance })
    const scopeA = effectScope()
    const scopeB = effectScope()
    const a = scopeA.run(() => useReadAloud(reader))!
    const b = scopeB.run(() => useReadAloud(reader))!

    await a.toggle('Un. Deux.', 'fr')
    expect(a.state.value).toBe('speaking')
    expect(a.active.value).toBe(true)
    expect(b.state.value).toBe('idle')

    await a.toggle('Un. Deux.', 'fr')
    expect(a.state.value).toBe('paused')
    await a.toggle('Un. Deux.', 'fr')
    expect(a.state.value).toBe('speaking')

    // B starts: A's reading stops, and B's stop/pause never touch A.
    await b.play('Trois.', 'fr')
    expect(a.state.value).toBe('idle')
    expect(b.state.value).toBe('speaking')
    a.stop()
    expect(b.state.value).toBe('speaking')

    scopeB.stop()
    await nextTick()
    expect(reader.state).toBe('idle')
    scopeA.stop()
  })

  it('finds out beforehand that a language cannot be read', async () => {
    const reader = createSpeechReader(new FakeSynth(VOICES), { makeUtterance })
    const scope = effectScope()
    const r = scope.run(() => useReadAloud(reader))!
    await r.check('ar')
    expect(r.state.value).toBe('no_voice')
    await r.check('fr')
    expect(r.state.value).toBe('idle')
    scope.stop()
  })

  it('says unsupported everywhere when the browser has no speech synthesis', async () => {
    const scope = effectScope()
    const r = scope.run(() => useReadAloud(createSpeechReader(null)))!
    expect(r.state.value).toBe('unsupported')
    await flush()
    scope.stop()
  })
})

// Read-aloud through the Web Speech API (speechSynthesis), for readers who read
// little. The synthesizer is a parameter (window.speechSynthesis by default) so
// tests drive a fake one.
//
// Browser facts this works around:
// - voices load asynchronously: getVoices() is often [] until `voiceschanged`;
// - Chrome silently stops an utterance after about 15 seconds, so text is spoken
//   sentence by sentence, one utterance at a time;
// - pause()/resume() are unreliable (ignored on Android, paused utterances dropped
//   on desktop Chrome), so pausing cancels and resuming restarts the sentence.
import { markdownToPlainText } from '@/domain/bookletMarkdown'

export type SpeechState = 'idle' | 'loading' | 'speaking' | 'paused' | 'unsupported' | 'no_voice' | 'error'

export interface VoiceLike {
  lang: string
  name: string
  default?: boolean
  /** Voices of the device itself keep working offline. */
  localService?: boolean
}

export interface UtteranceLike {
  text: string
  lang: string
  voice: VoiceLike | null
  rate: number
  onend: ((event: unknown) => void) | null
  onerror: ((event: { error?: string }) => void) | null
}

export interface SynthesizerLike {
  speak(utterance: UtteranceLike): void
  cancel(): void
  getVoices(): VoiceLike[]
  addEventListener?(type: 'voiceschanged', listener: () => void): void
  removeEventListener?(type: 'voiceschanged', listener: () => void): void
}

export interface SpeechReaderOptions {
  makeUtterance?: (text: string) => UtteranceLike
  /** How long to wait for the voice list before concluding there is none (ms). */
  voicesTimeoutMs?: number
  /** Longest piece of text given to one utterance (characters). */
  maxChunkLength?: number
  /** Speaking rate; slightly slower than default helps comprehension. */
  rate?: number
}

export interface SpeechReader {
  readonly state: SpeechState
  /** Which content is being read (set by the caller), null when idle. */
  readonly key: string | null
  /** Called on every change of state or key. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  speak(text: string, lang: string, key?: string): Promise<SpeechState>
  speakMarkdown(markdown: string, lang: string, key?: string): Promise<SpeechState>
  pause(): void
  resume(): void
  stop(): void
  /** Whether this device can read a language aloud, without speaking. */
  availability(lang: string): Promise<'ok' | 'unsupported' | 'no_voice'>
}

// ---------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------

function normTag(tag: string): string {
  return tag.toLowerCase().replace(/_/g, '-')
}

/**
 * The best voice for a language ("fr", "ar", "en-GB"): its tag must start with
 * the language. Preferred: voices of the device (they work offline), then the
 * main region of the language (fr-FR), then the system default.
 */
export function pickVoice(voices: readonly VoiceLike[], lang: string): VoiceLike | null {
  const wanted = normTag(lang)
  const base = wanted.split('-')[0]!
  const candidates = voices.filter((v) => {
    const tag = normTag(v.lang ?? '')
    return tag === wanted || tag.startsWith(`${wanted}-`) || (wanted !== base && (tag === base || tag.startsWith(`${base}-`)))
  })
  const score = (v: VoiceLike) => {
    const tag = normTag(v.lang)
    return (v.localService ? 8 : 0) + (tag === wanted ? 4 : 0) + (tag === `${base}-${base}` ? 2 : 0) + (v.default ? 1 : 0)
  }
  return candidates.reduce<VoiceLike | null>((best, v) => (!best || score(v) > score(best) ? v : best), null)
}

function splitLong(sentence: string, max: number): string[] {
  if (sentence.length <= max)
    return [sentence]
  const pieces: string[] = []
  let rest = sentence
  while (rest.length > max) {
    const window = rest.slice(0, max)
    // Prefer a comma (Latin or Arabic) or semicolon, then a space.
    let cut = Math.max(window.lastIndexOf(', '), window.lastIndexOf('، '), window.lastIndexOf('; '))
    cut = cut > max / 3 ? cut + 1 : window.lastIndexOf(' ')
    if (cut <= 0)
      cut = max
    pieces.push(rest.slice(0, cut).trim())
    rest = rest.slice(cut).trim()
  }
  if (rest)
    pieces.push(rest)
  return pieces
}

/** Splits plain text into sentence-sized pieces, one per utterance; a line break ends a piece. */
export function splitIntoChunks(text: string, max = 200): string[] {
  const chunks: string[] = []
  for (const line of text.split(/\n+/)) {
    const sentences = line.trim().split(/(?<=[.!?؟…])\s+/u)
    for (const sentence of sentences) {
      const s = sentence.trim()
      if (s)
        chunks.push(...splitLong(s, max))
    }
  }
  return chunks
}

/** The voice list, waiting for `voiceschanged` when it is still empty. */
export function waitForVoices(synth: SynthesizerLike, timeoutMs: number): Promise<VoiceLike[]> {
  const now = synth.getVoices()
  if (now.length || !synth.addEventListener)
    return Promise.resolve(now)
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      synth.removeEventListener?.('voiceschanged', done)
      resolve(synth.getVoices())
    }
    const timer = setTimeout(done, timeoutMs)
    synth.addEventListener!('voiceschanged', done)
  })
}

function defaultSynthesizer(): SynthesizerLike | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window
    ? window.speechSynthesis as unknown as SynthesizerLike
    : null
}

function defaultUtterance(text: string): UtteranceLike {
  return new SpeechSynthesisUtterance(text) as unknown as UtteranceLike
}

// ---------------------------------------------------------------------------
// The reader
// ---------------------------------------------------------------------------

export function createSpeechReader(
  synth: SynthesizerLike | null | undefined = defaultSynthesizer(),
  options: SpeechReaderOptions = {},
): SpeechReader {
  const makeUtterance = options.makeUtterance ?? defaultUtterance
  const timeout = options.voicesTimeoutMs ?? 2000
  const max = options.maxChunkLength ?? 200
  const rate = options.rate ?? 0.9

  let state: SpeechState = synth ? 'idle' : 'unsupported'
  let key: string | null = null
  let chunks: string[] = []
  let index = 0
  let voice: VoiceLike | null = null
  // Chrome may garbage-collect an utterance nobody references, and then never
  // fire its `end` event: the reading would stop after the first sentence.
  const alive = new Set<UtteranceLike>()
  // Every start, pause or stop bumps the generation; events of older utterances are ignored.
  let generation = 0
  const listeners = new Set<() => void>()

  function set(next: SpeechState, nextKey: string | null = key) {
    if (next === state && nextKey === key)
      return
    state = next
    key = nextKey
    for (const listener of [...listeners])
      listener()
  }

  function speakCurrent(gen: number) {
    const utterance = makeUtterance(chunks[index]!)
    utterance.lang = voice!.lang
    utterance.voice = voice
    utterance.rate = rate
    utterance.onend = () => {
      if (gen !== generation)
        return
      index++
      if (index < chunks.length)
        speakCurrent(gen)
      else
        set('idle', null)
    }
    utterance.onerror = (event) => {
      if (gen !== generation || event.error === 'interrupted' || event.error === 'canceled')
        return
      generation++
      set('error')
    }
    alive.clear()
    alive.add(utterance)
    synth!.speak(utterance)
  }

  async function speak(text: string, lang: string, nextKey = 'default'): Promise<SpeechState> {
    if (!synth)
      return state
    const gen = ++generation
    synth.cancel()
    set('loading', nextKey)
    const voices = await waitForVoices(synth, timeout)
    if (gen !== generation)
      return state
    voice = pickVoice(voices, lang)
    if (!voice) {
      set('no_voice')
      return state
    }
    chunks = splitIntoChunks(text, max)
    index = 0
    if (!chunks.length) {
      set('idle', null)
      return state
    }
    set('speaking')
    speakCurrent(gen)
    return state
  }

  return {
    get state() { return state },
    get key() { return key },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    speak,
    speakMarkdown: (markdown, lang, nextKey) => speak(markdownToPlainText(markdown), lang, nextKey),
    pause() {
      if (state !== 'speaking' || !synth)
        return
      generation++
      synth.cancel()
      set('paused')
    },
    resume() {
      if (state !== 'paused' || !synth)
        return
      const gen = ++generation
      set('speaking')
      speakCurrent(gen)
    },
    stop() {
      if (!synth)
        return
      generation++
      synth.cancel()
      chunks = []
      index = 0
      alive.clear()
      set('idle', null)
    },
    async availability(lang) {
      if (!synth)
        return 'unsupported'
      return pickVoice(await waitForVoices(synth, timeout), lang) ? 'ok' : 'no_voice'
    },
  }
}

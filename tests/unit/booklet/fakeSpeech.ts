// A stand-in for window.speechSynthesis that behaves like Chrome's: voices
// arrive later through `voiceschanged`, cancel() fires `interrupted` on the
// utterance being spoken, and the test decides when an utterance ends.
import type { SynthesizerLike, UtteranceLike, VoiceLike } from '@/services/speech'

export class FakeSynth implements SynthesizerLike {
  voices: VoiceLike[] = []
  spoken: UtteranceLike[] = []
  current: UtteranceLike | null = null
  cancels = 0
  private listeners = new Set<() => void>()

  constructor(voices: VoiceLike[] = []) {
    this.voices = voices
  }

  speak(utterance: UtteranceLike) {
    this.spoken.push(utterance)
    this.current = utterance
  }

  cancel() {
    this.cancels++
    const u = this.current
    this.current = null
    u?.onerror?.({ error: 'interrupted' })
  }

  getVoices() {
    return this.voices
  }

  addEventListener(_type: 'voiceschanged', listener: () => void) {
    this.listeners.add(listener)
  }

  removeEventListener(_type: 'voiceschanged', listener: () => void) {
    this.listeners.delete(listener)
  }

  /** The browser finished loading its voices. */
  loadVoices(voices: VoiceLike[]) {
    this.voices = voices
    for (const l of [...this.listeners])
      l()
  }

  /** The utterance being spoken reaches its end. */
  finish() {
    const u = this.current
    this.current = null
    u?.onend?.({})
  }

  fail(error: string) {
    const u = this.current
    this.current = null
    u?.onerror?.({ error })
  }

  get texts() {
    return this.spoken.map(u => u.text)
  }
}

export const makeUtterance = (text: string): UtteranceLike => ({ text, lang: '', voice: null, rate: 1, onend: null, onerror: null })

export const VOICES: VoiceLike[] = [
  { name: 'Google français', lang: 'fr-FR', localService: false },
  { name: 'Thomas', lang: 'fr-FR', localService: true },
  { name: 'Amélie', lang: 'fr-CA', localService: true },
  { name: 'Samantha', lang: 'en-US', localService: true, default: true },
]

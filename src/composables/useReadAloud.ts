// Read-aloud for one piece of content (a booklet section). The device has one
// voice: every caller shares a reader, and a caller only sees itself as
// speaking when the content being read is its own.
import type { InjectionKey, Ref } from 'vue'
import type { SpeechReader, SpeechState } from '@/services/speech'
import { computed, getCurrentScope, hasInjectionContext, inject, onScopeDispose, ref } from 'vue'
import { createSpeechReader } from '@/services/speech'

/** Provide a reader (tests, or a custom synthesizer) to every useReadAloud below. */
export const SPEECH_READER: InjectionKey<SpeechReader> = Symbol('speech-reader')

let shared: SpeechReader | null = null

export function sharedSpeechReader(): SpeechReader {
  shared ??= createSpeechReader()
  return shared
}

let counter = 0

export interface ReadAloud {
  /** This content's state: another content being read counts as 'idle' here. */
  state: Readonly<Ref<SpeechState>>
  /** Speaking, paused or preparing. */
  active: Readonly<Ref<boolean>>
  play: (markdown: string, lang: string) => Promise<void>
  pause: () => void
  resume: () => void
  stop: () => void
  /** Play, pause or resume, as one button does. */
  toggle: (markdown: string, lang: string) => Promise<void>
  /** Finds out, without speaking, whether the language can be read here (sets 'unsupported' / 'no_voice'). */
  check: (lang: string) => Promise<void>
}

export function useReadAloud(reader?: SpeechReader): ReadAloud {
  const speech = reader ?? (hasInjectionContext() ? inject(SPEECH_READER, null) : null) ?? sharedSpeechReader()
  const key = `read-aloud-${++counter}`
  // Result of check(): shown until this content is played.
  const availability = ref<'unsupported' | 'no_voice' | null>(null)
  const tick = ref(0)
  const unsubscribe = speech.subscribe(() => tick.value++)

  const state = computed<SpeechState>(() => {
    void tick.value
    if (speech.state === 'unsupported')
      return 'unsupported'
    if (speech.key === key)
      return speech.state
    return availability.value ?? 'idle'
  })
  const active = computed(() => ['speaking', 'paused', 'loading'].includes(state.value))

  async function play(markdown: string, lang: string) {
    availability.value = null
    await speech.speakMarkdown(markdown, lang, key)
  }
  function pause() {
    if (speech.key === key)
      speech.pause()
  }
  function resume() {
    if (speech.key === key)
      speech.resume()
  }
  function stop() {
    if (speech.key === key)
      speech.stop()
  }
  async function toggle(markdown: string, lang: string) {
    if (state.value === 'speaking')
      pause()
    else if (state.value === 'paused')
      resume()
    else if (state.value !== 'loading')
      await play(markdown, lang)
  }
  async function check(lang: string) {
    const result = await speech.availability(lang)
    availability.value = result === 'ok' ? null : result
  }

  // A component that goes away stops its own reading (leaving the page stops the voice).
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop()
      unsubscribe()
    })
  }

  return { state, active, play, pause, resume, stop, toggle, check }
}

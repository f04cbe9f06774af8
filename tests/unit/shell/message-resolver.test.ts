/**
 * How a key finds its message: split on dots, walking the plain objects under
 * vue-i18n's reactive store — and a screen on display still re-renders when
 * its language's words arrive.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, reactive } from 'vue'
import { createI18n, useI18n } from 'vue-i18n'
import { resolveMessage } from '@/modules/i18n'

describe('message resolver', () => {
  const greet = () => 'bonjour'
  const messages = { app: { name: 'Repères', nav: { home: 'Accueil' }, greet }, list: ['a', 'b'] }

  it('finds a message by its dotted key, through a reactive store as in plain objects', () => {
    for (const store of [messages, reactive(messages)]) {
      expect(resolveMessage(store, 'app.name')).toBe('Repères')
      expect(resolveMessage(store, 'app.nav.home')).toBe('Accueil')
      expect(resolveMessage(store, 'app.greet')).toBe(greet)
      expect(resolveMessage(store, 'list.1')).toBe('b')
    }
    // A namespace comes back as the plain object, not a reactive view of it.
    expect(resolveMessage(reactive(messages), 'app.nav')).toBe(messages.app.nav)
  })

  it('answers null for what is not a message of the store', () => {
    for (const key of ['app.missing', 'missing.name', 'app.name.length', 'app.greet.name', 'app.constructor', '__proto__.polluted', 'toString', '', 'app.'])
      expect(resolveMessage(messages, key), key).toBeNull()
    expect(resolveMessage(null, 'app.name')).toBeNull()
    expect(resolveMessage('text', 'length')).toBeNull()
  })

  it('re-renders a screen when its language\'s words are replaced', async () => {
    // Message functions, as the build precompiles them.
    const name = () => 'Repères'
    const i18n = createI18n({ legacy: false, locale: 'fr', messageResolver: resolveMessage, missingWarn: false, fallbackWarn: false, messages: { fr: { app: { name } } } })
    const Screen = defineComponent({ setup: () => {
      const { t } = useI18n()
      return () => h('p', `${t('app.name')} · ${t('booklet.title')}`)
    } })
    const wrapper = mount(Screen, { global: { plugins: [i18n] } })
    expect(wrapper.text()).toBe('Repères · booklet.title')
    i18n.global.setLocaleMessage('fr', { app: { name }, booklet: { title: () => 'Livret d’accueil' } })
    await nextTick()
    expect(wrapper.text()).toBe('Repères · Livret d’accueil')
  })
})

import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import CommonAlert from '@/components/common/CommonAlert.vue'
import CommonField from '@/components/common/CommonField.vue'
import { i18n } from '@/modules/i18n'

describe('CommonField', () => {
  it('ties the label, hint and error to the input for assistive technologies', async () => {
    const wrapper = mount(CommonField, {
      props: { label: 'Prénom', hint: 'Ou un surnom', error: 'Trop long', required: true },
      global: { plugins: [i18n] },
    })
    const input = wrapper.find('input')
    expect(wrapper.find('label').attributes('for')).toBe(input.attributes('id'))
    expect(input.attributes('aria-invalid')).toBe('true')
    const described = input.attributes('aria-describedby')!.split(' ')
    expect(described).toHaveLength(2)
    for (const id of described)
      expect(wrapper.find(`#${id}`).exists()).toBe(true)
    expect(wrapper.find('[role="alert"]').text()).toBe('Trop long')
  })

  it('updates its v-model', async () => {
    const wrapper = mount(CommonField, {
      props: { 'label': 'Note', 'multiline': true, 'modelValue': '', 'onUpdate:modelValue': (v: string) => wrapper.setProps({ modelValue: v }) },
      global: { plugins: [i18n] },
    })
    await wrapper.find('textarea').setValue('Bonjour')
    expect(wrapper.props('modelValue')).toBe('Bonjour')
  })
})

describe('CommonAlert', () => {
  it('announces danger as an alert and info as a status only when live', () => {
    expect(mount(CommonAlert, { props: { tone: 'danger', live: true } }).attributes('role')).toBe('alert')
    expect(mount(CommonAlert, { props: { tone: 'info', live: true } }).attributes('role')).toBe('status')
    expect(mount(CommonAlert, { props: { tone: 'info' } }).attributes('role')).toBeUndefined()
  })
})

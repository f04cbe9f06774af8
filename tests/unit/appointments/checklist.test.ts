import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { CHECKLIST_STORAGE_KEY, documentKey, useDocumentChecklist } from '@/composables/useDocumentChecklist'

describe('the documents checklist', () => {
  it('keeps ticks on the device, per user, without the documents\' wording', async () => {
    localStorage.clear()
    const user = ref<string | null>('u1')
    const scope = effectScope()
    const list = scope.run(() => useDocumentChecklist(user))!
    list.toggle('a1', 'Attestation CAF', true)
    list.toggle('a1', 'Pièce d’identité', true)
    list.toggle('a1', 'Pièce d’identité', false)
    expect(list.isChecked('a1', 'Attestation CAF')).toBe(true)
    expect(list.isChecked('a1', 'Pièce d’identité')).toBe(false)
    expect(localStorage.getItem(CHECKLIST_STORAGE_KEY)).not.toContain('CAF')
    expect(localStorage.getItem(CHECKLIST_STORAGE_KEY)).toContain(documentKey('Attestation CAF'))

    // Another user on the same phone sees none of it.
    user.value = 'u2'
    await nextTick()
    expect(list.isChecked('a1', 'Attestation CAF')).toBe(false)
    user.value = 'u1'
    await nextTick()
    expect(list.isChecked('a1', 'Attestation CAF')).toBe(true)

    list.keepOnly([])
    expect(list.isChecked('a1', 'Attestation CAF')).toBe(false)
    scope.stop()
  })
})

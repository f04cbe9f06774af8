// The "documents to bring" checklist: what the person already put in their
// bag, kept on this device only (it is nobody else's business and needs no
// network). Stored per user; documents are remembered by a short hash of
// their wording, not the wording itself, and the list of a different user
// is dropped as soon as it is read.
import type { MaybeRefOrGetter } from 'vue'
import { ref, toValue, watch } from 'vue'

export const CHECKLIST_STORAGE_KEY = 'reperes.appointments.checklist'

interface Stored {
  user: string
  items: Record<string, string[]>
}

/** A short, stable fingerprint of a document's wording (FNV-1a, 32 bits). */
export function documentKey(text: string): string {
  let h = 0x811C9DC5
  for (const ch of text.trim().toLowerCase()) {
    h ^= ch.codePointAt(0)!
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(36)
}

function read(user: string): Record<string, string[]> {
  try {
    const value = JSON.parse(localStorage.getItem(CHECKLIST_STORAGE_KEY) ?? 'null') as Stored | null
    return value && value.user === user && typeof value.items === 'object' ? value.items : {}
  }
  catch {
    return {}
  }
}

export function useDocumentChecklist(userId: MaybeRefOrGetter<string | null>) {
  const items = ref<Record<string, string[]>>({})

  watch(() => toValue(userId), (user) => {
    items.value = user ? read(user) : {}
  }, { immediate: true })

  function save() {
    const user = toValue(userId)
    if (user)
      localStorage.setItem(CHECKLIST_STORAGE_KEY, JSON.stringify({ user, items: items.value } satisfies Stored))
  }

  function isChecked(appointmentId: string, document: string): boolean {
    return items.value[appointmentId]?.includes(documentKey(document)) ?? false
  }

  function toggle(appointmentId: string, document: string, checked: boolean) {
    const key = documentKey(document)
    const current = (items.value[appointmentId] ?? []).filter(k => k !== key)
    items.value = { ...items.value, [appointmentId]: checked ? [...current, key] : current }
    save()
  }

  /** Forgets appointments that are gone or over. */
  function keepOnly(appointmentIds: readonly string[]) {
    const keep = new Set(appointmentIds)
    const entries = Object.entries(items.value).filter(([id, keys]) => keep.has(id) && keys.length > 0)
    if (entries.length !== Object.keys(items.value).length) {
      items.value = Object.fromEntries(entries)
      save()
    }
  }

  return { items, isChecked, toggle, keepOnly }
}

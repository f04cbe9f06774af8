import { onBeforeUnmount, onMounted, ref } from 'vue'

interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<void>
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

/**
 * Keeps the browser's `beforeinstallprompt` event so the app can offer its own
 * install button (only browsers that fire it get the button).
 */
export function useInstallPrompt() {
  const deferred = ref<BeforeInstallPromptEvent | null>(null)

  function onPrompt(event: Event) {
    event.preventDefault()
    deferred.value = event as BeforeInstallPromptEvent
  }
  function onInstalled() {
    deferred.value = null
  }

  onMounted(() => {
    window.addEventListener('beforeinstallprompt', onPrompt)
    window.addEventListener('appinstalled', onInstalled)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('beforeinstallprompt', onPrompt)
    window.removeEventListener('appinstalled', onInstalled)
  })

  async function install(): Promise<boolean> {
    const event = deferred.value
    if (!event)
      return false
    deferred.value = null
    await event.prompt()
    return (await event.userChoice).outcome === 'accepted'
  }

  return { canInstall: () => deferred.value !== null, deferred, install }
}

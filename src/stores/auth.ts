import type { Role } from '@/domain/roles'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

export interface Profile {
  id: string
  display_name: string | null
  preferred_locale: string | null
  roles: Role[]
}

/** The signed-in user's profile; roles decide which areas the shell shows. */
export const useAuthStore = defineStore('auth', () => {
  const profile = ref<Profile | null>(null)
  const roles = computed<Role[]>(() => profile.value?.roles ?? [])
  const isSignedIn = computed(() => profile.value !== null)

  function hasRole(role: Role): boolean {
    return roles.value.includes(role)
  }

  return { profile, roles, isSignedIn, hasRole }
})

import type { Role } from '@/domain/roles'

export interface NavItem {
  to: string
  labelKey: string
  /** SVG path (24×24 view box). */
  icon: string
  roles?: Role[]
}

/** The allocataire areas, always in the bottom navigation. */
export const MAIN_NAV: NavItem[] = [
  { to: '/', labelKey: 'nav.home', icon: 'M12 3 2 12h3v8h6v-6h2v6h6v-8h3z' },
  { to: '/livret', labelKey: 'nav.booklet', icon: 'M4 4h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H4zm16 0h-4a3 3 0 0 0-3 3v13a2 2 0 0 1 2-2h5z' },
  { to: '/rendez-vous', labelKey: 'nav.appointments', icon: 'M7 2v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H9V2zM5 9h14v11H5z' },
  { to: '/prestations', labelKey: 'nav.prestations', icon: 'M10 2h4a2 2 0 0 1 2 2v2h4a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4V4a2 2 0 0 1 2-2zm0 4h4V4h-4z' },
  { to: '/avis', labelKey: 'nav.feedback', icon: 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2z' },
]

/** Work areas, shown only to profiles holding one of the roles. */
export const STAFF_NAV: NavItem[] = [
  { to: '/groupe', labelKey: 'nav.groupe', icon: '', roles: ['groupe_ressource'] },
  { to: '/terrain', labelKey: 'nav.terrain', icon: '', roles: ['outreach'] },
  { to: '/suivi', labelKey: 'nav.suivi', icon: '', roles: ['referent'] },
  { to: '/admin', labelKey: 'nav.admin', icon: '', roles: ['coordinator'] },
]

export function visibleItems(items: NavItem[], roles: readonly Role[]): NavItem[] {
  return items.filter(item => !item.roles || item.roles.some(role => roles.includes(role)))
}

/** The sections of the back office, in the order of its navigation. */
export const ADMIN_SECTIONS = [
  { to: '/admin', labelKey: 'admin.nav.home', exact: true },
  { to: '/admin/indicateurs', labelKey: 'admin.nav.indicators' },
  { to: '/admin/avis', labelKey: 'admin.nav.feedback' },
  { to: '/admin/comptes', labelKey: 'admin.nav.accounts' },
  { to: '/admin/journal', labelKey: 'admin.nav.audit' },
  { to: '/admin/livret', labelKey: 'admin.nav.booklet' },
  { to: '/admin/catalogue', labelKey: 'admin.nav.catalogue' },
  // Built apart (the groupe ressource's consultations); linked from here.
  { to: '/admin/consultations', labelKey: 'admin.nav.consultations' },
] as const

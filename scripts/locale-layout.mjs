// How locale messages are split, so that a phone downloads only the words of
// the screens it shows:
//   locales/<locale>.json          the namespaces the first screen needs (bundled with the shell);
//   locales/public/<locale>.json   the public content screens (booklet, catalogue, structures,
//                                  offers): a first visit to one of them needs only these;
//   locales/screens/<locale>.json  the other public and allocataire screens, loaded right after start-up;
//   locales/staff/<locale>.json    the professionals' screens, loaded when one of them opens.
export const CORE_NAMESPACES = ['app', 'nav', 'home', 'pages', 'placeholder', 'restricted', 'roles', 'settings', 'common', 'sync']
export const PUBLIC_NAMESPACES = ['booklet', 'catalogue', 'structures', 'offers']
export const STAFF_NAMESPACES = ['admin', 'outreach', 'consultations', 'groupe', 'suivi']
/** The files of a locale, besides locales/<locale>.json, by part. */
export const PARTS = ['core', 'public', 'screens', 'staff']

export function partOf(namespace) {
  if (CORE_NAMESPACES.includes(namespace)) return 'core'
  if (PUBLIC_NAMESPACES.includes(namespace)) return 'public'
  if (STAFF_NAMESPACES.includes(namespace)) return 'staff'
  return 'screens'
}

export function splitMessages(messages) {
  const parts = Object.fromEntries(PARTS.map(part => [part, {}]))
  for (const [key, value] of Object.entries(messages))
    parts[partOf(key)][key] = value
  return parts
}

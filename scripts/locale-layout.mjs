// How locale messages are split, so that a phone downloads only the words of
// the screens it shows:
//   locales/<locale>.json          the namespaces the first screen needs (bundled with the shell);
//   locales/screens/<locale>.json  the public and allocataire screens, loaded right after start-up;
//   locales/staff/<locale>.json    the professionals' screens, loaded when one of them opens.
export const CORE_NAMESPACES = ['app', 'nav', 'home', 'pages', 'placeholder', 'restricted', 'roles', 'settings', 'common', 'sync']
export const STAFF_NAMESPACES = ['admin', 'outreach', 'consultations', 'groupe', 'suivi']

export function splitMessages(messages) {
  const parts = { core: {}, screens: {}, staff: {} }
  for (const [key, value] of Object.entries(messages)) {
    const part = CORE_NAMESPACES.includes(key) ? 'core' : STAFF_NAMESPACES.includes(key) ? 'staff' : 'screens'
    parts[part][key] = value
  }
  return parts
}

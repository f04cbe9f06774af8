// How locale messages are split: the namespaces the first screen needs stay in
// locales/<locale>.json (bundled with the app shell); every other namespace
// lives in locales/screens/<locale>.json, loaded right after start-up.
export const CORE_NAMESPACES = ['app', 'nav', 'home', 'pages', 'placeholder', 'restricted', 'roles', 'settings', 'common', 'sync']

export function splitMessages(messages) {
  const core = {}
  const screens = {}
  for (const [key, value] of Object.entries(messages))
    (CORE_NAMESPACES.includes(key) ? core : screens)[key] = value
  return { core, screens }
}

// Shared by the build (vite/routePreload.ts writes the links) and the app
// (services/firstScreen.ts looks for them): kept free of browser globals so
// the build can import it.

/** Marks the links of a page that preloads its screen's code and words. */
export const SCREEN_PRELOAD_ATTRIBUTE = 'data-screen'

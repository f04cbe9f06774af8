import { fileURLToPath, URL } from 'node:url'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { compileHintsPlugin } from './vite/compileHints.ts'
import { compressedPreviewPlugin } from './vite/compressedPreview.ts'
import { cspPlugin } from './vite/csp.ts'
import { deferredManifestPlugin } from './vite/deferredManifest.ts'
import { PRELOADED_PAGES } from './vite/preloadedPages.ts'
import { pageFile, routePreloadPlugin } from './vite/routePreload.ts'

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  plugins: [
    vue(),
    VueI18nPlugin({
      // Messages are precompiled at build time so the runtime-only vue-i18n
      // build (no message compiler) ships to phones.
      include: [fileURLToPath(new URL('./locales/**/*.json', import.meta.url))],
      runtimeOnly: true,
      // vue-i18n 11 still registers its JIT message compiler (≈ 5 KB gzip in the
      // first screen) to turn string messages into functions; every message
      // here reaches it precompiled, so the compiler can go.
      dropMessageCompiler: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: false,
    }),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Repères — RSA Paris',
        short_name: 'Repères',
        description: 'Livret d’accueil, rendez-vous, prestations et avis pour les allocataires du RSA à Paris.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1d4f91',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      includeAssets: ['favicon.svg', 'robots.txt'],
      workbox: {
        // App shell, locale chunks, icons and woff2 fonts only; never API data.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        // Every navigation is answered with index.html (navigateFallback).
        globIgnores: Object.keys(PRELOADED_PAGES).map(pageFile),
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/rest\//, /^\/auth\//, /^\/__/],
        cleanupOutdatedCaches: true,
        // Take control of the very first page, so the lazy chunks it loads later
        // come from the cache when the network drops. Updates still wait for the
        // user's "Mettre à jour" (no skipWaiting).
        clientsClaim: true,
        runtimeCaching: [],
      },
      devOptions: { enabled: false },
    }),
    // The manifest's link leaves the pages; the app adds it after its first
    // paint (src/services/manifestLink.ts).
    deferredManifestPlugin(),
    // Content-Security-Policy <meta> in the built index.html (vite/csp.ts).
    cspPlugin(),
    routePreloadPlugin({ pages: PRELOADED_PAGES }),
    // V8 compiles the boot's code with its download, off the main thread
    // (vite/compileHints.ts): the entry with the framework and the shell, and
    // the local database's library, which every screen opens at once.
    compileHintsPlugin({ modules: ['src/db/database.ts'] }),
    // `vite preview` answers gzip-compressed text, as the production host does.
    compressedPreviewPlugin(),
  ],
  build: {
    target: 'es2022',
    cssCodeSplit: true,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A group holds the modules it names, not everything they import (Vue…).
          includeDependenciesRecursively: false,
          groups: [
            {
              // The framework and the few modules every screen shares, in one file
              // next to index.js (they were eight files of 0.5–25 KB, each a round
              // trip before the first paint). Only what the first screen loads
              // anyway belongs here (check:budgets measures it).
              name: 'shell',
              test: /node_modules\/(@vue|vue|vue-router|pinia|vue-i18n|@intlify)\/|\/src\/(domain\/(locale|roles)|services\/(storageKeys|firstScreen|screenPreload)|stores\/auth|db\/(access|read)|composables\/useLiveQuery)\.ts|preload-helper/,
            },
            {
              // What the catalogue's screens (prestations, structures, events,
              // offers, their sheets) share — the store, tabs, list helpers — in
              // one file instead of several of 1 KB: on a slow connection each
              // request costs a round trip, and these are fetched together anyway.
              // The booklet needs none of it: its content states (shared with
              // these screens) stay apart. Each group below is only as wide as
              // the first screens that load it (check:budgets measures them).
              name: 'content',
              test: /\/src\/(components\/catalogue\/Catalogue(Tabs|Select|FavouriteButton)\.vue|composables\/useProgressiveList\.ts|stores\/catalogue\.ts|domain\/catalogue\.ts)/,
            },
            {
              // The prestations' cards, list items and filters: their list, their
              // sheet, and the structure sheets that list a structure's prestations.
              name: 'prestations',
              test: /\/src\/components\/catalogue\/Prestation\w+\.vue/,
            },
            {
              // The structures' cards, filters, opening hours and map links, and the
              // events' cards (a place, a date and a map link too): their lists and
              // sheets, the sheets that name a structure, and the screens that show
              // a place or a meeting (an appointment, a consultation). The
              // prestations' list, the busiest first screen, does without them.
              name: 'structures',
              test: /\/src\/(components\/catalogue\/((Structure|Opening)\w+|EventCard)\.vue|components\/catalogue\/format\.ts|domain\/(maps|openingHours|holidays)\.ts)/,
            },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
})

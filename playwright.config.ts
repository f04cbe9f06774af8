import { defineConfig, devices } from '@playwright/test'

// Debian's Chromium, never a downloaded browser. The flags keep it from
// calling home, which this machine's closed network would refuse.
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

// Ports can be moved (E2E_PREVIEW_PORT, E2E_BACKEND_PORT) to run two suites side
// by side; the build must then get the same backend URL (VITE_SUPABASE_URL).
const PREVIEW_PORT = process.env.E2E_PREVIEW_PORT ?? '4173'
const BACKEND_PORT = process.env.E2E_BACKEND_PORT ?? '54329'
const PREVIEW_URL = `http://127.0.0.1:${PREVIEW_PORT}`
/** Where the e2e build (`vite build --mode e2e`, see .env.e2e) finds the backend. */
export const BACKEND_URL = `http://127.0.0.1:${BACKEND_PORT}`

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    ...devices['Pixel 5'],
    baseURL: PREVIEW_URL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      // The embedded backend on a fresh in-memory database, seeded with the demo accounts.
      command: 'tsx supabase/local/main.ts',
      url: `${BACKEND_URL}/auth/v1/health`,
      env: { LOCAL_BACKEND_PORT: BACKEND_PORT, LOCAL_BACKEND_DATA: 'memory' },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: 'pipe',
    },
    {
      // The production build, served as it will be (service worker included).
      command: `vite preview --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort`,
      url: PREVIEW_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
})

import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config'

export default mergeConfig(viteConfig, defineConfig({
  test: {
    // Every core: vitest's default leaves one free, which on a 2-core CI machine
    // means the unit tests run one file at a time (152 s against 111 s).
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Files run in parallel, each on its own PGlite backend. On PostgreSQL
          // (test:integration:pg) they run one at a time: its databases share one
          // cluster, whose transaction horizon (sync_pull's) another file's open
          // transaction holds back, so a pull could miss a write made just before.
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
}))

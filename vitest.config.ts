import path from 'node:path';
import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/support/sequencer.js';

// Every API suite runs twice: against embedded PGlite and against a real PostgreSQL/PostGIS server.
// A missing server is a failure, never a skip (see test/support/global-setup.ts).
const engines = ['pglite', 'postgres'] as const;

// Client modules tested in unit tests import the shared contract through the client's alias.
const resolve = { alias: { '@contract': path.resolve(import.meta.dirname, 'contract') } };

export default defineConfig({
  resolve,
  test: {
    // Most of a test's time is spent waiting on PostgreSQL, PGlite's clone or Chromium, so files run three
    // at a time even on 2 cores (vitest's default there is one); ATLAS_TEST_WORKERS overrides it.
    maxWorkers: Number(process.env.ATLAS_TEST_WORKERS ?? 3),
    // The longest files first whatever their project, so that the run does not end on a tail of browser suites.
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      // A project does not inherit the root's resolve: the unit project names the alias itself.
      { resolve, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
      ...engines.map((engine) => ({
        test: {
          name: `api-${engine}`,
          include: ['test/api/**/*.test.ts'],
          env: { ATLAS_TEST_ENGINE: engine },
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      })),
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          env: { ATLAS_TEST_ENGINE: 'pglite' },
          globalSetup: ['test/support/global-setup.ts', 'test/support/browser-setup.ts'],
          // Every suite serves its own clone (browser-server.ts), so the suites run side by side.
          setupFiles: ['test/support/browser-server.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

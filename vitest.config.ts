import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { builtPackage } from './test/setup/built-package.js';

/** What both tiers share. Not `extends: true`: that would run the root's globalSetup once more per tier. */
const timeouts = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    // npm run test:stress: every core busy for the whole run (test/setup/busy-cores.ts).
    globalSetup: ['test/setup/busy-cores.ts'],
    // One test file per core, not vitest's cores - 1: most of a file's time is spent waiting on
    // its sandbox process, and verdicts do not depend on load (test/stress.test.ts proves it).
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      // The unit tier tests the sources themselves, without a build (npm run test:fast).
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], ...timeouts } },
      // The end-to-end tier checks the package a user installs: its imports of src/ and suites/
      // resolve to the compiled dist/ (npm test builds it first). That is also what its sandbox
      // processes and worker threads then load: from sources each of them would compile the
      // tool again through tsx, about a second of every run of a plugin.
      {
        plugins: [builtPackage(join(import.meta.dirname, 'test'))],
        test: {
          name: 'e2e',
          // dist/ must be built from today's sources.
          globalSetup: ['test/setup/built-package.ts'],
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**', '**/node_modules/**'],
          ...timeouts,
        },
      },
    ],
  },
});

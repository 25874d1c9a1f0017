import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // npm run test:stress: every core busy for the whole run (test/setup/busy-cores.ts).
    globalSetup: ['test/setup/busy-cores.ts'],
    // One test file per core, not vitest's cores - 1: most of a file's time is spent waiting on
    // its sandbox process, and verdicts do not depend on load (test/stress.test.ts proves it).
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

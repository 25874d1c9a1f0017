import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // npm run test:stress: every core busy for the whole run (test/setup/busy-cores.ts).
    globalSetup: ['test/setup/busy-cores.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

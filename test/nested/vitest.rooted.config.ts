import { defineConfig } from 'vitest/config';

// For test/vitest-integration.test.ts: the *.rooted.ts files it generates, run with --root from
// another working directory, to show that plugin paths resolve against vitest's root.
export default defineConfig({
  test: {
    include: ['test/nested/generated/*.rooted.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from 'vitest/config';

// For test/vitest-integration.test.ts: runs the generated *.nested.ts files, not the repo's tests.
export default defineConfig({
  test: {
    include: ['test/nested/generated/*.nested.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

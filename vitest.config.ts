import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Child-process and browser suites are heavy; two workers match the two cores here.
    maxWorkers: 2,
  },
});

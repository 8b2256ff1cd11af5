import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at a time on the two-core CI machine (vitest's default leaves one core idle):
    // suites that wait on Redis locks, child processes or Chromium overlap with those that compute.
    // Suites own their services' state (a queue prefix, a database, a private redis-server each).
    maxWorkers: 2,
    // Concurrent tests (the layout fuzzing's cases) two at a time: a print and a read overlap.
    maxConcurrency: 2,
  },
});

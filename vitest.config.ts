import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The suites that take minutes, longest first. A clean clone has no timings for vitest to order
 * files by, and it then starts them in the order found: the layout fuzzing, started last, ran
 * alone on one worker for ten minutes after the other had finished everything else. Started
 * first, the two workers finish together.
 */
const LONGEST = ['tests/pdf/layout-fuzz.test.ts', 'tests/ocr/scans.test.ts', 'tests/queue/recovery-time.test.ts', 'tests/pdf/indistinguishable-joins.test.ts', 'tests/cli/ingest-cli.test.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): number => {
      const i = LONGEST.findIndex((name) => f.moduleId.endsWith(name));
      return i < 0 ? LONGEST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
    sequence: { sequencer: LongestFirst },
  },
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPdfRenderer, type PdfRenderer } from './support/chromium-pdf.ts';
import { describeVariant } from './support/layout-variants.ts';
import { FUZZ_REPORTS, runLayoutCase } from './support/layout-fuzz-case.ts';
import { LAYOUT_SEEDS } from './layout-seeds.ts';

/**
 * Layout fuzzing: the golden HTML of each seed report printed to PDF by headless Chromium under
 * the layouts of a fixed list of seeds (tests/pdf/layout-seeds.ts; `npm run fuzz:pdf` draws new
 * ones), each read back to exactly the golden report (goals, measures, responsible units, table
 * grid). Seeds listed as known failures run as `it.fails`: when the reader gets one right, the
 * test says so and the seed moves to the passing list.
 */
let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await openPdfRenderer();
});
afterAll(async () => {
  await renderer?.close();
});

/**
 * Known failures only tell when the reader starts getting one right; they assert nothing the
 * passing cases do not. A third of the suite, they run on a developer's machine (and with
 * LAYOUT_FUZZ_KNOWN=1) but not in CI, which they would push past its time budget.
 */
const runKnown = process.env['LAYOUT_FUZZ_KNOWN'] === '1' || process.env['CI'] !== 'true';

/**
 * A case costs about 2.5 s of both cores (the print, and for a third of them the probe), and the
 * list only grows: all of it took 941 s of a 1042 s suite on the CI machine of 2026-12-01, past
 * the 15-minute budget. CI runs the first sixteen seeds of each report and every third case
 * drawn since (a fixed share, by position in the list); a developer's machine, `LAYOUT_FUZZ_ALL=1`
 * and `npm run test:fuzz` run them all, as a change to the reader must before it lands.
 */
const runAll = process.env['LAYOUT_FUZZ_ALL'] === '1' || process.env['CI'] !== 'true';
const BASE_SEEDS = 16;
const inCiShare = (seed: number, index: number): boolean => seed <= BASE_SEEDS || index % 3 === 0;

describe.each(FUZZ_REPORTS)('%s printed under varied layouts', (report) => {
  for (const [index, { seed, knownFailure }] of LAYOUT_SEEDS.entries()) {
    if (LAYOUT_SEEDS[index]?.report !== report) continue;
    const title = `seed ${seed}${knownFailure ? ` (known failure: ${knownFailure})` : ''}`;
    const runs = knownFailure ? runKnown : runAll || inCiShare(seed, index);
    // Two cases at a time: one prints in Chromium while the other is read back (vitest's
    // maxConcurrency, vitest.config.ts), which nearly halves the suite's time on two cores.
    (!runs ? it.skip : knownFailure ? it.concurrent.fails : it.concurrent)(title, async () => {
      const outcome = await runLayoutCase(renderer, report, seed);
      expect(outcome.differences, describeVariant(outcome.variant)).toEqual([]);
    });
  }
});

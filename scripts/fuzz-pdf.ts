/**
 * Draws new layout seeds for the PDF fuzzing suite, prints each report under each seed's layout
 * with headless Chromium, reads it back and compares it with the golden report. Prints the seeds,
 * the failures with their first differences, and the entries to add to tests/pdf/layout-seeds.ts
 * (every failing seed becomes a fixed case there). Exit 1 when a seed failed.
 * usage: npm run fuzz:pdf [-- N] [--seeds 1,2,3]
 */
import { randomInt } from 'node:crypto';
import { openPdfRenderer } from '../tests/pdf/support/chromium-pdf.ts';
import { describeVariant } from '../tests/pdf/support/layout-variants.ts';
import { FUZZ_REPORTS, runLayoutCase } from '../tests/pdf/support/layout-fuzz-case.ts';

const args = process.argv.slice(2);
const listed = args.includes('--seeds') ? (args[args.indexOf('--seeds') + 1] ?? '').split(',').filter(Boolean).map(Number) : [];
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 50);
const seeds = listed.length > 0 ? listed : Array.from({ length: n }, () => randomInt(1, 2 ** 31));
console.log(`seeds: ${seeds.join(',')}`);

const renderer = await openPdfRenderer();
const failed: { report: string; seed: number; first: string }[] = [];
try {
  for (const seed of seeds) {
    for (const report of FUZZ_REPORTS) {
      const started = Date.now();
      const outcome = await runLayoutCase(renderer, report, seed);
      const ok = outcome.differences.length === 0;
      console.log(`${ok ? 'pass' : 'FAIL'} ${report} ${describeVariant(outcome.variant)} (${Date.now() - started} ms)`);
      if (ok) continue;
      for (const d of outcome.differences.slice(0, 8)) console.log(`     ${d}`);
      failed.push({ report, seed, first: outcome.differences[0] ?? '' });
    }
  }
} finally {
  await renderer.close();
}
console.log(`\n${seeds.length * FUZZ_REPORTS.length - failed.length} of ${seeds.length * FUZZ_REPORTS.length} passed`);
if (failed.length > 0) {
  console.log('add to tests/pdf/layout-seeds.ts:');
  for (const f of failed) console.log(`  { report: '${f.report}', seed: ${f.seed}, knownFailure: ${JSON.stringify(f.first.slice(0, 80))} },`);
  process.exitCode = 1;
}

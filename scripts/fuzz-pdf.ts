/**
 * Draws new layout seeds for the PDF fuzzing suite, prints each report under each seed's layout
 * with headless Chromium, reads it back and compares it with the golden report. Prints the seeds,
 * the failures with their first differences, and the entries to add to tests/pdf/layout-seeds.ts
 * (every failing seed becomes a fixed case there). Exit 1 when a seed failed.
 * usage: npm run fuzz:pdf [-- N] [--seeds 1,2,3] [--save DIR]  (--save keeps the PDFs that failed)
 */
import { randomInt } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPdfRenderer } from '../tests/pdf/support/chromium-pdf.ts';
import { describeVariant } from '../tests/pdf/support/layout-variants.ts';
import { FUZZ_REPORTS, runLayoutCase } from '../tests/pdf/support/layout-fuzz-case.ts';

const args = process.argv.slice(2);
const listed = args.includes('--seeds') ? (args[args.indexOf('--seeds') + 1] ?? '').split(',').filter(Boolean).map(Number) : [];
const save = args.includes('--save') ? args[args.indexOf('--save') + 1] : undefined;
const n = Number(args.find((a, i) => /^\d+$/.test(a) && !['--seeds', '--save'].includes(args[i - 1] ?? '')) ?? 50);
const seeds = listed.length > 0 ? listed : Array.from({ length: n }, () => randomInt(1, 2 ** 31));
console.log(`seeds: ${seeds.join(',')}`);

const renderer = await openPdfRenderer();
const failed: { report: string; seed: number; first: string }[] = [];
let strictPasses = 0;
try {
  for (const seed of seeds) {
    for (const report of FUZZ_REPORTS) {
      const started = Date.now();
      const outcome = await runLayoutCase(renderer, report, seed, true);
      const ok = outcome.differences.length === 0;
      if (outcome.strict?.length === 0) strictPasses++;
      const undecidable = ok && (outcome.strict?.length ?? 0) > 0 ? ` (exact up to ${outcome.joins.length} line breaks the PDF cannot tell)` : '';
      console.log(`${ok ? 'pass' : 'FAIL'} ${report} ${describeVariant(outcome.variant)}${undecidable} (${Date.now() - started} ms)`);
      if (ok) continue;
      for (const d of outcome.differences.slice(0, 8)) console.log(`     ${d}`);
      if (save) {
        mkdirSync(save, { recursive: true });
        writeFileSync(join(save, `${report}-${seed}.pdf`), outcome.pdf);
      }
      failed.push({ report, seed, first: outcome.differences[0] ?? '' });
    }
  }
} finally {
  await renderer.close();
}
const cases = seeds.length * FUZZ_REPORTS.length;
console.log(`\n${cases - failed.length} of ${cases} passed (${strictPasses} of them letter for letter, the others up to line breaks no reader of the PDF can decide)`);
if (failed.length > 0) {
  console.log('add to tests/pdf/layout-seeds.ts:');
  for (const f of failed) console.log(`  { report: '${f.report}', seed: ${f.seed}, knownFailure: ${JSON.stringify(f.first.slice(0, 80))} },`);
  process.exitCode = 1;
}

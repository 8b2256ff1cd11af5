/**
 * `npm run bench` (OCR part): seconds per scanned page through the real ingest, and how much of
 * the seed report comes back. A scan of the Mongolian seed's ruled PDF is made as the OCR tests
 * make it (pdftoppm grey, turned ±1°, JPEG, img2pdf; one page at 150 dpi, one with a stamp), then
 * ingested with OCR pages in parallel up to the core count, and once on a single OCR job.
 * Prints wall time per page, the CPU time of Tesseract and of the JavaScript per page, and the golden
 * figures. usage: tsx bench/ocr/run.ts [--ky] (the 16-page Kyrgyz scan instead of the 3-page one)
 * Needs the OCR engine: bash scripts/install-ocr.sh
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestDocument } from '../../pipelines/ingest/index.ts';
import { scoreAgainstGolden, type GoldenReport } from '../../tests/ocr/support/golden-score.ts';
import { makeScan, type ScanPage } from '../../tests/ocr/support/make-scan.ts';

const ky = process.argv.includes('--ky');

/**
 * CPU seconds of this process's finished child processes (Tesseract, pdftoppm), from
 * /proc/self/stat (cutime + cstime, in clock ticks of 1/100 s); 0 where there is no /proc.
 */
function childCpuSeconds(): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
const name = ky ? 'ky-socfund-acp-2024q1' : 'mn-ndg-inspector-2024';
const golden = join(import.meta.dirname, '../../fixtures/golden', name);
const pages: ScanPage[] = ky
  ? Array.from({ length: 16 }, (_, i) => ({ dpi: i === 2 ? 150 : 200, angle: i % 2 === 0 ? 0.8 : -0.9, quality: 70, stamp: i === 4 }))
  : [
      { dpi: 300, angle: 0.8, quality: 75 },
      { dpi: 150, angle: -1, quality: 65 },
      { dpi: 200, angle: 0.5, quality: 60, stamp: true },
    ];
const work = mkdtempSync(join(tmpdir(), 'reportmill-ocr-bench-'));
const scan = join(work, 'scan.pdf');
try {
  makeScan(join(golden, 'input.pdf'), scan, pages);
  const bytes = new Uint8Array(readFileSync(scan));
  const expected = JSON.parse(readFileSync(join(golden, 'expected.json'), 'utf8')) as GoldenReport;
  const rows: string[] = [];
  for (const jobs of [availableParallelism(), 1]) {
    process.env['REPORTMILL_OCR_JOBS'] = String(jobs);
    const cpu0 = process.resourceUsage();
    const child0 = childCpuSeconds();
    const t0 = performance.now();
    const outcome = await ingestDocument({ bytes, filename: 'scan.pdf' });
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = process.resourceUsage();
    const engine = childCpuSeconds() - child0;
    if (outcome.status !== 'ok') throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    // The process's own CPU is the JavaScript part (deskew, rules, layout, the rest of the
    // pipeline); Tesseract and pdftoppm run as child processes and count apart.
    const js = (cpu1.userCPUTime - cpu0.userCPUTime + cpu1.systemCPUTime - cpu0.systemCPUTime) / 1e6;
    const score = scoreAgainstGolden(outcome.report, expected);
    rows.push(
      `| ${jobs} | ${pages.length} | ${seconds.toFixed(1)} s | **${(seconds / pages.length).toFixed(1)} s** | ${(engine / pages.length).toFixed(2)} s | ${(js / pages.length).toFixed(2)} s | ${score.found}/${score.golden} | ${(100 * score.fieldShare).toFixed(0)} % |`,
    );
  }
  console.log(`OCR ingest of a ${pages.length}-page scan of ${name} (${availableParallelism()} cores)\n`);
  console.log('| OCR jobs | pages | wall | wall per page | Tesseract + pdftoppm CPU per page | JS CPU per page | golden measures found | fields right |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
} finally {
  rmSync(work, { recursive: true, force: true });
}

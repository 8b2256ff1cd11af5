/**
 * `npm run bench` (PDF part): reportmill's PDF parse of every PDF in a folder against poppler's
 * `pdftotext -layout` on the same files, in one run. Prints both wall times and the ratio.
 * usage: tsx bench/pdf/run.ts [pdf dir] [--workers N] [--rounds N]
 * (default dir: ../shared/peers/icdar2013-eu next to the checkout; needs poppler-utils for pdftotext)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ParsePool, parseSequential } from './parse-pool.ts';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]?.startsWith('--'))) ?? new URL('../../../shared/peers/icdar2013-eu', import.meta.url).pathname;
const workers = Number(flag('--workers') ?? Math.max(1, availableParallelism()));
const pool = workers > 1 ? new ParsePool(workers) : undefined;
const rounds = Number(flag('--rounds') ?? 3);
const files = readdirSync(dir)
  .filter((f) => f.toLowerCase().endsWith('.pdf'))
  .sort()
  .map((f) => join(dir, f));
const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);

function pdftotext(): number {
  const t0 = performance.now();
  for (const f of files) {
    const r = spawnSync('pdftotext', ['-layout', f, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    if (r.error) throw new Error(`pdftotext is not available (apt-get install poppler-utils): ${r.error.message}`);
  }
  return performance.now() - t0;
}

const best = (xs: number[]): number => Math.min(...xs);
const popplerTimes: number[] = [];
const ourTimes: number[] = [];
let summary = '';
for (let r = 0; r < rounds; r++) {
  popplerTimes.push(pdftotext());
  const t0 = performance.now();
  const results = pool ? await pool.parseAll(files) : await parseSequential(files);
  ourTimes.push(performance.now() - t0);
  const failed = results.filter((x) => !x.ok).length;
  const tables = results.reduce((n, x) => n + x.tables, 0);
  summary = `${results.length} files, ${failed} failed, ${tables} table blocks`;
}
await pool?.close();
const ours = best(ourTimes);
const poppler = best(popplerTimes);
console.log(`pdf bench: ${files.length} PDFs, ${(bytes / 1e6).toFixed(2)} MB, best of ${rounds} rounds (the first warms up the JIT)`);
console.log(`  pdftotext -layout : ${poppler.toFixed(0)} ms`);
console.log(`  reportmill parse  : ${ours.toFixed(0)} ms (${workers} worker thread${workers === 1 ? '' : 's'}; ${summary})`);
console.log(`  ratio             : ${(ours / poppler).toFixed(2)}x (target <= 4x)`);

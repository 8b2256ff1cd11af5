/**
 * Cells per second of the detector next to plain franc (restricted to the same candidates) on the
 * same texts, in one run: every 20–60-character segment of the evaluation set plus every table
 * cell of the two seed reports. Run with `npx tsx bench/language/run.ts [rounds]`.
 */
import { performance } from 'node:perf_hooks';
import { detectLanguage } from '../../src/language/detect.ts';
import { accuracy, percent, plainFranc } from './accuracy.ts';
import { loadEvalSet } from './eval-set.ts';
import { withLookalikes } from './lookalike-noise.ts';
import { SEED_HTML, seedTree } from './seed-tree.ts';

const rounds = Number(process.argv[2] ?? 20);
const set = loadEvalSet();
const seedCells = Object.values(SEED_HTML).flatMap((path) =>
  seedTree(path).blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : [])),
);
const cells = [...set.segments.map((s) => s.text), ...seedCells];

function time(detect: (text: string) => string): number {
  let sink = 0;
  for (const text of cells) sink += detect(text).length; // warm-up: JIT and franc's lazy tables
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const text of cells) sink += detect(text).length;
  const ms = performance.now() - start;
  if (sink < 0) throw new Error('unreachable');
  return ms;
}

// Interleave and take the better of two runs each, so neither side pays for a GC pause alone.
const francMs = Math.min(time(plainFranc), time(plainFranc));
const oursMs = Math.min(time((t) => detectLanguage(t).code), time((t) => detectLanguage(t).code));
const n = cells.length * rounds;

console.log(`Speed: ${cells.length} cells (${set.segments.length} evaluation segments + ${seedCells.length} seed table cells) × ${rounds} rounds, Node ${process.version}`);
console.log('| detector | cells/s | µs/cell | time vs franc |');
console.log('|---|---:|---:|---:|');
console.log(`| franc 6, only candidates | ${Math.round(n / (francMs / 1000))} | ${((francMs * 1000) / n).toFixed(1)} | 1.00× |`);
console.log(`| reportmill detectLanguage | ${Math.round(n / (oursMs / 1000))} | ${((oursMs * 1000) / n).toFixed(1)} | ${(oursMs / francMs).toFixed(2)}× |`);

for (const split of ['test', 'dev'] as const) {
  const short = accuracy(set.shortCells.filter((c) => c.split === split));
  console.log(`\nShort cells (8–19 characters, one or two words), ${split} half — und counts as wrong:`);
  console.log('| language | cells | ours | ours und | franc |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of short) console.log(`| ${r.lang} | ${r.items} | ${percent(r.ours, r.items)} | ${percent(r.oursUnd, r.items)} | ${percent(r.franc, r.items)} |`);

  console.log(`\nAccuracy on the ${split} half (${split === 'test' ? 'held out' : 'used to fit the weights'}):`);
  console.log('| language | paragraphs | ours | franc | segments | ours | franc |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const paragraphs = accuracy(set.paragraphs.filter((p) => p.split === split));
  const segments = accuracy(set.segments.filter((s) => s.split === split));
  const langs = [...new Set([...paragraphs, ...segments].map((r) => r.lang))].sort();
  for (const lang of langs) {
    const p = paragraphs.find((r) => r.lang === lang);
    const s = segments.find((r) => r.lang === lang);
    console.log(
      `| ${lang} | ${p?.items ?? 0} | ${percent(p?.ours ?? 0, p?.items ?? 0)} | ${percent(p?.franc ?? 0, p?.items ?? 0)} | ${s?.items ?? 0} | ${percent(s?.ours ?? 0, s?.items ?? 0)} | ${percent(s?.franc ?? 0, s?.items ?? 0)} |`,
    );
  }
}

const noisy = set.segments.filter((s) => s.split === 'test').map((s) => ({ ...s, text: withLookalikes(s.text) }));
console.log('\nTest segments with look-alike letters put in (every 2nd ө ү ә і ң а е о р с х … swapped for ɵ ʏ ə i ӊ a e o p c x …):');
console.log('| language | segments | ours | franc |');
console.log('|---|---:|---:|---:|');
for (const r of accuracy(noisy)) console.log(`| ${r.lang} | ${r.items} | ${percent(r.ours, r.items)} | ${percent(r.franc, r.items)} |`);

/**
 * `npm run bench` (PDF floor): how fast pdf.js alone reads a folder of PDFs, each step in a fresh
 * process as a user's one-shot command pays it, against `pdftotext -layout` of the same files and
 * against the whole `reportmill ingest`. The rows are nested: each one does everything the row
 * above does, and more.
 *  - node: a bare process (`node -e 0`);
 *  - open: load pdf.js as reportmill configures it (src/parse/pdf/pdfjs.ts, pdf-open.ts), open
 *    every file and every page;
 *  - text: also ask pdf.js for each page's text items (`getTextContent`, all pdf-parse does);
 *  - operators: instead, each page's operator list (glyphs with their fonts and the ruling paths:
 *    what reportmill reads, page-reader.ts);
 *  - parse: reportmill's whole PDF parse (parsePdf: lines, tables, paragraphs);
 *  - ingest: the CLI as a user runs it, `--no-store`, then with a fresh embedded store.
 * The point is the floor: when pdf.js alone is already past a ratio to pdftotext, no work in
 * reportmill's own stages brings the whole command under it.
 * usage: tsx bench/pdf/pdfjs-floor.ts [pdf dir] [--rounds N]   (best of N, default 3)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtIngestPipeline } from '../support/built.ts';

await builtIngestPipeline(); // builds dist/ when the sources changed

const repo = join(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
const dir = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]?.startsWith('--'))) ?? join(repo, '../shared/peers/icdar2013-eu');
const pdfs = readdirSync(dir)
  .filter((f) => f.toLowerCase().endsWith('.pdf'))
  .sort()
  .map((f) => join(dir, f));
if (pdfs.length === 0) throw new Error(`no PDF in ${dir}`);

const dist = (path: string): string => pathToFileURL(join(repo, 'dist', path)).href;
/** A one-shot script reading every file through pdf.js; `step` is what it asks of each page. */
const pdfjsScript = (step: 'open' | 'text' | 'operators'): string => `
import { readFileSync } from 'node:fs';
const { openPdf } = await import(${JSON.stringify(dist('src/parse/pdf/pdf-open.js'))});
const { AnnotationMode } = await import(${JSON.stringify(dist('src/parse/pdf/pdfjs.js'))});
for (const file of process.argv.slice(1)) {
  const opened = await openPdf(readFileSync(file));
  if (!opened.ok) throw new Error(file + ': ' + opened.message);
  for (let n = 1; n <= opened.doc.numPages; n++) {
    const page = await opened.doc.getPage(n);
    ${step === 'text' ? 'await page.getTextContent();' : step === 'operators' ? 'await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });' : ''}
    page.cleanup();
  }
  await opened.doc.destroy();
}`;
const parseScript = `
import { readFileSync } from 'node:fs';
const { parsePdf } = await import(${JSON.stringify(dist('src/parse/pdf/index.js'))});
const { DEFAULT_LIMITS } = await import(${JSON.stringify(dist('src/sniff/limits.js'))});
for (const file of process.argv.slice(1)) {
  const parsed = await parsePdf({ bytes: new Uint8Array(readFileSync(file)), filename: file, limits: DEFAULT_LIMITS });
  if (!parsed.ok) throw new Error(file + ': ' + parsed.error.message);
}`;

interface Timing {
  seconds: number;
  cpuSeconds: number;
}
/** Wall and CPU (user + system of the whole process tree, from time(1)) of one command. */
function timed(command: string[], env: NodeJS.ProcessEnv = process.env): Timing {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', ...command], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${command.slice(0, 3).join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  const [user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds, cpuSeconds: user! + sys! };
}

const node = process.execPath;
const module = (script: string): string[] => [node, '--input-type=module', '-e', script, ...pdfs];
const cli = (home: string, ...extra: string[]): string[] => [node, join(repo, 'bin/reportmill.mjs'), 'ingest', dir, '--out', join(home, 'out'), ...extra];
const work = mkdtempSync(join(tmpdir(), 'reportmill-floor-'));
const steps: { name: string; run: (round: number) => Timing }[] = [
  { name: '`pdftotext -layout`, one file after another', run: () => timed(['sh', '-c', 'for f in "$@"; do pdftotext -layout "$f" - >/dev/null || exit $?; done', 'sh', ...pdfs]) },
  { name: 'node -e 0', run: () => timed([node, '-e', '0']) },
  { name: 'pdf.js: load, open every file and page', run: () => timed(module(pdfjsScript('open'))) },
  { name: 'pdf.js: + text items (`getTextContent`)', run: () => timed(module(pdfjsScript('text'))) },
  { name: 'pdf.js: + operator lists, instead (what reportmill reads)', run: () => timed(module(pdfjsScript('operators'))) },
  { name: 'reportmill PDF parse (parsePdf), one process', run: () => timed(module(parseScript)) },
  { name: '`reportmill ingest --no-store`', run: (r) => timed(cli(join(work, `nostore-${r}`), '--no-store')) },
  {
    name: '`reportmill ingest`, fresh embedded store',
    run: (r) => timed(cli(join(work, `store-${r}`)), { ...process.env, REPORTMILL_HOME: join(work, `home-${r}`), DATABASE_URL: '' }),
  },
];
try {
  const best = steps.map(() => ({ seconds: Infinity, cpuSeconds: Infinity }));
  // Rounds alternate the steps, so a burst of load on a shared machine spreads over all of them.
  for (let r = 0; r < rounds; r++) {
    steps.forEach((step, i) => {
      const t = step.run(r);
      best[i]!.seconds = Math.min(best[i]!.seconds, t.seconds);
      best[i]!.cpuSeconds = Math.min(best[i]!.cpuSeconds, t.cpuSeconds);
    });
  }
  const base = best[0]!;
  console.log(`\nPDF floor: ${pdfs.length} PDFs in ${dir}, each row a fresh process, best of ${rounds}:`);
  console.log('| step | wall | × pdftotext | CPU s | × pdftotext |\n|---|---:|---:|---:|---:|');
  steps.forEach((step, i) => {
    const t = best[i]!;
    console.log(`| ${step.name} | ${t.seconds.toFixed(2)} s | ${(t.seconds / base.seconds).toFixed(1)}x | ${t.cpuSeconds.toFixed(2)} | ${(t.cpuSeconds / base.cpuSeconds).toFixed(1)}x |`);
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}

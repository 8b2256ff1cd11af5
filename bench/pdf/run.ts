/**
 * `npm run bench` (PDF part): reportmill's full ingest of every PDF in a folder (parse → normalize
 * tables → extract → validate, as `ingestDocument` runs it) against poppler's `pdftotext -layout`
 * on the same files, in one run: once in-process, once with the parse stage on the production
 * parse-process pool. Prints the best wall time of each and its ratio to pdftotext, and the CPU
 * time (user + system) of pdftotext and of the in-process run, the figure that holds on a loaded machine.
 * usage: tsx bench/pdf/run.ts [pdf dir] [--workers N] [--rounds N]
 * (default dir: ../shared/peers/icdar2013-eu next to the checkout; needs poppler-utils for pdftotext)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IngestOutcome } from '../../pipelines/ingest/index.ts';
import type { ParseStageResult, StageInput } from '../../pipelines/ingest/stages.ts';
import { builtIngestPipeline } from '../support/built.ts';

const { createParsePool, ingestDocument } = await builtIngestPipeline();

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]?.startsWith('--'))) ?? new URL('../../../shared/peers/icdar2013-eu', import.meta.url).pathname;
const workers = Math.max(1, Number(flag('--workers') ?? availableParallelism()));
const rounds = Number(flag('--rounds') ?? 3);
const files = readdirSync(dir)
  .filter((f) => f.toLowerCase().endsWith('.pdf'))
  .sort()
  .map((f) => join(dir, f));
const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
const input = (file: string): StageInput => ({ bytes: new Uint8Array(readFileSync(file)), filename: file });

/**
 * One shell runs pdftotext over all files. Spawning each file from this process would time Node's
 * fork, which grows with this process's memory (pdf.js, worker threads): measured here, 27 spawns
 * from a process holding 600 MB more took 420-520 ms against 200-220 ms through one shell.
 */
function pdftotext(): { ms: number; cpuMs: number } {
  // `times` (POSIX) ends the output with the user and system time of the shell's children.
  const script = 'for f in "$@"; do pdftotext -layout "$f" - >/dev/null || exit $?; done; times';
  const t0 = performance.now();
  const r = spawnSync('sh', ['-c', script, 'sh', ...files], { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status === 127) throw new Error('pdftotext is not available (apt-get install poppler-utils)');
  if (r.error || r.status !== 0) throw new Error(`pdftotext failed (exit ${r.status}): ${r.error?.message ?? ''}`);
  const children = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s\s*$/.exec(r.stdout);
  const seconds = (m: string | undefined, s: string | undefined): number => Number(m ?? 0) * 60 + Number(s ?? 0);
  const cpuMs = children ? (seconds(children[1], children[2]) + seconds(children[3], children[4])) * 1000 : NaN;
  return { ms, cpuMs };
}

async function inProcess(): Promise<IngestOutcome[]> {
  const out: IngestOutcome[] = [];
  for (const f of files) out.push(await ingestDocument(input(f)));
  return out;
}

// The pool's own limits are the production ones; the timeout is generous so a slow machine times
// the work rather than failing documents.
const threads = createParsePool({ size: workers, timeoutMs: 600_000, maxHeapMb: 4096 });
const onThreads = (i: StageInput): Promise<ParseStageResult> => threads.parse(i);
// All files are handed over at once; the pool runs `workers` of them at a time.
const withThreads = (): Promise<IngestOutcome[]> => Promise.all(files.map((f) => ingestDocument(input(f), onThreads)));

async function timed(run: () => Promise<IngestOutcome[]>): Promise<{ ms: number; cpuMs: number; summary: string }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const results = await run();
  const ms = performance.now() - t0;
  // This process's CPU: all of the in-process run; for the pool, only the hand-over side.
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const failed = results.filter((x) => x.status !== 'ok').length;
  const tables = results.reduce((n, x) => n + (x.status === 'ok' ? x.report.tables.length : 0), 0);
  return { ms, cpuMs, summary: `${results.length} files, ${failed} failed, ${tables} tables` };
}

const popplerTimes: number[] = [];
const popplerCpu: number[] = [];
const singleTimes: number[] = [];
const singleCpu: number[] = [];
const poolTimes: number[] = [];
let singleSummary = '';
let poolSummary = '';
try {
  for (let r = 0; r < rounds; r++) {
    const poppler = pdftotext();
    popplerTimes.push(poppler.ms);
    popplerCpu.push(poppler.cpuMs);
    const single = await timed(inProcess);
    singleTimes.push(single.ms);
    singleCpu.push(single.cpuMs);
    singleSummary = single.summary;
    const pooled = await timed(withThreads);
    poolTimes.push(pooled.ms);
    poolSummary = pooled.summary;
  }
} finally {
  await threads.close();
}
const best = (xs: number[]): number => Math.min(...xs);
const poppler = best(popplerTimes);
const single = best(singleTimes);
const pooled = best(poolTimes);
const poolLabel = `reportmill ingest (${workers} worker thread${workers === 1 ? '' : 's'})`;
const width = Math.max(poolLabel.length, 'reportmill ingest (1 thread)'.length);
const line = (label: string, text: string): string => `  ${label.padEnd(width)} : ${text}`;
console.log(`pdf bench: ${files.length} PDFs, ${(bytes / 1e6).toFixed(2)} MB, best of ${rounds} rounds (the first warms up the JIT)`);
// CPU time (user + system) is the figure to compare on a shared, loaded machine; wall time is
// printed for the pool, whose parse processes' CPU this process does not see.
const popplerCpuMs = best(popplerCpu);
const singleCpuMs = best(singleCpu);
console.log(line('pdftotext -layout', `${poppler.toFixed(0)} ms wall, ${popplerCpuMs.toFixed(0)} ms CPU`));
console.log(line('reportmill ingest (1 thread)', `${single.toFixed(0)} ms wall (${(single / poppler).toFixed(2)}x), ${singleCpuMs.toFixed(0)} ms CPU (${(singleCpuMs / popplerCpuMs).toFixed(2)}x) (${singleSummary})`));
console.log(line(poolLabel, `${pooled.toFixed(0)} ms wall, ${(pooled / poppler).toFixed(2)}x (${poolSummary})`));
console.log('  (issue 9 target: <= 3x pdftotext)');

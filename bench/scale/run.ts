/**
 * `npm run bench` (scale part): the whole `reportmill ingest` command as a user runs it (the built
 * CLI, embedded PGlite store, a fresh REPORTMILL_HOME per run), timed from outside:
 *  - bulk: N distinct mixed documents (copies of every seed and fixture of shared/, bench/scale/
 *    corpus.ts) for each N of --docs (default 600,1800): docs/s, CPU seconds, and peak memory, both
 *    as `/usr/bin/time -f %M` reports it (the largest single process of the run) and as the sum over
 *    the process tree (the CLI and its parse processes), sampled every 200 ms;
 *  - icdar: the ICDAR 2013 PDFs against `pdftotext -layout` of the same files, side by side;
 *  - hostile: decompression-bomb and looping PDFs plus a 200,000-row Markdown table, with their
 *    codes and the tree's peak memory.
 * usage: tsx bench/scale/run.ts [--docs 600,1800] [--only bulk,icdar,hostile] [--rounds N]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bombPdf, hugeMarkdownTable, loopingPdf, sharedDir, writeMixedCorpus } from './corpus.ts';
import { treeKb } from '../support/process-tree.ts';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const docCounts = (flag('--docs') ?? process.env.BENCH_SCALE_DOCS ?? '600,1800').split(',').map(Number);
const only = new Set((flag('--only') ?? 'bulk,icdar,hostile').split(','));
const rounds = Number(flag('--rounds') ?? 3);
const bin = join(import.meta.dirname, '../../bin/reportmill.mjs');
const work = mkdtempSync(join(tmpdir(), 'reportmill-bench-scale-'));

interface Run {
  seconds: number;
  cpuSeconds: number;
  maxSingleMb: number;
  treePeakMb: number;
  code: number | null;
  stderr: string;
}


/** Runs the CLI under /usr/bin/time, sampling the whole process tree's resident memory. */
async function timedCli(cliArgs: string[], env: Record<string, string>): Promise<Run> {
  const timeFile = join(work, 'time.txt');
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%M %U %S', process.execPath, bin, ...cliArgs], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeKb(child.pid!))), 200);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const [maxKb, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds, cpuSeconds: user! + sys!, maxSingleMb: maxKb! / 1024, treePeakMb: peak / 1024, code, stderr };
}

const mb = (n: number): string => `${Math.round(n)} MB`;
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

if (only.has('bulk')) {
  if (sharedDir() === null) throw new Error('shared/ (seeds and fixtures) not found; set REPORTMILL_SHARED');
  console.log('\n| documents | wall | docs/s | CPU s | docs per CPU s | peak RSS, largest process (%M) | peak RSS, process tree | load before |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const count of docCounts) {
    const corpus = writeMixedCorpus(join(work, `mixed-${count}`), count);
    const home = join(work, `home-${count}`);
    const before = load();
    const run = await timedCli(['ingest', corpus, '--out', join(home, 'out')], { REPORTMILL_HOME: home, DATABASE_URL: '' });
    const done = run.stderr.trim().split('\n').at(-1);
    if (run.code !== 0) console.log(`(exit ${run.code}: ${done})`);
    console.log(`| ${count} | ${run.seconds.toFixed(1)} s | ${(count / run.seconds).toFixed(1)} | ${run.cpuSeconds.toFixed(1)} | ${(count / run.cpuSeconds).toFixed(1)} | ${mb(run.maxSingleMb)} | ${mb(run.treePeakMb)} | ${before} |`);
    rmSync(corpus, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}

if (only.has('icdar')) {
  const shared = sharedDir();
  const dir = shared === null ? null : join(shared, 'peers/icdar2013-eu');
  if (dir === null) throw new Error('shared/peers/icdar2013-eu not found');
  const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf')).map((f) => join(dir, f));
  // Wall and CPU (user + system of the whole process tree): on a shared machine only CPU compares.
  const poppler = (): { seconds: number; cpuSeconds: number } => {
    const started = performance.now();
    const loop = 'for f in "$@"; do pdftotext -layout "$f" - >/dev/null || exit $?; done';
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', 'sh', '-c', loop, 'sh', ...pdfs], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error('pdftotext failed (apt-get install poppler-utils)');
    const [user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: user! + sys! };
  };
  const best = { poppler: Infinity, popplerCpu: Infinity, ingest: Infinity, ingestCpu: Infinity };
  for (let r = 0; r < rounds; r++) {
    const p = poppler();
    best.poppler = Math.min(best.poppler, p.seconds);
    best.popplerCpu = Math.min(best.popplerCpu, p.cpuSeconds);
    const home = join(work, `icdar-${r}`); // a fresh store each round, created as a user's first run does
    const run = await timedCli(['ingest', dir], { REPORTMILL_HOME: home, DATABASE_URL: '' });
    best.ingest = Math.min(best.ingest, run.seconds);
    best.ingestCpu = Math.min(best.ingestCpu, run.cpuSeconds);
    rmSync(home, { recursive: true, force: true });
  }
  console.log(`\nICDAR 2013 EU (${pdfs.length} PDFs, whole directory as a user passes it), best of ${rounds}, load ${load()}:`);
  console.log('| command | wall | ratio | CPU s | ratio |\n|---|---:|---:|---:|---:|');
  console.log(`| pdftotext -layout, one file after another | ${best.poppler.toFixed(2)} s | 1.0x | ${best.popplerCpu.toFixed(2)} | 1.0x |`);
  console.log(
    `| reportmill ingest (fresh embedded store) | ${best.ingest.toFixed(2)} s | ${(best.ingest / best.poppler).toFixed(1)}x | ${best.ingestCpu.toFixed(2)} | ${(best.ingestCpu / best.popplerCpu).toFixed(1)}x |`,
  );
}

if (only.has('hostile')) {
  const dir = join(work, 'hostile');
  spawnSync('mkdir', ['-p', dir]);
  for (let i = 0; i < 3; i++) {
    writeFileSync(join(dir, `bomb-${i}.pdf`), Buffer.concat([bombPdf(1024), Buffer.from(`%${i}\n`)]));
    writeFileSync(join(dir, `loop-${i}.pdf`), Buffer.concat([loopingPdf(), Buffer.from(`%${i}\n`)]));
  }
  writeFileSync(join(dir, 'table-200k.md'), hugeMarkdownTable(200_000));
  const run = await timedCli(['ingest', dir, '--no-store', '--timeout', '30'], {});
  const codes = [...run.stderr.matchAll(/failed\s+\S*\/([^/\s]+) (\S+):/g)].map((m) => `${m[1]}: ${m[2]}`);
  console.log(`\nHostile batch (3 decompression bombs, 3 looping PDFs, a 200,000-row table; --timeout 30), load ${load()}:`);
  console.log(`${run.seconds.toFixed(1)} s, peak RSS ${mb(run.maxSingleMb)} (largest process), ${mb(run.treePeakMb)} (process tree)`);
  for (const line of codes) console.log(`  ${line}`);
}

rmSync(work, { recursive: true, force: true });

/**
 * `npm run bench` (start-up part), on the built CLI (bin/reportmill.mjs → dist/, rebuilt first if
 * stale): (1) wall time and peak RSS of `reportmill --help` and `reportmill schema` against a bare
 * `node -e 0`; (2) what a parse thread costs before its first report; (3) from what batch size parse threads pay off: ingest of N mixed documents
 * (--no-store) with --threads 0 against --threads <cores, up to 4>, which is what `auto` starts.
 * usage: tsx bench/startup/run.ts [--rounds N] [--sizes 4,8,16,32,64]
 * Times come from /usr/bin/time (GNU time: `%e s %M KB`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeMixedCorpus } from '../scale/corpus.ts';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Math.max(1, Number(flag('--rounds') ?? 5));
const sizes = (flag('--sizes') ?? '4,8,16,32,64').split(',').map(Number);
const repo = join(import.meta.dirname, '../..');
const bin = join(repo, 'bin/reportmill.mjs');

interface Run {
  seconds: number;
  /** user + system CPU seconds: on a busy machine wall times wander, CPU time much less */
  cpu: number;
  kb: number;
}

/** One command under GNU time; its own output is discarded. */
function timed(command: string[]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', ...command], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`/usr/bin/time is needed (apt-get install time): ${r.error.message}`);
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb, user, system] = last.split(' ').map(Number);
  if (seconds === undefined || kb === undefined || user === undefined || system === undefined || [seconds, kb, user, system].some(Number.isNaN)) {
    throw new Error(`unexpected time output: ${last}`);
  }
  return { seconds, kb, cpu: user + system };
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
};

const built = spawnSync(process.execPath, [join(repo, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('the build failed');

process.stdout.write(`\nStart-up, ${rounds} runs each (median, min–max):\n\n| command | wall s | peak RSS MB | × node -e 0 (wall) |\n|---|---|---|---|\n`);
const commands: [string, string[]][] = [
  ['node -e 0', [process.execPath, '-e', '0']],
  ['reportmill --help', [process.execPath, bin, '--help']],
  ['reportmill schema', [process.execPath, bin, 'schema']],
];
let baseline = NaN;
for (const [name, command] of commands) {
  timed(command); // warm the file cache
  const runs = Array.from({ length: rounds }, () => timed(command));
  const secs = runs.map((r) => r.seconds);
  const mb = runs.map((r) => r.kb / 1024);
  if (Number.isNaN(baseline)) baseline = median(secs);
  process.stdout.write(
    `| \`${name}\` | ${median(secs).toFixed(2)} (${Math.min(...secs).toFixed(2)}–${Math.max(...secs).toFixed(2)}) | ${median(mb).toFixed(0)} (${Math.min(...mb).toFixed(0)}–${Math.max(...mb).toFixed(0)}) | ${(median(secs) / baseline).toFixed(1)} |\n`,
  );
}

// A parse thread's start-up: loading the pipeline on the main thread, then the first report of a
// small Markdown document either on the main thread or on a new one-thread pool (thread start,
// module loading in the thread, parse). The difference is what a thread costs before it pays.
{
  const doc = join(repo, 'fixtures/golden/ky-socfund-acp-2024q1/input.md');
  const pipeline = pathToFileURL(join(repo, 'dist/pipelines/ingest/index.js')).href;
  const probe = (threaded: boolean): string => `
    const { readFileSync } = await import('node:fs');
    const input = { bytes: new Uint8Array(readFileSync(${JSON.stringify(doc)})), filename: 'input.md' };
    const t0 = performance.now();
    const { createParsePool, parseStage } = await import(${JSON.stringify(pipeline)});
    const t1 = performance.now();
    let result;
    if (${threaded}) {
      const pool = createParsePool({ size: 1, timeoutMs: 60000, maxHeapMb: 1024 });
      result = await pool.parse(input);
      await pool.close();
    } else result = await parseStage(input);
    process.stdout.write(JSON.stringify({ ok: result.ok, load: t1 - t0, first: performance.now() - t1 }));`;
  const measure = (threaded: boolean): { load: number; first: number }[] =>
    Array.from({ length: rounds }, () => {
      // A file, not `-e`: worker threads inherit the process's flags, and --input-type breaks them.
      const script = join(probeDir, `probe-${threaded ? 'thread' : 'main'}.mjs`);
      writeFileSync(script, probe(threaded));
      const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
      const out = JSON.parse(r.stdout) as { ok: boolean; load: number; first: number };
      if (!out.ok) throw new Error(`the probe document failed: ${r.stdout} ${r.stderr}`);
      return { load: out.load / 1000, first: out.first / 1000 };
    });
  const probeDir = mkdtempSync(join(tmpdir(), 'reportmill-bench-probe-'));
  const onMain = measure(false);
  const onThread = measure(true);
  rmSync(probeDir, { recursive: true, force: true });
  const row = (label: string, xs: number[]): string =>
    `| ${label} | ${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}) |\n`;
  process.stdout.write(`\nParse-thread start-up, ${rounds} runs (median, min–max s):\n\n| step | s |\n|---|---|\n`);
  process.stdout.write(row('load the pipeline on the main thread', [...onMain, ...onThread].map((x) => x.load)));
  process.stdout.write(row('first report (small Markdown) on the main thread', onMain.map((x) => x.first)));
  process.stdout.write(row('first report on a new thread (start, load, parse)', onThread.map((x) => x.first)));
}

const threads = Math.min(availableParallelism(), 4);
const work = mkdtempSync(join(tmpdir(), 'reportmill-bench-startup-'));
try {
  process.stdout.write(`\nParse threads: ingest of N mixed documents, --no-store, best of ${rounds} (wall s / CPU s / peak RSS MB):\n\n`);
  process.stdout.write(`| N | --threads 0 | --threads ${threads} | threads / main thread |\n|---|---|---|---|\n`);
  for (const size of sizes) {
    const dir = join(work, `batch-${size}`);
    writeMixedCorpus(dir, size);
    const best = (mode: string): Run => {
      const runs = Array.from({ length: rounds }, () => timed([process.execPath, bin, 'ingest', dir, '--no-store', '--threads', mode]));
      return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    };
    const main = best('0');
    const pool = best(String(threads));
    process.stdout.write(
      `| ${size} | ${main.seconds.toFixed(1)} / ${main.cpu.toFixed(1)} / ${(main.kb / 1024).toFixed(0)} | ${pool.seconds.toFixed(1)} / ${pool.cpu.toFixed(1)} / ${(pool.kb / 1024).toFixed(0)} | ${(pool.seconds / main.seconds).toFixed(2)} |\n`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

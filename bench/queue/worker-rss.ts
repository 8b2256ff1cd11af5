/**
 * `npm run bench` (queue part): resident memory of one `reportmill worker` (the built CLI, real
 * Redis and PostgreSQL) while it works through N queued documents (default 1,000: distinct mixed
 * documents from bench/scale/corpus.ts, enqueued with `reportmill ingest --queue`). The worker's
 * own RSS and its process tree's (with its parse processes) are sampled every 250 ms and reported
 * by tenth of the run, so growth per job shows as a rising last column.
 * Services: REDIS_URL (default redis://127.0.0.1:6379) and BENCH_DATABASE_ADMIN_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres; a database is created and dropped for the run).
 * usage: tsx bench/queue/worker-rss.ts [--jobs N]
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sharedDir, writeMixedCorpus } from '../scale/corpus.ts';
import { residentKb, treeKb } from '../support/process-tree.ts';

const args = process.argv.slice(2);
const jobsFlag = args.indexOf('--jobs');
const jobs = Number(jobsFlag >= 0 ? args[jobsFlag + 1] : (process.env.BENCH_QUEUE_JOBS ?? 1000));
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const adminUrl = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const bin = join(import.meta.dirname, '../../bin/reportmill.mjs');


async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

if (sharedDir() === null) throw new Error('shared/ (seeds and fixtures) not found; set REPORTMILL_SHARED');
const work = mkdtempSync(join(tmpdir(), 'reportmill-bench-queue-'));
const database = `rm_bench_${randomUUID().replace(/-/g, '')}`;
await admin(`CREATE DATABASE ${database}`);
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
const env = {
  ...process.env,
  REDIS_URL: redisUrl,
  DATABASE_URL: databaseUrl,
  REPORTMILL_HOME: join(work, 'home'),
  REPORTMILL_QUEUE_PREFIX: `rm-bench-${process.pid}`,
};
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

try {
  const corpus = writeMixedCorpus(join(work, 'corpus'), jobs);
  const loadBefore = load();
  const worker = spawn(process.execPath, [bin, 'worker'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  const started = performance.now();
  const submit = spawn(process.execPath, [bin, 'ingest', '--queue', corpus, '--out', join(work, 'out')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let done = 0;
  submit.stderr.on('data', (chunk: Buffer) => {
    // One "[done/total] status path" line per finished document when stderr is not a terminal.
    for (const match of chunk.toString().matchAll(/^\[(\d+)\/\d+\]/gm)) done = Math.max(done, Number(match[1]));
  });
  const samples: { done: number; workerKb: number; treeKb: number }[] = [];
  const sampler = setInterval(() => samples.push({ done, workerKb: residentKb(worker.pid!), treeKb: treeKb(worker.pid!) }), 250);
  const code = await new Promise<number | null>((resolve) => submit.on('exit', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const final = { workerKb: residentKb(worker.pid!), treeKb: treeKb(worker.pid!) };
  worker.kill('SIGTERM');
  await new Promise((resolve) => worker.on('exit', resolve));
  if (code !== 0) console.log(`(ingest --queue exited ${code})`);

  const mb = (kb: number): string => `${Math.round(kb / 1024)}`;
  console.log(`\nOne reportmill worker, ${jobs} queued mixed documents (${done} reported), ${seconds.toFixed(0)} s, load ${loadBefore} before, ${load()} after:`);
  console.log('| jobs done | worker RSS, peak MB | worker + parse processes, peak MB |\n|---|---:|---:|');
  for (let tenth = 1; tenth <= 10; tenth++) {
    const upTo = (jobs * tenth) / 10;
    const from = (jobs * (tenth - 1)) / 10;
    const slice = samples.filter((s) => s.done > from && s.done <= upTo);
    if (slice.length === 0) continue;
    console.log(`| ${Math.round(from)}–${Math.round(upTo)} | ${mb(Math.max(...slice.map((s) => s.workerKb)))} | ${mb(Math.max(...slice.map((s) => s.treeKb)))} |`);
  }
  console.log(`| after all ${jobs}, idle | ${mb(final.workerKb)} | ${mb(final.treeKb)} |`);
} finally {
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
  rmSync(work, { recursive: true, force: true });
}

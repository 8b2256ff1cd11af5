import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestSummary } from '../../src/cli/ingest-summary.ts';
import { Report } from '../../src/model/report.ts';
import { createTestDatabase, type TestDatabase } from '../store/support/postgres-database.ts';
import { REDIS_URL, shouldRun } from '../store/support/services.ts';

const bin = join(import.meta.dirname, '../../bin/reportmill.mjs');
const golden = join(import.meta.dirname, '../../fixtures/golden');
const run = (await shouldRun('redis')) && (await shouldRun('postgres'));

/**
 * The distributed front doors as a user runs them: `reportmill worker` in its own process, then
 * `reportmill ingest --queue`, `reportmill jobs` and `reportmill export` against the same Redis
 * prefix and PostgreSQL database, and SIGTERM to stop the worker.
 */
describe.skipIf(!run)('reportmill worker + ingest --queue + export (real Redis and PostgreSQL)', () => {
  const work = mkdtempSync(join(tmpdir(), 'reportmill-dist-'));
  let database: TestDatabase;
  let worker: ChildProcess;
  let env: NodeJS.ProcessEnv;

  const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile(process.execPath, [bin, ...args], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    env = {
      ...process.env,
      REDIS_URL,
      DATABASE_URL: database.url,
      REPORTMILL_HOME: join(work, 'home'),
      REPORTMILL_QUEUE_PREFIX: `rmcli-${randomUUID()}`,
      REPORTMILL_BLOBS: 'database',
    };
    worker = spawn(process.execPath, [bin, 'worker'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  });

  afterAll(async () => {
    if (worker.exitCode === null) worker.kill('SIGKILL');
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('processes queued documents into PostgreSQL with the same summary contract as in-process ingest', async () => {
    const out = join(work, 'out');
    const inputs = [join(golden, 'mn-ndg-inspector-2024/input.txt'), join(golden, 'ky-socfund-acp-2024q1/input.docx'), join(work, 'missing.pdf')];
    const ingest = await cli(['ingest', '--queue', ...inputs, '--out', out]);
    expect(ingest.code).toBe(1);
    const summary = IngestSummary.parse(JSON.parse(readFileSync(join(out, 'ingest-summary.json'), 'utf8')));
    const byName = Object.fromEntries(summary.inputs.map((e) => [e.path.split('/').pop(), e]));
    expect(byName['input.txt']).toMatchObject({ status: 'ok' });
    expect(byName['input.docx']).toMatchObject({ status: 'ok' });
    expect(byName['missing.pdf']).toMatchObject({ status: 'failed', error: { code: 'input/not-found' } });

    const exported = await cli(['export', '--format', 'ndjson']);
    expect(exported.code).toBe(0);
    const reports = exported.stdout.trim().split('\n').map((line) => Report.parse(JSON.parse(line)));
    expect(reports.map((r) => r.measures.length).sort((a, b) => a - b)).toEqual([14, 28]);

    const jobs = await cli(['jobs']);
    expect(jobs.code).toBe(0);
  });

  it('stops the worker cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

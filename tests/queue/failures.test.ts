import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runJobsCommand } from '../../src/queue/cli-jobs.ts';
import { enqueueDocuments } from '../../src/queue/enqueue-documents.ts';
import { listFailedJobs, retryFailedJobs } from '../../src/queue/failed-jobs.ts';
import type { PipelineSettingsOverrides } from '../../src/queue/pipeline-settings.ts';
import { startWorkers } from '../../src/queue/start-workers.ts';
import type { WorkersHandle } from '../../src/queue/start-workers.ts';
import { waitForDocuments } from '../../src/queue/wait-for-documents.ts';
import type { ReportStore } from '../../src/store/report-store.ts';
import { POSTGRES_ADMIN_URL, shouldRun } from '../store/support/services.ts';
import { createFakeStages, docBytes, docId } from './support/fake-stages.ts';
import type { DocSpec, FakeStages } from './support/fake-stages.ts';
import { createQueueHarness } from './support/queue-harness.ts';
import type { QueueHarness } from './support/queue-harness.ts';

const run = (await shouldRun('redis')) && (await shouldRun('postgres'));

describe.skipIf(!run)('permanent and transient failures (real Redis and PostgreSQL)', () => {
  let h: QueueHarness;
  let stages: FakeStages;
  let workers: WorkersHandle | undefined;

  const connection = () => ({ prefix: h.prefix, redisUrl: h.redisUrl });
  // Attempts and backoff are job options, set by whoever adds the job: the test's enqueue and the
  // workers' hand-ons must agree, as the CLI and the workers do through REPORTMILL_* variables.
  let settings: PipelineSettingsOverrides = {};
  const start = async (options: { store?: ReportStore; settings?: PipelineSettingsOverrides } = {}) => {
    settings = { ...h.settings, ...options.settings };
    workers = await startWorkers({ ...connection(), stages, store: options.store ?? h.store, blobs: h.blobs, settings, log: () => {} });
  };
  const submit = async (spec: Omit<DocSpec, 'seed'>) => {
    const bytes = docBytes({ seed: randomUUID(), ...spec });
    const handles = await enqueueDocuments([{ filename: `${spec.behaviour ?? 'ok'}.pdf`, bytes }], { ...connection(), blobs: h.blobs, settings });
    const [outcome] = await waitForDocuments(handles, undefined, { ...connection(), timeoutMs: 30_000 });
    return { id: docId(bytes), outcome: outcome! };
  };

  beforeEach(async () => {
    h = await createQueueHarness();
    stages = createFakeStages();
  });
  afterEach(async () => {
    await workers?.close();
    workers = undefined;
    await h.dispose();
  });

  test('a permanent error fails at once with its code, shows in `reportmill jobs`, and can be retried', async () => {
    await start();
    const { id, outcome } = await submit({ behaviour: 'permanent' });
    expect(outcome).toMatchObject({ status: 'failed', id, error: { code: 'pdf/encrypted', message: 'the PDF is encrypted' } });
    expect(stages.calls.get(id)).toBe(1);
    expect(await h.job('parse', id)).toMatchObject({ attemptsMade: 1 });
    await expect.poll(() => h.store.getStatus(id)).toMatchObject({ state: 'failed', error: { code: 'pdf/encrypted' } });

    expect(await listFailedJobs(connection())).toEqual([
      expect.objectContaining({ stage: 'parse', id, code: 'pdf/encrypted', filename: 'permanent.pdf', attemptsMade: 1 }),
    ]);
    const stdout = new PassThrough();
    expect(await runJobsCommand([], { ...connection(), stdout })).toBe(0);
    const listing = String(stdout.read());
    expect(listing).toMatch(/^STAGE\s+DOCUMENT\s+CODE/);
    expect(listing).toContain(`parse  ${id.slice(0, 12)}  pdf/encrypted`);
    expect(listing).toMatch(/^parse {4}waiting 0 {2}active 0 {2}delayed 0 {2}failed 1 {2}completed 0$/m);
    expect(listing).toMatch(/^store {4}waiting 0 {2}active 0 {2}delayed 0 {2}failed 0 {2}completed 0$/m);
    const json = new PassThrough();
    expect(await runJobsCommand(['--json'], { ...connection(), stdout: json })).toBe(0);
    expect(JSON.parse(String(json.read()))).toMatchObject({ failed: [{ id, code: 'pdf/encrypted' }], counts: { parse: { failed: 1 } } });

    stages.overrides.set(id, 'ok');
    const retryOut = new PassThrough();
    expect(await runJobsCommand(['--retry'], { ...connection(), stdout: retryOut })).toBe(0);
    expect(String(retryOut.read())).toContain('retried 1 job(s)');
    const [after] = await waitForDocuments(
      [{ path: 'permanent.pdf', filename: 'permanent.pdf', id, state: 'existing' }], undefined, { ...connection(), timeoutMs: 30_000 },
    );
    expect(after?.status).toBe('ok');
    expect(await h.store.getStatus(id)).toMatchObject({ state: 'done' });
    expect(await listFailedJobs(connection())).toEqual([]);
  });

  test('a transient error is retried with backoff until it succeeds', async () => {
    await start();
    const { id, outcome } = await submit({ behaviour: 'transient:2' });
    expect(outcome.status).toBe('ok');
    expect(stages.calls.get(id)).toBe(3);
    // bullmq 6 counts the successful attempt too.
    expect(await h.job('parse', id)).toMatchObject({ attemptsMade: 3 });
    expect((await h.store.tableCounts()).documents).toBe(1);
  });

  test('a transient error that never clears fails after the configured attempts, with its code', async () => {
    await start({ settings: { attempts: 3 } });
    const { id, outcome } = await submit({ behaviour: 'transient:99' });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'test/flaky' } });
    expect(stages.calls.get(id)).toBe(3);
  });

  test('a report that breaks the schema is a permanent failure', async () => {
    await start();
    const { id, outcome } = await submit({ behaviour: 'invalid' });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'queue/schema-invalid' } });
    expect(stages.calls.get(id)).toBe(1);
    expect((await h.store.tableCounts()).documents).toBe(0);
  });

  test('a stage slower than the job timeout fails as queue/timeout after its retries', async () => {
    await start({ settings: { jobTimeoutMs: 200, attempts: 2 } });
    const { id, outcome } = await submit({ behaviour: 'slow:1500' });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'queue/timeout' } });
    expect(stages.calls.get(id)).toBe(2);
  });

  test('a PostgreSQL blip while storing is retried and the document stored once', async () => {
    // The real store, with its first write cut off the way pg reports a dropped connection.
    let blips = 1;
    const flaky: ReportStore = Object.create(h.store) as ReportStore;
    flaky.upsertReport = async (report, options) => {
      if (blips-- > 0) throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
      return h.store.upsertReport(report, options);
    };
    await start({ store: flaky });
    const { id, outcome } = await submit({});
    expect(outcome.status).toBe('ok');
    expect(await h.job('store', id)).toMatchObject({ attemptsMade: 2, returnvalue: { outcome: 'inserted' } });
    expect((await h.store.tableCounts()).documents).toBe(1);
  });

  test('PostgreSQL dropping every store connection for half a second mid-batch: retried, each document stored once', async () => {
    await start({ settings: { attempts: 5, backoffMs: 200 } });
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    const database = new URL(h.database.url).pathname.slice(1);
    try {
      const docs = Array.from({ length: 8 }, (_, i) => ({ filename: `k${i}.pdf`, bytes: docBytes({ seed: randomUUID(), measures: 40, behaviour: 'slow:300' }) }));
      const handles = await enqueueDocuments(docs, { ...connection(), blobs: h.blobs, settings });
      await expect.poll(async () => (await h.store.tableCounts()).documents, { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
      // Server-side kills (SQLSTATE 57P01) of every connection to this test's database, idle or
      // busy, again and again for 500 ms: the store jobs in that window fail and must be retried.
      let killed = 0;
      const until = Date.now() + 500;
      while (Date.now() < until) {
        const result = await admin.query(
          'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [database],
        );
        killed += (result.rows[0] as { n: number }).n;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(killed).toBeGreaterThan(0);
      const outcomes = await waitForDocuments(handles, undefined, { ...connection(), timeoutMs: 30_000 });
      expect(outcomes.map((o) => o.error?.code ?? o.status)).toEqual(docs.map(() => 'ok'));
      expect(await h.store.tableCounts()).toMatchObject({ documents: 8, measures: 320, ingest_failures: 0 });
    } finally {
      await admin.end();
    }
  });

  test('a permanent store error (an invalid report) is not retried', async () => {
    const strict: ReportStore = Object.create(h.store) as ReportStore;
    let calls = 0;
    strict.upsertReport = async (report, options) => {
      calls += 1;
      return h.store.upsertReport({ ...report, id: 'not-a-sha' }, options);
    };
    await start({ store: strict });
    const { outcome } = await submit({});
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'store/invalid-report' } });
    expect(calls).toBe(1);
  });

  test('retryFailedJobs retries only the ids asked for', async () => {
    await start();
    const a = await submit({ behaviour: 'permanent' });
    const b = await submit({ behaviour: 'permanent' });
    stages.overrides.set(a.id, 'ok');
    stages.overrides.set(b.id, 'ok');
    const retried = await retryFailedJobs({ ...connection(), ids: [a.id] });
    expect(retried.map((r) => r.id)).toEqual([a.id]);
    await expect.poll(() => h.store.getStatus(a.id), { timeout: 10_000 }).toMatchObject({ state: 'done' });
    expect((await listFailedJobs(connection())).map((f) => f.id)).toEqual([b.id]);
  });

  test('`reportmill jobs` rejects unknown arguments and fails cleanly when Redis is unreachable', async () => {
    const stderr = new PassThrough();
    expect(await runJobsCommand(['--bogus'], { ...connection(), stderr })).toBe(2);
    const down = new PassThrough();
    expect(await runJobsCommand([], { prefix: h.prefix, redisUrl: 'redis://127.0.0.1:1', stderr: down })).toBe(1);
    expect(String(down.read())).toMatch(/^reportmill jobs: /);
  });
});

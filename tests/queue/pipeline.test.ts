import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runWorkerCommand } from '../../src/queue/cli-worker.ts';
import { getDocumentState } from '../../src/queue/document-state.ts';
import { runQueuedIngest } from '../../src/queue/queued-ingest.ts';
import { enqueueDocuments } from '../../src/queue/enqueue-documents.ts';
import { startWorkers } from '../../src/queue/start-workers.ts';
import type { WorkersHandle } from '../../src/queue/start-workers.ts';
import { queueName } from '../../src/queue/stage-names.ts';
import { waitForDocuments } from '../../src/queue/wait-for-documents.ts';
import type { WaitProgress } from '../../src/queue/wait-for-documents.ts';
import { shouldRun } from '../store/support/services.ts';
import { createFakeStages, docBytes, docId } from './support/fake-stages.ts';
import type { FakeStages } from './support/fake-stages.ts';
import { createQueueHarness } from './support/queue-harness.ts';
import type { QueueHarness } from './support/queue-harness.ts';

const run = (await shouldRun('redis')) && (await shouldRun('postgres'));

describe.skipIf(!run)('queue pipeline parse → validate → store (real Redis and PostgreSQL)', () => {
  let h: QueueHarness;
  let stages: FakeStages;
  let workers: WorkersHandle | undefined;

  const start = async () => {
    workers = await startWorkers({
      prefix: h.prefix, redisUrl: h.redisUrl, stages, store: h.store, blobs: h.blobs, settings: h.settings, log: () => {},
    });
  };
  const connection = () => ({ prefix: h.prefix, redisUrl: h.redisUrl });

  beforeEach(async () => {
    h = await createQueueHarness();
    stages = createFakeStages();
  });
  afterEach(async () => {
    await workers?.close();
    workers = undefined;
    await h.dispose();
  });

  test('stores every document once, and re-submitting the same bytes duplicates nothing', async () => {
    await start();
    const docs = [1, 2, 3].map((n) => ({ filename: `doc-${n}.json`, bytes: docBytes({ seed: `${randomUUID()}`, measures: n }) }));
    const handles = await enqueueDocuments(docs, { ...connection(), blobs: h.blobs });
    expect(handles.map((x) => x.state)).toEqual(['queued', 'queued', 'queued']);
    expect(handles.map((x) => x.id)).toEqual(docs.map((d) => docId(d.bytes)));

    const progress: WaitProgress[] = [];
    const outcomes = await waitForDocuments(handles, (p) => progress.push(p), { ...connection(), timeoutMs: 30_000 });
    expect(outcomes).toEqual(docs.map((d) => ({ path: d.filename, status: 'ok', id: docId(d.bytes) })));
    expect(progress.at(-1)).toMatchObject({ total: 3, ok: 3, failed: 0, pending: 0 });
    const counts = await h.store.tableCounts();
    expect(counts).toMatchObject({ documents: 3, measures: 6, findings: 6 });
    const stored = await h.store.getReport(docId(docs[1]!.bytes));
    expect(stored?.findings.map((f) => f.code)).toEqual(['TEST_FINDING', 'TEST_VALIDATED']);

    // New bytes twice in one batch: one job, two summary entries, one more document.
    const fresh = docBytes({ seed: randomUUID(), measures: 1 });
    const twice = await enqueueDocuments([{ filename: 'new.json', bytes: fresh }, { filename: 'copy.json', bytes: fresh }], { ...connection(), blobs: h.blobs });
    expect(twice.map((x) => x.state)).toEqual(['queued', 'existing']);
    expect((await waitForDocuments(twice, undefined, connection())).map((o) => [o.path, o.status])).toEqual([
      ['new.json', 'ok'], ['copy.json', 'ok'],
    ]);
    expect(stages.calls.get(docId(fresh))).toBe(1);
    Object.assign(counts, await h.store.tableCounts());
    expect(counts.documents).toBe(4);

    const again = await enqueueDocuments(docs, { ...connection(), blobs: h.blobs });
    expect(again.map((x) => x.state)).toEqual(['existing', 'existing', 'existing']);
    expect((await waitForDocuments(again, undefined, { ...connection(), timeoutMs: 30_000 })).map((o) => o.status)).toEqual(['ok', 'ok', 'ok']);
    expect(await h.store.tableCounts()).toEqual(counts);
    expect([...stages.calls.values()]).toEqual([1, 1, 1, 1]);
  });

  test('Redis carries blob keys, never file contents; stage hand-offs are cleaned up', async () => {
    await start();
    const marker = `SECRET-${randomUUID()}`;
    const bytes = docBytes({ seed: randomUUID(), marker });
    const handles = await enqueueDocuments([{ filename: 'a.json', bytes }], { ...connection(), blobs: h.blobs });
    expect((await waitForDocuments(handles, undefined, { ...connection(), timeoutMs: 30_000 }))[0]?.status).toBe('ok');
    const dump = await h.redisDump();
    expect(dump).toContain(docId(bytes)); // the dump does see this test's jobs…
    expect(dump).not.toContain(marker); // …but not the file's contents
    const queue = new Queue(queueName('parse'), { connection: { url: h.redisUrl }, prefix: h.prefix });
    const job = await queue.getJob(docId(bytes));
    await queue.close();
    expect(Object.keys(job?.data ?? {}).sort()).toEqual(['blobKey', 'documentId', 'filename', 'submittedAt']);
    // Only the original remains once the store stage completed (cleanup runs just after).
    const deadline = Date.now() + 5000;
    let left: string[] = [];
    do {
      left = [...(await readdir(join(h.home, 'blobs'))), ...(await readdir(join(h.home, 'blobs', 'stage')).catch(() => []))]
        .filter((name) => name !== 'stage');
      if (left.length === 1) break;
      await new Promise((r) => setTimeout(r, 100));
    } while (Date.now() < deadline);
    expect(left).toEqual([docId(bytes)]);
  });

  test('a new extractor version reprocesses the document and replaces its rows', async () => {
    await start();
    const bytes = docBytes({ seed: randomUUID(), measures: 4 });
    const first = await enqueueDocuments([{ filename: 'v.json', bytes }], { ...connection(), blobs: h.blobs });
    await waitForDocuments(first, undefined, { ...connection(), timeoutMs: 30_000 });
    const before = await h.store.tableCounts();

    stages.extractorVersion = '2.0.0';
    const second = await enqueueDocuments([{ filename: 'v.json', bytes }], { ...connection(), blobs: h.blobs, reprocess: true });
    expect(second[0]?.state).toBe('queued');
    expect((await waitForDocuments(second, undefined, { ...connection(), timeoutMs: 30_000 }))[0]?.status).toBe('ok');
    expect((await h.store.getReport(docId(bytes)))?.extractorVersion).toBe('2.0.0');
    expect(await h.store.tableCounts()).toEqual(before);
    expect(stages.calls.get(docId(bytes))).toBe(2);
  });

  test('enqueues files and directories from disk; unreadable paths fail without queueing', async () => {
    await start();
    const { mkdir, writeFile } = await import('node:fs/promises');
    const dir = join(h.home, 'inbox');
    await mkdir(join(dir, 'sub'), { recursive: true });
    const a = docBytes({ seed: randomUUID() });
    const b = docBytes({ seed: randomUUID() });
    await writeFile(join(dir, 'a.json'), a);
    await writeFile(join(dir, 'sub', 'b.json'), b);
    await writeFile(join(dir, 'skip.txt'), 'not for us');
    await writeFile(join(dir, '.hidden.json'), docBytes({ seed: randomUUID() }));
    const { symlink } = await import('node:fs/promises');
    await symlink(dir, join(dir, 'sub', 'loop')); // a directory symlink back up: must not be followed
    const handles = await enqueueDocuments([dir, join(h.home, 'missing.pdf')], {
      ...connection(), blobs: h.blobs, accept: ({ filename }) => filename.endsWith('.json'),
    });
    expect(handles.map((x) => [x.filename, x.state])).toEqual([
      ['a.json', 'queued'], ['skip.txt', 'skipped'], ['b.json', 'queued'], ['missing.pdf', 'rejected'],
    ]);
    const outcomes = await waitForDocuments(handles, undefined, { ...connection(), timeoutMs: 30_000 });
    expect(outcomes.map((o) => o.status)).toEqual(['ok', 'skipped', 'ok', 'failed']);
    expect(outcomes[3]?.error?.code).toBe('input/not-found');
    expect((await h.store.tableCounts()).documents).toBe(2);
  });

  test('document state for the HTTP API: queued, done, unknown, and the store for jobs already gone', async () => {
    const bytes = docBytes({ seed: randomUUID() });
    const handles = await enqueueDocuments([{ filename: 's.json', bytes }], { ...connection(), blobs: h.blobs });
    const id = docId(bytes);
    expect(await getDocumentState(id, connection())).toEqual({ state: 'queued' });
    // No worker yet: a bounded wait gives up with its own code.
    const [timedOut] = await waitForDocuments(handles, undefined, { ...connection(), timeoutMs: 300 });
    expect(timedOut).toMatchObject({ status: 'failed', error: { code: 'queue/wait-timeout' } });
    await start();
    await waitForDocuments(handles, undefined, { ...connection(), timeoutMs: 30_000 });
    expect(await getDocumentState(id, connection())).toEqual({ state: 'done' });
    const unknown = docId(docBytes({ seed: randomUUID() }));
    expect(await getDocumentState(unknown, connection())).toEqual({ state: 'unknown' });
    await h.store.recordFailure(unknown, 'gone.pdf', { code: 'pdf/encrypted', message: 'x' });
    expect(await getDocumentState(unknown, { ...connection(), store: h.store })).toEqual({ state: 'failed', error: { code: 'pdf/encrypted', message: 'x' } });
  });

  test('reportmill ingest --queue (runQueuedIngest): summary, progress lines and one JSON per document', async () => {
    await start();
    const { mkdir, readFile, readdir: list, writeFile } = await import('node:fs/promises');
    const inbox = join(h.home, 'queued-inbox');
    await mkdir(inbox, { recursive: true });
    await writeFile(join(inbox, 'a.json'), docBytes({ seed: randomUUID(), measures: 2 }));
    await writeFile(join(inbox, 'b.json'), docBytes({ seed: randomUUID(), behaviour: 'permanent' }));
    const out = join(h.home, 'out');
    const lines: string[] = [];
    const summary = await runQueuedIngest({
      ...connection(), paths: [inbox], outDir: out, databaseUrl: h.database.url, home: h.home, timeoutMs: 30_000, log: (l) => lines.push(l),
    });
    expect(summary.counts).toEqual({ ok: 1, failed: 1, skipped: 0 });
    expect(summary.inputs.map((e) => [e.path.endsWith('a.json'), e.status, e.error?.code])).toEqual([[true, 'ok', undefined], [false, 'failed', 'pdf/encrypted']]);
    expect(lines.at(-1)).toMatch(/^\[2\/2\] /);
    const okId = summary.inputs[0]!.id!;
    expect((await list(out)).sort()).toEqual([`${okId}.json`, 'ingest-summary.json']);
    expect(JSON.parse(await readFile(join(out, `${okId}.json`), 'utf8'))).toEqual(await h.store.getReport(okId));
    expect(JSON.parse(await readFile(join(out, 'ingest-summary.json'), 'utf8'))).toEqual(summary);
  });

  test('reportmill worker refuses bad arguments with exit 2', async () => {
    expect(await runWorkerCommand(['--only', 'parse,bogus'])).toBe(2);
    expect(await runWorkerCommand(['--concurrency', '0'])).toBe(2);
  });

  test('concurrency and the rate limit apply to the parse queue', async () => {
    const started: number[] = [];
    const run = async (workers_: { concurrency: number; limiter?: { max: number; duration: number } }) => {
      started.length = 0;
      stages = createFakeStages({ onStart: () => started.push(Date.now()) });
      workers = await startWorkers({
        ...connection(), stages, store: h.store, blobs: h.blobs, log: () => {},
        settings: { ...h.settings, workers: { parse: workers_ } },
      });
      const docs = [1, 2, 3].map((n) => ({ filename: `r${n}.json`, bytes: docBytes({ seed: randomUUID(), behaviour: 'slow:600' }) }));
      const outcomes = await waitForDocuments(await enqueueDocuments(docs, { ...connection(), blobs: h.blobs }), undefined, { ...connection(), timeoutMs: 30_000 });
      expect(outcomes.map((o) => o.status)).toEqual(['ok', 'ok', 'ok']);
      await workers.close();
      workers = undefined;
      return started.map((t) => t - started[0]!);
    };
    // Three at once: all three parses start together.
    expect(Math.max(...(await run({ concurrency: 3 })))).toBeLessThan(400);
    // One at a time: each starts after the previous one's 600 ms.
    const serial = await run({ concurrency: 1 });
    expect(serial[1]).toBeGreaterThanOrEqual(550);
    expect(serial[2]).toBeGreaterThanOrEqual(1100);
    // Concurrency 3 but at most one job per 1.5 s across the queue: the limiter spaces them out.
    const limited = await run({ concurrency: 3, limiter: { max: 1, duration: 1500 } });
    expect(limited[1]).toBeGreaterThanOrEqual(1400);
    expect(limited[2]).toBeGreaterThanOrEqual(2900);
  });
});

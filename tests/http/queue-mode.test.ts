import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHttpServer } from '../../src/http/http-server.ts';
import { createQueueProcessor } from '../../src/http/queue-processor.ts';
import { openQueues } from '../../src/queue/pipeline-queues.ts';
import { resolveSettings } from '../../src/queue/pipeline-settings.ts';
import { startWorkers } from '../../src/queue/start-workers.ts';
import type { WorkersHandle } from '../../src/queue/start-workers.ts';
import { ingestStages } from '../../workers/ingest-stages.ts';
import { createQueueHarness } from '../queue/support/queue-harness.ts';
import type { QueueHarness } from '../queue/support/queue-harness.ts';
import { shouldRun } from '../store/support/services.ts';
import { AUTH, CORRUPT_DOCX, MONGOLIAN_DOCX, TOKEN, read, upload, waitForDocument } from './support/http-harness.ts';

const run = (await shouldRun('redis')) && (await shouldRun('postgres'));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * `serve` with REDIS_URL: uploads become parse jobs on real Redis, workers (here in this process,
 * as `reportmill worker` would run them elsewhere) store into real PostgreSQL, and the API reads
 * the status from the queues and the store.
 */
describe.skipIf(!run)('HTTP API on the queue (Redis + PostgreSQL)', () => {
  let h: QueueHarness;
  let workers: WorkersHandle;
  let app: FastifyInstance;
  const mongolian = read(MONGOLIAN_DOCX);
  const corrupt = read(CORRUPT_DOCX);

  beforeAll(async () => {
    h = await createQueueHarness();
    const connection = { prefix: h.prefix, redisUrl: h.redisUrl };
    const queues = openQueues(connection, resolveSettings(h.settings));
    app = await buildHttpServer({
      token: TOKEN,
      store: h.store,
      blobs: h.blobs,
      processor: createQueueProcessor({ queues, blobs: h.blobs, store: h.store }),
      maxUploadBytes: 1024 * 1024,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await workers?.close();
    await h?.dispose();
  });

  test('uploads wait as queued jobs until a worker runs; the same bytes are one job', async () => {
    const first = await upload(app, mongolian, MONGOLIAN_DOCX.name);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ id: sha256(mongolian), status: 'queued' });
    const again = await upload(app, mongolian, 'copy.docx');
    expect(again.json()).toEqual({ id: sha256(mongolian), status: 'queued' });
    const status = await app.inject({ method: 'GET', url: `/v1/documents/${sha256(mongolian)}`, headers: AUTH });
    expect(status.json()).toEqual({ id: sha256(mongolian), status: 'queued' });

    const queues = openQueues({ prefix: h.prefix, redisUrl: h.redisUrl }, resolveSettings());
    try {
      expect(await queues.byStage.parse.getJobCounts('waiting', 'active', 'completed', 'failed')).toEqual({ waiting: 1, active: 0, completed: 0, failed: 0 });
    } finally {
      await queues.close();
    }

    const accepted = await upload(app, corrupt, CORRUPT_DOCX.name);
    expect(accepted.json()).toEqual({ id: sha256(corrupt), status: 'queued' });
  });

  test('workers process them: the report with 14 measures, and docx/corrupt for the broken file', async () => {
    workers = await startWorkers({ prefix: h.prefix, redisUrl: h.redisUrl, stages: ingestStages, store: h.store, blobs: h.blobs, settings: h.settings, log: () => {} });
    const done = await waitForDocument(app, sha256(mongolian));
    expect(done.status).toBe('done');
    expect(done.report?.measures).toHaveLength(14);
    const failed = await waitForDocument(app, sha256(corrupt));
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'docx/corrupt' } });
    expect((await h.job('parse', sha256(mongolian))).attemptsMade).toBe(1);

    // Done documents are not queued again.
    const again = await upload(app, mongolian, MONGOLIAN_DOCX.name);
    expect(again.json()).toEqual({ id: sha256(mongolian), status: 'done' });
    expect((await h.job('parse', sha256(mongolian))).attemptsMade).toBe(1);

    const measures = await app.inject({ method: 'GET', url: `/v1/measures?documentId=${sha256(mongolian)}&limit=1000`, headers: AUTH });
    expect(measures.json().items).toHaveLength(14);
    const original = await app.inject({ method: 'GET', url: `/v1/documents/${sha256(mongolian)}/original`, headers: AUTH });
    expect(original.rawPayload.equals(mongolian)).toBe(true);
  });

  test('/healthz reports PostgreSQL and Redis', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', store: { kind: 'postgres', ok: true }, queue: { kind: 'redis', ok: true } });
  });

  test('without Redis: /healthz is 503, and requests that need the queue are 503 after a bounded wait', async () => {
    // As serve opens them: reconnecting for as long as Redis is away.
    const queues = openQueues({ prefix: h.prefix, redisUrl: 'redis://127.0.0.1:1' }, resolveSettings(), 'worker');
    const processor = createQueueProcessor({ queues, blobs: h.blobs, store: h.store, answerMs: 500 });
    const down = await buildHttpServer({ token: TOKEN, store: h.store, blobs: h.blobs, processor, maxUploadBytes: 1024 * 1024 });
    try {
      const response = await down.inject({ method: 'GET', url: '/healthz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'unavailable', store: { ok: true }, queue: { kind: 'redis', ok: false, code: 'queue/unreachable' } });
      const status = await down.inject({ method: 'GET', url: `/v1/documents/${sha256(corrupt)}`, headers: AUTH });
      expect(status.statusCode, status.body).toBe(503);
      expect(status.json().error.code).toBe('queue/unavailable');
      const uploaded = await upload(down, Buffer.from('# new\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'), 'new.md');
      expect(uploaded.statusCode).toBe(503);
    } finally {
      await down.close();
    }
  });
});

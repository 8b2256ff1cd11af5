import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enqueueDocuments } from '../../src/queue/enqueue-documents.ts';
import { startWorkers } from '../../src/queue/start-workers.ts';
import type { WorkersHandle } from '../../src/queue/start-workers.ts';
import { waitForDocuments } from '../../src/queue/wait-for-documents.ts';
import { shouldRun } from '../store/support/services.ts';
import { createFakeStages, docBytes } from './support/fake-stages.ts';
import { createQueueHarness } from './support/queue-harness.ts';
import type { QueueHarness } from './support/queue-harness.ts';

/**
 * A Redis that goes away and comes back, for real: a private redis-server (append-only file,
 * fsync on every write) that the test kills with SIGKILL mid-batch and restarts on the same port
 * and data. The shared Redis of the machine is never touched.
 */
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
const run = hasRedisServer && (await shouldRun('postgres'));

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('error', () => (socket.destroy(), resolve(false)));
    socket.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
  });
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!run)('Redis outage in the middle of a batch (private redis-server)', () => {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  let dir: string;
  let redis: ChildProcess | undefined;
  let h: QueueHarness;
  let workers: WorkersHandle | undefined;

  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], { stdio: 'ignore' });
    await until(() => portOpen(port), 10_000, 'redis-server to listen');
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reportmill-redis-'));
    await startRedis();
    h = await createQueueHarness({ redisUrl: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await workers?.close();
    await h?.dispose();
    if (redis !== undefined && redis.exitCode === null) {
      redis.kill('SIGKILL');
      await once(redis, 'exit');
    }
    await rm(dir, { recursive: true, force: true });
  });

  test('workers ride out a Redis restart; every document is stored exactly once', async () => {
    const stages = createFakeStages();
    workers = await startWorkers({ prefix: h.prefix, redisUrl: h.redisUrl, stages, store: h.store, blobs: h.blobs, settings: h.settings, log: () => {} });
    const docs = Array.from({ length: 6 }, (_, i) => ({ filename: `d${i}.json`, bytes: docBytes({ seed: randomUUID(), measures: 2, behaviour: 'slow:400' }) }));
    const handles = await enqueueDocuments(docs, { prefix: h.prefix, redisUrl: h.redisUrl, blobs: h.blobs, settings: h.settings });

    await until(async () => (await h.store.tableCounts()).documents >= 1, 20_000, 'the first document to be stored');
    redis!.kill('SIGKILL');
    await once(redis!, 'exit');
    await new Promise((r) => setTimeout(r, 1500));
    await startRedis();

    const outcomes = await waitForDocuments(handles, undefined, { prefix: h.prefix, redisUrl: h.redisUrl, timeoutMs: 60_000 });
    expect(outcomes.map((o) => o.status)).toEqual(docs.map(() => 'ok'));
    expect(await h.store.tableCounts()).toMatchObject({ documents: 6, measures: 12, ingest_failures: 0 });
  });
});

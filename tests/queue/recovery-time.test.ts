import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { hugeMarkdownTable, loopingPdf } from '../../bench/scale/corpus.ts';
import { documentId } from '../../pipelines/ingest/stages.ts';
import { enqueueDocuments } from '../../src/queue/enqueue-documents.ts';
import { waitForDocuments } from '../../src/queue/wait-for-documents.ts';
import { shouldRun } from '../store/support/services.ts';
import { createQueueHarness, type QueueHarness } from './support/queue-harness.ts';

const run = (await shouldRun('redis')) && (await shouldRun('postgres'));
const bin = join(import.meta.dirname, '../../bin/reportmill.mjs');
/** A parse that stays CPU-bound past the 30 s lock: the looping PDF, stopped at this limit. */
const LONG_PARSE_S = 35;

interface CliWorker {
  process: ChildProcess;
  stderr: () => string;
}

/**
 * Recovery with the production settings (30 s locks, 5 s stalled checks) and the real stages:
 * `reportmill worker` processes as a user runs them, parsing in their parse processes.
 */
describe.skipIf(!run)('queue recovery time (real Redis and PostgreSQL, production lock settings)', () => {
  let h: QueueHarness;
  const workers: CliWorker[] = [];
  const connection = () => ({ prefix: h.prefix, redisUrl: h.redisUrl });
  const startWorker = (): CliWorker => {
    const child = spawn(process.execPath, [bin, 'worker'], {
      env: {
        ...process.env,
        REDIS_URL: h.redisUrl,
        REPORTMILL_QUEUE_PREFIX: h.prefix,
        DATABASE_URL: h.database.url,
        REPORTMILL_HOME: h.home,
        REPORTMILL_TIMEOUT: String(LONG_PARSE_S),
        // Room for the looping PDF's growing operator list (about 200 MB/s on an idle core), so it
        // stays busy until its time limit instead of failing as too-complex first.
        REPORTMILL_MAX_HEAP: '8192',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const worker = { process: child, stderr: () => stderr };
    workers.push(worker);
    return worker;
  };
  const enqueue = (filename: string, bytes: Uint8Array) => enqueueDocuments([{ filename, bytes }], { ...connection(), blobs: h.blobs });
  const until = async (check: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeEach(async () => {
    h = await createQueueHarness();
  });
  afterEach(async () => {
    for (const { process: child } of workers.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    }
    await h.dispose();
  });

  test('a worker SIGKILLed mid-parse: its job completes on another worker within 45 s; a long parse on a live worker is never taken for stalled', async () => {
    const table = new TextEncoder().encode(hugeMarkdownTable(300)); // under a second of parsing: enough to be killed in the middle
    const tableId = documentId(table);
    const first = startWorker();
    const tableHandles = await enqueue('table.md', table);
    await until(async () => (await h.job('parse', tableId)).state === 'active', 60_000);
    first.process.kill('SIGKILL');
    const killedAt = Date.now();
    await once(first.process, 'exit');

    const second = startWorker();
    const [recovered] = await waitForDocuments(tableHandles, undefined, { ...connection(), timeoutMs: 90_000 });
    const recoverySeconds = (Date.now() - killedAt) / 1000;
    expect(recovered?.status, JSON.stringify(recovered) + second.stderr()).toBe('ok');
    process.stderr.write(`[recovery-time] job of the killed worker completed ${recoverySeconds.toFixed(1)} s after SIGKILL\n`);
    expect(recoverySeconds, `killed at ${new Date(killedAt).toISOString()}\n${second.stderr()}`).toBeLessThan(45);
    expect(second.stderr()).toMatch(/"event":"stalled"/); // the killed worker's job, put back by the stalled check

    // The next job keeps a parse process busy past the 30 s lock.
    const loop = new Uint8Array(loopingPdf());
    const loopHandles = await enqueue('loop.pdf', loop);
    // The looping PDF kept a parse process busy past the 30 s lock; the worker renewed its lock
    // all along, so the job ran once and failed at its own time limit, never as stalled.
    const [looped] = await waitForDocuments(loopHandles, undefined, { ...connection(), timeoutMs: (LONG_PARSE_S + 30) * 1000 });
    expect(looped).toMatchObject({ status: 'failed', error: { code: 'input/timeout' } });
    const loopJob = await h.job('parse', documentId(loop));
    expect(loopJob).toMatchObject({ state: 'failed', attemptsMade: 1 });
    expect(second.stderr()).not.toMatch(new RegExp(`"event":"stalled"[^\\n]*${documentId(loop)}`));
  }, 180_000);
});

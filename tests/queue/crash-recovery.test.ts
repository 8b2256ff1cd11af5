import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { enqueueDocuments } from '../../src/queue/enqueue-documents.ts';
import { startWorkers } from '../../src/queue/start-workers.ts';
import type { WorkersHandle } from '../../src/queue/start-workers.ts';
import { waitForDocuments } from '../../src/queue/wait-for-documents.ts';
import { shouldRun } from '../store/support/services.ts';
import { createFakeStages, docBytes, docId } from './support/fake-stages.ts';
import type { DocSpec, FakeStages } from './support/fake-stages.ts';
import { createQueueHarness } from './support/queue-harness.ts';
import type { QueueHarness } from './support/queue-harness.ts';
import type { ChildConfig } from './support/worker-child.ts';

const run = (await shouldRun('redis')) && (await shouldRun('postgres'));
const CHILD = fileURLToPath(new URL('./support/worker-child.ts', import.meta.url));

/** A worker in its own process, with its stdout lines readable one at a time. */
interface ChildWorker {
  process: ChildProcess;
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnWorker(config: ChildConfig): ChildWorker {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, REPORTMILL_TEST_CHILD: '1', REPORTMILL_TEST_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  return {
    process: child,
    exited,
    waitForLine(pattern, timeoutMs = 30_000) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`child never printed ${pattern}; stderr:\n${stderr}`)), timeoutMs);
        waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      });
    },
  };
}

describe.skipIf(!run)('crash recovery: killed and stopped workers (real Redis and PostgreSQL)', () => {
  let h: QueueHarness;
  let stages: FakeStages;
  let workers: WorkersHandle | undefined;
  let child: ChildWorker | undefined;

  const connection = () => ({ prefix: h.prefix, redisUrl: h.redisUrl });
  const childConfig = (extra: Partial<ChildConfig> = {}): ChildConfig => ({
    ...connection(), databaseUrl: h.database.url, blobDir: join(h.home, 'blobs'), settings: h.settings, ...extra,
  });
  const enqueue = async (spec: Omit<DocSpec, 'seed'>) => {
    const bytes = docBytes({ seed: randomUUID(), measures: 3, ...spec });
    const handles = await enqueueDocuments([{ filename: 'crash.pdf', bytes }], { ...connection(), blobs: h.blobs, settings: h.settings });
    return { id: docId(bytes), handles };
  };
  const startHere = async () => {
    workers = await startWorkers({ ...connection(), stages, store: h.store, blobs: h.blobs, settings: h.settings, log: () => {} });
  };

  beforeEach(async () => {
    h = await createQueueHarness();
    stages = createFakeStages();
  });
  afterEach(async () => {
    if (child !== undefined && child.process.exitCode === null && child.process.signalCode === null) {
      child.process.kill('SIGKILL');
      await child.exited;
    }
    child = undefined;
    await workers?.close();
    workers = undefined;
    await h.dispose();
  });

  test('a worker SIGKILLed while parsing: another worker recovers the stalled job, the document is stored once', async () => {
    const { id, handles } = await enqueue({ behaviour: 'hang-in-child' });
    child = spawnWorker(childConfig());
    await child.waitForLine(new RegExp(`^PARSE-STARTED ${id}$`));
    child.process.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    expect((await h.job('parse', id)).state).toBe('active'); // locked by a dead worker

    await startHere();
    const [outcome] = await waitForDocuments(handles, undefined, { ...connection(), timeoutMs: 30_000 });
    expect(outcome?.status).toBe('ok');
    expect(stages.calls.get(id)).toBe(1);
    expect(await h.job('store', id)).toMatchObject({ state: 'completed', returnvalue: { outcome: 'inserted' } });
    expect(await h.store.tableCounts()).toMatchObject({ documents: 1, measures: 3, goals: 2, findings: 2 });
  });

  test('a worker SIGKILLed after storing but before completing: the re-run stores nothing twice', async () => {
    const { id, handles } = await enqueue({});
    child = spawnWorker(childConfig({ hangAfterStore: true }));
    await child.waitForLine(new RegExp(`^STORED ${id} inserted$`));
    const afterFirstStore = await h.store.tableCounts();
    expect(afterFirstStore).toMatchObject({ documents: 1, measures: 3 });
    child.process.kill('SIGKILL');
    await child.exited;
    expect((await h.job('store', id)).state).toBe('active');

    await startHere();
    const [outcome] = await waitForDocuments(handles, undefined, { ...connection(), timeoutMs: 30_000 });
    expect(outcome?.status).toBe('ok');
    expect(await h.job('store', id)).toMatchObject({ state: 'completed', returnvalue: { outcome: 'unchanged' } });
    expect(await h.store.tableCounts()).toEqual(afterFirstStore);
    expect(stages.calls.get(id)).toBeUndefined(); // parse and validate were done by the dead worker
  });

  test('SIGTERM lets a worker finish the job in hand, then exit 0', async () => {
    const { id, handles } = await enqueue({ behaviour: 'slow:1500' });
    child = spawnWorker(childConfig());
    await child.waitForLine(new RegExp(`^PARSE-STARTED ${id}$`));
    child.process.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(await h.job('parse', id)).toMatchObject({ state: 'completed', attemptsMade: 1 });
    // The stopped worker took no new job: the document waits in the validate queue for the next one.
    expect((await h.job('validate', id)).state).toBe('waiting');

    await startHere();
    const [outcome] = await waitForDocuments(handles, undefined, { ...connection(), timeoutMs: 30_000 });
    expect(outcome?.status).toBe('ok');
    expect(stages.calls.get(id)).toBeUndefined();
    expect((await h.store.tableCounts()).documents).toBe(1);
  });
});

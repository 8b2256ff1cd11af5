import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enqueueDocuments } from '../../src/queue/enqueue-documents.ts';
import { startWorkers } from '../../src/queue/start-workers.ts';
import type { WorkersHandle } from '../../src/queue/start-workers.ts';
import { waitForDocuments } from '../../src/queue/wait-for-documents.ts';
import { ingestStages } from '../../workers/ingest-stages.ts';
import { shouldRun } from '../store/support/services.ts';
import { createQueueHarness } from './support/queue-harness.ts';
import type { QueueHarness } from './support/queue-harness.ts';

const run = (await shouldRun('redis')) && (await shouldRun('postgres'));
const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

const INPUTS = [
  'golden/ky-socfund-acp-2024q1/input.docx',
  'golden/ky-socfund-acp-2024q1/input-split.docx',
  'golden/ky-socfund-acp-2024q1/input.html',
  'golden/mn-ndg-inspector-2024/input.md',
  'golden/mn-ndg-inspector-2024/input.docx',
  'docx/encrypted.docx',
  'pdf/encrypted-aes256.pdf',
];

/**
 * The real ingest stages behind the queue must give exactly what they give in-process: the same
 * stored report for good documents and the same error code for bad ones.
 */
describe.skipIf(!run)('queue with the real ingest stages (fixtures)', () => {
  let h: QueueHarness;
  let workers: WorkersHandle;

  beforeAll(async () => {
    h = await createQueueHarness();
    // No stages given: the real ones, parsing in contained processes as `reportmill worker` does (the
    // event loop stays free, so the short test locks never lapse while a document is parsed).
    workers = await startWorkers({ prefix: h.prefix, redisUrl: h.redisUrl, store: h.store, blobs: h.blobs, settings: h.settings, log: () => {} });
  });
  afterAll(async () => {
    await workers?.close();
    await h?.dispose();
  });

  test('same reports and error codes as the in-process stages; a second run stores nothing new', async () => {
    const paths = INPUTS.map(fixture);
    const handles = await enqueueDocuments(paths, { prefix: h.prefix, redisUrl: h.redisUrl, blobs: h.blobs, settings: h.settings });
    const outcomes = await waitForDocuments(handles, undefined, { prefix: h.prefix, redisUrl: h.redisUrl, timeoutMs: 60_000 });

    for (const [index, path] of paths.entries()) {
      const bytes = new Uint8Array(await readFile(path));
      const parsed = await ingestStages.parseStage({ bytes, filename: path });
      const outcome = outcomes[index]!;
      if (parsed.ok) {
        expect(outcome, path).toMatchObject({ status: 'ok', id: parsed.report.id });
        expect(await h.store.getReport(parsed.report.id), path).toEqual(ingestStages.validateStage(parsed.report));
      } else {
        expect(outcome, path).toMatchObject({ status: 'failed', error: { code: parsed.error.code } });
        expect(await h.store.getStatus(outcome.id!), path).toMatchObject({ state: 'failed', error: { code: parsed.error.code } });
      }
    }
    expect(outcomes.filter((o) => o.status === 'ok').length).toBe(5);

    const counts = await h.store.tableCounts();
    const again = await enqueueDocuments(paths, { prefix: h.prefix, redisUrl: h.redisUrl, blobs: h.blobs, settings: h.settings });
    await waitForDocuments(again, undefined, { prefix: h.prefix, redisUrl: h.redisUrl, timeoutMs: 60_000 });
    expect(await h.store.tableCounts()).toEqual(counts);
  });
});

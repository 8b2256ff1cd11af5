import { EXTRACTOR_VERSION } from '../extract/version.ts';
import { getDocumentState } from '../queue/document-state.ts';
import type { DocumentState } from '../queue/document-state.ts';
import { enqueueDocuments } from '../queue/enqueue-documents.ts';
import type { PipelineQueues } from '../queue/pipeline-queues.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { ReportStore } from '../store/report-store.ts';
import type { DocumentProcessor, ProcessingState } from './document-processor.ts';
import { withDeadline } from './deadline.ts';

export interface QueueProcessorOptions {
  queues: PipelineQueues;
  /** Must be the blob store the workers read (REPORTMILL_BLOBS=database, or a shared REPORTMILL_HOME). */
  blobs: BlobStore;
  store: ReportStore;
}

function fromQueue(state: DocumentState): ProcessingState | null {
  switch (state.state) {
    case 'unknown':
      return null;
    case 'failed':
      return { status: 'failed', error: { code: state.error.code, message: state.error.message } };
    default:
      return { status: state.state };
  }
}

/**
 * Distributed mode (`REDIS_URL` set): an upload becomes a parse job whose id is the document's
 * sha256, and `reportmill worker` processes run it, so `serve` and the workers scale apart.
 * BullMQ ignores a second job with the same id, and bytes the store already holds are not queued
 * at all, so the same bytes never run twice.
 */
export function createQueueProcessor(options: QueueProcessorOptions): DocumentProcessor {
  const { queues, blobs, store } = options;
  const state = async (id: string): Promise<ProcessingState | null> => fromQueue(await getDocumentState(id, { queues, store }));

  return {
    mode: 'queue',

    async submit({ id, bytes, filename }) {
      const known = await state(id);
      if (known !== null) {
        if (known.status !== 'done') return known;
        // Done, but by an older extractor: run it again, as the CLI's --force would.
        const stored = await store.getStatus(id);
        if (stored?.state !== 'done' || stored.extractorVersion === EXTRACTOR_VERSION) return known;
      }
      const [handle] = await enqueueDocuments([{ bytes, filename }], { queues, blobs, reprocess: known !== null });
      if (handle?.state === 'rejected') throw new Error(`${handle.error?.code ?? 'queue/not-queued'}: ${handle.error?.message ?? ''}`);
      return (await state(id)) ?? { status: 'queued' };
    },

    state,

    async queueHealth() {
      try {
        // A real round trip to Redis through the queue's own connection, whatever bullmq's backend.
        await withDeadline(queues.byStage.parse.getJobCounts('waiting'), 2000);
        return { kind: 'redis', ok: true };
      } catch {
        return { kind: 'redis', ok: false, code: 'queue/unreachable' };
      }
    },

    async close() {
      await queues.close();
    },
  };
}

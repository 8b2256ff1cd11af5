import { EXTRACTOR_VERSION } from '../extract/version.ts';
import { getDocumentState } from '../queue/document-state.ts';
import type { DocumentState } from '../queue/document-state.ts';
import { enqueueDocuments } from '../queue/enqueue-documents.ts';
import type { PipelineQueues } from '../queue/pipeline-queues.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { ReportStore } from '../store/report-store.ts';
import type { DocumentProcessor, ProcessingState } from './document-processor.ts';
import { DeadlineExceeded, withDeadline } from './deadline.ts';
import { HttpError } from './http-error.ts';

export interface QueueProcessorOptions {
  queues: PipelineQueues;
  /** Must be the blob store the workers read (REPORTMILL_BLOBS=database, or a shared REPORTMILL_HOME). */
  blobs: BlobStore;
  store: ReportStore;
  /** Longest wait for Redis per request before answering 503 (default 10 s). */
  answerMs?: number;
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
  const answerMs = options.answerMs ?? 10_000;
  const state = (id: string): Promise<ProcessingState | null> => answered(getDocumentState(id, { queues, store }).then(fromQueue), answerMs);

  return {
    mode: 'queue',

    submit: (input) => answered(submit(input), answerMs),

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

  async function submit({ id, bytes, filename }: { id: string; bytes: Uint8Array; filename: string }): Promise<ProcessingState> {
    const known = fromQueue(await getDocumentState(id, { queues, store }));
    if (known !== null) {
      if (known.status !== 'done') return known;
      // Done, but by an older extractor: run it again, as the CLI's --force would.
      const stored = await store.getStatus(id);
      if (stored?.state !== 'done' || stored.extractorVersion === EXTRACTOR_VERSION) return known;
    }
    const [handle] = await enqueueDocuments([{ bytes, filename }], { queues, blobs, reprocess: known !== null });
    if (handle?.state === 'rejected') throw new Error(`${handle.error?.code ?? 'queue/not-queued'}: ${handle.error?.message ?? ''}`);
    return fromQueue(await getDocumentState(id, { queues, store })) ?? { status: 'queued' };
  }
}

/**
 * The queues reconnect for as long as Redis is away (a server must outlive an outage), so a
 * request waits at most `ms` for them and is then answered 503 instead of hanging.
 */
async function answered<T>(work: Promise<T>, ms: number): Promise<T> {
  try {
    return await withDeadline(work, ms);
  } catch (error) {
    if (error instanceof DeadlineExceeded) {
      throw new HttpError(503, 'queue/unavailable', 'The queue does not answer; try again shortly.');
    }
    throw error;
  }
}

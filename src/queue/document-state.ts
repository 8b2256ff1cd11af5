import type { ReportStore } from '../store/report-store.ts';
import type { QueueConnectionOptions } from './connection.ts';
import { decodeFailure } from './failure-reason.ts';
import type { FailureInfo } from './failure-reason.ts';
import { openQueues } from './pipeline-queues.ts';
import type { PipelineQueues } from './pipeline-queues.ts';
import { resolveSettings } from './pipeline-settings.ts';
import { STAGES } from './stage-names.ts';

/** Where a document is, in the words of the HTTP API (`GET /v1/documents/:id`). */
export type DocumentState =
  | { state: 'queued' | 'processing' | 'done' }
  | { state: 'failed'; error: FailureInfo }
  | { state: 'unknown' };

/**
 * Reads the three queues in order: the first stage that has not completed tells where the
 * document is. `done` only once the store stage completed.
 */
export async function queueState(queues: PipelineQueues, id: string): Promise<DocumentState> {
  for (const [index, stage] of STAGES.entries()) {
    const queue = queues.byStage[stage];
    const state = await queue.getJobState(id);
    if (state === 'completed') {
      if (stage === 'store') return { state: 'done' };
      continue;
    }
    if (state === 'failed') return { state: 'failed', error: decodeFailure((await queue.getJob(id))?.failedReason) };
    if (state === 'unknown') return index === 0 ? { state: 'unknown' } : { state: 'processing' };
    // Waiting in the first queue is "queued"; anything after the first hop is under way.
    return state === 'active' || index > 0 ? { state: 'processing' } : { state: 'queued' };
  }
  return { state: 'unknown' };
}

/**
 * The queue's view, falling back to the store's for documents whose jobs are gone (removed after
 * `REPORTMILL_KEEP_COMPLETED_SECONDS`) or that were ingested in-process.
 */
export async function getDocumentState(
  id: string,
  options: QueueConnectionOptions & { queues?: PipelineQueues; store?: ReportStore } = {},
): Promise<DocumentState> {
  const queues = options.queues ?? openQueues(options, resolveSettings());
  try {
    const fromQueue = await queueState(queues, id);
    if (fromQueue.state !== 'unknown' || options.store === undefined) return fromQueue;
    const stored = await options.store.getStatus(id);
    if (stored === null) return fromQueue;
    return stored.state === 'done' ? { state: 'done' } : { state: 'failed', error: stored.error };
  } finally {
    if (options.queues === undefined) await queues.close();
  }
}

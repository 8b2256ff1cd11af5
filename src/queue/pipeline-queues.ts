import { Queue } from 'bullmq';
import type { JobsOptions } from 'bullmq';
import type { ConnectionRole, QueueConnectionOptions, ResolvedConnection } from './connection.ts';
import { resolveConnection } from './connection.ts';
import type { PipelineSettings } from './pipeline-settings.ts';
import { STAGES, queueName } from './stage-names.ts';
import type { StageName } from './stage-names.ts';

/**
 * Three chained queues, parse → validate → store, rather than one bullmq flow per document:
 * - each stage scales and is rate-limited on its own (parsing is CPU-heavy, storing is I/O), and
 *   a worker may serve any subset of the queues;
 * - a flow runs children before parents, so the chain would be upside down (store the parent,
 *   parse the grandchild), results would travel as job return values in Redis, and a failed child
 *   leaves its parent waiting unless failParentOnFailure is set everywhere;
 * - every hop uses the document sha256 as job id, so each hop is idempotent: a worker killed
 *   after handing a document on but before completing its own job re-runs, and the second
 *   hand-on is a no-op.
 */
export interface PipelineQueues {
  readonly connection: ResolvedConnection;
  /** Job data is `unknown` here on purpose: it is whatever Redis holds until a zod schema accepts it. */
  readonly byStage: Record<StageName, Queue<unknown>>;
  jobOptions(documentId: string): JobsOptions;
  close(): Promise<void>;
}

export function jobOptionsFor(settings: PipelineSettings, documentId: string): JobsOptions {
  return {
    jobId: documentId,
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    removeOnComplete: { age: settings.keepCompletedSeconds },
    removeOnFail: { count: settings.keepFailedCount },
  };
}

export function openQueues(options: QueueConnectionOptions, settings: PipelineSettings, role: ConnectionRole = 'client'): PipelineQueues {
  const connection = resolveConnection(options, role);
  const byStage = Object.fromEntries(
    STAGES.map((stage) => {
      const queue = new Queue<unknown>(queueName(stage), { connection: connection.connection, prefix: connection.prefix });
      // Connection errors also reject the command that hit them; the event must not crash the process.
      queue.on('error', () => {});
      return [stage, queue];
    }),
  ) as Record<StageName, Queue<unknown>>;
  return {
    connection,
    byStage,
    jobOptions: (documentId) => jobOptionsFor(settings, documentId),
    async close() {
      await Promise.all(STAGES.map((stage) => byStage[stage].close()));
    },
  };
}

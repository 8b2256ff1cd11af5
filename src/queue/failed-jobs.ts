import type { QueueConnectionOptions } from './connection.ts';
import { decodeFailure } from './failure-reason.ts';
import { openQueues } from './pipeline-queues.ts';
import type { PipelineQueues } from './pipeline-queues.ts';
import { resolveSettings } from './pipeline-settings.ts';
import { STAGES } from './stage-names.ts';
import type { StageName } from './stage-names.ts';

/** The dead-letter view: a job that failed for good, with its error code. */
export interface FailedJob {
  stage: StageName;
  id: string;
  filename: string;
  code: string;
  message: string;
  attemptsMade: number;
  failedAt: string | null;
}

export interface FailedJobsOptions extends QueueConnectionOptions {
  queues?: PipelineQueues;
  /** Per queue; default 1000. */
  limit?: number;
}

async function withQueues<T>(options: FailedJobsOptions, fn: (queues: PipelineQueues) => Promise<T>): Promise<T> {
  const queues = options.queues ?? openQueues(options, resolveSettings());
  try {
    return await fn(queues);
  } finally {
    if (options.queues === undefined) await queues.close();
  }
}

export function listFailedJobs(options: FailedJobsOptions = {}): Promise<FailedJob[]> {
  return withQueues(options, async (queues) => {
    const failed: FailedJob[] = [];
    for (const stage of STAGES) {
      const jobs = await queues.byStage[stage].getFailed(0, (options.limit ?? 1000) - 1);
      for (const job of jobs) {
        const { code, message } = decodeFailure(job.failedReason);
        const data = job.data as { filename?: unknown };
        failed.push({
          stage,
          id: String(job.id),
          filename: typeof data.filename === 'string' ? data.filename : '',
          code,
          message,
          attemptsMade: job.attemptsMade,
          failedAt: job.finishedOn === undefined ? null : new Date(job.finishedOn).toISOString(),
        });
      }
    }
    return failed;
  });
}

/**
 * Puts failed jobs back in their queues with fresh attempts; the document continues from the
 * stage that failed. `ids` limits the retry to some documents. Returns the jobs retried.
 */
export function retryFailedJobs(options: FailedJobsOptions & { ids?: readonly string[] } = {}): Promise<FailedJob[]> {
  return withQueues(options, async (queues) => {
    const wanted = options.ids === undefined ? undefined : new Set(options.ids);
    const failed = (await listFailedJobs({ ...options, queues })).filter((job) => wanted === undefined || wanted.has(job.id));
    const retried: FailedJob[] = [];
    for (const entry of failed) {
      const job = await queues.byStage[entry.stage].getJob(entry.id);
      if (job === undefined) continue;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried.push(entry);
    }
    return retried;
  });
}

import { Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type { BlobStore } from '../store/blob-store.ts';
import { openBlobStore, openStore } from '../store/open-store.ts';
import type { ReportStore } from '../store/report-store.ts';
import type { QueueConnectionOptions } from './connection.ts';
import { resolveConnection } from './connection.ts';
import { decodeFailure } from './failure-reason.ts';
import { loadContainedStages } from './ingest-stages.ts';
import type { IngestStages } from './ingest-stages.ts';
import { openQueues } from './pipeline-queues.ts';
import { resolveSettings } from './pipeline-settings.ts';
import type { PipelineSettingsOverrides } from './pipeline-settings.ts';
import { isUnrecoverable } from './stage-error.ts';
import { STAGES, queueName } from './stage-names.ts';
import type { StageName } from './stage-names.ts';
import { createParseProcessor, createStoreProcessor, createValidateProcessor } from './stage-processors.ts';
import type { StageProcessor } from './stage-processors.ts';
import type { StageResult } from './payloads.ts';

export interface WorkerLogEntry {
  level: 'info' | 'warn' | 'error';
  event: string;
  stage?: StageName;
  id?: string;
  code?: string;
  message?: string;
  attempt?: number;
}

export interface StartWorkersOptions extends QueueConnectionOptions {
  /** Which queues this process serves; default all three. */
  only?: readonly StageName[];
  /** The in-process stages; default the ingest pipeline's (pipelines/ingest/stages.ts). */
  stages?: IngestStages;
  /** Default: opened from databaseUrl/home (DATABASE_URL, else PGlite) and closed with the workers. */
  store?: ReportStore;
  /** Default: opened from home/REPORTMILL_BLOBS and closed with the workers. */
  blobs?: BlobStore;
  databaseUrl?: string;
  home?: string;
  settings?: PipelineSettingsOverrides;
  /** Default: one JSON line per event on stderr. */
  log?: (entry: WorkerLogEntry) => void;
}

export interface WorkersHandle {
  readonly stages: readonly StageName[];
  readonly workers: readonly Worker[];
  /** Stops taking jobs, lets the jobs in hand finish (unless `force`), then closes connections. */
  close(options?: { force?: boolean }): Promise<void>;
}

export function jsonLineLog(entry: WorkerLogEntry): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

/** Starts one bullmq Worker per requested stage, all in this process. */
export async function startWorkers(options: StartWorkersOptions = {}): Promise<WorkersHandle> {
  const owned: { close(): Promise<void> }[] = [];
  try {
    return await start(options, owned);
  } catch (error) {
    // Whatever was opened before the failure (store, blob store, queues) must not keep the process alive.
    for (const resource of owned.reverse()) await resource.close().catch(() => {});
    throw error;
  }
}

async function start(options: StartWorkersOptions, owned: { close(): Promise<void> }[]): Promise<WorkersHandle> {
  const only = options.only ?? STAGES;
  const settings = resolveSettings(options.settings ?? {});
  const log = options.log ?? jsonLineLog;

  const stages = only.some((s) => s === 'parse' || s === 'validate') ? (options.stages ?? (await loadContainedStages(only, settings, owned))) : undefined;
  const blobs = options.blobs ?? (await openBlobStore(pick(options, ['databaseUrl', 'home'])));
  if (options.blobs === undefined) owned.push(blobs);
  // The store worker needs the store; the others use it, when one is configured, to record final
  // failures so that the status of a document is known without asking Redis.
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  let store = options.store;
  if (store === undefined && (only.includes('store') || (databaseUrl !== undefined && databaseUrl !== ''))) {
    store = await openStore({ ...pick(options, ['databaseUrl', 'home']), maxConnections: settings.workers.store.concurrency + 2 });
    owned.push(store);
  }
  const queues = openQueues(options, settings, 'worker');
  owned.push(queues);

  const processorFor = (stage: StageName): StageProcessor => {
    if (stage === 'store') {
      if (store === undefined) throw new Error('the store worker needs a store');
      return createStoreProcessor({ blobs, store, jobTimeoutMs: settings.jobTimeoutMs });
    }
    if (stages === undefined) throw new Error(`the ${stage} worker needs the ingest stages`);
    const deps = {
      stages,
      blobs,
      next: { validate: queues.byStage.validate, store: queues.byStage.store },
      jobOptions: queues.jobOptions,
      jobTimeoutMs: settings.jobTimeoutMs,
    };
    return stage === 'parse' ? createParseProcessor(deps) : createValidateProcessor(deps);
  };

  const workers = only.map((stage) => {
    const workerSettings = settings.workers[stage];
    const worker = new Worker<unknown, StageResult>(queueName(stage), processorFor(stage), {
      connection: resolveConnection(options, 'worker').connection,
      prefix: queues.connection.prefix,
      concurrency: workerSettings.concurrency,
      ...(workerSettings.limiter === undefined ? {} : { limiter: workerSettings.limiter }),
      lockDuration: settings.lockDuration,
      stalledInterval: settings.stalledInterval,
      maxStalledCount: settings.maxStalledCount,
    });
    worker.on('completed', (job: Job<unknown, StageResult>) => {
      log({ level: 'info', event: 'completed', stage, id: String(job.id), message: JSON.stringify(job.returnvalue) });
      void removeConsumedHandOff(blobs, stage, job).catch((error: unknown) =>
        log({ level: 'warn', event: 'cleanup-failed', stage, id: String(job.id), message: String(error) }),
      );
    });
    worker.on('failed', (job: Job<unknown, StageResult> | undefined, error: Error) => {
      if (job === undefined) return;
      const failure = decodeFailure(error.message);
      const final = isUnrecoverable(error) || job.attemptsMade >= (job.opts.attempts ?? 1);
      log({ level: final ? 'error' : 'warn', event: final ? 'failed' : 'retrying', stage, id: String(job.id), code: failure.code, message: failure.message, attempt: job.attemptsMade });
      if (final && store !== undefined) {
        const data = job.data as { filename?: unknown } | null;
        const filename = typeof data?.filename === 'string' ? data.filename : '';
        void store.recordFailure(String(job.id), filename, failure).catch((e: unknown) =>
          log({ level: 'warn', event: 'record-failure-failed', stage, id: String(job.id), message: String(e) }),
        );
      }
    });
    worker.on('stalled', (jobId: string) => log({ level: 'warn', event: 'stalled', stage, id: jobId }));
    // Without an 'error' listener a Redis outage would crash the process; bullmq reconnects by itself.
    worker.on('error', (error: Error) => log({ level: 'error', event: 'worker-error', stage, message: error.message }));
    return worker;
  });
  owned.push({ close: () => Promise.all(workers.map((w) => w.close(true))).then(() => undefined) });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  owned.pop();
  log({ level: 'info', event: 'started', message: `serving ${only.join(', ')} on prefix ${queues.connection.prefix}` });

  let closing: Promise<void> | undefined;
  const closeOwned = async () => {
    for (const resource of owned.reverse()) await resource.close();
    log({ level: 'info', event: 'stopped' });
  };
  return {
    stages: only,
    workers,
    close(closeOptions = {}) {
      // Workers first: a job finishing during shutdown still hands its document on through the
      // queues and stores it, so those close only after the last job is done.
      closing ??= Promise.all(workers.map((w) => w.close(closeOptions.force === true))).then(closeOwned);
      return closing;
    },
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** A stage's input hand-off is garbage once the stage completed (the original stays). */
async function removeConsumedHandOff(blobs: BlobStore, stage: StageName, job: Job<unknown>): Promise<void> {
  const data = job.data as { parsedKey?: unknown; validatedKey?: unknown };
  if (stage === 'validate' && typeof data.parsedKey === 'string') await blobs.delete(data.parsedKey);
  if (stage === 'store' && typeof data.validatedKey === 'string') await blobs.delete(data.validatedKey);
}

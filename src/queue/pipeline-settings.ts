import type { StageName } from './stage-names.ts';

export interface StageWorkerSettings {
  /** Jobs one worker process runs at the same time on this queue. */
  concurrency: number;
  /** Queue-wide rate limit (all workers together): at most `max` jobs per `duration` ms. */
  limiter?: { max: number; duration: number };
}

export interface PipelineSettings {
  workers: Record<StageName, StageWorkerSettings>;
  /** Attempts per job, the first included; transient failures are retried until then. */
  attempts: number;
  /** First retry delay; it doubles on each attempt (bullmq exponential backoff). */
  backoffMs: number;
  /** A stage that takes longer fails with `queue/timeout` (transient, so it is retried). */
  jobTimeoutMs: number;
  /** How long a worker's lock on a job lasts without renewal; a killed worker's job is free after it. */
  lockDuration: number;
  /** How often workers look for jobs whose lock expired (stalled) and put them back in the queue. */
  stalledInterval: number;
  /** Times a job may stall before it fails with `queue/stalled` (a document that kills workers). */
  maxStalledCount: number;
  /** Seconds completed jobs are kept; re-submitting a document within this window is a no-op. */
  keepCompletedSeconds: number;
  /** Failed jobs kept for `reportmill jobs`. */
  keepFailedCount: number;
}

export type PipelineSettingsOverrides = Partial<Omit<PipelineSettings, 'workers'>> & {
  workers?: Partial<Record<StageName, Partial<StageWorkerSettings>>>;
};

type Env = Record<string, string | undefined>;

function intFrom(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
  return value;
}

/** `REPORTMILL_RATE_LIMIT=10/1000`: ten parse jobs per second across all workers. */
function limiterFrom(env: Env): { max: number; duration: number } | undefined {
  const raw = env.REPORTMILL_RATE_LIMIT;
  if (raw === undefined || raw.trim() === '') return undefined;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  if (match === null) throw new Error(`REPORTMILL_RATE_LIMIT must look like MAX/MILLISECONDS, got ${JSON.stringify(raw)}`);
  return { max: Number(match[1]), duration: Number(match[2]) };
}

/** Defaults, then environment variables, then explicit overrides (options win). */
export function resolveSettings(overrides: PipelineSettingsOverrides = {}, env: Env = process.env): PipelineSettings {
  const limiter = limiterFrom(env);
  const base: PipelineSettings = {
    workers: {
      // Parsing is CPU-bound and runs on this thread: more than a couple per process only queues up.
      parse: { concurrency: intFrom(env, 'REPORTMILL_PARSE_CONCURRENCY', 2, 1), ...(limiter === undefined ? {} : { limiter }) },
      validate: { concurrency: intFrom(env, 'REPORTMILL_VALIDATE_CONCURRENCY', 4, 1) },
      store: { concurrency: intFrom(env, 'REPORTMILL_STORE_CONCURRENCY', 4, 1) },
    },
    attempts: intFrom(env, 'REPORTMILL_JOB_ATTEMPTS', 5, 1),
    backoffMs: intFrom(env, 'REPORTMILL_BACKOFF_MS', 2000),
    jobTimeoutMs: intFrom(env, 'REPORTMILL_JOB_TIMEOUT_MS', 5 * 60_000, 1),
    // Parsing runs in parse processes, so the event loop stays free and bullmq renews each lock
    // every lockDuration/2 however long a document takes. A killed worker's job is then free at
    // most 30 s after its last renewal and found by the next stalled check (5 s): another worker
    // has it within about 35 s.
    lockDuration: intFrom(env, 'REPORTMILL_LOCK_DURATION_MS', 30_000, 1),
    stalledInterval: intFrom(env, 'REPORTMILL_STALLED_INTERVAL_MS', 5_000, 1),
    maxStalledCount: intFrom(env, 'REPORTMILL_MAX_STALLED_COUNT', 2, 0),
    keepCompletedSeconds: intFrom(env, 'REPORTMILL_KEEP_COMPLETED_SECONDS', 7 * 24 * 3600, 1),
    keepFailedCount: intFrom(env, 'REPORTMILL_KEEP_FAILED', 10_000, 1),
  };
  const { workers, ...rest } = overrides;
  const merged: PipelineSettings = { ...base, ...stripUndefined(rest) };
  for (const stage of ['parse', 'validate', 'store'] as const) {
    merged.workers[stage] = { ...base.workers[stage], ...stripUndefined(workers?.[stage] ?? {}) };
  }
  return merged;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

import type { Job, Queue } from 'bullmq';
import type { z } from 'zod';
import { IngestErrorInfo } from '../model/ingest-error.ts';
import { Report } from '../model/report.ts';
import { stageBlobKey } from '../store/blob-store.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { ReportStore } from '../store/report-store.ts';
import type { IngestStages } from './ingest-stages.ts';
import { ParseJobData, StoreJobData, ValidateJobData } from './payloads.ts';
import type { StageResult } from './payloads.ts';
import { PermanentStageError, TransientStageError, toProcessorError } from './stage-error.ts';

export type StageProcessor = (job: Job<unknown>) => Promise<StageResult>;

function payload<T extends z.ZodType>(schema: T, job: Job<unknown>): z.infer<T> {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) throw new PermanentStageError('queue/invalid-payload', `job ${job.id ?? '?'} has malformed data: ${parsed.error.message}`);
  return parsed.data;
}

function checkedReport(value: unknown, where: string): Report {
  const parsed = Report.safeParse(value);
  if (!parsed.success) throw new PermanentStageError('queue/schema-invalid', `${where} does not match reportmill/report@1: ${parsed.error.message}`);
  return parsed.data;
}

async function readBlob(blobs: BlobStore, key: string, what: string): Promise<Uint8Array> {
  let bytes: Uint8Array | null;
  try {
    bytes = await blobs.get(key);
  } catch (error) {
    throw new TransientStageError('queue/blob-unavailable', `could not read ${what} (${key}): ${(error as Error).message}`, { cause: error });
  }
  // Missing is permanent: retrying will not bring it back. With a directory blob store this usually
  // means the worker's machine does not share REPORTMILL_HOME with the one that enqueued.
  if (bytes === null) throw new PermanentStageError('queue/blob-missing', `${what} ${key} is not in the ${blobs.kind} blob store`);
  return bytes;
}

async function writeJson(blobs: BlobStore, key: string, value: unknown): Promise<void> {
  try {
    await blobs.put(key, new TextEncoder().encode(JSON.stringify(value)));
  } catch (error) {
    throw new TransientStageError('queue/blob-unavailable', `could not write ${key}: ${(error as Error).message}`, { cause: error });
  }
}

function readJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (error) {
    throw new PermanentStageError('queue/schema-invalid', `${what} is not JSON: ${(error as Error).message}`);
  }
}

/**
 * Fails the job after `ms`. JavaScript cannot cancel the stage itself: it runs on in the
 * background while the retry starts, and a stage that blocks the event loop cannot be timed out
 * at all (its lock lapses instead and the job is recovered as stalled).
 */
async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransientStageError('queue/timeout', `${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Adds the next stage's job. A finished job of an earlier submission with the same id would make
 * the add a silent no-op, so it is removed first; one of this submission (a re-run after a crash)
 * is kept, which is what makes the hand-on idempotent.
 */
async function handOn(queue: Queue<unknown>, name: string, data: { documentId: string; submittedAt: string }, options: object): Promise<void> {
  const existing = await queue.getJob(data.documentId);
  if (existing !== undefined && (existing.data as { submittedAt?: unknown }).submittedAt !== data.submittedAt) {
    const state = await existing.getState();
    if (state === 'completed' || state === 'failed') await existing.remove();
  }
  await queue.add(name, data, { ...options, jobId: data.documentId });
}

/** Wraps a stage so every error leaves it as retry-or-not with a code (see stage-error.ts). */
function guarded(run: StageProcessor): StageProcessor {
  return async (job) => {
    try {
      return await run(job);
    } catch (error) {
      throw toProcessorError(error);
    }
  };
}

export interface ProcessorDeps {
  stages: IngestStages;
  blobs: BlobStore;
  next: { validate: Queue<unknown>; store: Queue<unknown> };
  jobOptions: (documentId: string) => object;
  jobTimeoutMs: number;
}

export function createParseProcessor(deps: ProcessorDeps): StageProcessor {
  return guarded(async (job) => {
    const data = payload(ParseJobData, job);
    const bytes = await readBlob(deps.blobs, data.blobKey, 'original');
    const result = await withTimeout(deps.stages.parseStage({ bytes, filename: data.filename }), deps.jobTimeoutMs, 'parsing');
    if (!result.ok) {
      const info = IngestErrorInfo.safeParse(result.error);
      if (!info.success) throw new PermanentStageError('queue/schema-invalid', `parse error is malformed: ${info.error.message}`);
      const Failure = info.data.permanent ? PermanentStageError : TransientStageError;
      throw new Failure(info.data.code, info.data.message);
    }
    const report = checkedReport(result.report, 'parsed report');
    if (report.id !== data.documentId) {
      throw new PermanentStageError('queue/id-mismatch', `parsed report id ${report.id} is not the sha256 of the original (${data.documentId})`);
    }
    const parsedKey = stageBlobKey(data.documentId, 'parsed');
    await writeJson(deps.blobs, parsedKey, report);
    await handOn(deps.next.validate, 'validate', ValidateJobData.parse({ ...data, parsedKey }), deps.jobOptions(data.documentId));
    return { extractorVersion: report.extractorVersion, outcome: 'handed-on' };
  });
}

export function createValidateProcessor(deps: ProcessorDeps): StageProcessor {
  return guarded(async (job) => {
    const data = payload(ValidateJobData, job);
    const parsed = checkedReport(readJson(await readBlob(deps.blobs, data.parsedKey, 'parsed report'), 'parsed report'), 'parsed report');
    const validated = checkedReport(deps.stages.validateStage(parsed), 'validated report');
    const validatedKey = stageBlobKey(data.documentId, 'validated');
    await writeJson(deps.blobs, validatedKey, validated);
    const { parsedKey: _consumed, ...rest } = data;
    await handOn(deps.next.store, 'store', StoreJobData.parse({ ...rest, validatedKey }), deps.jobOptions(data.documentId));
    return { extractorVersion: validated.extractorVersion, outcome: 'handed-on' };
  });
}

export function createStoreProcessor(deps: { blobs: BlobStore; store: ReportStore; jobTimeoutMs: number }): StageProcessor {
  return guarded(async (job) => {
    const data = payload(StoreJobData, job);
    const report = checkedReport(readJson(await readBlob(deps.blobs, data.validatedKey, 'validated report'), 'validated report'), 'validated report');
    // Idempotent by id + extractor version + content, so a job re-run after a crash between the
    // upsert and the job's completion stores nothing twice.
    const outcome = await withTimeout(deps.store.upsertReport(report, { blobKey: data.blobKey }), deps.jobTimeoutMs, 'storing');
    return { extractorVersion: report.extractorVersion, outcome };
  });
}

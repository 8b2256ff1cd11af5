import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DEFAULT_LIMITS } from '../sniff/limits.ts';
import type { BlobStore } from '../store/blob-store.ts';
import { sha256Hex } from '../store/blob-store.ts';
import { openBlobStore } from '../store/open-store.ts';
import type { QueueConnectionOptions } from './connection.ts';
import { ParseJobData } from './payloads.ts';
import { openQueues } from './pipeline-queues.ts';
import type { PipelineQueues } from './pipeline-queues.ts';
import { resolveSettings } from './pipeline-settings.ts';
import type { PipelineSettingsOverrides } from './pipeline-settings.ts';
import { STAGES } from './stage-names.ts';

export type DocumentInput = string | { bytes: Uint8Array; filename: string; path?: string };

/** What `enqueueDocuments` did with one input; pass the list to `waitForDocuments`. */
export interface DocumentHandle {
  path: string;
  filename: string;
  /** sha256 of the bytes = document id = job id in every queue; null when never read. */
  id: string | null;
  /**
   * `queued`: a new job; `existing`: a job for these bytes was already there (re-submitting is a
   * no-op); `skipped`: refused by `accept`; `rejected`: failed before queueing (see `error`).
   */
  state: 'queued' | 'existing' | 'skipped' | 'rejected';
  error?: { code: string; message: string };
}

export interface EnqueueOptions extends QueueConnectionOptions {
  /** Default: opened from home / REPORTMILL_BLOBS; the workers must see the same blob store. */
  blobs?: BlobStore;
  home?: string;
  databaseUrl?: string;
  settings?: PipelineSettingsOverrides;
  /** Reuse open queues (the caller closes them). */
  queues?: PipelineQueues;
  /** Run documents again even if they were processed before (e.g. after an extractor upgrade). */
  reprocess?: boolean;
  /** Decides which files to queue (e.g. by sniffed format); refused ones come back `skipped`. */
  accept?: (input: { path: string; filename: string; bytes: Uint8Array }) => boolean;
  maxInputBytes?: number;
}

/**
 * Files under the given paths, by the CLI's walking rules: directories recursively in name order,
 * hidden entries left out, directory symlinks not followed (no loops), file symlinks followed.
 */
async function expand(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
  const files: string[] = [];
  for (const name of names) {
    const full = join(path, name);
    const link = await lstat(full);
    if (link.isSymbolicLink()) {
      if ((await stat(full).catch(() => null))?.isFile() === true) files.push(full);
    } else if (link.isDirectory()) files.push(...(await expand(full)));
    else if (link.isFile()) files.push(full);
  }
  return files;
}

/**
 * Writes each original to the blob store and adds a parse job whose id is the original's sha256,
 * carrying only the blob key. Inputs are read one at a time, so memory holds one file at most.
 */
export async function enqueueDocuments(inputs: readonly DocumentInput[], options: EnqueueOptions = {}): Promise<DocumentHandle[]> {
  const settings = resolveSettings(options.settings ?? {});
  const maxBytes = options.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
  const blobs = options.blobs ?? (await openBlobStore({ ...(options.home === undefined ? {} : { home: options.home }), ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }) }));
  const queues = options.queues ?? openQueues(options, settings);
  const handles: DocumentHandle[] = [];
  try {
    for (const input of inputs) {
      if (typeof input !== 'string') {
        handles.push(await enqueueOne(input.path ?? input.filename, input.filename, input.bytes));
        continue;
      }
      let files: string[];
      try {
        files = await expand(input);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'input/not-found' : 'input/unreadable';
        handles.push(rejected(input, code, (error as Error).message));
        continue;
      }
      for (const file of files) {
        let bytes: Uint8Array;
        try {
          const size = (await stat(file)).size;
          if (size > maxBytes) {
            handles.push(rejected(file, 'input/too-large', `${size} bytes is over the limit of ${maxBytes}`));
            continue;
          }
          bytes = new Uint8Array(await readFile(file));
        } catch (error) {
          handles.push(rejected(file, 'input/unreadable', (error as Error).message));
          continue;
        }
        handles.push(await enqueueOne(file, basename(file), bytes));
      }
    }
  } finally {
    if (options.queues === undefined) await queues.close();
    if (options.blobs === undefined) await blobs.close();
  }
  return handles;

  async function enqueueOne(path: string, filename: string, bytes: Uint8Array): Promise<DocumentHandle> {
    if (bytes.byteLength > maxBytes) return rejected(path, 'input/too-large', `${bytes.byteLength} bytes is over the limit of ${maxBytes}`);
    if (options.accept !== undefined && !options.accept({ path, filename, bytes })) {
      return { path, filename, id: null, state: 'skipped' };
    }
    const id = await blobs.saveOriginal(bytes);
    if (id !== sha256Hex(bytes)) throw new Error(`blob store returned key ${id} for an original whose sha256 differs`);
    if (options.reprocess === true) await forgetFinishedJobs(queues, id);
    const data = ParseJobData.parse({ documentId: id, filename, blobKey: id, submittedAt: new Date().toISOString() });
    const before = await queues.byStage.parse.getJobState(id);
    await queues.byStage.parse.add('parse', data, queues.jobOptions(id));
    return { path, filename, id, state: before === 'unknown' ? 'queued' : 'existing' };
  }
}

function rejected(path: string, code: string, message: string): DocumentHandle {
  return { path, filename: basename(path), id: null, state: 'rejected', error: { code, message } };
}

/** Removes finished jobs of a document in every queue, so that adding it again runs it again. */
async function forgetFinishedJobs(queues: PipelineQueues, id: string): Promise<void> {
  for (const stage of STAGES) {
    const job = await queues.byStage[stage].getJob(id);
    if (job === undefined) continue;
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') await job.remove();
  }
}

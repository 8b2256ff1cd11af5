import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Report } from '../model/report.ts';
import type { OpenStoreOptions } from '../store/open-store.ts';
import { StoreError } from '../store/store-error.ts';

/**
 * The report store of `reportmill ingest`, run on a thread of its own. PGlite does its work
 * synchronously on the thread that opened it: copying the store template (about 0.7 s), starting
 * PostgreSQL (0.6–0.9 s), then some 30 ms per report written. On the ingesting thread that blocked
 * the hand-over of documents to the parse processes, which sat idle meanwhile (ICDAR: 1–1.5 s of a
 * 4.4 s run, docs/benchmarks.md). On its own thread the store works on the second core while this
 * one only reads files and passes documents and reports along. PostgreSQL (`DATABASE_URL`) goes
 * through the same thread: one way for both stores, and its encoding work is off this thread too.
 */
export interface IngestStore {
  /** The report stored for `id` by this extractor version, else null. */
  storedReport(id: string): Promise<Report | null>;
  /** Resolves once the report is committed (group commit: report-write-queue.ts). */
  saveReport(report: Report): Promise<void>;
  recordFailure(id: string, path: string, error: { code: string; message: string }): Promise<void>;
  /** Closes the store and ends the thread. */
  close(): Promise<void>;
}

type StoreRequest =
  | { op: 'storedReport'; id: string }
  | { op: 'saveReport'; report: Report }
  | { op: 'recordFailure'; id: string; path: string; error: { code: string; message: string } }
  | { op: 'close' };

export type StoreCall = StoreRequest & { call: number };

/** Call 0 is the opening: `value` once the store is open, `error` if it could not be. */
export type StoreReply = { call: number; value?: unknown; error?: ErrorMessage };

/** An error as it crosses threads: a structured clone keeps the message but not the class or `code`. */
export interface ErrorMessage {
  name: string;
  message: string;
  stack?: string;
  code?: unknown;
  permanent?: unknown;
}

export function errorToMessage(error: unknown): ErrorMessage {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, permanent } = error as { code?: unknown; permanent?: unknown };
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), ...(code === undefined ? {} : { code }), ...(permanent === undefined ? {} : { permanent }) };
}

/** The error the store thread reported, as the ingesting thread would have seen it (a StoreError stays one). */
export function errorFromMessage(message: ErrorMessage): Error {
  const error =
    message.name === 'StoreError' && typeof message.code === 'string'
      ? new StoreError(message.code, message.message, { permanent: message.permanent === true })
      : Object.assign(new Error(message.message), message.code === undefined ? {} : { code: message.code });
  error.name = message.name;
  if (message.stack) error.stack = message.stack;
  return error;
}

function threadEntry(): URL {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return new URL('./ingest-store-thread.js', import.meta.url);
  // From the sources (tests): the thread registers tsx before loading its TypeScript entry.
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./ingest-store-thread.ts', import.meta.url).href;
  const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/**
 * Starts the store thread and opens the store there (`openStore(options)`); resolves once it is
 * open, rejects with its error if it cannot be.
 */
export function openIngestStore(options: Pick<OpenStoreOptions, 'databaseUrl' | 'home'> = {}): Promise<IngestStore> {
  // The thread takes this process's Node options (heap, profiling, loaders), but not `--input-type`,
  // which Node refuses for a thread started from a file (a host run with `node --input-type=module -e`).
  const execArgv = process.execArgv.filter((arg, i, all) => !arg.startsWith('--input-type') && all[i - 1] !== '--input-type');
  const worker = new Worker(threadEntry(), { workerData: options, execArgv });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let calls = 0;
  let ended: Error | null = null;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const endAll = (error: Error): void => {
    ended ??= error;
    for (const { reject } of pending.values()) reject(ended);
    pending.clear();
  };
  worker.on('message', (reply: StoreReply) => {
    const waiting = pending.get(reply.call);
    if (!waiting) return;
    pending.delete(reply.call);
    if (reply.error) waiting.reject(errorFromMessage(reply.error));
    else waiting.resolve(reply.value);
  });
  worker.on('error', (error) => endAll(error));
  worker.on('exit', (code) => endAll(new Error(`the store thread ended (exit code ${code})`)));

  const call = (message: StoreRequest): Promise<unknown> => {
    if (ended) return Promise.reject(ended);
    const id = ++calls;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, call: id });
    });
  };

  const opened = new Promise((resolve, reject) => pending.set(0, { resolve, reject }));
  return opened.then(
    (): IngestStore => ({
      storedReport: (id) => call({ op: 'storedReport', id }) as Promise<Report | null>,
      saveReport: async (report) => {
        await call({ op: 'saveReport', report });
      },
      recordFailure: async (id, path, error) => {
        await call({ op: 'recordFailure', id, path, error });
      },
      close: async () => {
        if (!ended) await call({ op: 'close' });
        await exited;
      },
    }),
    async (error: unknown) => {
      await exited;
      throw error;
    },
  );
}

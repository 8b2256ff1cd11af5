import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
// The parse processes load the pipeline; this process needs only these light modules of it, so
// it forks them sooner (the pipeline with zod is ~0.1 s of loading here).
import { documentId } from '../../pipelines/ingest/document-id.ts';
import { outcomeOf } from '../../pipelines/ingest/outcome.ts';
import { createParsePool, type ParsePool } from '../../pipelines/ingest/parse-pool.ts';
import type { ParseStageResult } from '../../pipelines/ingest/stages.ts';
import { EXTRACTOR_VERSION } from '../extract/version.ts';
import type { Report } from '../model/report.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { IngestStore } from './ingest-store.ts';
import { parseLimits, resolveLimits, type AllLimits } from '../sniff/limits.ts';
import { sniffFormat } from '../sniff/sniff.ts';
import type { IngestRunResult, SummaryEntry } from './ingest-summary.ts';
import { SummaryWriter } from './summary-writer.ts';
import { walkInputs, type InputEntry } from './input-walker.ts';
import { lineProgress, type IngestProgress } from './progress-view.ts';

/** What the embedded pipeline keeps besides the JSON files: originals and reports. */
export interface IngestSink {
  /** Keeps the original bytes (the blob store); idempotent by sha256. */
  saveOriginal(bytes: Uint8Array): Promise<void>;
  saveReport(report: Report): Promise<void>;
  saveFailure(id: string, path: string, error: { code: string; message: string }): Promise<void>;
  /** A report already stored with this extractor version, or null. */
  storedReport(id: string): Promise<Report | null>;
}

export interface IngestOptions {
  paths: string[];
  outDir: string | null;
  /** Redo documents already present in the output directory. */
  force: boolean;
  concurrency: number;
  /**
   * Parse processes running at once (0 or 1: one; 'auto': one per core, up to 4, for batches of
   * AUTO_THREADS_FROM documents or more, counted by sniffing, else one). Every document is parsed
   * in one of them, never here.
   */
  threads: number | 'auto';
  /** Time, memory, bytes, pages, rows and cells per document (docs/limits.md); default resolveLimits(). */
  limits?: AllLimits;
  /** Stop starting new documents (Ctrl-C): those in hand finish, the summary is still written. */
  signal?: AbortSignal;
  /**
   * Where originals, reports and failures are kept (the embedded or PostgreSQL store). Given as
   * an opener, it is opened once the parse processes are starting, and documents are parsed while
   * it opens (up to AHEAD_WHILE_OPENING). If it cannot be opened, the run fails with its error and
   * no document is reported.
   */
  sink?: IngestSink | (() => Promise<IngestSink>);
  log: (line: string) => void;
  /** How each finished input is shown; default one line per input through `log`. */
  progress?: IngestProgress;
}

/**
 * Several parse processes pay off only when there is enough to keep them busy: each one starts in
 * about half a second (its parsers' modules). Smaller batches get one.
 */
const AUTO_THREADS_FROM = 64;

/**
 * Documents that may be parsed ahead while the store opens (per parse process), and the bytes they
 * may hold in all. Opening a fresh embedded store takes longer than parsing the first two documents
 * (copying the template, starting PGlite: about 1.5 s on the 2-core machine), and with only one
 * document more in flight than there are processes the parse process sat idle until it was open.
 * On a re-run whose documents the store already holds, these parses are dropped: CPU spent on a
 * core that would otherwise wait for the store.
 */
const AHEAD_WHILE_OPENING = { docsPerProcess: 16, bytes: 64 * 2 ** 20 };

const INTERRUPTED = { code: 'input/interrupted', message: 'Not processed: the run was interrupted. Run the same command again to resume.' };

async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  // Write-then-rename so an interrupted run never leaves half a JSON file that a resume would trust.
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`);
  await rename(tmp, path);
}

async function alreadyDone(outDir: string, id: string): Promise<Report | null> {
  const path = join(outDir, `${id}.json`);
  if (!existsSync(path)) return null;
  try {
    const report = JSON.parse(await readFile(path, 'utf8')) as Report;
    return report.extractorVersion === EXTRACTOR_VERSION ? report : null;
  } catch {
    return null;
  }
}

/**
 * Runs the embedded pipeline over files and directories. Each input ends as ok, failed (with a
 * code) or skipped; one bad file never stops the batch. Identical files are processed once, and
 * documents already written by an earlier run with the same extractor version are not redone.
 */
export async function runIngest(options: IngestOptions): Promise<IngestRunResult> {
  const startedAt = new Date().toISOString();
  if (options.outDir) await mkdir(options.outDir, { recursive: true });
  // Walk first so progress can say "n of N"; the list of paths is small next to the documents.
  const inputs = [];
  for await (const input of walkInputs(options.paths)) inputs.push(input);
  const total = inputs.length;
  const limits = options.limits ?? resolveLimits();
  const wanted = options.threads === 'auto' ? ((await countDocuments(inputs, AUTO_THREADS_FROM)) >= AUTO_THREADS_FROM ? Math.min(availableParallelism(), 4) : 1) : options.threads;
  const size = Math.max(1, Math.min(wanted, total));
  // Parsing and validating run in the pool's processes; this one reads files and stores reports.
  const pool = total > 0 ? createParsePool({ size, timeoutMs: limits.timeoutSeconds * 1000, maxHeapMb: limits.maxHeapMb, limits: parseLimits(limits), validate: true }) : null;
  // One document more than there are processes, so one is being stored while the others parse.
  const concurrency = Math.max(options.concurrency, size + 1);

  // Until the store is open, documents are parsed before it is asked whether it holds them already.
  // Opened only now, after the parse processes were forked: they load their modules on the other
  // core while this one opens the store.
  const opening = typeof options.sink === 'function' ? options.sink() : undefined;
  const sink: SinkState = { ready: opening === undefined, opened: opening ?? Promise.resolve(options.sink as IngestSink | undefined), failed: false };
  sink.opened.then(
    () => (sink.ready = true),
    (error: unknown) => {
      sink.failed = true;
      sink.error = error;
    },
  );

  const summary = new SummaryWriter(options.outDir ? join(options.outDir, 'ingest-summary.json') : null, { extractorVersion: EXTRACTOR_VERSION, startedAt });
  const seen = new Map<string, string>();
  // Of identical files, the first in input order is processed and the others point to it, however
  // the reads of the documents in flight happen to finish: each input claims its id only after the
  // input before it has claimed its own (or turned out to have none).
  let previousClaim = Promise.resolve();
  const running = new Set<Promise<void>>();
  let inFlightBytes = 0;
  const progress = options.progress ?? lineProgress(options.log);
  progress.start(total, inputs.reduce((n, input) => n + (input.kind === 'file' ? input.bytes : 0), 0));
  const finish = (index: number, entry: SummaryEntry, bytes = 0): void => {
    summary.set(index, entry);
    progress.finished(entry, bytes);
  };

  try {
    for (const [index, input] of inputs.entries()) {
      if (sink.failed) break;
      if (options.signal?.aborted) {
        // Interrupted: what was not started is listed, so the summary still accounts for every input.
        summary.set(index, { path: input.path, status: 'skipped', id: null, error: INTERRUPTED });
        continue;
      }
      if (input.kind === 'missing') {
        finish(index, { path: input.path, status: 'failed', id: null, error: { code: 'input/not-found', message: input.message } });
        continue;
      }
      const aheadRoom = (): boolean => !sink.ready && running.size < size * AHEAD_WHILE_OPENING.docsPerProcess && inFlightBytes < AHEAD_WHILE_OPENING.bytes;
      while (running.size >= concurrency && !aheadRoom()) await Promise.race(running);
      if (sink.failed) break;
      const bytes = input.kind === 'file' ? input.bytes : 0;
      inFlightBytes += bytes;
      const before = previousClaim;
      let claimed!: () => void;
      previousClaim = new Promise<void>((resolve) => (claimed = resolve));
      const claim = async (id: string): Promise<string | undefined> => {
        await before;
        const first = seen.get(id);
        if (first === undefined) seen.set(id, input.path);
        claimed();
        return first;
      };
      const task = processOne(input.path, options, sink, claim, pool!)
        .finally(() => claimed()) // an input that never claimed (unreadable, skipped, empty) lets the next one go
        .catch((error: unknown): SummaryEntry => {
          const message = error instanceof Error ? error.message : String(error);
          return { path: input.path, status: 'failed', id: null, error: { code: 'input/unreadable', message } };
        })
        .then((entry) => {
          running.delete(task);
          inFlightBytes -= bytes;
          if (!sink.failed) finish(index, entry, bytes);
        });
      running.add(task);
    }
    await Promise.all(running);
    await sink.opened.catch(() => undefined); // settled, so a store that failed is known even with no document
  } finally {
    await pool?.close();
  }
  if (sink.failed) throw sink.error;
  return summary.close();
}

/** Enough bytes for sniffFormat to decide exactly as it does on the whole file. */
const SNIFF_BYTES = 64 * 1024;

/**
 * How many inputs will reach a parse process (counting stops at `enough`): a directory of 27 PDFs
 * and their 56 XML files is 27 documents, not 83, and one warm parse process serves it better
 * than two that each pay their start. Reads the head of a file only.
 */
async function countDocuments(inputs: readonly InputEntry[], enough: number): Promise<number> {
  let count = 0;
  for (const input of inputs) {
    if (count >= enough) break;
    if (input.kind !== 'file') continue;
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, input.bytes));
    try {
      const file = await open(input.path, 'r');
      try {
        await file.read(head, 0, head.length, 0);
      } finally {
        await file.close();
      }
    } catch {
      count++; // unreadable now: it will fail on its own, but it may be readable by then
      continue;
    }
    const sniffed = sniffFormat(head, basename(input.path));
    if (sniffed.kind === 'supported') count++;
  }
  return count;
}

interface SinkState {
  opened: Promise<IngestSink | undefined>;
  ready: boolean;
  failed: boolean;
  error?: unknown;
}

/** `claim(id)`: the path of an earlier input with the same id, else undefined (this input is the first). */
async function processOne(path: string, options: IngestOptions, sinkState: SinkState, claim: (id: string) => Promise<string | undefined>, pool: ParsePool): Promise<SummaryEntry> {
  const bytes = new Uint8Array(await readFile(path));
  // A file of no format we read (an .xml beside each PDF, a .json, an image) is skipped here: the
  // sniff reads at most 64 KB, where a round trip to a parse process costs the whole file twice
  // over IPC. A file whose name claims a format its content lacks still goes on, to fail with its code.
  const sniffed = sniffFormat(bytes, basename(path));
  if (sniffed.kind === 'unsupported' && sniffed.code === 'input/unsupported-format') {
    return { path, status: 'skipped', id: bytes.length > 0 ? documentId(bytes) : null, error: { code: sniffed.code, message: sniffed.message } };
  }
  const id = bytes.length > 0 ? documentId(bytes) : null;
  let early: Promise<ParseStageResult> | undefined;
  let sink: IngestSink | undefined;
  if (id !== null) {
    const first = await claim(id);
    if (first !== undefined) return { path, status: 'ok', id, duplicateOf: first };
    const done = !options.force && options.outDir ? await alreadyDone(options.outDir, id) : null;
    // The parse processes would idle while the store opens (PGlite: about a CPU second): parse
    // now; should the store turn out to hold this document already, the parse is dropped.
    if (!done && !sinkState.ready) early = pool.parse({ bytes, filename: path });
    sink = await sinkState.opened;
    if (!options.force) {
      const previous = done ?? (await sink?.storedReport(id)) ?? null;
      if (previous) {
        if (options.outDir) await writeJsonAtomic(join(options.outDir, `${id}.json`), previous);
        return { path, status: 'ok', id, resumed: true, measures: previous.measures.length };
      }
    }
    await sink?.saveOriginal(bytes);
  } else {
    sink = await sinkState.opened;
  }
  // The pool validates too: the report comes back final, and this process only writes and stores it.
  const outcome = outcomeOf(bytes, await (early ?? pool.parse({ bytes, filename: path })));
  if (outcome.status !== 'ok') {
    const error = { code: outcome.error.code, message: outcome.error.message };
    if (outcome.status === 'failed' && outcome.id !== null) await sink?.saveFailure(outcome.id, path, error);
    return { path, status: outcome.status, id: outcome.id, error };
  }
  if (options.outDir) await writeJsonAtomic(join(options.outDir, `${outcome.report.id}.json`), outcome.report);
  await sink?.saveReport(outcome.report);
  return { path, status: 'ok', id: outcome.report.id, measures: outcome.report.measures.length };
}

/**
 * The embedded default: the same run, keeping originals in the blob store and reports in the
 * store (`DATABASE_URL`, else PGlite under `REPORTMILL_HOME`), which runs on a thread of its own
 * (ingest-store.ts). A store that cannot be opened fails the run with its error, no document reported.
 */
export async function runIngestIntoStore(options: Omit<IngestOptions, 'sink'>): Promise<IngestRunResult> {
  // Opened by runIngest once its parse processes are starting, while they read the first documents;
  // the store's modules too are loaded only then.
  let opening: Promise<{ store: IngestStore; blobs: BlobStore }> | undefined;
  const open = (): Promise<IngestSink> => {
    opening = (async () => {
      const { openIngestStore } = await import('./ingest-store.ts');
      const { openBlobStore } = await import('../store/open-blob-store.ts');
      const store = await openIngestStore();
      const blobs = await openBlobStore().catch(async (error: unknown) => {
        await store.close();
        throw error;
      });
      return { store, blobs };
    })();
    return opening.then(
      ({ store, blobs }): IngestSink => ({
        saveOriginal: async (bytes) => {
          await blobs.saveOriginal(bytes);
        },
        saveReport: (report) => store.saveReport(report),
        saveFailure: (id, path, error) => store.recordFailure(id, path, error),
        storedReport: (id) => store.storedReport(id),
      }),
    );
  };
  try {
    return await runIngest({ ...options, sink: open });
  } finally {
    // Every save has settled by now (runIngest waits for the documents in hand).
    const opened = opening ? await opening.catch(() => null) : null;
    if (opened) {
      await opened.blobs.close();
      await opened.store.close();
    }
  }
}

import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXTRACTOR_VERSION } from '../extract/version.ts';
import { openStore } from '../store/open-store.ts';
import type { QueueConnectionOptions } from './connection.ts';
import { enqueueDocuments } from './enqueue-documents.ts';
import type { EnqueueOptions } from './enqueue-documents.ts';
import { waitForDocuments } from './wait-for-documents.ts';
import type { DocumentOutcome } from './wait-for-documents.ts';

export interface QueuedIngestOptions extends QueueConnectionOptions {
  paths: readonly string[];
  /** Also write `<id>.json` per stored document (read back from the store) and `ingest-summary.json`. */
  outDir?: string | null;
  /** Run documents again even if they were processed before. */
  reprocess?: boolean;
  accept?: EnqueueOptions['accept'];
  databaseUrl?: string;
  home?: string;
  timeoutMs?: number;
  /** Progress lines, in the format of the in-process ingest. */
  log?: (line: string) => void;
}

export interface QueuedIngestSummary {
  /** The version of this (submitting) installation; workers should run the same one. */
  extractorVersion: string;
  startedAt: string;
  finishedAt: string;
  counts: { ok: number; failed: number; skipped: number };
  inputs: DocumentOutcome[];
}

async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`);
  await rename(temp, path);
}

/**
 * `reportmill ingest --queue`: enqueue, wait with progress, summarize. Exit code for the caller:
 * `summary.counts.failed > 0 ? 1 : 0`, as in-process.
 */
export async function runQueuedIngest(options: QueuedIngestOptions): Promise<QueuedIngestSummary> {
  const startedAt = new Date().toISOString();
  const log = options.log ?? (() => {});
  const connection: QueueConnectionOptions = {
    ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl }),
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
  };
  const location = {
    ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
    ...(options.home === undefined ? {} : { home: options.home }),
  };
  const handles = await enqueueDocuments(options.paths, {
    ...connection,
    ...location,
    ...(options.reprocess === undefined ? {} : { reprocess: options.reprocess }),
    ...(options.accept === undefined ? {} : { accept: options.accept }),
  });
  log(`queued ${handles.filter((h) => h.state === 'queued').length}, already known ${handles.filter((h) => h.state === 'existing').length}, waiting…`);
  const inputs = await waitForDocuments(
    handles,
    (p) => {
      const e = p.last;
      const detail = e.error === undefined ? '' : ` ${e.error.code}: ${e.error.message}`;
      log(`[${p.total - p.pending}/${p.total}] ${e.status.padEnd(7)} ${e.path}${detail}`);
    },
    { ...connection, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) },
  );
  const counts = {
    ok: inputs.filter((e) => e.status === 'ok').length,
    failed: inputs.filter((e) => e.status === 'failed').length,
    skipped: inputs.filter((e) => e.status === 'skipped').length,
  };
  const summary: QueuedIngestSummary = { extractorVersion: EXTRACTOR_VERSION, startedAt, finishedAt: new Date().toISOString(), counts, inputs };
  if (options.outDir !== undefined && options.outDir !== null) {
    await mkdir(options.outDir, { recursive: true });
    const store = await openStore(location);
    try {
      for (const id of new Set(inputs.filter((e) => e.status === 'ok').map((e) => e.id))) {
        const report = id === null ? null : await store.getReport(id);
        if (report !== null) await writeJsonAtomic(join(options.outDir, `${report.id}.json`), report);
      }
    } finally {
      await store.close();
    }
    await writeJsonAtomic(join(options.outDir, 'ingest-summary.json'), summary);
  }
  return summary;
}

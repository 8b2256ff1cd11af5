import { ingestDocument } from '../../pipelines/ingest/index.ts';
import type { ParseStageResult, StageInput } from '../../pipelines/ingest/stages.ts';
import { EXTRACTOR_VERSION } from '../extract/version.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { ReportStore } from '../store/report-store.ts';
import type { DocumentProcessor, ProcessingState } from './document-processor.ts';

export interface InProcessProcessorOptions {
  store: ReportStore;
  blobs: BlobStore;
  /** Documents processed at the same time. */
  concurrency: number;
  /** Where the parse stage runs; default this thread (serve passes its parse-process pool, which keeps the server responsive). */
  parse?: (input: StageInput) => Promise<ParseStageResult>;
  log?: (line: string) => void;
}

interface Pending {
  id: string;
  filename: string;
}

/**
 * The embedded default: uploads run through the ingest pipeline in this process and land in the
 * same store the CLI uses. Only ids wait in memory; the bytes wait in the blob store, so a burst
 * of uploads does not pile up in the heap. Documents still waiting when the server stops are
 * forgotten (their originals stay): uploading them again picks them up.
 */
export function createInProcessProcessor(options: InProcessProcessorOptions): DocumentProcessor {
  const { store, blobs } = options;
  const log = options.log ?? (() => {});
  const inFlight = new Map<string, 'queued' | 'processing'>();
  /** Failures the store could not record (it was down); kept so polling still ends. */
  const unrecorded = new Map<string, ProcessingState>();
  const waiting: Pending[] = [];
  const running = new Set<Promise<void>>();
  let closed = false;

  const pump = (): void => {
    while (!closed && running.size < Math.max(1, options.concurrency)) {
      const next = waiting.shift();
      if (next === undefined) return;
      const work = run(next).finally(() => {
        running.delete(work);
        pump();
      });
      running.add(work);
    }
  };

  const run = async ({ id, filename }: Pending): Promise<void> => {
    inFlight.set(id, 'processing');
    try {
      const bytes = await blobs.get(id);
      if (bytes === null) throw new Error(`the original ${id} is not in the blob store`);
      const outcome = await ingestDocument({ bytes, filename }, options.parse);
      if (outcome.status === 'ok') {
        await store.upsertReport(outcome.report, { blobKey: id });
        log(`done    ${id} ${filename}: ${outcome.report.measures.length} measures`);
      } else {
        await store.recordFailure(id, filename, { code: outcome.error.code, message: outcome.error.message });
        log(`failed  ${id} ${filename}: ${outcome.error.code}`);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`failed  ${id} ${filename}: internal/error ${message}`);
      const failure = { code: 'internal/error', message: 'The document could not be processed or stored; see the server log.' };
      await store.recordFailure(id, filename, failure).catch(() => unrecorded.set(id, { status: 'failed', error: failure }));
    } finally {
      inFlight.delete(id);
    }
  };

  const stored = async (id: string): Promise<ProcessingState | null> => {
    const status = await store.getStatus(id);
    if (status === null) return unrecorded.get(id) ?? null;
    if (status.state === 'failed') return { status: 'failed', error: status.error };
    return { status: 'done' };
  };

  const deciding = new Map<string, Promise<ProcessingState>>();
  const admit = async ({ id, bytes, filename }: { id: string; bytes: Uint8Array; filename: string }): Promise<ProcessingState> => {
    const status = await store.getStatus(id);
    // Known bytes are not processed again, unless an older extractor made their report.
    if (status?.state === 'failed') return { status: 'failed', error: status.error };
    if (status?.state === 'done' && status.extractorVersion === EXTRACTOR_VERSION) return { status: 'done' };
    if (closed) throw new Error('the server is shutting down');
    await blobs.saveOriginal(bytes);
    unrecorded.delete(id);
    inFlight.set(id, 'queued');
    waiting.push({ id, filename });
    pump();
    return { status: inFlight.get(id) ?? 'queued' };
  };

  return {
    mode: 'in-process',

    submit(input) {
      // Two uploads of the same bytes at once share one decision, so they cannot start two runs.
      const current = inFlight.get(input.id);
      if (current !== undefined) return Promise.resolve({ status: current });
      let decision = deciding.get(input.id);
      if (decision === undefined) {
        decision = admit(input).finally(() => deciding.delete(input.id));
        deciding.set(input.id, decision);
      }
      return decision;
    },

    async state(id) {
      const current = inFlight.get(id);
      if (current !== undefined) return { status: current };
      return stored(id);
    },

    async queueHealth() {
      return { kind: 'in-process', ok: !closed };
    },

    async close() {
      closed = true;
      for (const pending of waiting.splice(0)) inFlight.delete(pending.id);
      await Promise.all(running);
    },
  };
}

import type { ApiErrorInfo, ProcessingStatus } from './api-schemas.ts';

export type ProcessingState = { status: Exclude<ProcessingStatus, 'failed'> } | { status: 'failed'; error: ApiErrorInfo };

export interface Reachable {
  kind: string;
  ok: boolean;
  code?: string;
}

/**
 * How `serve` gets an uploaded document through the ingest pipeline. Two implementations with
 * one contract: in this process on the embedded store (the default) or on the BullMQ queues when
 * `REDIS_URL` is set, so the HTTP layer never knows which one runs.
 */
export interface DocumentProcessor {
  readonly mode: 'in-process' | 'queue';
  /**
   * Keeps the original (under its sha256, never under the uploaded name) and starts processing
   * unless these bytes are already known: the same bytes twice are one document and one job.
   */
  submit(input: { id: string; bytes: Uint8Array; filename: string }): Promise<ProcessingState>;
  /** `null` when these bytes were never submitted (or their job was lost before finishing). */
  state(id: string): Promise<ProcessingState | null>;
  queueHealth(): Promise<Reachable>;
  /** Stops taking work and lets the documents in hand finish. */
  close(): Promise<void>;
}

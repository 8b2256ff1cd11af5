import { createWriteStream, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
// Types only: the schemas (zod) stay out of the ingesting process, which loads this before it forks its parse processes.
import type { IngestRunResult, SummaryEntry } from './ingest-summary.ts';

/**
 * Writes `ingest-summary.json` while the run goes on, so the run never holds every entry: each
 * entry is written (one per line) as soon as every entry before it is done, so the file keeps the
 * inputs' order and only the few documents finishing out of order wait in memory. The file is
 * written beside its final name and renamed at the end, so a reader never sees half a summary.
 * The keys come in the order they are known: `counts` and `finishedAt` last.
 */
export class SummaryWriter {
  readonly counts = { ok: 0, failed: 0, skipped: 0 };
  private readonly pending = new Map<number, SummaryEntry>();
  private next = 0;
  private written = 0;
  private readonly stream: WriteStream | null;
  private readonly tmp: string | null;

  constructor(
    private readonly path: string | null,
    private readonly head: { extractorVersion: string; startedAt: string },
  ) {
    this.tmp = path === null ? null : `${path}.${process.pid}.tmp`;
    this.stream = this.tmp === null ? null : createWriteStream(this.tmp);
    this.stream?.write(`{\n  "extractorVersion": ${JSON.stringify(head.extractorVersion)},\n  "startedAt": ${JSON.stringify(head.startedAt)},\n  "inputs": [`);
  }

  /** Entry `index` (in input order) is final. */
  set(index: number, entry: SummaryEntry): void {
    this.counts[entry.status]++;
    this.pending.set(index, entry);
    for (let ready = this.pending.get(this.next); ready !== undefined; ready = this.pending.get(this.next)) {
      this.pending.delete(this.next++);
      this.stream?.write(`${this.written++ === 0 ? '' : ','}\n    ${JSON.stringify(ready)}`);
    }
  }

  async close(): Promise<IngestRunResult> {
    const result: IngestRunResult = { ...this.head, finishedAt: new Date().toISOString(), counts: { ...this.counts } };
    if (this.stream === null || this.tmp === null || this.path === null) return result;
    this.stream.write(`${this.written > 0 ? '\n  ' : ''}],\n  "finishedAt": ${JSON.stringify(result.finishedAt)},\n  "counts": ${JSON.stringify(result.counts)}\n}\n`);
    await new Promise<void>((resolve, reject) => this.stream!.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await rename(this.tmp, this.path);
    return result;
  }
}

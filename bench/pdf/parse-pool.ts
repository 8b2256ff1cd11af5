import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';

export interface ParseSummary {
  file: string;
  ok: boolean;
  tables: number;
}

export async function parseOne(file: string): Promise<ParseSummary> {
  const res = await parsePdf({ bytes: new Uint8Array(readFileSync(file)), filename: file, limits: DEFAULT_LIMITS });
  return { file, ok: res.ok, tables: res.ok ? res.doc.blocks.filter((b) => b.kind === 'table').length : 0 };
}

/**
 * Whole files per thread: pages of one PDF share the document and its fonts, so splitting a file
 * costs more than it saves. The threads are started once and reused, as a server would.
 */
export class ParsePool {
  private readonly workers: Worker[];

  constructor(size: number) {
    const url = new URL('./parse-worker.mjs', import.meta.url);
    this.workers = Array.from({ length: size }, () => new Worker(url));
  }

  async parseAll(files: readonly string[]): Promise<ParseSummary[]> {
    const queue = [...files];
    const out: ParseSummary[] = [];
    await Promise.all(
      this.workers.map(async (worker) => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          const job = file;
          out.push(
            await new Promise<ParseSummary>((resolve, reject) => {
              const onError = (e: Error): void => reject(e);
              worker.once('error', onError);
              worker.once('message', (m: ParseSummary) => {
                worker.off('error', onError);
                resolve(m);
              });
              worker.postMessage(job);
            }),
          );
        }
      }),
    );
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** In-process, one file after the other. */
export async function parseSequential(files: readonly string[]): Promise<ParseSummary[]> {
  const out: ParseSummary[] = [];
  for (const f of files) out.push(await parseOne(f));
  return out;
}

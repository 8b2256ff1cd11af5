import { Worker } from 'node:worker_threads';
import type { ParseStageResult, StageInput } from './stages.ts';

export interface ParseThreadsOptions {
  size: number;
  /** A document still parsing after this long is stopped and fails as `input/timeout`. */
  timeoutMs: number;
  /** Heap per thread: a pathological document fails as `input/too-complex` instead of taking the process down. */
  maxHeapMb: number;
}

export interface ParseThreads {
  /** `timeoutMs` overrides the pool's limit for this document. */
  parse(input: Pick<StageInput, 'bytes' | 'filename'>, limits?: { timeoutMs?: number }): Promise<ParseStageResult>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

const failure = (code: string, message: string): ParseStageResult => ({ ok: false, error: { code, message, permanent: true } });

/**
 * Runs the parse stage on worker threads, one whole document per thread (pages of a document share
 * fonts and objects, so splitting one file costs more than it saves). A thread that hangs or runs
 * out of memory is replaced and only its document fails; the batch goes on.
 */
export function createParseThreads(options: ParseThreadsOptions): ParseThreads {
  // Built (dist/…/parse-threads.js): the compiled entry. From sources (…/parse-threads.ts): an entry
  // that registers tsx first.
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSources ? './parse-thread-dev.mjs' : './parse-thread.js', import.meta.url);
  const spawn = (): Worker => new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } });
  const slots: Slot[] = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: spawn(), busy: false }));
  const waiting: ((slot: Slot) => void)[] = [];
  let jobs = 0;

  const acquire = (): Promise<Slot> => {
    const free = slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (slot: Slot): void => {
    const next = waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  };

  const runOn = (slot: Slot, input: Pick<StageInput, 'bytes' | 'filename'>, timeoutMs: number): Promise<ParseStageResult> =>
    new Promise((resolve) => {
      const job = ++jobs;
      const { worker } = slot;
      let settled = false;
      const finish = (result: ParseStageResult, replace: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (replace) {
          void worker.terminate();
          slot.worker = spawn();
        }
        resolve(result);
      };
      const onMessage = (message: { job: number; result: ParseStageResult }): void => {
        if (message.job === job) finish(message.result, false);
      };
      const onError = (error: Error & { code?: string }): void => {
        finish(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? failure('input/too-complex', `${input.filename} needs more than ${options.maxHeapMb} MB to read; it was stopped.`)
            : failure('internal/parser-crash', `Reading ${input.filename} crashed: ${error.message}`),
          true,
        );
      };
      const onExit = (): void => finish(failure('internal/parser-crash', `The reader of ${input.filename} exited unexpectedly.`), true);
      const timer = setTimeout(
        () => finish(failure('input/timeout', `${input.filename} took longer than ${timeoutMs / 1000} s to read; it was stopped.`), true),
        timeoutMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // The thread knows the budget too (a little less), so OCR stops its Tesseract processes itself first.
      worker.postMessage({ job, bytes: input.bytes, filename: input.filename, timeoutMs: Math.max(1, timeoutMs - 500) });
    });

  return {
    async parse(input, limits) {
      const slot = await acquire();
      try {
        return await runOn(slot, input, limits?.timeoutMs ?? options.timeoutMs);
      } finally {
        release(slot);
      }
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Limits } from '../../src/sniff/limits.ts';
import type { ParseReply, ParseRequest } from './parse-child.ts';
import type { ParseStageResult, StageInput } from './stages.ts';

export interface ParsePoolOptions {
  /** Parse processes running at once. */
  size: number;
  /** A document still parsing after this long is stopped (its process killed): `input/timeout`. */
  timeoutMs: number;
  /**
   * Memory of each parse process: its JavaScript heap is capped at this many MB, and the process is
   * killed if its resident memory passes `memoryLimits(maxHeapMb).rssMb` (decoded streams and
   * other buffers live outside the heap). Either way the document fails as `input/too-complex`.
   */
  maxHeapMb: number;
  /** Parse limits (bytes, pages, rows, cells) sent with every document; default DEFAULT_LIMITS. */
  limits?: Limits;
  /** Run the validate stage in the parse process too (the caller then only stores). */
  validate?: boolean;
  /**
   * A process is replaced after this many documents, so no parser cache can grow without end.
   * Rarely, because each replacement costs a warm-up (loading and compiling the parsers, ~3.5 CPU s
   * on the 2-core machine); the memory check still retires a process that grows, so a high count
   * does not let memory climb (docs/benchmarks.md).
   */
  recycleAfterDocs?: number;
}

export interface ParsePool {
  /** Never rejects: a document that kills, hangs or overflows its process is a failed result. */
  parse(input: Pick<StageInput, 'bytes' | 'filename'>, limits?: { timeoutMs?: number }): Promise<ParseStageResult>;
  close(): Promise<void>;
}

/** Default of `recycleAfterDocs`. */
export const RECYCLE_AFTER_DOCS = 1000;

/** The resident-memory ceiling that goes with a heap limit: the heap plus room for buffers. */
export function memoryLimits(maxHeapMb: number): { heapMb: number; rssMb: number } {
  return { heapMb: maxHeapMb, rssMb: maxHeapMb + Math.max(256, Math.round(maxHeapMb / 2)) };
}

/**
 * V8 flags of a parse process. The heap limit is the containment; but V8 also derives its first
 * old-generation size from the limit, and under a 512 MB limit it starts so small that it runs a
 * full collection again and again while a parse's data (glyphs, trees, trigram tables) builds
 * up: 120 mixed documents took 26–30 CPU s in one parse process, 20–22 s with V8's default
 * (4 GB) limit. Starting the old generation at a quarter of the limit gave 22.9 s with the limit
 * kept (a larger young generation alone did not help: 26–29 s). Derived from the limit, so a
 * small `--max-heap` stays small.
 */
export function heapFlags(heapMb: number): string[] {
  return [`--max-old-space-size=${heapMb}`, `--initial-old-space-size=${Math.max(1, Math.floor(heapMb / 4))}`];
}

interface Slot {
  child: ChildProcess;
  ready: Promise<boolean>;
  /** Last few KB of the process's stderr: tells a V8 out-of-memory abort from another crash. */
  stderrTail: string;
  docs: number;
  busy: boolean;
}

const failure = (code: string, message: string): ParseStageResult => ({ ok: false, error: { code, message, permanent: true } });

/** How V8 says it ran out of memory (heap limit, or an array or string past its largest size). */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|invalid size error|Invalid array length|Invalid string length|Allocation failed|Array buffer allocation failed/i;
const WATCH_EVERY_MS = 100;

async function residentMb(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null; // not Linux, or the process is gone: the heap limit still holds
  }
}

function childEntry(): { entry: string; loader: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return { entry: join(dirname(here), 'parse-child.js'), loader: [] };
  // From the sources (tests): the child loads TypeScript through tsx, like the test runner.
  const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs');
  return { entry: join(dirname(here), 'parse-child.ts'), loader: ['--import', pathToFileURL(tsx).href] };
}

/**
 * Runs the parse stage in child processes, one whole document per process at a time. A process is
 * the unit of containment: a document that hangs is killed at its time limit, one that needs
 * more memory than allowed is killed at its memory limit, and a crash of the JavaScript engine
 * itself (which would take down every worker thread of a process) costs only that document. The
 * process is replaced and the batch goes on. Processes are also replaced after
 * `recycleAfterDocs` documents, or when they have grown past half their memory ceiling, so the
 * memory of a long run stays flat.
 */
export function createParsePool(options: ParsePoolOptions): ParsePool {
  const { entry, loader } = childEntry();
  const { heapMb, rssMb } = memoryLimits(options.maxHeapMb);
  const recycleAfter = options.recycleAfterDocs ?? RECYCLE_AFTER_DOCS;
  let closed = false;

  /** Starts a fresh process in `slot` (a new slot, or one whose process was killed or retired). */
  const start = (slot: Slot): Slot => {
    const child = fork(entry, [], {
      execArgv: [...loader, ...heapFlags(heapMb)],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    slot.child = child;
    slot.stderrTail = '';
    slot.docs = 0;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (slot.child === child) slot.stderrTail = (slot.stderrTail + chunk).slice(-4096);
    });
    slot.ready = new Promise<boolean>((resolve) => {
      const onMessage = (message: { ready?: boolean }): void => {
        if (message?.ready !== true) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(true);
      };
      const onExit = (): void => {
        child.off('message', onMessage);
        resolve(false);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.once('error', onExit);
    });
    return slot;
  };
  const retire = (child: ChildProcess): void => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.disconnect(); // it exits by itself once idle
    setTimeout(() => child.kill('SIGKILL'), 2000).unref();
  };

  const slots: Slot[] = Array.from({ length: Math.max(1, options.size) }, () =>
    start({ child: undefined as unknown as ChildProcess, ready: Promise.resolve(false), stderrTail: '', docs: 0, busy: false }),
  );
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
  const replace = (slot: Slot, kill: boolean): void => {
    const old = slot.child;
    if (kill) old.kill('SIGKILL');
    else retire(old);
    if (!closed) start(slot);
  };

  const runOn = async (slot: Slot, input: Pick<StageInput, 'bytes' | 'filename'>, timeoutMs: number): Promise<ParseStageResult> => {
    // A document still waiting when the pool closes (one whose result nobody wants any more) must
    // not start a new process: nothing would ever stop it.
    if (closed) return failure('internal/parser-crash', `The reader processes were closed before ${input.filename} was read.`);
    // A process that died while idle (killed from outside) is replaced before it is given a document.
    if (slot.child.exitCode !== null || slot.child.signalCode !== null || !slot.child.connected) start(slot);
    if (!(await slot.ready)) {
      const why = slot.stderrTail.trim().split('\n').at(-1) ?? '';
      replace(slot, true);
      return failure('internal/parser-crash', `The reader process for ${input.filename} could not start${why ? `: ${why}` : ''}.`);
    }
    const { child } = slot;
    const job = ++jobs;
    return new Promise<ParseStageResult>((resolve) => {
      let settled = false;
      let watching = false;
      const finish = (result: ParseStageResult, after: 'keep' | 'kill' | 'retire'): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (after !== 'keep') replace(slot, after === 'kill');
        resolve(result);
      };
      const onMessage = (message: ParseReply): void => {
        if (message?.job !== job) return;
        slot.docs++;
        const grown = message.rssBytes / 2 ** 20 > rssMb / 2;
        finish(message.result, slot.docs >= recycleAfter || grown ? 'retire' : 'keep');
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        // Give the last of stderr a moment: it says whether V8 ran out of memory.
        setTimeout(() => {
          if (OUT_OF_MEMORY.test(slot.stderrTail)) {
            finish(failure('input/too-complex', `${input.filename} needs more than the ${heapMb} MB heap limit to read; it was stopped.`), 'kill');
          } else {
            const last = slot.stderrTail.trim().split('\n').at(-1) ?? '';
            const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
            finish(failure('internal/parser-crash', `The reader of ${input.filename} ${how}${last ? `: ${last}` : ''}.`), 'kill');
          }
        }, 50);
      };
      const timer = setTimeout(
        () => finish(failure('input/timeout', `${input.filename} took longer than ${timeoutMs / 1000} s to read; it was stopped.`), 'kill'),
        timeoutMs,
      );
      const watch = setInterval(() => {
        if (watching) return;
        watching = true;
        void residentMb(child.pid).then((mb) => {
          watching = false;
          if (mb !== null && mb > rssMb) {
            finish(failure('input/too-complex', `${input.filename} needs more than the ${rssMb} MB memory limit to read; it was stopped.`), 'kill');
          }
        });
      }, WATCH_EVERY_MS);
      child.on('message', onMessage);
      child.once('exit', onExit);
      // The process knows the budget too (a little less), so OCR stops its Tesseract processes itself first.
      const request: ParseRequest = {
        job,
        bytes: input.bytes,
        filename: input.filename,
        validate: options.validate ?? false,
        timeoutMs: Math.max(1, timeoutMs - 500),
        ...(options.limits ? { limits: options.limits } : {}),
      };
      child.send(request, (error) => {
        if (error) finish(failure('internal/parser-crash', `Could not hand ${input.filename} to its reader: ${error.message}`), 'kill');
      });
    });
  };

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
      closed = true;
      await Promise.all(
        slots.map(async ({ child }) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          if (child.connected) child.disconnect();
          const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}

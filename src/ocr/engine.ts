import { spawn } from 'node:child_process';

/**
 * The OCR engine is Tesseract's command line (Debian's tesseract-ocr 5 with the kir, mon, kaz, rus
 * and eng models), with poppler's `pdftoppm` rendering the pages. Both are looked up once per
 * process; nothing is downloaded at run time. `REPORTMILL_OCR=off` turns OCR off (a scan then
 * fails with `pdf/no-text-layer` as without the engine); `REPORTMILL_TESSERACT` and
 * `REPORTMILL_PDFTOPPM` name other binaries.
 */
export const INSTALL_HINT = 'To read scans, install the OCR engine and its language models with `bash scripts/install-ocr.sh` (Tesseract with kir, mon, kaz, rus and eng, and poppler-utils) and run again.';

export type Engine =
  | { ok: true; tesseract: string; pdftoppm: string; version: string; languages: ReadonlySet<string> }
  | { ok: false; reason: string };

let cached: { key: string; engine: Promise<Engine> } | undefined;

export function ocrEngine(): Promise<Engine> {
  const tesseract = process.env['REPORTMILL_TESSERACT'] ?? 'tesseract';
  const pdftoppm = process.env['REPORTMILL_PDFTOPPM'] ?? 'pdftoppm';
  const off = /^(off|0|false|no)$/i.test(process.env['REPORTMILL_OCR'] ?? '');
  const key = `${tesseract}\0${pdftoppm}\0${off}`;
  if (cached?.key !== key) cached = { key, engine: off ? Promise.resolve({ ok: false, reason: 'OCR is turned off (REPORTMILL_OCR=off).' }) : probe(tesseract, pdftoppm) };
  return cached.engine;
}

async function probe(tesseract: string, pdftoppm: string): Promise<Engine> {
  const version = await run(tesseract, ['--version']).catch(() => undefined);
  if (!version || version.code !== 0) return { ok: false, reason: 'Tesseract is not installed.' };
  const langs = await run(tesseract, ['--list-langs']).catch(() => undefined);
  const languages = new Set(
    (langs?.stdout.toString('utf8') ?? '')
      .split('\n')
      .slice(1)
      .map((l) => l.trim())
      .filter((l) => /^[a-z_]+$/i.test(l) && l !== 'osd'),
  );
  if (languages.size === 0) return { ok: false, reason: 'Tesseract has no language models.' };
  const renderer = await run(pdftoppm, ['-v']).catch(() => undefined);
  if (!renderer || renderer.code !== 0) return { ok: false, reason: 'pdftoppm (poppler-utils) is not installed.' };
  const first = `${version.stdout.toString('utf8')}${version.stderr.toString('utf8')}`.split('\n')[0] ?? '';
  return { ok: true, tesseract, pdftoppm, version: first.trim(), languages };
}

export interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

/**
 * Runs a command to completion. Tesseract gets `OMP_THREAD_LIMIT=1`: its OpenMP threads cost more
 * than they give on a few cores (measured: 4.6 s a page on one thread, 24.6 s with its default
 * threads on 2 cores), so pages run side by side instead. An abort kills the process.
 */
export function run(command: string, args: readonly string[], signal?: AbortSignal): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      return;
    }
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e) => {
      signal?.removeEventListener('abort', onAbort);
      reject(e);
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      else resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    });
  });
}

/** Runs a command and fails with its stderr when it exits non-zero. */
export async function runChecked(command: string, args: readonly string[], signal?: AbortSignal): Promise<Buffer> {
  const r = await run(command, args, signal);
  if (r.code !== 0) throw new Error(`${command} exited with ${r.code}: ${r.stderr.toString('utf8').trim().slice(0, 300)}`);
  return r.stdout;
}

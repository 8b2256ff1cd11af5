import type { SingleBar } from 'cli-progress';
import type { SummaryEntry } from './ingest-summary.ts';

/** What an ingest run tells whoever watches it: the batch size once, then each input as it ends. */
export interface IngestProgress {
  start(total: number, bytes: number): void;
  finished(entry: SummaryEntry, bytes: number): void;
  /** A message about the run (e.g. an interruption), shown without disturbing the progress display. */
  note(line: string): void;
  /** The run is over: leave the display as it is so the summary prints below it. */
  stop(): void;
}

/** One line per input, as `ingest` always printed them: what a log file or a pipe wants. */
export function lineProgress(log: (line: string) => void): IngestProgress {
  let total = 0;
  let done = 0;
  return {
    start(count) {
      total = count;
    },
    finished(entry) {
      done++;
      log(formatEntryLine(done, total, entry));
    },
    note: log,
    stop() {},
  };
}

export function formatEntryLine(done: number, total: number, entry: SummaryEntry): string {
  const detail = entry.error ? ` ${entry.error.code}: ${entry.error.message}` : entry.duplicateOf ? ` (same as ${entry.duplicateOf})` : '';
  return `[${done}/${total}] ${entry.status.padEnd(7)} ${entry.path}${detail}`;
}

export interface ProgressState {
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
  elapsedMs: number;
  /** failures so far by error code */
  failures: ReadonlyMap<string, number>;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Shown after this many failure codes; the rest are summed up as "+N more". */
const CODES_SHOWN = 3;

/**
 * The terminal line's text after the bar: `120/600 files · 3 failed · 45 MB/180 MB · 3.1 docs/s ·
 * ETA 2m 35s · pdf/corrupt 2, input/timeout 1`. The rate and the ETA come from documents, not bytes:
 * a document's cost follows its pages and tables more than its size.
 */
export function formatProgress(state: ProgressState): string {
  const seconds = state.elapsedMs / 1000;
  const rate = seconds > 0 ? state.done / seconds : 0;
  const remaining = state.total - state.done;
  const eta = remaining === 0 ? 'done' : rate > 0 && state.done > 0 ? `ETA ${formatDuration(remaining / rate)}` : 'ETA …';
  const failed = [...state.failures.values()].reduce((a, b) => a + b, 0);
  // Most telling first: a narrow terminal cuts the line from the right.
  const parts = [
    `${state.done}/${state.total} files`,
    ...(failed > 0 ? [`${failed} failed`] : []),
    `${formatBytes(state.bytesDone)}/${formatBytes(state.bytesTotal)}`,
    `${rate.toFixed(rate < 10 ? 1 : 0)} docs/s`,
    eta,
  ];
  if (failed > 0) {
    const byCount = [...state.failures].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const shown = byCount.slice(0, CODES_SHOWN).map(([code, n]) => `${code} ${n}`);
    if (byCount.length > CODES_SHOWN) shown.push(`+${byCount.length - CODES_SHOWN} more`);
    parts.push(shown.join(', '));
  }
  return parts.join(' · ');
}

/**
 * One line redrawn in place on a terminal (cli-progress): files done and total, bytes, docs/s,
 * ETA and failures so far by code. A failed file's own line is printed above it, so the archivist
 * sees which file failed without waiting for the summary; ok and skipped files only move the bar.
 */
export async function terminalProgress(stream: NodeJS.WriteStream): Promise<IngestProgress> {
  const { MultiBar, Format, Presets } = (await import('cli-progress')).default;
  const state = { done: 0, total: 0, bytesDone: 0, bytesTotal: 0, elapsedMs: 0, failures: new Map<string, number>() };
  let startedAt = Date.now();
  const bars = new MultiBar(
    {
    stream,
    hideCursor: true,
    linewrap: false, // cut to the terminal's width rather than wrap onto a second line
    barsize: 20,
    format: (options, params) => {
      state.elapsedMs = Date.now() - startedAt;
      return `${Format.BarFormat(params.progress, options)} ${formatProgress(state)}`;
    },
    },
    Presets.shades_classic,
  );
  let bar: SingleBar | null = null;
  return {
    start(total, bytes) {
      Object.assign(state, { total, bytesTotal: bytes });
      startedAt = Date.now();
      bar = bars.create(total, 0);
    },
    finished(entry, bytes) {
      state.done++;
      state.bytesDone += bytes;
      if (entry.status === 'failed' && entry.error) {
        state.failures.set(entry.error.code, (state.failures.get(entry.error.code) ?? 0) + 1);
        bars.log(`${formatEntryLine(state.done, state.total, entry)}\n`);
      }
      bar?.update(state.done);
    },
    note(line) {
      bars.log(`${line}\n`);
    },
    stop() {
      bars.update(); // print what is still buffered by log()
      bars.stop();
    },
  };
}

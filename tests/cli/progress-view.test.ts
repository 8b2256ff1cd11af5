import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SummaryEntry } from '../../src/cli/ingest-summary.ts';
import { formatBytes, formatDuration, formatProgress, lineProgress, terminalProgress } from '../../src/cli/progress-view.ts';

const ok = (path: string): SummaryEntry => ({ path, status: 'ok', id: 'a'.repeat(64), measures: 3 });
const failed = (path: string, code: string): SummaryEntry => ({ path, status: 'failed', id: null, error: { code, message: `${path} could not be read` } });

describe('formatProgress', () => {
  const base = { done: 0, total: 600, bytesDone: 0, bytesTotal: 180 * 1024 * 1024, elapsedMs: 0, failures: new Map<string, number>() };

  it('shows files, bytes, rate and an ETA from documents per second', () => {
    const line = formatProgress({ ...base, done: 120, bytesDone: 45 * 1024 * 1024, elapsedMs: 40_000 });
    expect(line).toBe('120/600 files · 45 MB/180 MB · 3.0 docs/s · ETA 2m 40s');
  });

  it('has no ETA before the first document and says done at the end', () => {
    expect(formatProgress(base)).toBe('0/600 files · 0 B/180 MB · 0.0 docs/s · ETA …');
    expect(formatProgress({ ...base, done: 600, bytesDone: base.bytesTotal, elapsedMs: 200_000 })).toMatch(/· done$/);
  });

  it('counts failures and lists their codes by frequency, the most frequent three, then how many more', () => {
    const failures = new Map([
      ['input/timeout', 1],
      ['pdf/corrupt', 4],
      ['docx/encrypted', 2],
      ['input/format-mismatch', 1],
    ]);
    const line = formatProgress({ ...base, done: 50, elapsedMs: 10_000, failures });
    expect(line).toBe('50/600 files · 8 failed · 0 B/180 MB · 5.0 docs/s · ETA 1m 50s · pdf/corrupt 4, docx/encrypted 2, input/format-mismatch 1, +1 more');
  });

  it('formats bytes and durations for people', () => {
    expect([0, 1023, 1024, 1536, 10 * 1024 * 1024, 3.5 * 1024 ** 3].map(formatBytes)).toEqual(['0 B', '1023 B', '1.0 KB', '1.5 KB', '10 MB', '3.5 GB']);
    expect([0, 59.4, 60, 155, 3600, 7322].map(formatDuration)).toEqual(['0s', '59s', '1m 00s', '2m 35s', '1h 00m', '2h 02m']);
  });
});

describe('progress output', () => {
  it('without a terminal prints one line per input, as ingest always did', () => {
    const lines: string[] = [];
    const progress = lineProgress((line) => lines.push(line));
    progress.start(3, 300);
    progress.finished(ok('/in/a.md'), 100);
    progress.finished(failed('/in/b.pdf', 'pdf/corrupt'), 100);
    progress.finished({ path: '/in/c.md', status: 'ok', id: 'a'.repeat(64), duplicateOf: '/in/a.md' }, 100);
    progress.note('interrupted');
    progress.stop();
    expect(lines).toEqual([
      '[1/3] ok      /in/a.md',
      '[2/3] failed  /in/b.pdf pdf/corrupt: /in/b.pdf could not be read',
      '[3/3] ok      /in/c.md (same as /in/a.md)',
      'interrupted',
    ]);
  });

  it('on a terminal redraws one line and prints failed files above it; the last state stays', async () => {
    let written = '';
    const stream = Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          written += String(chunk);
          done();
        },
      }),
      { isTTY: true, columns: 200, rows: 40 },
    ) as unknown as NodeJS.WriteStream;
    const progress = await terminalProgress(stream);
    progress.start(3, 3 * 1024);
    progress.finished(ok('/in/a.md'), 1024);
    progress.finished(failed('/in/b.pdf', 'pdf/corrupt'), 1024);
    progress.finished(ok('/in/c.md'), 1024);
    progress.stop();
    const screen = written.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''); // drop cursor movements and colours
    expect(screen).toContain('[2/3] failed  /in/b.pdf pdf/corrupt: /in/b.pdf could not be read');
    expect(screen).not.toContain('[1/3]');
    expect(screen).toMatch(/3\/3 files · 1 failed · 3\.0 KB\/3\.0 KB · [0-9.]+ docs\/s · done · pdf\/corrupt 1/);
  });
});

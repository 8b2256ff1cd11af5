import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { documentId } from '../../pipelines/ingest/document-id.ts';
import type { ParsePool } from '../../pipelines/ingest/parse-pool.ts';
import type { Report } from '../../src/model/report.ts';

// Parsing is not what is tested here: a pool that answers at once and counts what it was given.
const parsed: string[] = [];
vi.mock('../../pipelines/ingest/parse-pool.ts', () => ({
  createParsePool: (): ParsePool => ({
    parse: async ({ bytes, filename }) => {
      parsed.push(filename);
      return { ok: true, report: { id: documentId(bytes), measures: [] } as unknown as Report };
    },
    close: async () => undefined,
  }),
}));
const { runIngest } = await import('../../src/cli/ingest-command.ts');

const work = mkdtempSync(join(tmpdir(), 'reportmill-opening-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function inbox(name: string, count: number, bytesEach = 0): string {
  const dir = join(work, name);
  mkdirSync(dir);
  for (let i = 0; i < count; i++) {
    if (bytesEach > 0) {
      // Large: a PDF head (read at once by the sniffer) and padding, distinct by its number.
      const bytes = Buffer.alloc(bytesEach, 32);
      bytes.write(`%PDF-1.4\n%${i}\n`);
      writeFileSync(join(dir, `doc-${i}.pdf`), bytes);
    } else {
      writeFileSync(join(dir, `doc-${String(i).padStart(2, '0')}.txt`), `Quarterly report ${i}\n\nThe district met its goal of ${i} inspections this quarter.\n`);
    }
  }
  return dir;
}

/** A store that opens only once `until()` holds (or after a while), and keeps what it is given. */
function slowStore(until: () => boolean) {
  const saved: string[] = [];
  let parsedBeforeOpen = -1;
  const open = async () => {
    const started = Date.now();
    while (!until() && Date.now() - started < 3000) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100)); // anything more that would start, starts
    parsedBeforeOpen = parsed.length;
    return {
      saveOriginal: async () => undefined,
      saveReport: async (report: Report) => void saved.push(report.id),
      saveFailure: async () => undefined,
      storedReport: async () => null,
    };
  };
  return { open, saved, parsedBeforeOpen: () => parsedBeforeOpen };
}

const run = (dir: string, sink: () => Promise<never> | Promise<unknown>) =>
  runIngest({ paths: [dir], outDir: null, force: false, concurrency: 2, threads: 1, sink: sink as never, log: () => undefined });

describe('reportmill ingest while the store opens', () => {
  it('goes on parsing documents while the store opens, instead of stopping at one more than the parse processes', async () => {
    const dir = inbox('ahead', 12);
    parsed.length = 0;
    const store = slowStore(() => parsed.length >= 8);
    const result = await run(dir, store.open);
    expect(store.parsedBeforeOpen()).toBeGreaterThanOrEqual(8);
    expect(result.counts).toEqual({ ok: 12, failed: 0, skipped: 0 });
    expect(store.saved).toHaveLength(12);
    expect(parsed).toHaveLength(12);
  });

  it('parses ahead at most 16 documents per parse process, and holds at most 64 MB of them', async () => {
    const many = inbox('many', 40);
    parsed.length = 0;
    let store = slowStore(() => false);
    await run(many, store.open);
    expect(store.parsedBeforeOpen()).toBe(16);
    expect(parsed).toHaveLength(40);

    const big = inbox('big', 8, 20 * 2 ** 20);
    parsed.length = 0;
    store = slowStore(() => false);
    await run(big, store.open);
    // 20 MB each: the fourth makes 80 MB in hand, more than 64, so no fifth starts.
    expect(store.parsedBeforeOpen()).toBe(4);
    expect(parsed).toHaveLength(8);
  }, 30_000);

  it('of identical files in flight together, processes the first in input order, though its read finishes last', async () => {
    const dir = join(work, 'same');
    mkdirSync(dir);
    const text = 'Quarterly report\n\nThe district met its goal of 12 inspections this quarter.\n';
    // The first input is a pipe: its read ends only when the test writes, well after the second's.
    const first = join(dir, 'a-first.txt');
    expect(spawnSync('mkfifo', [first]).status).toBe(0);
    const second = join(dir, 'b-copy.txt');
    writeFileSync(second, text);
    parsed.length = 0;
    const store = slowStore(() => parsed.length > 0);
    const running = runIngest({ paths: [first, second], outDir: dir, force: false, concurrency: 2, threads: 1, sink: store.open as never, log: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writeFile(first, text);
    const result = await running;
    expect(result.counts).toEqual({ ok: 2, failed: 0, skipped: 0 });
    const summary = JSON.parse(readFileSync(join(dir, 'ingest-summary.json'), 'utf8')) as { inputs: { duplicateOf?: string }[] };
    expect(summary.inputs.map((entry) => entry.duplicateOf)).toEqual([undefined, first]);
    expect(parsed).toEqual([first]);
  });
});

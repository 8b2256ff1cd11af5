import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hugeMarkdownTable, loopingPdf } from '../../bench/scale/corpus.ts';
import { createParsePool, ingestDocument, type ParsePool } from '../../pipelines/ingest/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';

const seed = join(import.meta.dirname, '../../fixtures/golden/mn-ndg-inspector-2024/input.txt');
const bytes = new Uint8Array(readFileSync(seed));
let pool: ParsePool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('parse stage in contained processes', () => {
  it('gives the same report as in-process parsing', async () => {
    pool = createParsePool({ size: 2, timeoutMs: 60_000, maxHeapMb: 512 });
    const pooled = await ingestDocument({ bytes, filename: seed }, (input) => pool!.parse(input));
    const inline = await ingestDocument({ bytes, filename: seed });
    expect(pooled).toEqual(inline);
    const many = await Promise.all([1, 2, 3].map(() => pool!.parse({ bytes, filename: seed })));
    expect(many.every((r) => r.ok && r.report.measures.length === 14)).toBe(true);
  });

  it('replaces a process that died while idle before giving it the next document', async () => {
    pool = createParsePool({ size: 1, timeoutMs: 60_000, maxHeapMb: 512 });
    expect((await pool.parse({ bytes, filename: seed })).ok).toBe(true);
    const { execFileSync } = await import('node:child_process');
    // The pool's only child: killed from outside (an OOM killer, an operator) while it waits.
    const children = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'parse-child'], { encoding: 'utf8' }).trim().split('\n').map(Number);
    expect(children).toHaveLength(1);
    for (const pid of children) process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const next = await pool.parse({ bytes, filename: seed });
    expect(next.ok && next.report.measures.length).toBe(14);
  }, 60_000);

  it('closes with documents still in hand or waiting: they fail, and no process is started for them', async () => {
    pool = createParsePool({ size: 1, timeoutMs: 60_000, maxHeapMb: 512 });
    // One document parsing, two waiting for the only process; nobody wants their results any more.
    const results = [1, 2, 3].map(() => pool!.parse({ bytes, filename: seed }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await pool.close();
    const settled = await Promise.all(results);
    expect(settled.filter((r) => !r.ok).length).toBeGreaterThanOrEqual(2);
    const { execFileSync } = await import('node:child_process');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const children = (() => {
      try {
        return execFileSync('pgrep', ['-P', String(process.pid), '-f', 'parse-child'], { encoding: 'utf8' }).trim();
      } catch {
        return ''; // pgrep exits 1 when nothing matches
      }
    })();
    expect(children).toBe('');
  }, 60_000);

  it('stops a document that takes too long; its process is replaced and the next document goes through', async () => {
    // Heap room far past what the looping PDF's operator list reaches in 3 s (about 200 MB/s), so the
    // time limit, not the memory limit, is what stops it.
    pool = createParsePool({ size: 1, timeoutMs: 60_000, maxHeapMb: 4096 });
    await pool.parse({ bytes, filename: seed }); // started and warm: the limit below times the document alone
    const started = Date.now();
    const looping = await pool.parse({ bytes: loopingPdf(), filename: 'loop.pdf' }, { timeoutMs: 3000 });
    const took = Date.now() - started;
    expect(looping).toMatchObject({ ok: false, error: { code: 'input/timeout' } });
    expect(took).toBeGreaterThanOrEqual(3000);
    expect(took).toBeLessThan(15_000); // killed at its limit, not left to run (generous: the machine is shared)
    const next = await pool.parse({ bytes, filename: seed });
    expect(next.ok && next.report.measures.length).toBe(14);
  }, 60_000);

  it('a document that overflows a small heap fails as input/too-complex; the next document goes through', async () => {
    // 6,000 rows is under the row limit, but far more than a 64 MB heap holds while parsing.
    pool = createParsePool({ size: 1, timeoutMs: 120_000, maxHeapMb: 64 });
    const table = new TextEncoder().encode(hugeMarkdownTable(6000));
    const result = await pool.parse({ bytes: table, filename: 'big-table.md' });
    expect(result).toMatchObject({ ok: false, error: { code: 'input/too-complex' } });
    const next = await pool.parse({ bytes, filename: seed });
    expect(next.ok && next.report.measures.length).toBe(14);
  }, 120_000);

  it('refuses a table past the row limit before parsing it, with its own code', async () => {
    pool = createParsePool({ size: 1, timeoutMs: 60_000, maxHeapMb: 512, limits: { ...DEFAULT_LIMITS, maxTableRows: 1000 } });
    const table = new TextEncoder().encode(hugeMarkdownTable(1500));
    const result = await pool.parse({ bytes: table, filename: 'rows.md' });
    expect(result).toMatchObject({ ok: false, error: { code: 'input/too-many-rows' } });
  }, 60_000);
});

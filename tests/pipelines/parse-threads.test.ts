import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createParseThreads, ingestDocument, type ParseThreads } from '../../pipelines/ingest/index.ts';

const seed = join(import.meta.dirname, '../../fixtures/golden/mn-ndg-inspector-2024/input.txt');
const bytes = new Uint8Array(readFileSync(seed));
let pool: ParseThreads | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('parse stage on worker threads', () => {
  it('gives the same report as the main thread', async () => {
    pool = createParseThreads({ size: 2, timeoutMs: 60_000, maxHeapMb: 1024 });
    const threaded = await ingestDocument({ bytes, filename: seed }, (input) => pool!.parse(input));
    const inline = await ingestDocument({ bytes, filename: seed });
    expect(threaded).toEqual(inline);
    const many = await Promise.all([1, 2, 3].map(() => pool!.parse({ bytes, filename: seed })));
    expect(many.every((r) => r.ok && r.report.measures.length === 14)).toBe(true);
  });

  it('stops a document that takes too long; its thread is replaced and the next document goes through', async () => {
    pool = createParseThreads({ size: 1, timeoutMs: 60_000, maxHeapMb: 1024 });
    const slow = await pool.parse({ bytes, filename: 'slow.txt' }, { timeoutMs: 1 });
    expect(slow).toMatchObject({ ok: false, error: { code: 'input/timeout' } });
    const next = await pool.parse({ bytes, filename: seed });
    expect(next.ok && next.report.measures.length).toBe(14);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { DocTree } from '../../src/model/doc-tree.ts';
import { normalizeTables } from '../../src/tables/index.ts';
import { htmlTableGrids } from '../support/html-grid.ts';
import { openPdfRenderer, type PdfRenderer } from './support/chromium-pdf.ts';
import { randomTable } from './support/random-table.ts';

/**
 * Property: a random ruled table (random words in Kyrgyz, Mongolian, Russian and English, random
 * spans, random column widths, three font families) printed by Chromium reads back to the same
 * grid and the same cell texts, every word and every space kept.
 */
const SEEDS = Array.from({ length: 16 }, (_, i) => 1000 + i);
/**
 * Seeds that fail for a known reason, run as expected failures until fixed (none now: 1000 and
 * 1008 failed only on a machine without the Liberation fonts the tables are printed in, where
 * Chromium substituted another face).
 */
const KNOWN_FAILURES = new Set<number>([]);

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await openPdfRenderer();
});
afterAll(async () => {
  await renderer?.close();
});

describe('random tables printed by Chromium read back cell for cell', () => {
  it.each(SEEDS)('seed %i', async (seed) => {
    if (KNOWN_FAILURES.has(seed)) return expectFailure(() => readBack(seed));
    await readBack(seed);
  });
});

async function expectFailure(run: () => Promise<void>): Promise<void> {
  let failed = false;
  await run().catch(() => {
    failed = true;
  });
  expect(failed, 'a known failure now passes: take it off KNOWN_FAILURES').toBe(true);
}

async function readBack(seed: number): Promise<void> {
  {
    const table = randomTable(seed);
    const pdf = await renderer.render(table.html);
    const res = await parsePdf({ bytes: pdf, filename: `random-${seed}.pdf`, limits: DEFAULT_LIMITS });
    if (!res.ok) throw new Error(res.error.code);
    expect(res.doc.pages, 'the random table fits one page').toBe(1);
    const [truth] = htmlTableGrids(table.html);
    const tables = normalizeTables(DocTree.parse(res.doc), { language: () => 'und' }).tables.map((t) => t.output);
    expect(tables, table.style).toHaveLength(1);
    const got = (tables[0]?.cells ?? []).map(({ row, col, rowSpan, colSpan, text }) => ({ row, col, rowSpan, colSpan, text }));
    const want = (truth?.cells ?? []).map(({ row, col, rowSpan, colSpan, text }) => ({ row, col, rowSpan, colSpan, text }));
    expect(got, table.style).toEqual(want);
  }
}

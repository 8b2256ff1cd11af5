import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../src/parse/pdf/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { DocTree } from '../../src/model/doc-tree.ts';
import type { NormalizedTable } from '../../src/model/table.ts';
import { normalizeTables } from '../../src/tables/index.ts';
import { ingestDocument } from '../../pipelines/ingest/index.ts';
import { tablesOf } from '../support/doc-grid.ts';
import { htmlTableGrids, type HtmlTableGrid } from '../support/html-grid.ts';

/** The shared fixtures next to the checkout (`../shared/fixtures`), as the other rooms read them. */
const FIXTURES = new URL('../../../shared/fixtures/', import.meta.url).pathname.replace(/\/$/, '');

async function parse(name: string): Promise<DocTree> {
  const bytes = new Uint8Array(readFileSync(`${FIXTURES}/${name}`));
  const res = await parsePdf({ bytes, filename: name, limits: DEFAULT_LIMITS });
  if (!res.ok) throw new Error(`${name}: ${res.error.code} ${res.error.message}`);
  return DocTree.parse(res.doc);
}

/** Comparable form of cell text: Unicode-normalized, no whitespace, no case. */
function textKey(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** The logical tables `src/tables/` makes of the PDF's table blocks (languages left out). */
function normalized(doc: DocTree): NormalizedTable[] {
  return normalizeTables(doc, { language: () => 'und' }).tables.map((t) => t.output);
}

/**
 * The normalized PDF table against the HTML ground truth: same grid size, and every truth cell with
 * text found at the same grid position with the same text (whitespace ignored) and spans.
 */
function compare(doc: DocTree, htmlFile: string, opts: { spans: boolean; emptyCells: boolean }): { truth: HtmlTableGrid; grid: NormalizedTable } {
  const grids = normalized(doc);
  expect(grids).toHaveLength(1);
  const grid = grids[0]!;
  const [truth] = htmlTableGrids(readFileSync(`${FIXTURES}/${htmlFile}`, 'utf8'));
  if (!truth) throw new Error(`${htmlFile}: no table`);
  const rows = Math.max(...grid.cells.map((c) => c.row + c.rowSpan));
  const cols = Math.max(...grid.cells.map((c) => c.col + c.colSpan));
  expect({ rows, cols }).toEqual({ rows: truth.rows, cols: truth.cols });
  const wrong: string[] = [];
  for (const t of truth.cells) {
    if (!opts.emptyCells && textKey(t.text) === '') continue;
    const got = grid.cells.find((c) => c.row === t.row && c.col === t.col);
    const sameText = got !== undefined && textKey(got.text) === textKey(t.text);
    const sameSpan = got !== undefined && got.rowSpan === t.rowSpan && got.colSpan === t.colSpan;
    if (!sameText || (opts.spans && !sameSpan)) wrong.push(`${t.row},${t.col}: want "${t.text.slice(0, 60)}" got "${got?.text.slice(0, 60) ?? '-'}" (${got?.rowSpan}x${got?.colSpan})`);
  }
  expect(wrong).toEqual([]);
  return { truth, grid };
}

describe('ruled Kyrgyz report (16 pages, header repeated on every page)', async () => {
  const doc = await parse('ky-socfund-acp-2024q1.pdf');

  it('reads pages, title and language from the PDF', () => {
    expect(doc.pages).toBe(16);
    expect(doc.metadata.title).toMatch(/^Кыргыз Республикасынын Министрлер Кабинетине/);
    expect(doc.metadata.declaredLanguage).toBe('ky-KG');
  });

  it('gives one table block per page, each later one continuing the previous after a page break', () => {
    const ts = tablesOf(doc.blocks);
    expect(ts).toHaveLength(15);
    expect(ts[0]!.continuesPrevious).toBeUndefined();
    for (const t of ts.slice(1)) expect(t.continuesPrevious).toBe(true);
    for (let i = 1; i < doc.blocks.length; i++) {
      const b = doc.blocks[i]!;
      if (b.kind === 'table' && b.continuesPrevious) expect(doc.blocks[i - 1]!.kind).toBe('page-break');
    }
    for (const t of ts) {
      expect(t.rows[0]!.header).toBe(true);
      expect(t.rows.every((r) => r.page === t.position.page)).toBe(true);
    }
  });

  it('normalized over the pages, equals the HTML table cell for cell, spans included', () => {
    const { truth } = compare(doc, 'ky-socfund-acp-2024q1.html', { spans: true, emptyCells: true });
    expect(truth.headerRows).toBe(1);
  });

  it('keeps the title as a bold paragraph with its forced lines and maps the U+F0B7 bullet', () => {
    const title = doc.blocks.find((b) => b.kind === 'paragraph' && b.bold === true);
    expect(title?.kind === 'paragraph' ? title.lines?.length : 0).toBeGreaterThanOrEqual(3);
    const list = doc.blocks.find((b) => b.kind === 'list');
    expect(list?.kind === 'list' ? list.items : []).toHaveLength(2);
    expect(doc.findings.map((f) => f.code)).toContain('pdf/private-use-glyph');
    const all = JSON.stringify(doc.blocks);
    expect(all).not.toContain('\uF0B7');
  });

  it('keeps real hyphens at line ends ("иш-чара…")', () => {
    const cells = normalized(doc)[0]!.cells.map((c) => c.text).join(' ');
    expect(cells).toMatch(/иш-чара/);
    expect(cells).not.toMatch(/ишчара/);
  });
});

describe('ruled Mongolian report (3 pages, 3 repeated header rows, a row cut by the page break)', async () => {
  const doc = await parse('mn-ndg-inspector-2024.pdf');

  it('marks the three repeated header rows and the cut row on the next page', () => {
    const ts = tablesOf(doc.blocks);
    expect(ts).toHaveLength(3);
    for (const t of ts) expect(t.rows.slice(0, 3).every((r) => r.header === true)).toBe(true);
    expect(ts[1]!.rows[3]!.continuesPrevious).toBe(true);
    expect(ts[1]!.rows[3]!.pageBreakBefore).toBe(true);
  });

  it('normalized, equals the HTML table cell for cell with its colspans and rowspans', () => {
    const { truth } = compare(doc, 'mn-ndg-inspector-2024.html', { spans: true, emptyCells: true });
    expect(truth.headerRows).toBe(3);
  });

  it('points each measure at the grid row of the normalized table that holds it, the cut row counted once', async () => {
    const name = 'mn-ndg-inspector-2024.pdf';
    const outcome = await ingestDocument({ bytes: new Uint8Array(readFileSync(`${FIXTURES}/${name}`)), filename: name });
    if (outcome.status !== 'ok') throw new Error(`${name}: ${outcome.status}`);
    const { measures, tables } = outcome.report;
    expect(measures.length).toBeGreaterThan(1);
    const wrong = measures.flatMap((m) => {
      const table = tables[m.source.table];
      const [row] = m.source.rows;
      const col = table?.roles.indexOf('measure') ?? -1;
      const cell = table?.cells.find((c) => row !== undefined && c.col === col && c.row <= row && row < c.row + c.rowSpan);
      return m.source.rows.length === 1 && cell !== undefined && textKey(cell.text) === textKey(m.text) ? [] : [`${m.id}: rows ${m.source.rows.join(',')}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe('borderless Mongolian report (stream mode)', async () => {
  const doc = await parse('mn-ndg-inspector-2024-borderless.pdf');

  it('finds the same grid with no ruling lines: every non-empty HTML cell at its place', () => {
    compare(doc, 'mn-ndg-inspector-2024.html', { spans: false, emptyCells: false });
  });

  it('rebuilds the two-level header: the group heading spans its two sub-columns', () => {
    const first = tablesOf(doc.blocks)[0]!;
    const heading = first.rows[0]!.cells.find((c) => textKey(c.text) === textKey('Шалгуур үзүүлэлт'));
    expect(heading?.colSpan).toBe(2);
    const numbers = first.rows[0]!.cells.find((c) => c.text === 'Д/д');
    expect(numbers?.rowSpan).toBe(2);
  });

  it('keeps the full-width group rows as single spanning cells', () => {
    const grid = normalized(doc)[0]!;
    const groups = grid.cells.filter((c) => c.colSpan === 7);
    expect(groups.map((g) => g.text.slice(0, 8))).toEqual(['Зорилт 1', 'Зорилт 2']);
  });
});

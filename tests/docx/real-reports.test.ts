import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { DocTree, type TableBlock } from '../../src/model/doc-tree.ts';
import { parseDocx } from '../../src/parse/docx/index.ts';
import { DEFAULT_LIMITS } from '../../src/sniff/limits.ts';
import { docTableGrid, tablesOf } from '../support/doc-grid.ts';
import { htmlTableGrids, type GridCell } from '../support/html-grid.ts';

/**
 * The three real reports (`../shared/fixtures`) as golden cases. Their HTML versions are the
 * ground-truth structure, built from the same seed, so each DOCX grid must match its HTML grid
 * cell for cell: position, spans, header flag and text. Mammoth (its own OOXML reader, which keeps
 * vMerge/gridSpan as rowspan/colspan) gives an independent second opinion on the merges.
 */
const SHARED = new URL('../../../shared/fixtures/', import.meta.url);
const read = (name: string): Buffer => readFileSync(new URL(name, SHARED));
const key = (c: { row: number; col: number }): string => `${c.row},${c.col}`;
/** The cells of each table of an HTML document. */
const htmlGrids = (html: string): GridCell[][] => htmlTableGrids(html).map((t) => t.cells);

async function parse(name: string): Promise<DocTree> {
  const outcome = await parseDocx({ bytes: read(name), filename: name, limits: DEFAULT_LIMITS });
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code} ${outcome.error.message}`);
  // The output must satisfy the published model, not just the TypeScript type.
  return DocTree.parse(outcome.doc);
}

function expectSameGrid(actual: GridCell[], expected: GridCell[]): void {
  const byKey = new Map(actual.map((c) => [key(c), c]));
  for (const want of expected) {
    const got = byKey.get(key(want));
    expect(got, `cell at ${key(want)} (${want.text.slice(0, 40)})`).toBeDefined();
    expect({ ...got, at: key(want) }).toEqual({ ...want, at: key(want) });
  }
  expect(actual.length).toBe(expected.length);
}

/** `<name>.docx`'s one table against the table of `<name>.html`. */
async function expectSameAsHtml(name: string): Promise<void> {
  const doc = await parse(`${name}.docx`);
  const [html] = htmlGrids(read(`${name}.html`).toString('utf8'));
  const [table] = tablesOf(doc.blocks);
  if (!table || !html) throw new Error('missing table');
  expectSameGrid(docTableGrid(table), html);
}

const bodyRows = (t: TableBlock): number => t.rows.filter((r) => !r.header).length;
const spansInColumn = (t: TableBlock, col: number): number[] =>
  t.rows.flatMap((r) => r.cells.filter((c) => c.col === col && !c.header).map((c) => c.rowSpan)).filter((s) => s > 1);

describe('ky-socfund-acp-2024q1.docx', () => {
  it('is one 6-column table with 1 header row, 28 body rows and the goal spans 6/7/7/4/4', async () => {
    const doc = await parse('ky-socfund-acp-2024q1.docx');
    const [table, ...more] = tablesOf(doc.blocks);
    expect(more).toHaveLength(0);
    if (!table) throw new Error('no table');
    expect(table.columns).toBe(6);
    expect(table.rows.filter((r) => r.header)).toHaveLength(1);
    expect(bodyRows(table)).toBe(28);
    expect(spansInColumn(table, 0)).toEqual([6, 7, 7, 4, 4]);
    // "Коррупцияга каршы чара" and "Милдеттер" span 4, 7, 7, 4, 4; 15 merged cells cover 65 positions.
    expect(spansInColumn(table, 1)).toEqual([4, 7, 7, 4, 4]);
    expect(spansInColumn(table, 2)).toEqual([4, 7, 7, 4, 4]);
    const covered = table.rows.flatMap((r) => r.cells).reduce((n, c) => n + c.rowSpan * c.colSpan - 1, 0);
    expect(covered).toBe(65);
  });

  it('matches the HTML ground truth cell by cell', () => expectSameAsHtml('ky-socfund-acp-2024q1'));

  it('reads the title, preamble, bulleted list and metadata around the table', async () => {
    const doc = await parse('ky-socfund-acp-2024q1.docx');
    const [title, , indicators, list] = doc.blocks;
    expect(title).toMatchObject({ kind: 'paragraph', bold: true, position: { block: 0, paragraph: 0 } });
    expect(title?.kind === 'paragraph' && title.lines).toEqual([
      'Кыргыз Республикасынын Министрлер Кабинетине караштуу Кыргыз Республикасынын Социалдык фондунун',
      'иш-аракеттердин стратегиялык планын (ИСП) аткаруу боюнча',
      'Кыргыз Республикасында 2023-2025-жж. коррупцияга каршы саясатты ишке ашыруу боюнча',
      'Маалымат',
      '2024-жылдын I-кварталына',
    ]);
    expect(indicators).toMatchObject({ kind: 'paragraph', text: '2026-жылга карата максаттуу индикаторлор:', bold: true });
    expect(list).toMatchObject({ kind: 'list', ordered: false });
    expect(list?.kind === 'list' && list.items).toHaveLength(2);
    expect(doc.metadata.declaredLanguage).toBe('ky-KG');
    expect(doc.metadata.title).toMatch(/^Кыргыз Республикасынын Министрлер Кабинетине .* 2024-жылдын I-кварталына$/);
  });

  it('keeps list items, forced line breaks and hyperlink text as separate cell paragraphs', async () => {
    const doc = await parse('ky-socfund-acp-2024q1.docx');
    const [table] = tablesOf(doc.blocks);
    const cells = table?.rows.flatMap((r) => r.cells) ?? [];
    const links = cells.find((c) => c.paragraphs.includes('https://web.telegram.org/a/#-1001509442568'));
    expect(links?.paragraphs).toEqual(expect.arrayContaining(['https://www.facebook.com/socfondKG/', 'https://ok.ru/socfondkg']));
    // A w:br inside a cell paragraph splits it, as <br> does in the HTML parser.
    expect(cells.some((c) => c.paragraphs.includes('Статусу: аткарылды'))).toBe(true);
    // List paragraphs with numbering format "none" keep their own "- " and get no glyph.
    const listItem = cells.flatMap((c) => c.paragraphs).find((p) => p.startsWith('- '));
    expect(listItem).toBeDefined();
    expect(cells.flatMap((c) => c.paragraphs).some((p) => /^[•\uf0b7]/u.test(p))).toBe(false);
  });

  it('gives every block and cell its position', async () => {
    const doc = await parse('ky-socfund-acp-2024q1.docx');
    doc.blocks.forEach((b, i) => {
      expect(b.position.block).toBe(i);
      expect(b.position.paragraph).toBeTypeOf('number');
    });
    const [table] = tablesOf(doc.blocks);
    table?.rows.forEach((row, r) => {
      for (const c of row.cells) {
        expect(c.position).toMatchObject({ block: table.position.block, table: 0, row: r, col: c.col });
        expect(c.position.paragraph).toBeTypeOf('number');
      }
    });
  });
});

describe('ky-socfund-acp-2024q1-split.docx', () => {
  it('is two tables with a page break between, the second with its own header row', async () => {
    const doc = await parse('ky-socfund-acp-2024q1-split.docx');
    const kinds = doc.blocks.map((b) => b.kind);
    const first = kinds.indexOf('table');
    expect(kinds.slice(first, first + 3)).toEqual(['table', 'page-break', 'table']);
    const [t1, t2, ...more] = tablesOf(doc.blocks);
    expect(more).toHaveLength(0);
    if (!t1 || !t2) throw new Error('missing tables');
    expect(t1.position.table).toBe(0);
    expect(t2.position.table).toBe(1);
    for (const t of [t1, t2]) {
      expect(t.columns).toBe(6);
      expect(t.rows[0]?.header).toBe(true);
      expect(t.rows[0]?.cells.map((c) => c.text)).toEqual(['Стратегиялык максат', 'Коррупцияга каршы чара', 'Милдеттер', 'Иш-чара', 'Аткаруучу', 'Аткаруу жөнүндө маалымат']);
    }
    expect(bodyRows(t1) + bodyRows(t2)).toBe(28);
    // Table 2 starts with the empty merged cells Word's "Split Table" leaves (rowspan 4).
    expect(t2.rows[1]?.cells.slice(0, 3).map((c) => [c.text, c.rowSpan])).toEqual([['', 4], ['', 4], ['', 4]]);
  });

  it('matches the split HTML source table by table', async () => {
    const doc = await parse('ky-socfund-acp-2024q1-split.docx');
    const html = htmlGrids(readFileSync(new URL('make/ky-socfund-acp-2024q1-split.html', SHARED), 'utf8'));
    const tables = tablesOf(doc.blocks);
    expect(tables).toHaveLength(html.length);
    tables.forEach((t, i) => expectSameGrid(docTableGrid(t), html[i] ?? []));
  });
});

describe('mn-ndg-inspector-2024.docx', () => {
  it('has 3 header rows, 16 body rows and group rows spanning all 7 columns', async () => {
    const doc = await parse('mn-ndg-inspector-2024.docx');
    const [table] = tablesOf(doc.blocks);
    if (!table) throw new Error('no table');
    expect(table.columns).toBe(7);
    expect(table.rows.filter((r) => r.header)).toHaveLength(3);
    expect(bodyRows(table)).toBe(16);
    const groups = table.rows.filter((r) => r.cells.length === 1 && r.cells[0]?.colSpan === 7);
    expect(groups.map((r) => r.cells[0]?.text.slice(0, 9))).toEqual(['Зорилт 1 ', 'Зорилт 2.']);
    expect(groups.every((r) => r.cells[0]?.bold === true)).toBe(true);
    // The two-level header: gridSpan over two columns, and 4 cells merged down two rows.
    const top = table.rows[0]?.cells ?? [];
    expect(top.map((c) => [c.col, c.rowSpan, c.colSpan])).toEqual([[0, 2, 1], [1, 2, 1], [2, 1, 2], [4, 1, 1], [5, 2, 1], [6, 2, 1]]);
    expect(doc.metadata.declaredLanguage).toBe('mn-MN');
  });

  it('matches the HTML ground truth cell by cell', () => expectSameAsHtml('mn-ndg-inspector-2024'));
});

describe('merges agree with mammoth', () => {
  it.each(['ky-socfund-acp-2024q1.docx', 'ky-socfund-acp-2024q1-split.docx', 'mn-ndg-inspector-2024.docx'])('%s', async (name) => {
    const doc = await parse(name);
    const { value: html } = await mammoth.convertToHtml({ buffer: read(name) });
    const theirs = htmlGrids(html);
    const ours = tablesOf(doc.blocks).map(docTableGrid);
    expect(ours).toHaveLength(theirs.length);
    const shape = (cells: GridCell[]): string[] => cells.map((c) => `${key(c)} ${c.rowSpan}x${c.colSpan}${c.header ? ' H' : ''}`);
    ours.forEach((grid, i) => expect(shape(grid)).toEqual(shape(theirs[i] ?? [])));
  });
});

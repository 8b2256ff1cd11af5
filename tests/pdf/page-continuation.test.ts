import { describe, expect, it } from 'vitest';
import type { DocRow, TableBlock } from '../../src/model/doc-tree.ts';
import type { Segment, TextRun } from '../../src/parse/pdf/page-content.ts';
import { joinColumnRules } from '../../src/parse/pdf/column-rules.ts';
import { latticeTable, ruleGroups } from '../../src/parse/pdf/lattice-table.ts';
import { linkPageTables, type PlacedTable } from '../../src/parse/pdf/page-continuation.ts';
import type { PageTable } from '../../src/parse/pdf/table-grid.ts';
import { withoutTextDecorations } from '../../src/parse/pdf/text-decorations.ts';

/** Synthetic page pieces of one ruled table: three columns (number, measure, status). */
const EDGES = [40, 80, 300, 400];
const row = (texts: string[], header = false): DocRow => ({
  cells: texts.map((text, col) => ({ text, paragraphs: text ? [text] : [], rowSpan: 1, colSpan: 1, col, position: {}, ...(header ? { header: true } : {}) })),
  ...(header ? { header: true } : {}),
  position: {},
});
const HEADER = ['№', 'Measure', 'Status'];

function piece(page: number, rows: DocRow[], opts: { edges?: number[]; openTop?: boolean; openBottom?: boolean; cut?: boolean } = {}): PlacedTable {
  const edges = opts.edges ?? EDGES;
  const table: PageTable = {
    mode: 'lattice',
    box: { x0: edges[0] ?? 0, x1: edges.at(-1) ?? 0, top: 40, bottom: 800 },
    rows: rows.length,
    cols: edges.length - 1,
    cells: [],
    rowBands: [],
    colEdges: edges,
    openEdges: { top: opts.openTop ?? false, bottom: opts.openBottom ?? false },
  };
  const block: TableBlock = { kind: 'table', rows, columns: edges.length - 1, position: { page } };
  return { page, table, block, lastOnPage: true, firstOnPage: true, cutAtPageEnd: opts.cut ?? false };
}

const body = (n: number, measure: string): DocRow => row([String(n), measure, 'done']);

describe('tables over page breaks (PDF pieces)', () => {
  it('a repeated header marks both pieces; a row cut at the page end continues overleaf even with its key cells filled', () => {
    const first = piece(1, [row(HEADER), body(1, 'First measure'), body(2, 'Second measure whose text')], { openBottom: true, cut: true });
    const next = piece(2, [row(HEADER), row(['', 'runs on over the page', '']), body(3, 'Third measure')]);
    linkPageTables([first, next]);
    expect(next.block.continuesPrevious).toBe(true);
    expect(next.block.rows[0]?.header).toBe(true);
    expect(first.block.rows[0]?.header).toBe(true);
    expect(next.block.rows[1]).toMatchObject({ pageBreakBefore: true, continuesPrevious: true });

    // The cut is read from the rules, not from empty cells: the rest of the row may fill them all.
    const cutFull = piece(1, [row(HEADER), body(1, 'First measure'), body(2, 'Second measure whose text')], { openBottom: true, cut: true });
    const full = piece(2, [row(HEADER), row(['(cont.)', 'and more text of it', 'still in progress']), body(3, 'Third')]);
    linkPageTables([cutFull, full]);
    expect(full.block.rows[1]?.continuesPrevious).toBe(true);
  });

  it('a closed bottom leaves a filled first row to the text cues; an open one ending short of the page end too', () => {
    const closed = piece(1, [row(HEADER), body(1, 'First'), body(2, 'Second')]);
    const next = piece(2, [row(HEADER), body(3, 'Third')]);
    linkPageTables([closed, next]);
    expect(next.block.rows[1]?.pageBreakBefore).toBe(true);
    expect(next.block.rows[1]?.continuesPrevious).toBeUndefined();

    const short = piece(1, [row(HEADER), body(1, 'First'), body(2, 'Second')], { openBottom: true, cut: false });
    const after = piece(2, [row(HEADER), row(['', 'next part', 'done'])]);
    after.block.rows[1]!.cells[0]!.text = '';
    linkPageTables([short, after]);
    // The empty number cell alone still says the row started before.
    expect(after.block.rows[1]?.continuesPrevious).toBe(true);
  });

  it('a key column under a cell spanning into it from the left is not empty: no cut row overleaf', () => {
    const edges = [40, 160, 260, 360, 420];
    const four = (texts: string[]): DocRow => row(texts);
    const head = ['Measure', 'Baseline', 'Target', 'Status'];
    const first = piece(1, [four(head), four(['First', 'low', 'high', 'done']), four(['Second', 'none', 'some', 'done'])], { edges });
    const spanning: DocRow = {
      cells: [
        { text: 'Third', paragraphs: ['Third'], rowSpan: 1, colSpan: 1, col: 0, position: {} },
        { text: 'no breach at all', paragraphs: ['no breach at all'], rowSpan: 1, colSpan: 2, col: 1, position: {} },
        { text: 'done', paragraphs: ['done'], rowSpan: 1, colSpan: 1, col: 3, position: {} },
      ],
      position: {},
    };
    const next = piece(2, [four(head), spanning], { edges });
    linkPageTables([first, next]);
    expect(next.block.continuesPrevious).toBe(true);
    expect(next.block.rows[1]?.pageBreakBefore).toBe(true);
    expect(next.block.rows[1]?.continuesPrevious).toBeUndefined();
  });

  it('a first row that opens a numbered item is a new row, whatever the page-break cues say', () => {
    const cut = piece(1, [row(HEADER), row(['1', '1. First measure', 'done']), row(['2', '2. Second measure', 'done'])], { openBottom: true, cut: true });
    const next = piece(2, [row(HEADER), row(['', '3. Third measure', 'done'])]);
    linkPageTables([cut, next]);
    expect(next.block.rows[1]?.pageBreakBefore).toBe(true);
    expect(next.block.rows[1]?.continuesPrevious).toBeUndefined();
  });

  it('a table that draws no outer rules at all is not read as cut at its open bottom', () => {
    const open = piece(1, [row(HEADER), body(1, 'First'), body(2, 'Second')], { openTop: true, openBottom: true, cut: true });
    const next = piece(2, [row(HEADER), row(['4', 'Fourth', 'done'])]);
    linkPageTables([open, next]);
    expect(next.block.rows[1]?.continuesPrevious).toBeUndefined();
  });

  it('a piece printed without the header joins the table on the same column rules, not one on other rules', () => {
    const head = piece(1, [row(HEADER), body(1, 'First'), body(2, 'Second')]);
    const same = piece(2, [body(3, 'Third'), body(4, 'Fourth')], { openTop: true });
    linkPageTables([head, same]);
    expect(same.block.continuesPrevious).toBe(true);
    expect(same.block.rows[0]?.header).toBeUndefined();

    const other = piece(2, [body(3, 'Third'), body(4, 'Fourth')], { edges: [40, 150, 300, 400] });
    const head2 = piece(1, [row(HEADER), body(1, 'First'), body(2, 'Second')]);
    linkPageTables([head2, other]);
    expect(other.block.continuesPrevious).toBeUndefined();
  });
});

const seg = (orientation: 'h' | 'v', at: number, from: number, to: number): Segment => ({ orientation, at, from, to });
const run = (text: string, x0: number, top: number, size = 10): TextRun => ({
  text,
  x0,
  x1: x0 + text.length * size * 0.5,
  top,
  bottom: top + size,
  baseline: top + size * 0.8,
  fontSize: size,
  fontName: 'F1',
  bold: false,
});

/** A three-column grid from y 100 to `bottom`, rows ruled at `hs`; verticals run from 100 to `vBottom`. */
function grid(hs: number[], vBottom: number, hSkip: (y: number, c: number) => boolean = () => false): Segment[] {
  const xs = [40, 140, 240, 340];
  const out: Segment[] = [];
  for (const y of hs) for (let c = 0; c < 3; c++) if (!hSkip(y, c)) out.push(seg('h', y, xs[c]!, xs[c + 1]!));
  for (const x of xs) out.push(seg('v', x, 100, vBottom));
  return out;
}
const gridRuns = [run('a', 50, 105), run('b', 150, 105), run('c', 250, 105), run('d', 50, 135), run('e', 150, 135), run('f', 250, 135)];

describe('ruled edges a page break leaves open', () => {
  it('a grid closed by a rule under its last row is closed; verticals running on past the last rule leave it open', () => {
    const closed = latticeTable(grid([100, 130, 160], 160), gridRuns)?.table;
    expect(closed?.openEdges).toEqual({ top: false, bottom: false });
    const open = latticeTable(grid([100, 130], 160), gridRuns)?.table;
    expect(open?.rows).toBe(2);
    expect(open?.openEdges).toEqual({ top: false, bottom: true });
  });

  it('a rule under some cells of the last row says the row ended: the open cells span on', () => {
    const partial = latticeTable(grid([100, 130, 160], 160, (y, c) => y === 160 && c === 0), gridRuns)?.table;
    expect(partial?.openEdges?.bottom).toBe(false);
  });

  it('column rules of one extent with no row rule are one grid, open at top and bottom; two alone are not', () => {
    const verticals = [40, 140, 240, 340].map((x) => seg('v', x, 60, 780));
    const groups = joinColumnRules(ruleGroups(verticals));
    expect(groups).toHaveLength(1);
    const piece = latticeTable(groups[0]!, [run('rest of a long cell', 250, 300)])?.table;
    expect(piece).toMatchObject({ rows: 1, cols: 3, openEdges: { top: true, bottom: true } });
    expect(joinColumnRules(ruleGroups(verticals.slice(0, 2)))).toHaveLength(2);
  });

  it('a lone vertical as high as a grid beside it is the grid’s outer rule (a cell spanning down from the page before)', () => {
    const ruled = grid([130, 160], 160).filter((s) => !(s.orientation === 'v' && s.at === 40));
    const lone = seg('v', 0, 100, 160);
    const groups = joinColumnRules(ruleGroups([...ruled, lone]));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toContain(lone);
    const other = seg('v', 0, 20, 90);
    expect(joinColumnRules(ruleGroups([...ruled, other]))).toHaveLength(2);
  });
});

describe('text decorations are not rules', () => {
  it('drops a stroke under a line of text that starts at the text; keeps a cell rule that starts at the cell edge', () => {
    const link = run('https://example.org/a/long/link', 300, 200);
    const underline = seg('h', link.baseline + 1, link.x0, link.x1 + 40);
    const strike = seg('h', link.top + 5, link.x0 + 20, link.x0 + 60);
    const cellRule = seg('h', link.bottom + 3, 290, 500);
    const beside = seg('h', link.baseline + 1, link.x0 - 10, link.x1);
    const kept = withoutTextDecorations([underline, strike, cellRule, beside, seg('v', 290, 190, 220)], [link]);
    expect(kept).toEqual([cellRule, beside, seg('v', 290, 190, 220)]);
  });
});

import { describe, expect, it } from 'vitest';
import { fitRuledToColumns, fitToColumns } from '../../src/parse/pdf/column-fit.ts';
import type { GridCell, PageTable } from '../../src/parse/pdf/table-grid.ts';
import type { TextRun } from '../../src/parse/pdf/page-content.ts';
import { streamTable } from '../../src/parse/pdf/stream-table.ts';
import { buildLines } from '../../src/parse/pdf/text-lines.ts';
import { cell } from './support/synthetic-runs.ts';

/**
 * A borderless table printed with its header once: on a later page its left columns are empty
 * (the goal's and measure's cells ended earlier), the stream reader finds fewer columns there, and
 * the piece is put back into the columns of the table on the page before (column-fit.ts).
 */
const read = (runs: TextRun[]): PageTable => {
  const r = streamTable(buildLines(runs));
  if (!r) throw new Error('no table');
  return r.table;
};
const full = (): PageTable =>
  read([0, 1, 2].flatMap((k) => [...cell(35, 100 + 40 * k, ['Goal', 'one']), ...cell(110, 100 + 40 * k, ['1. measure', 'text']), ...cell(190, 100 + 40 * k, ['the unit']), ...cell(270, 100 + 40 * k, ['done and', 'reported'])]));

describe('a page of a table whose left columns are empty', () => {
  it('goes back into the columns of the table on the page before', () => {
    const piece = read([0, 1, 2].flatMap((k) => [...cell(190, 60 + 40 * k, ['the unit']), ...cell(270, 60 + 40 * k, ['done and', 'reported'])]));
    const table = full();
    expect(piece.cols).toBe(2);
    expect(fitToColumns(piece, table)).toBe(true);
    expect(piece.cols).toBe(table.cols);
    expect(new Set(piece.cells.map((c) => c.col))).toEqual(new Set([2, 3]));
  });

  it('stays as it is when its columns fall between the table\'s', () => {
    const piece = read([0, 1, 2].flatMap((k) => [...cell(150, 60 + 40 * k, ['the unit']), ...cell(270, 60 + 40 * k, ['done and', 'reported'])]));
    expect(fitToColumns(piece, full())).toBe(false);
  });
});

describe('a page read in columns another page measured, its first ones empty here', () => {
  it('fits by where its text starts, not by the empty columns it was given', () => {
    // The page holds text in the unit and status columns only, but it was read in the columns of
    // a page that also had text in the measure column: a first column, empty here, from x 100 to
    // the corridor's middle at 150, which is no edge of the table's.
    const piece = read([0, 1, 2].flatMap((k) => [...cell(110, 60 + 40 * k, ['1. measure']), ...cell(190, 60 + 40 * k, ['the unit']), ...cell(270, 60 + 40 * k, ['done and', 'reported'])]));
    piece.cells = piece.cells.filter((c) => c.col > 0);
    piece.colEdges = [100, 150, ...piece.colEdges.slice(2)];
    const table = full();
    expect(fitToColumns(piece, table)).toBe(true);
    expect(piece.cols).toBe(table.cols);
    expect(new Set(piece.cells.map((c) => c.col))).toEqual(new Set([2, 3]));
  });
});

describe('a ruled page none of whose rows draws some of the table\'s rules', () => {
  // The table on the page before: rules at 40, 90, 160, 230, 310, 400. On this page each row has a
  // cell spanning middle columns, so no row draws the rule at 230 and the lattice finds four
  // columns.
  const ruled = (edges: number[], cells: [number, number, number, number][]): PageTable => ({
    mode: 'lattice',
    box: { x0: edges[0] ?? 0, x1: edges.at(-1) ?? 0, top: 40, bottom: 120 },
    rows: 2,
    cols: edges.length - 1,
    cells: cells.map(([row, col, colSpan, x0]): GridCell => ({ row, col, rowSpan: 1, colSpan, lines: [`${row}/${col}`], bold: false, box: { x0, x1: x0 + 10, top: 40, bottom: 80 } })),
    rowBands: [
      { top: 40, bottom: 80 },
      { top: 80, bottom: 120 },
    ],
    colEdges: edges,
  });
  const table = ruled([40, 90, 160, 230, 310, 400], [[0, 0, 1, 40], [0, 1, 1, 90], [0, 2, 1, 160], [0, 3, 1, 230], [0, 4, 1, 310]]);

  it('goes back into the table\'s columns, its cells spanning those between the rules it draws', () => {
    // Rules as printed, a pixel off the table's; the first row's cell spans 160..400, the second
    // row's 160..310.
    const piece = ruled([40.4, 89.6, 160.3, 310.8, 400], [[0, 0, 1, 40], [0, 1, 1, 90], [0, 2, 2, 160], [1, 0, 1, 40], [1, 1, 1, 90], [1, 2, 1, 160], [1, 3, 1, 310]]);
    expect(fitRuledToColumns(piece, table)).toBe(true);
    expect(piece.cols).toBe(5);
    expect(piece.cells.map((c) => [c.row, c.col, c.colSpan])).toEqual([
      [0, 0, 1],
      [0, 1, 1],
      [0, 2, 3],
      [1, 0, 1],
      [1, 1, 1],
      [1, 2, 2],
      [1, 4, 1],
    ]);
  });

  it('stays as it is when a rule of its own is none of the table\'s, or it is another table', () => {
    const between = ruled([40, 90, 190, 310, 400], [[0, 0, 1, 40], [0, 1, 1, 90], [0, 2, 1, 190], [0, 3, 1, 310]]);
    expect(fitRuledToColumns(between, table)).toBe(false);
    const narrower = ruled([90, 160, 310, 400], [[0, 0, 1, 90], [0, 1, 1, 160], [0, 2, 1, 310]]);
    expect(fitRuledToColumns(narrower, table)).toBe(false);
    expect(narrower.cols).toBe(3);
  });
});

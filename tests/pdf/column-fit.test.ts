import { describe, expect, it } from 'vitest';
import { fitToColumns } from '../../src/parse/pdf/column-fit.ts';
import type { PageTable } from '../../src/parse/pdf/table-grid.ts';
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

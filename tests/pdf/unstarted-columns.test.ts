import { describe, expect, it } from 'vitest';
import { withoutUnstartedColumns } from '../../src/parse/pdf/unstarted-columns.ts';
import type { GridCell, PageTable } from '../../src/parse/pdf/table-grid.ts';

const cell = (row: number, col: number, colSpan: number, text: string): GridCell => ({ row, col, rowSpan: 1, colSpan, lines: [text], bold: false, box: { x0: 0, x1: 1, top: 0, bottom: 1 } });

describe('columns no cell starts in', () => {
  it('joins a column only spanned (a caption’s word space made it) to the one on its left', () => {
    const table: PageTable = {
      mode: 'stream',
      box: { x0: 30, x1: 300, top: 0, bottom: 40 },
      rows: 2,
      cols: 4,
      cells: [cell(0, 0, 1, 'a'), cell(0, 1, 1, 'b'), cell(0, 2, 2, 'c'), cell(1, 0, 1, 'd'), cell(1, 1, 3, 'e')],
      rowBands: [
        { top: 0, bottom: 10 },
        { top: 20, bottom: 40 },
      ],
      colEdges: [30, 90, 160, 250, 300],
    };
    const out = withoutUnstartedColumns(table);
    expect(out.cols).toBe(3);
    expect(out.colEdges).toEqual([30, 90, 160, 300]);
    expect(out.cells.map((c) => [c.row, c.col, c.colSpan, c.lines[0]])).toEqual([
      [0, 0, 1, 'a'],
      [0, 1, 1, 'b'],
      [0, 2, 1, 'c'],
      [1, 0, 1, 'd'],
      [1, 1, 2, 'e'],
    ]);
  });

  it('leaves a table whose every column has a cell of its own', () => {
    const table: PageTable = { mode: 'stream', box: { x0: 0, x1: 1, top: 0, bottom: 1 }, rows: 1, cols: 2, cells: [cell(0, 0, 1, 'a'), cell(0, 1, 1, 'b')], rowBands: [{ top: 0, bottom: 1 }], colEdges: [0, 5, 9] };
    expect(withoutUnstartedColumns(table)).toBe(table);
  });
});

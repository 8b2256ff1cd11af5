import type { Block, TableBlock } from '../../src/model/doc-tree.ts';

/** The `tables[]` cell shape of report@1 (and of the ICDAR scorer). */
export interface GridCellOut {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  header: boolean;
}

export interface GridTable {
  pages: number[];
  cells: GridCellOut[];
}

/**
 * A stand-in for the lead's table normalizer, for the benchmark and the PDF tests: one grid per
 * logical table. Continuation blocks lose their repeated header rows; a row marked as continuing
 * appends its text to the cells above it; an empty cell at the top of a continuation under a cell
 * that ran to the bottom of the previous page extends that cell's rowSpan (a merged cell running
 * on over the page break).
 */
export function stitchTables(blocks: readonly Block[], stitch = true): GridTable[] {
  const out: GridTable[] = [];
  let cur: { table: GridTable; rows: number } | undefined;
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    if (!stitch || !block.continuesPrevious || !cur) {
      cur = { table: { pages: [], cells: [] }, rows: 0 };
      out.push(cur.table);
      append(cur, block, false);
    } else append(cur, block, true);
  }
  return out;
}

function append(cur: { table: GridTable; rows: number }, block: TableBlock, continuation: boolean): void {
  const page = block.rows[0]?.page;
  if (page !== undefined && !cur.table.pages.includes(page)) cur.table.pages.push(page);
  const rows = continuation ? block.rows.filter((r) => !r.header) : block.rows;
  const base = cur.rows;
  const lastRow = base - 1;
  const coverAt = (row: number, col: number): GridCellOut | undefined =>
    cur.table.cells.find((c) => c.row <= row && row < c.row + c.rowSpan && c.col <= col && col < c.col + c.colSpan);
  let offset = 0;
  rows.forEach((row, i) => {
    const isFirst = i === 0 && continuation && lastRow >= 0;
    if (isFirst && row.continuesPrevious) {
      // The row's text is the rest of the previous page's last row.
      for (const cell of row.cells) {
        const above = coverAt(lastRow, cell.col ?? 0);
        if (above && cell.text.trim() !== '') above.text = `${above.text} ${cell.text}`.trim();
        else if (!above) cur.table.cells.push(out(cell, lastRow));
        // A merged cell running on from the cut row keeps covering the rows below it.
        if (above && above.row + above.rowSpan === lastRow + 1 && cell.rowSpan > 1) above.rowSpan += cell.rowSpan - 1;
      }
      offset = -1;
      return;
    }
    const r = base + i + offset;
    for (const cell of row.cells) {
      if (isFirst && cell.text.trim() === '') {
        const above = coverAt(lastRow, cell.col ?? 0);
        if (above && above.row + above.rowSpan === lastRow + 1 && above.col === (cell.col ?? 0) && above.colSpan === cell.colSpan) {
          above.rowSpan += cell.rowSpan;
          continue;
        }
      }
      cur.table.cells.push(out(cell, r));
    }
  });
  cur.rows = base + rows.length + offset;
}

function out(cell: TableBlock['rows'][number]['cells'][number], row: number): GridCellOut {
  return { row, col: cell.col ?? 0, rowSpan: cell.rowSpan, colSpan: cell.colSpan, text: cell.text, header: cell.header === true };
}

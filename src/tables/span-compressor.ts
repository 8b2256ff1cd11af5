import type { NormalizedTable, TableCell } from '../model/table.ts';
import { cellText, type WorkCell, type WorkRow } from './work-table.ts';

/**
 * Turns the working grid back into the output cell list: a cell object repeated over a rectangle
 * becomes one cell with rowSpan/colSpan; covered positions are not repeated (output contract).
 */
export function compressSpans(
  rows: readonly WorkRow[],
  headerRows: number,
  language: (text: string) => string,
): Pick<NormalizedTable, 'cells' | 'rows' | 'columns'> {
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const done = new Set<WorkCell>();
  const cells: TableCell[] = [];
  rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (done.has(cell)) return;
      done.add(cell);
      let colSpan = 1;
      while (row.cells[c + colSpan] === cell) colSpan++;
      let rowSpan = 1;
      while (rows[r + rowSpan]?.cells[c] === cell) rowSpan++;
      const text = cellText(cell);
      const out: TableCell = { row: r, col: c, rowSpan, colSpan, text, header: r < headerRows, language: text ? language(text) : 'und' };
      if (cell.ocr !== undefined && text !== '') out.ocr = { confidence: cell.ocr };
      cells.push(out);
    });
  });
  return { cells, rows: rows.length, columns: width };
}

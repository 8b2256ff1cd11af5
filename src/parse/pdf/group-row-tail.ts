import { cellGapLimit, rowsBelow } from './column-tail.ts';
import { lineGeometry } from './line-geometry.ts';
import { boxOf } from './page-content.ts';
import { lowestTable, type GridCell, type PageTable } from './table-grid.ts';
import type { TextLine } from './text-lines.ts';
import { rowSeparation, type RowGapEvidence } from './row-gap-evidence.ts';

/**
 * A group row (a goal's title across the whole table) that the page break caught as the last row
 * of a borderless table's page. Lines of one phrase at a region's edge are kept out of a stream
 * table (captions, notes), so such a row came out as running text under the table, and the goal
 * it opens lost its title. It is taken back as the table's last row when it is set like the
 * table's own group rows (on this page, or on other pages in the same columns): it starts where
 * they do, across the table's columns, in the same weight, within the table's own spacing below
 * its last row, and nothing but the page's furniture follows it, or the goal's first rows in the
 * table's columns (a heading or a note with more text under it is no row of the table). Returns
 * the lines that stay running text.
 */
export function absorbGroupRowTail(
  table: PageTable,
  lines: readonly TextLine[],
  isContent: (l: TextLine) => boolean,
  others: readonly PageTable[] = [],
  rowGaps: readonly RowGapEvidence[] = [],
): TextLine[] {
  if (table.mode !== 'stream' || table.cols < 2) return [...lines];
  const below = lines.filter((l) => l.top >= table.box.bottom - 0.5).sort((a, b) => a.top - b.top);
  const first = below[0];
  if (!first || !isContent(first)) return [...lines];
  const em = first.fontSize || 10;
  const like = setLikeGroupRow(table, others, first, em);
  // Across the table: past the start of its last column, as a group row's first line runs.
  const lastEdge = table.colEdges[table.cols - 1] ?? Number.POSITIVE_INFINITY;
  // Within the table's spacing, or a row gap of the document's (a page of one row shows none).
  const gap = Math.max(cellGapLimit(table, em), rowSeparation(rowGaps, em, first.bottom - first.top));
  if (!like || first.top - table.box.bottom > gap || first.x1 < lastEdge) return [...lines];
  // Its next lines follow at line spacing from the same left edge, down into the page's footer
  // band if the row runs there; anything else below but the page's furniture ends it, and then
  // the lines are no last row.
  const taken = [first];
  let after: TextLine[] = [];
  for (const [k, l] of below.slice(1).entries()) {
    if (!titleLineNext(taken[taken.length - 1] as TextLine, l, first, em)) {
      if (isContent(l)) {
        after = below.slice(k + 1);
        break;
      }
      continue;
    }
    taken.push(l);
  }
  const before = { cells: [...table.cells], rowBands: [...table.rowBands], rows: table.rows, box: { ...table.box } };
  const cell = groupRowCell(table.cols, taken, table.rows);
  const box = cell.box;
  table.cells.push(cell);
  table.rowBands = [...table.rowBands, { top: box.top, bottom: box.bottom }];
  table.rows += 1;
  table.box = { ...table.box, bottom: box.bottom };
  // Under it, the first rows of the goal may begin before the page ends: lines in the table's
  // columns are read as its rows. Any other text under the title makes it no row of the table.
  const rows = after.length > 0 ? rowsBelow(table, after, gap, em, rowGaps) : [];
  if (after.some((l) => isContent(l) && !rows.includes(l))) {
    Object.assign(table, before);
    return [...lines];
  }
  return lines.filter((l) => !taken.includes(l) && !rows.includes(l));
}

/**
 * Whether `line` goes on a group row's title from `taken` (its line last taken, above or below
 * it): at line spacing, from the left edge of `ref` (a line of the title) and in its weight.
 */
function titleLineNext(taken: TextLine, line: TextLine, ref: TextLine, em: number): boolean {
  const bold = (l: TextLine): boolean => l.chunks.every((c) => c.bold);
  const gap = Math.max(line.top - taken.bottom, taken.top - line.bottom);
  return gap <= 0.5 * em && Math.abs(line.x0 - ref.x0) <= em / 2 && bold(line) === bold(ref);
}

/**
 * Whether a line is set like the table's group rows: where one of them starts (half an em) and in
 * its weight. The group rows are the table's on this page, or those of the document's other pages
 * in the same columns (a page may hold none but the one the page break caught).
 */
export function setLikeGroupRow(table: PageTable, others: readonly PageTable[], line: TextLine, em: number): boolean {
  const sameColumns = (t: PageTable): boolean => t.mode === 'stream' && t.cols === table.cols && t.colEdges.every((x, i) => Math.abs(x - (table.colEdges[i] ?? Number.NaN)) <= 2 * em);
  const bold = line.chunks.every((c) => c.bold);
  return [table, ...others.filter((t) => t !== table && sameColumns(t))].some((t) =>
    t.cells.some((c) => c.col === 0 && c.colSpan === t.cols && c.rowSpan === 1 && c.bold === bold && Math.abs(c.box.x0 - line.x0) <= em / 2 && c.lines.some((l) => l.trim() !== '')),
  );
}

/** Lines as one cell across the table's `cols` columns, in row `row` (a group row). */
export function groupRowCell(cols: number, lines: readonly TextLine[], row: number): GridCell {
  return {
    row,
    col: 0,
    rowSpan: 1,
    colSpan: cols,
    lines: lines.map((l) => l.chunks.map((c) => c.text).join(' ')),
    geometry: lines.map((l) => lineGeometry(l.chunks)),
    bold: lines.every((l) => l.chunks.every((c) => c.bold)),
    box: boxOf(lines),
  };
}

/**
 * A group row set between two pieces of a borderless table on one page: the rest of a row cut by
 * the page break (read as a piece of its own, in the columns it fills) above, the goal's rows below.
 * Lines of one phrase at a region's edge are kept out of a stream table, so the title came out as
 * running text between the two, and the goal it opens lost it. It is taken as the first row of the
 * table under it when it is set like the table's group rows (`setLikeGroupRow`), reaches past the
 * start of its last column, and ends within the table's spacing above it, with nothing between
 * but its own lines at line spacing; and when another table of the page ends right above it (so
 * it is no heading over the table). Returns the lines that stay running text.
 */
export function absorbGroupRowHead(
  table: PageTable,
  lines: readonly TextLine[],
  isContent: (l: TextLine) => boolean,
  pageTables: readonly PageTable[],
  others: readonly PageTable[] = [],
  rowGaps: readonly RowGapEvidence[] = [],
): TextLine[] {
  if (table.mode !== 'stream' || table.cols < 2) return [...lines];
  const above = lines.filter((l) => l.bottom <= table.box.top + 0.5 && isContent(l)).sort((a, b) => b.bottom - a.bottom);
  const last = above[0];
  if (!last) return [...lines];
  const em = last.fontSize || 10;
  const gap = Math.max(cellGapLimit(table, em), rowSeparation(rowGaps, em, last.bottom - last.top));
  if (table.box.top - last.bottom > gap) return [...lines];
  const taken = [last];
  for (const l of above.slice(1)) {
    if (!titleLineNext(taken[taken.length - 1] as TextLine, l, last, em)) break;
    taken.push(l);
  }
  taken.reverse();
  const first = taken[0] as TextLine;
  const lastEdge = table.colEdges[table.cols - 1] ?? Number.POSITIVE_INFINITY;
  if (!setLikeGroupRow(table, others, first, em) || !taken.some((l) => l.x1 >= lastEdge)) return [...lines];
  // Right above the title: another table of the page (the cut row's rest), nothing else.
  const tableAbove = lowestTable(pageTables.filter((t) => t !== table && t.box.bottom <= first.top + 0.5));
  if (!tableAbove || first.top - tableAbove.box.bottom > gap) return [...lines];
  if (lines.some((l) => !taken.includes(l) && isContent(l) && l.top >= tableAbove.box.bottom - 0.5 && l.bottom <= table.box.top + 0.5)) return [...lines];
  const cell = groupRowCell(table.cols, taken, 0);
  for (const c of table.cells) c.row += 1;
  table.cells.unshift(cell);
  table.rowBands = [{ top: cell.box.top, bottom: cell.box.bottom }, ...table.rowBands];
  table.rows += 1;
  table.box = { ...table.box, top: cell.box.top };
  return lines.filter((l) => !taken.includes(l));
}

import { lineGeometry } from './line-geometry.ts';
import type { GridCell, PageTable } from './table-grid.ts';
import { keepsTypeSize, type TextLine } from './text-lines.ts';
import { columnOf, median } from './stream-columns.ts';
import { streamTable } from './stream-table.ts';
import type { RowGapEvidence } from './row-gap-evidence.ts';

/**
 * The rest of a borderless table's last row that only one column goes on with. A long cell (a
 * report's "what was done", often a page and more) runs on below the other cells of its row; where
 * the page holds nothing else, the lines under the table are that column alone, and a region of
 * one column is no table to the stream reader: they came out as running text, cutting the cell in
 * two and leaving its rest outside the table (and its next page's rows unlinked).
 *
 * Lines below the page's lowest borderless table are taken into its last row's cell of a column
 * when the first starts where that column's text does (or, indented, lies inside the column whose
 * cell ran lowest), and for as long as they stay inside the column and each follows the one before
 * within the spacing of a paragraph break inside a cell (the table's own largest gap between lines
 * of a cell or between rows, plus an em, at most three ems). A line wider than the column ends the
 * cell: when it and the lines under it keep to the table's columns, they are the table's next rows
 * (`rowsBelow`); else (a note, the next heading) they stay running text with all below it.
 * Returns the lines that stay running text.
 */
export function absorbColumnTail(table: PageTable, lines: readonly TextLine[], rowGaps?: readonly RowGapEvidence[]): TextLine[] {
  if (table.mode !== 'stream') return [...lines];
  const below = lines.filter((l) => l.top >= table.box.bottom - 0.5).sort((a, b) => a.top - b.top);
  const first = below[0];
  if (!first) return [...lines];
  const em = first.fontSize || 10;
  const gapLimit = cellGapLimit(table, em);
  // The first line starts where a column's text does: between its left edge and its leftmost line;
  // or, indented (a list going on), it lies inside the column whose cell ran lowest in the last row.
  const lastRow = table.rows - 1;
  const cols = [...Array(table.cols).keys()];
  const col =
    cols.find((c) => {
      const left = columnSpan(table, c)?.left;
      return left !== undefined && first.x0 >= left - em / 2 && first.x0 <= Math.max(left, textLeft(table, c)) + em / 2;
    }) ??
    cols.find((c) => {
      const span = columnSpan(table, c);
      const running = table.cells.some((g) => g.col <= c && c < g.col + g.colSpan && g.row + g.rowSpan - 1 === lastRow && g.box.bottom >= table.box.bottom - em);
      return span !== undefined && running && first.x0 >= span.left - em / 2 && first.x1 <= span.right + em / 2;
    });
  const span = col === undefined ? undefined : columnSpan(table, col);
  if (col === undefined || span === undefined || !sameTypeSize(table, col, first)) return [...lines];
  // The lines that go on down from the table inside that column, each within a cell's paragraph
  // spacing of the one before; the first line outside it or further away ends the cell.
  const taken: TextLine[] = [];
  let bottom = table.box.bottom;
  for (const l of below) {
    if (l.top - bottom > gapLimit || l.x0 < span.left - em / 2 || l.x1 > span.right + em / 2) break;
    taken.push(l);
    bottom = Math.max(bottom, l.bottom);
  }
  if (taken.length === 0) return [...lines];
  let cell = table.cells.find((c) => c.col <= col && col < c.col + c.colSpan && c.row + c.rowSpan - 1 === lastRow);
  if (!cell) {
    cell = { row: lastRow, col, rowSpan: 1, colSpan: 1, lines: [], geometry: [], bold: false, box: { ...first } };
    table.cells.push(cell);
  }
  absorb(cell, taken);
  table.box = { ...table.box, bottom };
  const band = table.rowBands[lastRow];
  if (band) band.bottom = Math.max(band.bottom, bottom);
  const rows = rowsBelow(table, below.slice(taken.length), gapLimit, em, rowGaps);
  return lines.filter((l) => !taken.includes(l) && !rows.includes(l));
}

/**
 * Where the long cell ends, the next rows of the table may begin before the page does: lines
 * within the spacing of the table, each phrase inside one of its columns and some line holding
 * text in two of them, are read as rows in the table's columns (a few lines at a page foot are
 * too few for the stream reader to find the columns on their own). Returns the lines taken.
 */
export function rowsBelow(table: PageTable, rest: readonly TextLine[], gapLimit: number, em: number, rowGaps: readonly RowGapEvidence[] | undefined): TextLine[] {
  const edges = table.colEdges;
  // Within half an em of a column's edges: a phrase may start a hair left of the edge that the
  // page's other lines set (centred cells, dates wider than the column's usual text).
  const spans = Array.from({ length: table.cols }, (_, c) => columnSpan(table, c));
  const inColumn = (ch: TextLine['chunks'][number]): boolean => spans.some((span) => span !== undefined && ch.x0 >= span.left - em / 2 && ch.x1 <= span.right + em / 2);
  const taken: TextLine[] = [];
  let bottom = table.box.bottom;
  for (const l of rest) {
    if (l.top - bottom > gapLimit || !l.chunks.every(inColumn)) break;
    taken.push(l);
    bottom = Math.max(bottom, l.bottom);
  }
  if (!taken.some((l) => new Set(l.chunks.map((ch) => columnOf(ch.x0 + 0.5, edges))).size >= 2)) return [];
  const read = streamTable(taken, { columns: edges, ...(rowGaps ? { rowGaps } : {}) });
  if (!read) return [];
  const offset = table.rows;
  table.cells.push(...read.table.cells.map((c) => ({ ...c, row: c.row + offset })));
  table.rowBands = [...table.rowBands, ...read.table.rowBands];
  table.rows += read.table.rows;
  table.box = { ...table.box, bottom: Math.max(table.box.bottom, bottom) };
  return taken;
}

/** The line is set in the size of the column's text on this page (of the table's where it has none). */
function sameTypeSize(table: PageTable, c: number, line: TextLine): boolean {
  const sizesOf = (cells: readonly GridCell[]): number[] => cells.flatMap((g) => (g.geometry ?? []).flatMap((x) => (x ? [x.fontSize] : [])));
  const own = sizesOf(table.cells.filter((g) => g.col <= c && c < g.col + g.colSpan));
  return keepsTypeSize(line.fontSize, median(own.length > 0 ? own : sizesOf(table.cells)));
}

/** Where the column's text starts on this page: its leftmost line (of cells of that column alone). */
export function textLeft(table: PageTable, c: number): number {
  const x0s = table.cells.filter((g) => g.col === c && g.colSpan === 1).flatMap((g) => (g.geometry ?? []).flatMap((x) => (x ? [x.x0] : [])));
  return x0s.length > 0 ? Math.min(...x0s) : Number.NEGATIVE_INFINITY;
}

/**
 * A column's extent: from its left edge (where its text starts) to the next column's; the last
 * column ends where the page's text does, as its text on this page need not have filled it.
 */
export function columnSpan(table: PageTable, c: number): { left: number; right: number } | undefined {
  const left = table.colEdges[c];
  const right = c + 1 < table.cols ? table.colEdges[c + 1] : Number.POSITIVE_INFINITY;
  return left === undefined || right === undefined ? undefined : { left, right };
}

/**
 * How far apart two lines may be and still be one cell's: the table's own largest gap between lines
 * of a cell or between rows, plus an em, at most three ems.
 */
export function cellGapLimit(table: PageTable, em: number): number {
  return Math.min(3 * em, largestGap(table) + em);
}

/** The largest white gap between two lines of one cell, or between two rows of the table. */
function largestGap(table: PageTable): number {
  let step = 0;
  for (const cell of table.cells) {
    const geo = cell.geometry ?? [];
    for (let i = 1; i < geo.length; i++) {
      const a = geo[i - 1];
      const b = geo[i];
      if (a && b && b.top > a.bottom) step = Math.max(step, b.top - a.bottom);
    }
  }
  for (let r = 1; r < table.rowBands.length; r++) {
    const a = table.rowBands[r - 1];
    const b = table.rowBands[r];
    if (a && b && b.top > a.bottom) step = Math.max(step, b.top - a.bottom);
  }
  return step;
}

function absorb(cell: GridCell, lines: readonly TextLine[]): void {
  const geometry = cell.geometry ?? [];
  for (const l of lines) {
    cell.lines.push(l.chunks.map((c) => c.text).join(' '));
    geometry.push(lineGeometry(l.chunks));
  }
  cell.geometry = geometry;
  cell.box = {
    x0: Math.min(cell.box.x0, ...lines.map((l) => l.x0)),
    x1: Math.max(cell.box.x1, ...lines.map((l) => l.x1)),
    top: Math.min(cell.box.top, ...lines.map((l) => l.top)),
    bottom: Math.max(cell.box.bottom, ...lines.map((l) => l.bottom)),
  };
}

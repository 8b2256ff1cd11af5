import type { PageTable } from './table-grid.ts';

/**
 * Columns no cell starts in once the caption rows are gone: a boundary only a caption's phrase
 * had a cell at (a word space of the prose above the table) is no column of the table. Each such
 * column joins the one to its left, in the cells spanning it and in the edges.
 */
export function withoutUnstartedColumns(table: PageTable): PageTable {
  const started = new Set(table.cells.map((c) => c.col));
  const gone = Array.from({ length: table.cols }, (_, i) => i > 0 && !started.has(i));
  if (!gone.some(Boolean)) return table;
  const before = (col: number): number => gone.slice(0, col + 1).filter(Boolean).length;
  const cells = table.cells.map((c) => ({ ...c, col: c.col - before(c.col), colSpan: c.colSpan - (before(c.col + c.colSpan - 1) - before(c.col)) }));
  const colEdges = table.colEdges.filter((_, i) => !gone[i]);
  return { ...table, cells, cols: colEdges.length - 1, colEdges };
}

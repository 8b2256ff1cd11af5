import type { PageTable } from './table-grid.ts';

/**
 * A borderless table printed with its header once, whose left columns (goal, measure) are empty on
 * a page because the cells spanning them ended on an earlier page: the stream reader finds only
 * the columns that hold text there, fewer than the table has, and the page's piece no longer
 * matches the table on the page before. When every edge between the piece's columns falls on an
 * edge of that table (within a quarter of its narrowest column), the piece is put back into the
 * table's columns: its cells move to the columns they sit in, spanning those their own columns
 * cover. Returns whether the piece was fitted.
 */
export function fitToColumns(piece: PageTable, table: PageTable): boolean {
  if (piece.mode !== 'stream' || table.mode !== 'stream' || piece.cols >= table.cols) return false;
  const widths = table.colEdges.slice(1).map((x, i) => x - (table.colEdges[i] ?? x));
  const tolerance = 0.25 * Math.min(...widths);
  const at = (x: number): number => table.colEdges.findIndex((e) => Math.abs(e - x) <= tolerance);
  // The piece's edges but its last (the text's right end, which a narrower page need not reach);
  // its first is where its text starts, inside the table column it belongs to.
  const inside = (x: number): number => table.colEdges.findIndex((e, j) => j + 1 < table.colEdges.length && x >= e - tolerance && x < (table.colEdges[j + 1] ?? e) - tolerance);
  // Leading columns with no text on this page (columns another page measured, borrowed for this
  // one) say nothing of where it sits: the piece starts where its first text does.
  const offset = Math.min(...piece.cells.map((c) => c.col));
  if (!Number.isFinite(offset)) return false;
  const starts = piece.cells.filter((c) => c.col === offset).flatMap((c) => (c.geometry ?? []).map((g) => g?.x0 ?? c.box.x0));
  const edges = offset > 0 ? [Math.min(...starts), ...piece.colEdges.slice(offset + 1)] : piece.colEdges;
  const map = edges.slice(0, -1).map((x, k) => (k === 0 ? inside(x) : at(x)));
  if (map.some((j) => j < 0) || map.some((j, k) => k > 0 && j <= (map[k - 1] ?? -1))) return false;
  const last = map[map.length - 1] ?? 0;
  const endOf = (k: number): number => (k + 1 < map.length ? (map[k + 1] ?? 0) - 1 : table.cols - 1);
  for (const cell of piece.cells) {
    const c0 = map[cell.col - offset] ?? 0;
    const c1 = endOf(cell.col - offset + cell.colSpan - 1);
    cell.col = c0;
    cell.colSpan = Math.max(1, c1 - c0 + 1);
  }
  // The last column of the piece keeps to one column of the table unless it spans more by text.
  for (const cell of piece.cells) if (cell.col === last && cell.colSpan > 1 && cell.box.x1 <= (table.colEdges[last + 1] ?? Number.POSITIVE_INFINITY) + tolerance) cell.colSpan = 1;
  piece.cols = table.cols;
  piece.colEdges = [...table.colEdges];
  return true;
}

/**
 * A ruled table's piece on a page where no row draws the rule between two of the table's columns
 * (each of its rows there has a cell spanning them): the lattice finds only the rules it sees,
 * fewer columns than the table on the page before. When the piece's rules all stand on that
 * table's (within a quarter of its narrowest column: rules snap to pixels), its cells go back into
 * the table's columns, spanning those their own columns cover. Returns whether the piece was
 * fitted.
 */
export function fitRuledToColumns(piece: PageTable, table: PageTable): boolean {
  if (piece.mode !== 'lattice' || table.mode !== 'lattice' || piece.cols >= table.cols) return false;
  const widths = table.colEdges.slice(1).map((x, i) => x - (table.colEdges[i] ?? x));
  const tolerance = 0.25 * Math.min(...widths);
  const map = piece.colEdges.map((x) => table.colEdges.findIndex((e) => Math.abs(e - x) <= tolerance));
  if (map.length !== piece.cols + 1 || map[0] !== 0 || map[map.length - 1] !== table.cols) return false;
  if (map.some((j, k) => j < 0 || (k > 0 && j <= (map[k - 1] ?? -1)))) return false;
  for (const cell of piece.cells) {
    const c0 = map[cell.col] ?? 0;
    const c1 = (map[cell.col + cell.colSpan] ?? table.cols) - 1;
    cell.col = c0;
    cell.colSpan = c1 - c0 + 1;
  }
  piece.cols = table.cols;
  piece.colEdges = [...table.colEdges];
  return true;
}

import type { GridCell, PageTable } from './table-grid.ts';

export interface WrapEdges {
  left: number;
  right: number;
  /**
   * One of the column's lines is exactly as wide as the box: the renderer sized the column to
   * its widest unbreakable word (a table laid out automatically, its column narrower than that
   * word would need). Such a renderer keeps words whole in this column.
   */
  sizedToWord: boolean;
}

/**
 * The exact width a ruled column's lines were wrapped to, read from its own text where it holds
 * both left-aligned and centred lines. Rules are snapped to device pixels, so a column's edges
 * less its padding are known only to about a pixel; text is placed unsnapped. Left-aligned lines
 * all start at the wrap box's left edge, and a centred line's midpoint is the box's midpoint
 * (padding is the same on both sides), so the right edge is the left edge mirrored about that
 * midpoint, to within the glyph positions' own precision.
 *
 * A column is the same on every page a table runs over (a browser or word processor lays the
 * table out once), so the measure is pooled over all page pieces whose column rules coincide: the
 * centred header printed on the first page tells where the lines of later pages wrapped.
 */
export function columnWrapEdges(tables: readonly PageTable[]): (table: PageTable, cell: GridCell) => WrapEdges | undefined {
  const columns: Column[] = [];
  for (const table of tables) {
    if (table.mode !== 'lattice') continue;
    for (const cell of table.cells) {
      const edges = columnEdges(table, cell);
      if (!edges) continue;
      const glyphs = (cell.geometry ?? []).filter((g) => g !== undefined);
      if (glyphs.length === 0) continue;
      let column = findColumn(columns, edges);
      if (!column) columns.push((column = { ...edges, lines: [] }));
      for (const g of glyphs) column.lines.push({ x0: g.x0, x1: g.x1, glyph: g.glyphWidth });
    }
  }
  const measured = new Map<Column, WrapEdges | undefined>();
  for (const c of columns) measured.set(c, measure(c.lines));
  return (table, cell) => {
    const edges = table.mode === 'lattice' ? columnEdges(table, cell) : undefined;
    const column = edges && findColumn(columns, edges);
    return column ? measured.get(column) : undefined;
  };
}

interface Column {
  x0: number;
  x1: number;
  lines: { x0: number; x1: number; glyph: number }[];
}

/** The rules a one-column cell sits between (the grid's, not the cell's text box). */
function columnEdges(table: PageTable, cell: GridCell): { x0: number; x1: number; glyph: number } | undefined {
  if (cell.colSpan !== 1) return undefined;
  const x0 = table.colEdges[cell.col];
  const x1 = table.colEdges[cell.col + 1];
  const geo = (cell.geometry ?? []).find((g) => g !== undefined);
  if (x0 === undefined || x1 === undefined) return undefined;
  return { x0, x1, glyph: geo?.glyphWidth ?? 0 };
}

/**
 * The same column on another page: its rules within a quarter of a glyph of these (rules are
 * snapped to device pixels, the outer ones of a cut table piece by a fraction of one).
 */
function findColumn(columns: readonly Column[], e: { x0: number; x1: number; glyph: number }): Column | undefined {
  const tol = e.glyph / 4;
  return columns.find((c) => Math.abs(c.x0 - e.x0) <= tol && Math.abs(c.x1 - e.x1) <= tol);
}

/**
 * Lines start at the same x to within glyph-position rounding; a hundredth of a glyph is far
 * below any difference a renderer makes on purpose (an indent, a centred line) and far above its
 * rounding.
 */
const SAME_X = 0.01;

function measure(list: readonly { x0: number; x1: number; glyph: number }[]): WrapEdges | undefined {
  if (list.length < 3) return undefined;
  const glyph = list.reduce((s, l) => s + l.glyph, 0) / list.length;
  const tol = SAME_X * glyph;
  const left = Math.min(...list.map((l) => l.x0));
  const widest = Math.max(...list.map((l) => l.x1));
  // Left-aligned: at least two lines start at the column's leftmost x.
  if (list.filter((l) => l.x0 - left <= tol).length < 2) return undefined;
  // Centred: two or more lines of different widths that share their midpoint to the same
  // precision (left-aligned lines of different widths never do).
  const mids = list
    .map((l) => ({ mid: (l.x0 + l.x1) / 2, width: l.x1 - l.x0 }))
    .sort((a, b) => a.mid - b.mid);
  let best: { mid: number; n: number } | undefined;
  for (let i = 0; i < mids.length; i++) {
    const from = mids[i]?.mid ?? 0;
    let j = i;
    while (j < mids.length && (mids[j]?.mid ?? 0) - from <= tol) j++;
    const group = mids.slice(i, j);
    const widths = new Set(group.map((m) => m.width.toFixed(2)));
    const mid = group.reduce((s, m) => s + m.mid, 0) / group.length;
    // Text centred in the column's box: no line of the column runs past the box it implies
    // (lines centred on something else, such as a table of their own, are not its measure).
    const fits = 2 * mid - left >= widest - 2 * tol;
    if (widths.size >= 2 && fits && (!best || group.length > best.n)) best = { mid, n: group.length };
  }
  if (!best) return undefined;
  const right = 2 * best.mid - left;
  if (right <= left) return undefined;
  const sizedToWord = list.some((l) => fillsExactly({ left, right, sizedToWord: false }, l, glyph));
  return { left, right, sizedToWord };
}

/**
 * A line as wide as its column's wrap box, to the precision the box is measured with (its left
 * edge and its midpoint, each to `SAME_X` of a glyph).
 */
export function fillsExactly(edges: WrapEdges, line: { x0: number; x1: number }, glyph: number): boolean {
  return Math.abs(edges.right - edges.left - (line.x1 - line.x0)) <= 2 * SAME_X * glyph;
}

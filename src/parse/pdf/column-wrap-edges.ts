import type { GridCell, PageTable } from './table-grid.ts';

export interface WrapEdges {
  left: number;
  right: number;
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
 * table out once), so the measure is pooled over all page pieces whose cell edges coincide: the
 * centred header printed on the first page tells where the lines of later pages wrapped.
 */
export function columnWrapEdges(tables: readonly PageTable[]): (cell: GridCell) => WrapEdges | undefined {
  const lines = new Map<string, { x0: number; x1: number; glyph: number }[]>();
  for (const table of tables) {
    if (table.mode !== 'lattice') continue;
    for (const cell of table.cells) {
      if (cell.colSpan !== 1) continue;
      const list = lines.get(columnKey(cell)) ?? [];
      for (const g of cell.geometry ?? []) if (g) list.push({ x0: g.x0, x1: g.x1, glyph: g.glyphWidth });
      lines.set(columnKey(cell), list);
    }
  }
  const edges = new Map<string, WrapEdges>();
  for (const [key, list] of lines) {
    const e = measure(list);
    if (e) edges.set(key, e);
  }
  return (cell) => (cell.colSpan === 1 ? edges.get(columnKey(cell)) : undefined);
}

/** Cell edges to a tenth of a point: rules snapped to pixels repeat exactly from page to page. */
function columnKey(cell: GridCell): string {
  return `${cell.box.x0.toFixed(1)}:${cell.box.x1.toFixed(1)}`;
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
  // Left-aligned: at least two lines start at the column's leftmost x.
  if (list.filter((l) => l.x0 - left <= tol).length < 2) return undefined;
  // Centred: two or more lines that start further in and share their midpoint to the same
  // precision. Lines of different widths sharing a midpoint are centred, not indented.
  const mids = list
    .filter((l) => l.x0 - left > glyph / 2)
    .map((l) => ({ mid: (l.x0 + l.x1) / 2, width: l.x1 - l.x0 }))
    .sort((a, b) => a.mid - b.mid);
  let best: { mid: number; n: number } | undefined;
  for (let i = 0; i < mids.length; i++) {
    const from = mids[i]?.mid ?? 0;
    let j = i;
    while (j < mids.length && (mids[j]?.mid ?? 0) - from <= tol) j++;
    const group = mids.slice(i, j);
    const widths = new Set(group.map((m) => m.width.toFixed(2)));
    if (widths.size >= 2 && (!best || group.length > best.n)) best = { mid: group.reduce((s, m) => s + m.mid, 0) / group.length, n: group.length };
  }
  if (!best) return undefined;
  const right = 2 * best.mid - left;
  return right > left ? { left, right } : undefined;
}

/**
 * A line as wide as its column's wrap box, to the precision the box is measured with (its left
 * edge and its midpoint, each to `SAME_X` of a glyph).
 */
export function fillsExactly(edges: WrapEdges, line: { x0: number; x1: number }, glyph: number): boolean {
  return Math.abs(edges.right - edges.left - (line.x1 - line.x0)) <= 2 * SAME_X * glyph;
}

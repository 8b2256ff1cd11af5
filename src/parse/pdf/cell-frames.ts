import type { GridCell, PageTable } from './table-grid.ts';

type Frame = { left: number; right: number };

/**
 * The width a cell's lines were wrapped to, estimated from its column (for borderless cells, or
 * where a ruled cell's padding estimate does not hold a line). The
 * column's text starts at its leftmost line. Its wrap edge lies before the next column's text by
 * the table's narrowest column gap (twice the cell padding, where a full line meets the next
 * column), and never before the column's own longest line. The last column ends at its longest
 * line. A renderer fills its lines up to the wrap width, so these edges err on the narrow side
 * only where a column never fills up, which only ever makes a line look fuller than it is.
 */
export function columnTextFrames(table: PageTable): (cell: GridCell) => Frame | undefined {
  const extent = new Map<number, Frame>();
  for (const cell of table.cells) {
    if (cell.colSpan !== 1) continue;
    for (const g of cell.geometry ?? []) {
      if (!g) continue;
      const e = extent.get(cell.col);
      if (e) {
        e.left = Math.min(e.left, g.x0);
        e.right = Math.max(e.right, g.x1);
      } else extent.set(cell.col, { left: g.x0, right: g.x1 });
    }
  }
  let gap = Number.POSITIVE_INFINITY;
  for (const [col, e] of extent) {
    const next = extent.get(col + 1);
    if (next && next.left > e.right) gap = Math.min(gap, next.left - e.right);
  }
  const frames = new Map<number, Frame>();
  for (const [col, e] of extent) {
    const next = extent.get(col + 1);
    const right = next && Number.isFinite(gap) ? Math.max(e.right, next.left - gap) : e.right;
    frames.set(col, { left: e.left, right });
  }
  return (cell) => (cell.colSpan === 1 ? frames.get(cell.col) : undefined);
}

/**
 * The right edge of a ruled column's text, from its fullest line. The padding read off the left
 * inset is taken to hold on the right, but a renderer snaps each rule to a device pixel, so the
 * right inset may differ from the left one by a share of a glyph: enough to make a word broken for
 * want of room (its line full to less than the next glyph) look as if one more glyph had fitted.
 * No line runs past its edge, and where words break anywhere many lines end within a fraction of
 * a glyph of it; so the column's fullest line is the edge, where it lies within `slack` glyphs of
 * the padding's estimate (further in, it is a column that never fills). Lines reaching further
 * out than that yet inside their cell's rule show the estimate itself wrong (text indented on the
 * left only, a nested list's margin read as padding): the edge is then at least the fullest line.
 * A line past the rule is a word too wide for its cell, not the edge. Returns the amount to move
 * each column's right edge by (positive: to the left).
 */
export function fullestLineShift(table: PageTable, rightEdge: (cell: GridCell) => number | undefined, slack: number): Map<number, number> {
  const tight = new Map<number, { gap: number; inside: boolean; glyph: number[] }>();
  for (const cell of table.cells) {
    if (cell.colSpan !== 1) continue;
    const edge = rightEdge(cell);
    if (edge === undefined) continue;
    for (const g of cell.geometry ?? []) {
      if (!g) continue;
      const t = tight.get(cell.col) ?? { gap: Number.POSITIVE_INFINITY, inside: true, glyph: [] };
      if (edge - g.x1 < t.gap) {
        t.gap = edge - g.x1;
        t.inside = g.x1 < cell.box.x1;
      }
      t.glyph.push(g.glyphWidth);
      tight.set(cell.col, t);
    }
  }
  const shift = new Map<number, number>();
  for (const [col, t] of tight) {
    const glyphs = t.glyph.sort((a, b) => a - b);
    const glyph = glyphs[Math.floor(glyphs.length / 2)] ?? 0;
    if (!Number.isFinite(t.gap)) continue;
    if (Math.abs(t.gap) <= slack * glyph || (t.gap < 0 && t.inside)) shift.set(col, t.gap);
  }
  return shift;
}

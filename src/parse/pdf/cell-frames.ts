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
export function fullestLineShift(
  table: PageTable,
  rightEdge: (cell: GridCell) => number | undefined,
  slack: number,
  documentInsets?: RightInsets,
): Map<number, number> {
  const tight = new Map<number, { gap: number; inside: boolean; glyph: number[] }>();
  for (const cell of table.cells) {
    if (cell.colSpan !== 1) continue;
    const edge = rightEdge(cell);
    if (edge === undefined) continue;
    const t = tight.get(cell.col) ?? { gap: Number.POSITIVE_INFINITY, inside: true, glyph: [] };
    for (const g of cell.geometry ?? []) {
      if (!g) continue;
      if (edge - g.x1 < t.gap) {
        t.gap = edge - g.x1;
        t.inside = g.x1 < cell.box.x1;
      }
      t.glyph.push(g.glyphWidth);
    }
    // The column's fullest line on any page of the document, set against this cell's rule.
    const inset = documentInsets?.of(cell.box);
    if (inset !== undefined && edge - (cell.box.x1 - inset) < t.gap) {
      t.gap = edge - (cell.box.x1 - inset);
      t.inside = true;
    }
    if (t.glyph.length > 0) tight.set(cell.col, t);
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

/**
 * The smallest right inset (rule to line end) of any line of each ruled column of the document,
 * lines inside their rule only. A table printed over several pages keeps its columns, but a page
 * shows only some of a column's lines: the fullest of them all lies nearest the edge the lines
 * were wrapped to. Columns are matched by their rules, within a share of a glyph (rules snap to
 * device pixels).
 */
export class RightInsets {
  readonly #columns: { x0: number; x1: number; inset: number; tolerance: number }[] = [];

  static of(tables: readonly PageTable[]): RightInsets {
    const out = new RightInsets();
    for (const table of tables) {
      if (table.mode !== 'lattice') continue;
      for (const cell of table.cells) {
        if (cell.colSpan !== 1) continue;
        for (const g of cell.geometry ?? []) if (g && g.x1 < cell.box.x1) out.#add(cell.box, cell.box.x1 - g.x1, TOLERANCE * g.glyphWidth);
      }
    }
    return out;
  }

  #add(box: { x0: number; x1: number }, inset: number, tolerance: number): void {
    const c = this.#column(box);
    if (c) c.inset = Math.min(c.inset, inset);
    else this.#columns.push({ x0: box.x0, x1: box.x1, inset, tolerance });
  }

  /** The document's column with these rules. */
  #column(box: { x0: number; x1: number }): { inset: number } | undefined {
    return this.#columns.find((e) => Math.abs(e.x0 - box.x0) <= e.tolerance && Math.abs(e.x1 - box.x1) <= e.tolerance);
  }

  /** The smallest right inset of the document's column with these rules. */
  of(box: { x0: number; x1: number }): number | undefined {
    return this.#column(box)?.inset;
  }
}

/** Rules of one column on two pages lie within this share of a glyph of each other. */
const TOLERANCE = 0.25;

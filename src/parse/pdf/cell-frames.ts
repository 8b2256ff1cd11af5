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
 * A table printed over several pages keeps its columns, and each page shows only some of their
 * lines: with the document's `StreamColumns`, a column's longest line and the narrowest gap are
 * taken over every page that has the same columns.
 */
export function columnTextFrames(table: PageTable, document?: StreamColumns): (cell: GridCell) => Frame | undefined {
  const extent = columnExtents(table);
  let gap = Number.POSITIVE_INFINITY;
  for (const [col, e] of extent) {
    const next = extent.get(col + 1);
    if (next && next.left > e.right) gap = Math.min(gap, next.left - e.right, document?.gap(e.left, next.left, e.tolerance) ?? gap);
  }
  const frames = new Map<number, Frame>();
  for (const [col, e] of extent) {
    const next = extent.get(col + 1);
    const longest = Math.max(e.right, document?.right(e.left, next?.left, e.tolerance) ?? e.right);
    const right = next && Number.isFinite(gap) ? Math.max(longest, next.left - gap) : longest;
    frames.set(col, { left: e.left, right: next ? Math.min(right, next.left) : right });
  }
  return (cell) => (cell.colSpan === 1 ? frames.get(cell.col) : undefined);
}

type Extent = { left: number; right: number; tolerance: number };

/** Each column's text extent (its one-column cells' lines), with the tolerance to match it on another page. */
function columnExtents(table: PageTable): Map<number, Extent> {
  const extent = new Map<number, Extent & { glyphs: number[] }>();
  for (const cell of table.cells) {
    if (cell.colSpan !== 1) continue;
    for (const g of cell.geometry ?? []) {
      if (!g) continue;
      const e = extent.get(cell.col);
      if (e) {
        e.left = Math.min(e.left, g.x0);
        e.right = Math.max(e.right, g.x1);
        e.glyphs.push(g.glyphWidth);
      } else extent.set(cell.col, { left: g.x0, right: g.x1, tolerance: 0, glyphs: [g.glyphWidth] });
    }
  }
  for (const e of extent.values()) {
    const glyphs = e.glyphs.sort((a, b) => a - b);
    e.tolerance = TOLERANCE * (glyphs[Math.floor(glyphs.length / 2)] ?? 0);
  }
  return extent;
}

type StreamColumn = { left: number; next: number | undefined; width: number; gap: number; tolerance: number };

/**
 * The columns of the document's borderless tables, matched across pages by where their text and
 * the next column's text start (within a share of a glyph): each column's longest line, and the
 * narrowest gap between its text and the next column's, over every page that shows the pair.
 */
export class StreamColumns {
  readonly #columns: StreamColumn[] = [];

  static of(tables: readonly PageTable[]): StreamColumns {
    const out = new StreamColumns();
    for (const table of tables) {
      if (table.mode === 'lattice') continue;
      const extent = columnExtents(table);
      for (const [col, e] of extent) {
        const next = extent.get(col + 1);
        const gap = next && next.left > e.right ? next.left - e.right : Number.POSITIVE_INFINITY;
        const c = out.#column(e.left, next?.left, e.tolerance);
        if (c) {
          c.width = Math.max(c.width, e.right - e.left);
          c.gap = Math.min(c.gap, gap);
        } else out.#columns.push({ left: e.left, next: next?.left, width: e.right - e.left, gap, tolerance: e.tolerance });
      }
    }
    return out;
  }

  #column(left: number, next: number | undefined, tolerance: number): StreamColumn | undefined {
    const near = (a: number, b: number, t: number): boolean => Math.abs(a - b) <= Math.max(t, tolerance);
    return this.#columns.find((c) => near(c.left, left, c.tolerance) && (c.next === undefined || next === undefined ? c.next === next : near(c.next, next, c.tolerance)));
  }

  /** The narrowest gap the document shows between a column starting at `left` and the next one starting at `next`. */
  gap(left: number, next: number, tolerance: number): number | undefined {
    const gap = this.#column(left, next, tolerance)?.gap;
    return gap !== undefined && Number.isFinite(gap) ? gap : undefined;
  }

  /** The right end of the longest line the document shows in a column starting at `left`, set against this `left`. */
  right(left: number, next: number | undefined, tolerance: number): number | undefined {
    const c = this.#column(left, next, tolerance);
    return c ? left + c.width : undefined;
  }
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

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

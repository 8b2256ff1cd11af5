import type { Segment, TextRun } from './page-content.ts';
import type { GridCell, PageTable } from './table-grid.ts';
import { buildLines, type TextLine } from './text-lines.ts';
import { lineGeometry } from './line-geometry.ts';
import { median } from './stream-columns.ts';
import { clusterValues } from './table-grid.ts';

/**
 * Ruled grids that stop short of their table (issue 10, "table regions too narrow"): a totals row
 * ruled apart from the body, and row labels standing unruled to the left of the ruled figures.
 * Both are read from the grid's own geometry: its column rules, its row bands and its text size.
 */

/** Column rules closer than this (pt) are the same rule (as in lattice-table). */
const SNAP = 3;

function bodySize(t: PageTable): number {
  return median(t.cells.flatMap((c) => (c.geometry ?? []).map((g) => g?.fontSize ?? 0)).filter((f) => f > 0)) || 10;
}

/** Box of a rule group and the x of its vertical rules. */
function groupShape(group: readonly Segment[]): { x0: number; x1: number; top: number; bottom: number; xs: number[]; rows: number } {
  const vs = group.filter((s) => s.orientation === 'v');
  const hs = group.filter((s) => s.orientation === 'h');
  const xs = vs.map((s) => s.at);
  return {
    x0: Math.min(...xs, ...hs.map((s) => s.from)),
    x1: Math.max(...xs, ...hs.map((s) => s.to)),
    top: Math.min(...hs.map((s) => s.at), ...vs.map((s) => s.from)),
    bottom: Math.max(...hs.map((s) => s.at), ...vs.map((s) => s.to)),
    xs,
    rows: clusterValues(hs.map((s) => s.at), SNAP).length - 1,
  };
}

/**
 * A ruled strip of one or two rows under a grid, less than three text lines below it (`em` is the
 * page's body text size), with no text between them, where every vertical rule of the strip
 * continues a vertical rule of the grid: the grid's totals row, ruled apart. Their rule groups are
 * joined, so the grid is read as one. A lower grid of more rows is a table of its own (it has its
 * own heading), even on the same columns.
 */
export function joinStackedGroups(groups: readonly Segment[][], runs: readonly TextRun[], em: number): Segment[][] {
  const shaped = groups.map((g) => ({ g: [...g], s: groupShape(g) })).sort((a, b) => a.s.top - b.s.top);
  const out: typeof shaped = [];
  for (const cur of shaped) {
    const prev = out.find((p) => {
      const gap = cur.s.top - p.s.bottom;
      // Both have inner column rules (a frame around a chart or a text box has none).
      const inner = (xs: readonly number[]): boolean => clusterValues(xs, SNAP).length >= 3;
      if (gap < 0 || gap >= 3 * em || !inner(cur.s.xs) || !inner(p.s.xs) || cur.s.rows > 2) return false;
      if (cur.s.x0 < p.s.x0 - SNAP || cur.s.x1 > p.s.x1 + SNAP) return false;
      if (!cur.s.xs.every((x) => p.s.xs.some((e) => Math.abs(e - x) <= SNAP))) return false;
      return !runs.some((r) => {
        const cy = (r.top + r.bottom) / 2;
        return cy > p.s.bottom && cy < cur.s.top && r.x1 > p.s.x0 && r.x0 < p.s.x1;
      });
    });
    if (prev) {
      prev.g.push(...cur.g);
      prev.s = groupShape(prev.g);
    } else out.push(cur);
  }
  return out.map((o) => o.g);
}

/**
 * Row labels printed left of a ruled grid, outside its rules: free lines left of the grid, each
 * inside one of its row bands, left-aligned with each other, within three ems of the grid, in at
 * least three rows and half of the grid's rows that hold text. They become a first column.
 * Returns the table and the runs it took.
 */
export function withStubColumn(table: PageTable, free: readonly TextRun[]): { table: PageTable; used: TextRun[] } {
  const none = { table, used: [] };
  if (table.mode !== 'lattice') return none;
  const em = bodySize(table);
  const { box } = table;
  const beside = free.filter((r) => r.rotated !== true && r.x1 <= box.x0 + 1 && (r.top + r.bottom) / 2 > box.top && (r.top + r.bottom) / 2 < box.bottom);
  if (beside.length < 3) return none;
  const bandOf = (l: TextLine): number => table.rowBands.findIndex((b) => l.top >= b.top - 2 && l.bottom <= b.bottom + 2);
  const lines = buildLines(beside);
  const rows = lines.map(bandOf);
  if (rows.some((r) => r < 0) || new Set(rows).size !== rows.length) return none;
  const filledRows = new Set(table.cells.filter((c) => c.lines.length > 0).map((c) => c.row)).size;
  if (lines.length < 3 || lines.length < 0.5 * filledRows) return none;
  // A column: most labels share a left edge (or a right edge, set against the grid).
  const left = median(lines.map((l) => l.x0));
  const right = median(lines.map((l) => l.x1));
  const aligned = Math.max(lines.filter((l) => Math.abs(l.x0 - left) <= em).length, lines.filter((l) => Math.abs(l.x1 - right) <= em).length);
  if (lines.some((l) => l.chunks.length > 1) || aligned < 0.75 * lines.length) return none;
  if (box.x0 - Math.max(...lines.map((l) => l.x1)) > 3 * em) return none;
  const x0 = Math.min(...lines.map((l) => l.x0));
  const cells: GridCell[] = table.cells.map((c) => ({ ...c, col: c.col + 1 }));
  lines.forEach((l, i) => {
    const row = rows[i] ?? 0;
    const band = table.rowBands[row] ?? { top: l.top, bottom: l.bottom };
    cells.push({
      row,
      col: 0,
      rowSpan: 1,
      colSpan: 1,
      lines: [l.chunks.map((c) => c.text).join(' ')],
      baselines: [l.baseline],
      geometry: [lineGeometry(l.chunks)],
      bold: l.chunks.every((c) => c.bold),
      box: { x0, x1: box.x0, top: band.top, bottom: band.bottom },
    });
  });
  return {
    table: { ...table, cols: table.cols + 1, cells, colEdges: [x0, ...table.colEdges], box: { ...box, x0 } },
    used: beside,
  };
}

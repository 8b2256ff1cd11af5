import type { Box } from './page-content.ts';
import type { LineGeometry } from './line-geometry.ts';

/** One reconstructed cell on a page: its grid place and its text lines in reading order. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  lines: string[];
  /** Baseline of each entry of `lines` (lattice cells), to tell stacked values from wrapped text. */
  baselines?: number[];
  /** Layout of each entry of `lines`, for paragraph ends and words broken without a hyphen. */
  geometry?: (LineGeometry | undefined)[];
  bold: boolean;
  box: Box;
}

/** A table found on one page, before cross-page stitching. */
export interface PageTable {
  mode: 'lattice' | 'stream';
  box: Box;
  rows: number;
  cols: number;
  cells: GridCell[];
  /** Vertical extent of each grid row (for page-break and header reasoning). */
  rowBands: { top: number; bottom: number }[];
  /** Column boundaries (cols + 1 values), for matching a continuation on the next page. */
  colEdges: number[];
  /**
   * Ruled grids only: a cell of the first (last) row has no rule along the grid's top (bottom)
   * edge, its vertical rules running past the last horizontal one. A browser prints a row cut by
   * the page end that way: the rest of the row is at the top of the next page. `right`: the last
   * column runs off the page (no rule of its own), the grid closed at the page edge.
   */
  openEdges?: { top: boolean; bottom: boolean; right?: boolean };
}

/** The table reaching lowest on its page (the one a page break cuts), if any. */
export function lowestTable(tables: readonly PageTable[]): PageTable | undefined {
  return tables.reduce<PageTable | undefined>((a, t) => (!a || t.box.bottom > a.box.bottom ? t : a), undefined);
}

/** The table starting highest on its page (the one that goes on from the page before), if any. */
export function highestTable(tables: readonly PageTable[]): PageTable | undefined {
  return tables.reduce<PageTable | undefined>((a, t) => (!a || t.box.top < a.box.top ? t : a), undefined);
}

/** Sorted values clustered: values closer than `tolerance` to the previous one join its cluster (mean kept). */
export function clusterValues(values: readonly number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const v of sorted) {
    if (n > 0 && v - last > tolerance) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
    last = v;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/** Total length of `[from, to]` covered by the union of intervals. */
export function coveredLength(intervals: readonly [number, number][], from: number, to: number): number {
  const clipped = intervals
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curA = Number.NaN;
  let curB = Number.NaN;
  for (const [a, b] of clipped) {
    if (Number.isNaN(curA) || a > curB) {
      if (!Number.isNaN(curA)) total += curB - curA;
      curA = a;
      curB = b;
    } else curB = Math.max(curB, b);
  }
  if (!Number.isNaN(curA)) total += curB - curA;
  return total;
}

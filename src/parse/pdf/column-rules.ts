import type { Segment, TextRun } from './page-content.ts';

/** Rule ends closer than this (pt) are the same height (as in lattice-table). */
const SNAP = 3;

const extent = (g: readonly Segment[]): [number, number] => {
  const vs = g.filter((s) => s.orientation === 'v');
  return [Math.min(...vs.map((s) => s.from)), Math.max(...vs.map((s) => s.to))];
};
const sameExtent = (a: [number, number], b: [number, number]): boolean => Math.abs(a[0] - b[0]) <= SNAP && Math.abs(a[1] - b[1]) <= SNAP;

/**
 * Column rules with no row rule touching them, as a browser prints a ruled row cut by page breaks
 * (it draws no rule along a cut edge):
 * - beside a grid, the borders of a cell spanning down from the page before (a goal cell over
 *   many rows) touch no row rule; a lone vertical that starts and ends where the grid's verticals
 *   do is one of the grid's column rules;
 * - a row too tall for one page fills a page between its cut top and cut bottom with verticals
 *   only; three or more that start and end at the same heights are one grid of two or more
 *   columns, read as a lattice open at top and bottom.
 * Verticals of other extents (a margin bar, a sidebar rule) are left alone.
 */
export function joinColumnRules(groups: readonly Segment[][]): Segment[][] {
  const verticalOnly = collinear(groups.filter((g) => g.every((s) => s.orientation === 'v')));
  const grids = groups.filter((g) => !g.every((s) => s.orientation === 'v')).map((g) => [...g]);
  const pending: Segment[][] = [];
  for (const lone of verticalOnly) {
    const span = extent(lone);
    const grid = grids.find((g) => g.some((s) => s.orientation === 'v') && sameExtent(extent(g), span));
    if (grid) grid.push(...lone);
    else pending.push(lone);
  }
  const out: Segment[][] = grids;
  while (pending.length > 0) {
    const first = pending.shift() as Segment[];
    const span = extent(first);
    const same = pending.filter((g) => sameExtent(extent(g), span));
    if (same.length >= 2) {
      for (const g of same) pending.splice(pending.indexOf(g), 1);
      out.push([...first, ...same.flat()]);
    } else out.push(first);
  }
  return out;
}

/**
 * A page of column rules only whose last column runs off the page: the browser clips the table at
 * the print area, so the last column's right rule is never drawn, and its text starts at the last
 * rule (within a cell's padding, an em) and runs on to the page edge. Such a grid is closed at the
 * page's right edge, which is where its last column ends for all the page shows. A grid with text
 * right of its last rule but set apart from it (a margin note) is left as it is.
 */
export function closeAtPageEdge(group: readonly Segment[], runs: readonly TextRun[], pageWidth: number, em: number): Segment[] {
  if (group.some((s) => s.orientation === 'h')) return [...group];
  const vs = group.filter((s) => s.orientation === 'v');
  if (vs.length < 2) return [...group];
  const last = Math.max(...vs.map((s) => s.at));
  const [top, bottom] = extent(group);
  const beyond = runs.filter((r) => r.x0 >= last && (r.top + r.bottom) / 2 > top && (r.top + r.bottom) / 2 < bottom);
  const atRule = beyond.filter((r) => r.x0 - last <= em).length;
  if (atRule < 2 || pageWidth - last < 2 * em) return [...group];
  return [...group, { orientation: 'v', at: pageWidth, from: top, to: bottom }];
}

/**
 * Lone verticals of one x whose ends meet (within the snap) are one rule: a browser draws each
 * cell's border on its own, and a rule cut where a row's border crosses it, above and below, is
 * still the column's rule.
 */
function collinear(lone: readonly Segment[][]): Segment[][] {
  const out: Segment[][] = [];
  const xOf = (g: readonly Segment[]): number | undefined => (g.every((s) => Math.abs(s.at - (g[0]?.at ?? 0)) <= 0.5) ? g[0]?.at : undefined);
  for (const g of [...lone].sort((a, b) => extent(a)[0] - extent(b)[0])) {
    const x = xOf(g);
    const [from] = extent(g);
    const prev = x === undefined ? undefined : out.find((o) => {
      const ox = xOf(o);
      return ox !== undefined && Math.abs(ox - x) <= 0.5 && from - extent(o)[1] <= SNAP && from >= extent(o)[0];
    });
    if (prev) prev.push(...g);
    else out.push([...g]);
  }
  return out;
}

import type { Box, Segment, TextRun } from './page-content.ts';
import { buildLines } from './text-lines.ts';
import { lineGeometry } from './line-geometry.ts';
import { clusterValues, coveredLength, type GridCell, type PageTable } from './table-grid.ts';

/** Rules closer than this (pt) are one rule: double borders and the two edges of a thin box. */
const SNAP = 3;
/** A separator counts as present when its rules cover this share of the cell edge. */
const EDGE_COVER = 0.5;

/** Connected groups of ruling segments: a horizontal and a vertical rule that touch are one group. */
export function ruleGroups(segments: readonly Segment[]): Segment[][] {
  const n = segments.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    let j = i;
    while (parent[j] !== r) {
      const next = parent[j] ?? r;
      parent[j] = r;
      j = next;
    }
    return r;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra] = rb;
  };
  const hs: number[] = [];
  const vs: number[] = [];
  segments.forEach((s, i) => (s.orientation === 'h' ? hs : vs).push(i));
  for (const hi of hs) {
    const h = segments[hi];
    if (!h) continue;
    for (const vi of vs) {
      const v = segments[vi];
      if (!v) continue;
      if (v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP) union(hi, vi);
    }
  }
  // Collinear pieces of one rule (cell borders drawn cell by cell) belong together too.
  for (const list of [hs, vs]) {
    const sorted = [...list].sort((a, b) => (segments[a]?.at ?? 0) - (segments[b]?.at ?? 0));
    for (let x = 0; x < sorted.length; x++) {
      const a = segments[sorted[x] ?? 0];
      if (!a) continue;
      for (let y = x + 1; y < sorted.length; y++) {
        const b = segments[sorted[y] ?? 0];
        if (!b || b.at - a.at > 1) break;
        if (b.from <= a.to + 1 && a.from <= b.to + 1) union(sorted[x] ?? 0, sorted[y] ?? 0);
      }
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(s);
    else groups.set(r, [s]);
  });
  return [...groups.values()];
}

export interface LatticeResult {
  table: PageTable;
  /** Runs placed in the table; the page layout leaves them out of running text. */
  used: Set<TextRun>;
  /** Grid positions in bands left out as not rows (empty, between double rules or ruled parts). */
  voidPositions: number;
}

/**
 * Lattice mode: the grid is the set of distinct rule positions; a cell edge with no rule under it
 * means the two cells are one merged cell (rowSpan/colSpan). Text runs go to the cell holding
 * their centre.
 */
export function latticeTable(group: readonly Segment[], runs: readonly TextRun[]): LatticeResult | undefined {
  const hSegs = group.filter((s) => s.orientation === 'h');
  const vSegs = group.filter((s) => s.orientation === 'v');
  if (vSegs.length === 0 || (hSegs.length === 0 && vSegs.length < 3)) return undefined;
  // Open-sided tables (no outer verticals, or no top/bottom rule) still end where their rules end;
  // column rules alone (a cut row filling the page) end at their outer verticals.
  const hx0 = Math.min(...hSegs.map((s) => s.from), ...vSegs.map((s) => s.at));
  const hx1 = Math.max(...hSegs.map((s) => s.to), ...vSegs.map((s) => s.at));
  const vy0 = Math.min(...vSegs.map((s) => s.from));
  const vy1 = Math.max(...vSegs.map((s) => s.to));
  const ys = clusterValues([...hSegs.map((s) => s.at), vy0, vy1], SNAP);
  const xs = clusterValues([...vSegs.map((s) => s.at), hx0, hx1], SNAP);
  if (ys.length < 2 || xs.length < 2) return undefined;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  if (nr * nc < 2) return undefined;
  const hAt = (y: number): [number, number][] => hSegs.filter((s) => Math.abs(s.at - y) <= SNAP).map((s) => [s.from, s.to]);
  const vAt = (x: number): [number, number][] => vSegs.filter((s) => Math.abs(s.at - x) <= SNAP).map((s) => [s.from, s.to]);
  const hRules = ys.map(hAt);
  const vRules = xs.map(vAt);
  const y = (i: number): number => ys[i] ?? 0;
  const x = (i: number): number => xs[i] ?? 0;

  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i;
    return i;
  };
  const join = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const box: Box = { x0: x(0), x1: x(nc), top: y(0), bottom: y(nr) };
  const inside = runs.filter((run) => {
    const cx = (run.x0 + run.x1) / 2;
    const cy = (run.top + run.bottom) / 2;
    return cx >= box.x0 && cx <= box.x1 && cy >= box.top && cy <= box.bottom;
  });
  // Bands that are not rows: empty (no glyph centred in them) and either thinner than the shortest
  // text line in the grid (double rules a few points apart) or crossed by no vertical rule at all
  // (the gap between a grid and a totals row ruled apart under it).
  const lineHeight = inside.length > 0 ? Math.min(...inside.map((r) => r.bottom - r.top)) : 0;
  const voidRow = Array.from({ length: nr }, (_, r) => {
    const top = y(r);
    const bottom = y(r + 1);
    if (inside.some((run) => (run.top + run.bottom) / 2 > top && (run.top + run.bottom) / 2 < bottom)) return false;
    const ruled = vRules.slice(1, nc).some((rules) => coveredLength(rules, top, bottom) > 0.5 * (bottom - top));
    return bottom - top < lineHeight || !ruled;
  });
  if (voidRow.every((v) => v)) voidRow.fill(false);
  for (let r = 0; r < nr; r++) {
    if (voidRow[r]) continue;
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc) {
        const len = y(r + 1) - y(r);
        if (coveredLength(vRules[c + 1] ?? [], y(r), y(r + 1)) < EDGE_COVER * len) join(r * nc + c, r * nc + c + 1);
      }
      if (r + 1 < nr && !voidRow[r + 1]) {
        const len = x(c + 1) - x(c);
        if (coveredLength(hRules[r + 1] ?? [], x(c), x(c + 1)) < EDGE_COVER * len) join(r * nc + c, (r + 1) * nc + c);
      }
    }
  }
  const regions = new Map<number, { r0: number; r1: number; c0: number; c1: number; runs: TextRun[] }>();
  for (let r = 0; r < nr; r++) {
    if (voidRow[r]) continue;
    for (let c = 0; c < nc; c++) {
      const root = find(r * nc + c);
      const reg = regions.get(root);
      if (reg) {
        reg.r0 = Math.min(reg.r0, r);
        reg.r1 = Math.max(reg.r1, r);
        reg.c0 = Math.min(reg.c0, c);
        reg.c1 = Math.max(reg.c1, c);
      } else regions.set(root, { r0: r, r1: r, c0: c, c1: c, runs: [] });
    }
  }
  const locate = (v: number, edges: number[]): number => {
    for (let i = 0; i + 1 < edges.length; i++) if (v < (edges[i + 1] ?? 0)) return i;
    return edges.length - 2;
  };
  for (const run of inside) {
    const r = locate((run.top + run.bottom) / 2, ys);
    const c = locate((run.x0 + run.x1) / 2, xs);
    regions.get(find(r * nc + c))?.runs.push(run);
  }
  // Missing verticals inside a ruled row (tables ruled between rows only, or only in the header)
  // do not merge cells when the text itself sits in separate columns: split such regions again.
  for (const [root, reg] of [...regions.entries()]) {
    if (reg.c1 === reg.c0 || reg.runs.length === 0) continue;
    const chunks = buildLines(reg.runs).flatMap((l) => l.chunks);
    const colOf = (x0: number, x1: number): number => {
      for (let c = reg.c0; c <= reg.c1; c++) if (x0 >= x(c) - 1 && x1 <= x(c + 1) + 1) return c;
      return -1;
    };
    const cols = chunks.map((ch) => colOf(ch.x0, ch.x1));
    if (cols.some((c) => c < 0) || new Set(cols).size < 2) continue;
    regions.delete(root);
    for (let c = reg.c0; c <= reg.c1; c++) {
      const mine = chunks.filter((_, i) => cols[i] === c).flatMap((ch) => ch.runs);
      regions.set(-1 - (reg.r0 * nc + c), { r0: reg.r0, r1: reg.r1, c0: c, c1: c, runs: mine });
    }
  }
  // Rows of the table once the void bands are left out.
  const outRow: number[] = [];
  let kept = 0;
  for (let r = 0; r < nr; r++) outRow.push(voidRow[r] ? kept : kept++);
  // A merged region that is not a rectangle (rare: broken rules) is cut to its bounding box;
  // grid positions claimed twice keep the first claimant.
  const claimed = new Set<number>();
  const cells: GridCell[] = [];
  for (const reg of [...regions.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)) {
    let overlap = false;
    for (let r = reg.r0; r <= reg.r1 && !overlap; r++) for (let c = reg.c0; c <= reg.c1; c++) if (claimed.has(r * nc + c)) overlap = true;
    if (overlap) continue;
    for (let r = reg.r0; r <= reg.r1; r++) for (let c = reg.c0; c <= reg.c1; c++) claimed.add(r * nc + c);
    const textLines = buildLines(reg.runs);
    const lines = textLines.map((l) => l.chunks.map((ch) => ch.text).join(' '));
    const boldChars = reg.runs.reduce((n, r) => n + (r.bold ? r.text.length : 0), 0);
    const allChars = reg.runs.reduce((n, r) => n + r.text.length, 0);
    cells.push({
      row: outRow[reg.r0] ?? 0,
      col: reg.c0,
      rowSpan: (outRow[reg.r1] ?? 0) - (outRow[reg.r0] ?? 0) + 1,
      colSpan: reg.c1 - reg.c0 + 1,
      lines,
      baselines: textLines.map((l) => l.baseline),
      geometry: textLines.map((l) => lineGeometry(l.chunks)),
      bold: allChars > 0 && boldChars * 2 > allChars,
      box: { x0: x(reg.c0), x1: x(reg.c1 + 1), top: y(reg.r0), bottom: y(reg.r1 + 1) },
    });
  }
  // An edge is open where no cell along it has a rule there. A rule under some cells only says
  // the row ended there, the open cells being cells spanning on into the next page.
  const firstRow = voidRow.indexOf(false);
  const lastRow = voidRow.lastIndexOf(false);
  const open = (edge: 'top' | 'bottom'): boolean => {
    const rules = hRules[edge === 'top' ? firstRow : lastRow + 1] ?? [];
    const along = [...regions.values()].filter((reg) => (edge === 'top' ? reg.r0 === firstRow : reg.r1 === lastRow));
    return along.length > 0 && along.every((reg) => coveredLength(rules, x(reg.c0), x(reg.c1 + 1)) < EDGE_COVER * (x(reg.c1 + 1) - x(reg.c0)));
  };
  const table: PageTable = {
    mode: 'lattice',
    box,
    rows: kept,
    cols: nc,
    cells,
    rowBands: Array.from({ length: nr }, (_, r) => ({ top: y(r), bottom: y(r + 1) })).filter((_, r) => !voidRow[r]),
    colEdges: xs,
    openEdges: { top: open('top'), bottom: open('bottom') },
  };
  return { table: splitStackedRows(table), used: new Set(inside), voidPositions: (nr - kept) * nc };
}

/**
 * A ruled row that holds a whole list of records (rules around the body, none between its rows):
 * the filled cells of the row put their lines on a shared set of n ≥ 3 baselines, each cell
 * filling most of them, and some column holds only figures (so it is records, not wrapped prose).
 * Such a row is n rows; cells spanning it from above or below grow by n − 1.
 */
function splitStackedRows(table: PageTable): PageTable {
  let t = table;
  for (let r = t.rows - 1; r >= 0; r--) {
    const own = t.cells.filter((c) => c.row === r && c.rowSpan === 1 && c.lines.length > 0);
    if (own.length < 2) continue;
    const base = clusterValues(own.flatMap((c) => c.baselines ?? []), 2);
    const n = base.length;
    if (n < 3) continue;
    const slot = (b: number): number => base.findIndex((x) => Math.abs(x - b) < 2.5);
    const fits = own.every((c) => {
      const slots = (c.baselines ?? []).map(slot);
      return slots.every((k) => k >= 0) && new Set(slots).size === slots.length && slots.length >= 0.75 * n;
    });
    const figures = own.some((c) => c.lines.every((l) => /^[\d\s.,%()+\-–−]+$|^\.\.$/.test(l.trim())));
    if (!fits || !figures) continue;
    const band = t.rowBands[r];
    if (!band) continue;
    const cells: GridCell[] = [];
    for (const c of t.cells) {
      if (c.row === r && c.rowSpan === 1) {
        if (c.lines.length === 0) {
          cells.push({ ...c, rowSpan: n });
          continue;
        }
        c.lines.forEach((line, i) => {
          const b = c.baselines?.[i] ?? 0;
          cells.push({ ...c, row: r + slot(b), lines: [line], baselines: [b], geometry: [c.geometry?.[i]] });
        });
      } else if (c.row <= r && c.row + c.rowSpan > r) cells.push({ ...c, rowSpan: c.rowSpan + n - 1 });
      else if (c.row > r) cells.push({ ...c, row: c.row + n - 1 });
      else cells.push(c);
    }
    // Bands of the new rows: halfway between consecutive baselines.
    const bands = base.map((b, i) => ({
      top: i === 0 ? band.top : (b + (base[i - 1] ?? b)) / 2,
      bottom: i === n - 1 ? band.bottom : (b + (base[i + 1] ?? b)) / 2,
    }));
    t = { ...t, rows: t.rows + n - 1, cells, rowBands: [...t.rowBands.slice(0, r), ...bands, ...t.rowBands.slice(r + 1)] };
  }
  return t;
}

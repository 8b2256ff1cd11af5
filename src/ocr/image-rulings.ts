import { otsuThreshold, paperLevel, type GrayImage } from './gray-image.ts';

/** A ruling line found in the image, in pixels: `at` is the row (h) or column (v) of its middle. */
export interface PixelRule {
  orientation: 'h' | 'v';
  at: number;
  from: number;
  to: number;
  /** The pixel runs the line is made of, for erasing it. */
  runs: Run[];
}

export interface RuleOptions {
  /** Pixels per inch of the image. */
  dpi: number;
}

/** Shortest horizontal rule, in points: one narrow column (a number column is about 30 pt). */
const MIN_H_PT = 24;
/** Shortest vertical rule, in points: taller than a capital letter of a large title. */
const MIN_V_PT = 12;
/** Rules whose ends lie this close (points) meet: rule widths, JPEG blur and a little residual skew. */
const JOIN_PT = 2.5;
/** A horizontal rule at least this share of the page width long needs no column rules at its ends. */
const FREE_RULE_SHARE = 0.3;
/** Thicker than this (points) a dark band is a filled area, a stamp or a blot, not a rule. */
const MAX_THICK_PT = 3;
/**
 * Gaps (points) bridged along a rule: JPEG blocks and dropouts break a scanned line. Small, or
 * the row through the middle of a line of text (stems a few pixels apart) would read as a rule.
 */
const GAP_PT = 0.4;

/**
 * Long, thin, dark horizontal and vertical runs in a deskewed page image: the table's ruling
 * lines. Each pixel row (column) is scanned for runs of ink that bridge small gaps; runs long
 * enough to be rules are then chained over neighbouring rows (a line is a few pixels thick and
 * may drift by a pixel or two over the page after deskewing) into one rule each.
 * Ink is judged halfway between the ink/paper split and the paper itself, so a faint 150-dpi rule
 * that JPEG turned light grey still counts, while the grey shading of header cells does not.
 */
export function findImageRules(image: GrayImage, options: RuleOptions): PixelRule[] {
  const pt = options.dpi / 72;
  const ink = Math.round((otsuThreshold(image) + paperLevel(image)) / 2);
  const gap = Math.max(1, Math.round(GAP_PT * pt));
  const maxThick = Math.max(2, Math.round(MAX_THICK_PT * pt));
  const h = chain(runs(image, 'h', ink, gap, Math.round(MIN_H_PT * pt)), gap, maxThick, 'h');
  const v = chain(runs(image, 'v', ink, gap, Math.round(MIN_V_PT * pt)), gap, maxThick, 'v');
  return framedRules(h, v, Math.round(JOIN_PT * pt), image.width * FREE_RULE_SHARE);
}

/**
 * Rules of a table meet other rules at both ends: a column rule runs from one row rule to
 * another, a row rule from one column rule to another. Straight pieces of a stamp's ring, a
 * signature or an underline end in the open and are dropped (they would cut cells in two). A long
 * horizontal rule may stand alone (tables ruled only between rows, lines under titles): the
 * stream table finder uses those as row hints.
 */
function framedRules(h: PixelRule[], v: PixelRule[], tol: number, freeLength: number): PixelRule[] {
  const meets = (end: number, at: number, others: readonly PixelRule[]): boolean =>
    others.some((o) => Math.abs(o.at - end) <= tol && at >= o.from - tol && at <= o.to + tol);
  let hs = h;
  let vs = v;
  // Twice: dropping stray pieces of one direction can leave pieces of the other without support.
  for (let round = 0; round < 2; round++) {
    vs = vs.filter((r) => meets(r.from, r.at, hs) && meets(r.to, r.at, hs));
    hs = hs.filter((r) => r.to - r.from >= freeLength || (meets(r.from, r.at, vs) && meets(r.to, r.at, vs)));
  }
  return [...hs, ...vs];
}

export interface Run {
  /** Row (h) or column (v). */
  line: number;
  from: number;
  to: number;
}

function runs(image: GrayImage, orientation: 'h' | 'v', ink: number, gap: number, minLength: number): Run[] {
  const { width, height, data } = image;
  const lines = orientation === 'h' ? height : width;
  const along = orientation === 'h' ? width : height;
  const out: Run[] = [];
  for (let l = 0; l < lines; l++) {
    let start = -1;
    let lastDark = -1;
    for (let p = 0; p <= along; p++) {
      const dark = p < along && (data[orientation === 'h' ? l * width + p : p * width + l] ?? 255) <= ink;
      if (dark) {
        if (start < 0 || p - lastDark - 1 > gap) {
          if (start >= 0 && lastDark - start + 1 >= minLength) out.push({ line: l, from: start, to: lastDark });
          start = p;
        }
        lastDark = p;
      }
    }
    if (start >= 0 && lastDark - start + 1 >= minLength) out.push({ line: l, from: start, to: lastDark });
  }
  return out;
}

/** Runs on neighbouring rows (up to two apart) that overlap along the line are one rule. */
function chain(found: Run[], gap: number, maxThick: number, orientation: 'h' | 'v'): PixelRule[] {
  interface Group {
    last: number;
    from: number;
    to: number;
    /** Weighted middle. */
    sum: number;
    weight: number;
    runs: Run[];
  }
  const open: Group[] = [];
  const done: Group[] = [];
  found.sort((a, b) => a.line - b.line || a.from - b.from);
  for (const run of found) {
    // Groups not extended for more than two rows are finished.
    for (let g = open.length - 1; g >= 0; g--) {
      const group = open[g] as Group;
      if (run.line - group.last > 2) {
        done.push(group);
        open.splice(g, 1);
      }
    }
    const touches = (g: Group): boolean => {
      for (let k = g.runs.length - 1; k >= 0; k--) {
        const t = g.runs[k] as Run;
        if (run.line - t.line > 2) break;
        if (t.line < run.line && run.from <= t.to + gap && t.from <= run.to + gap) return true;
      }
      return false;
    };
    const touching = open.filter(touches);
    const group = touching[0];
    // A run bridging several pieces (a line broken on one row, whole on the next) joins them.
    for (const other of touching.slice(1)) {
      group?.runs.push(...other.runs);
      if (group) {
        group.from = Math.min(group.from, other.from);
        group.to = Math.max(group.to, other.to);
        group.sum += other.sum;
        group.weight += other.weight;
        group.last = Math.max(group.last, other.last);
        group.runs.sort((a, b) => a.line - b.line);
      }
      open.splice(open.indexOf(other), 1);
    }
    const len = run.to - run.from + 1;
    if (group) {
      group.runs.push(run);
      group.last = run.line;
      group.from = Math.min(group.from, run.from);
      group.to = Math.max(group.to, run.to);
      group.sum += run.line * len;
      group.weight += len;
    } else {
      open.push({ last: run.line, from: run.from, to: run.to, sum: run.line * len, weight: len, runs: [run] });
    }
  }
  done.push(...open);
  const out: PixelRule[] = [];
  for (const g of done) {
    // A drifting line spans several rows over its length; a blot is thick everywhere.
    if (g.weight / (g.to - g.from + 1) > maxThick) continue;
    out.push({ orientation, at: g.sum / g.weight, from: g.from, to: g.to, runs: g.runs });
  }
  return out;
}

/**
 * Whitens the rules so Tesseract sees cells of text, not text glued to lines: a rule touching a
 * word is read as «|», «I» or «_», and rules make its page segmentation cut cells in odd places.
 * At each point along a rule, the rows (columns) its runs cover there are whitened, plus a rim
 * for the blur of a low-resolution or JPEG scan, so no sliver of the line is left to be read as
 * a dash.
 */
export function eraseRules(image: GrayImage, rules: readonly PixelRule[], options: RuleOptions): GrayImage {
  const data = image.data.slice();
  const { width, height } = image;
  const rim = Math.max(1, Math.round(options.dpi / 150));
  for (const r of rules) {
    const length = r.to - r.from + 1;
    const lo = new Int32Array(length).fill(0x7fffffff);
    const hi = new Int32Array(length).fill(-1);
    for (const run of r.runs) {
      for (let p = run.from; p <= run.to; p++) {
        const k = p - r.from;
        if (run.line < (lo[k] ?? 0)) lo[k] = run.line;
        if (run.line > (hi[k] ?? 0)) hi[k] = run.line;
      }
    }
    const lines = r.orientation === 'h' ? height : width;
    for (let k = 0; k < length; k++) {
      const from = lo[k] ?? 0;
      const to = hi[k] ?? -1;
      if (to < from) continue;
      const p = r.from + k;
      for (let l = Math.max(0, from - rim); l <= Math.min(lines - 1, to + rim); l++) {
        data[r.orientation === 'h' ? l * width + p : p * width + l] = 255;
      }
    }
  }
  return { width, height, data };
}

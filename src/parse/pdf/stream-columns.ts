import { SPACE_SLACK } from './glyph-runs.ts';
import { makeChunk, type Chunk, type TextLine } from './text-lines.ts';

/**
 * Columns of a borderless table, from whitespace: corridors that the phrases of the table's lines
 * leave free, then two corrections (indented sub-labels, justified header words).
 */

/** Share of the region's multi-phrase lines that may cross a column gap (spanning headers). */
const CROSSING_SHARE = 0.2;
/** Narrowest whitespace corridor (in em of the body text) that separates columns. */
const MIN_CORRIDOR_EM = 1.0;
/** Gap (em) that separates phrases on a line (text-lines.ts). */
const PHRASE_GAP_EM = 0.5;
/** Lines with two or more phrases over which a narrower, entirely clean strip is a column gap. */
const CLEAN_LINES = 8;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Column boundaries from whitespace corridors: the x-ranges that (almost) no phrase of a
 * multi-phrase line covers. Lines with a single phrase (group rows, wrapped text, titles) do not
 * vote, since they legitimately run across columns.
 */
export function columnEdges(lines: readonly TextLine[]): number[] {
  const found = columnCorridors(lines, { clean: true });
  if (!found) return [];
  const inner = [...found.inner];
  const em = median(lines.flatMap((l) => l.chunks.map((c) => c.fontSize))) || 10;
  for (const a of alignedCorridors(lines)) if (!inner.some((c) => a.at > c.from - em && a.at < c.to + em)) inner.push(a);
  inner.sort((a, b) => a.at - b.at);
  return [found.x0, ...inner.map((c) => c.at), found.x1];
}

/** Narrowest gap (in em) between two cells' text that a shared left edge can make a column gap. */
const MIN_ALIGNED_GAP_EM = 0.2;
/** Share of the region's lines that must start text at one x for it to be a column's left edge. */
const LEFT_EDGE_SHARE = 0.2;
/** Fewest lines that must start text at one x for it to be a column's left edge. */
const MIN_EDGE_LINES = 5;

/**
 * Column gaps narrower than a corridor: cells set with little padding leave less white between
 * their texts than a word space, and the phrases of neighbouring cells run together. What still
 * marks the column is its left edge: many lines start text at one x, and no text (but a few
 * spanning lines) crosses the strip just left of it over the table's whole height. Text runs, not
 * phrases, are what covers the strip, since the phrases of such cells are already merged.
 */
export function alignedCorridors(lines: readonly TextLine[]): Corridor[] {
  const runs = lines.flatMap((l) => l.chunks.flatMap((c) => c.runs));
  if (runs.length === 0 || lines.length < 3) return [];
  const x0 = Math.floor(Math.min(...runs.map((r) => r.x0)));
  const x1 = Math.ceil(Math.max(...runs.map((r) => r.x1)));
  const width = x1 - x0 + 1;
  const cover = new Int32Array(width);
  // Left edges, by half-point bin: how many lines start a run there.
  const starts = new Map<number, number>();
  for (const line of lines) {
    const mark = new Uint8Array(width);
    const seen = new Set<number>();
    for (const c of line.chunks) {
      for (const r of c.runs) {
        for (let x = Math.round(r.x0) - x0; x < Math.round(r.x1) - x0; x++) if (x >= 0 && x < width) mark[x] = 1;
        seen.add(Math.round(r.x0 * 2));
      }
    }
    for (let x = 0; x < width; x++) cover[x] = (cover[x] ?? 0) + (mark[x] ?? 0);
    for (const k of seen) starts.set(k, (starts.get(k) ?? 0) + 1);
  }
  const em = median(runs.map((r) => r.fontSize)) || 10;
  // A few lines sharing an indent are a list of notes or definitions ("Source:  Eurostat"), not
  // a column: a column's edge recurs over many lines.
  const need = Math.max(MIN_EDGE_LINES, Math.ceil(LEFT_EDGE_SHARE * lines.length));
  const sharedStart = (x: number): boolean => {
    // Within a point of the gap's right end: the run starts where the gap ends.
    let n = 0;
    for (let k = Math.round((x - 1) * 2); k <= Math.round((x + 1) * 2); k++) n += starts.get(k) ?? 0;
    return n >= need;
  };
  // A few crossing lines are allowed, as a share of all lines; where most lines are one column's
  // alone (a tall cell running on beside a few lines of its row's other cells), that share lets
  // whole columns through, and only a strip no line crosses at all tells their gap.
  const minWidth = MIN_ALIGNED_GAP_EM * em;
  const tolerant = corridors(cover, Math.floor(CROSSING_SHARE * lines.length), minWidth);
  const found = [...tolerant, ...corridors(cover, 0, minWidth).filter((c) => !tolerant.some((t) => t.from <= c.to && c.from <= t.to))];
  return found
    .filter((c) => sharedStart(x0 + c.to))
    .map((c) => ({ from: x0 + c.from, to: x0 + c.to, at: x0 + c.to - Math.min(c.to - c.from, em) / 2 }));
}

/** The whitespace corridors between columns (page coordinates), with the ink's outer edges. */
export function columnCorridors(lines: readonly TextLine[], options: { clean?: boolean } = {}): { x0: number; x1: number; inner: Corridor[] } | undefined {
  const voters = lines.filter((l) => l.chunks.length >= 2);
  const source = voters.length > 0 ? voters : lines;
  const chunks = source.flatMap((l) => l.chunks);
  if (chunks.length === 0) return undefined;
  const x0 = Math.floor(Math.min(...chunks.map((c) => c.x0)));
  const x1 = Math.ceil(Math.max(...chunks.map((c) => c.x1)));
  const width = x1 - x0 + 1;
  const cover = new Int32Array(width);
  for (const line of source) {
    // One vote per line and x, whatever the number of phrases that cover it.
    const mark = new Uint8Array(width);
    // Bins of 1 pt, ink rounded to the nearest bin edge: flooring the start and ceiling the end
    // would narrow every gap by up to 2 pt and lose corridors just over an em wide.
    for (const c of line.chunks) for (let x = Math.round(c.x0) - x0; x < Math.round(c.x1) - x0; x++) if (x >= 0 && x < width) mark[x] = 1;
    for (let x = 0; x < width; x++) cover[x] = (cover[x] ?? 0) + (mark[x] ?? 0);
  }
  const em = median(chunks.map((c) => c.fontSize)) || 10;
  // Two passes: gaps no phrase crosses at all (these also find sparse columns at the table's edge,
  // where few lines have text), and gaps a few spanning phrases may cross (spanned headers).
  // A strip that no phrase of many lines touches is a column gap even when narrower than an em
  // (a narrow centred column under a wider centred header): down to the gap that separates
  // phrases at all. Over a few lines, chance alignments of word gaps must be ruled out.
  // Not inside ruled columns (`clean` unset): there a narrow strip is a gap in a cell's text.
  // The narrow strip is counted in whole bins, and rounding the ink to them may take up to a bin
  // (a point) off it: a strip just under the phrase gap by that much is one.
  const clean = options.clean === true && source.length >= CLEAN_LINES;
  // Where the page draws its word spaces, phrases also part at a gap just wider than one (two
  // cells' texts drawn apart, text-lines.ts): cells padded less than a quarter em each side leave
  // less than the phrase gap between their texts, and only a drawn space sets the floor.
  const spaces = chunks.flatMap((c) => c.runs.map((r) => r.spaceWidth ?? 0));
  const drawnSpace = spaces.every((w) => w > 0) ? SPACE_SLACK * Math.max(...spaces) : Number.POSITIVE_INFINITY;
  const strict = corridors(cover, 0, clean ? Math.min(PHRASE_GAP_EM * em, drawnSpace) - 1 : MIN_CORRIDOR_EM * em);
  const tolerant = corridors(cover, Math.floor(CROSSING_SHARE * source.length), MIN_CORRIDOR_EM * em);
  const inner = [...strict];
  for (const t of tolerant) if (!inner.some((e) => Math.abs(e.at - t.at) < em)) inner.push(t);
  inner.sort((a, b) => a.at - b.at);
  return { x0, x1, inner: inner.map((c) => ({ from: x0 + c.from, to: x0 + c.to, at: x0 + c.at })) };
}

export interface Corridor {
  from: number;
  to: number;
  /** Midpoint of the emptiest stretch: the column boundary. */
  at: number;
}

/** Runs of bins with coverage ≤ allowed, inside the ink, at least `minWidth` wide. */
function corridors(cover: Int32Array, allowed: number, minWidth: number): Corridor[] {
  const out: Corridor[] = [];
  const width = cover.length;
  let start = -1;
  for (let x = 0; x <= width; x++) {
    const free = x < width && (cover[x] ?? 0) <= allowed;
    if (free && start < 0) start = x;
    if (!free && start >= 0) {
      if (start > 0 && x < width && x - start >= minWidth) {
        let best = Number.POSITIVE_INFINITY;
        let bestFrom = start;
        let bestTo = x;
        for (let k = start; k < x; k++) {
          const v = cover[k] ?? 0;
          if (v < best) {
            best = v;
            bestFrom = k;
            bestTo = k;
          } else if (v === best && bestTo === k - 1) bestTo = k;
        }
        out.push({ from: start, to: x, at: (bestFrom + bestTo + 1) / 2 });
      }
      start = -1;
    }
  }
  return out;
}

/**
 * Two neighbouring columns that never hold text on the same line, close to each other, are one
 * column whose entries are indented differently (a "Total" set to the right of "Men"/"Women").
 */
export function mergeDisjointColumns(lines: readonly TextLine[], edges: number[]): number[] {
  const out = [...edges];
  for (let c = out.length - 3; c >= 0; c--) {
    let both = false;
    let leftEnd = Number.NEGATIVE_INFINITY;
    let rightStart = Number.POSITIVE_INFINITY;
    let em = 0;
    for (const line of lines) {
      const placed = placeLine(line, out);
      const a = placed.spans.find((sp) => sp.c0 <= c && sp.c1 >= c);
      const b = placed.spans.find((sp) => sp.c0 <= c + 1 && sp.c1 >= c + 1);
      if (a && b && a !== b) both = true;
      if (a && a.c1 === c) leftEnd = Math.max(leftEnd, ...a.chunks.map((ch) => ch.x1));
      if (b && b.c0 === c + 1) rightStart = Math.min(rightStart, ...b.chunks.map((ch) => ch.x0));
      em = Math.max(em, line.fontSize);
    }
    if (!both && Number.isFinite(leftEnd) && Number.isFinite(rightStart) && rightStart - leftEnd <= 3 * em) out.splice(c + 1, 1);
  }
  return out;
}

const FIGURE = /^[-−+]?[\d.,\s%]+$/;

/**
 * Words of a justified header spread over its cell leave gaps that look like columns ("Number …
 * of"). A column in which no row below the header starts any text is such a gap: it joins the
 * column to its left. The header ends at the first line made mostly of figures. `fixed` edges
 * (ruled) stay.
 */
export function dropHeaderOnlyColumns(lines: readonly TextLine[], edges: number[], fixed: readonly number[] = []): number[] {
  const firstBody = lines.findIndex((l) => l.chunks.filter((c) => FIGURE.test(c.text)).length * 2 >= l.chunks.length && l.chunks.length >= 2);
  if (firstBody <= 0) return edges;
  const starts = lines.slice(firstBody).flatMap((l) => l.chunks.map((c) => c.x0 + 0.5));
  const out = [...edges];
  for (let c = out.length - 2; c >= 1; c--) {
    const from = out[c] ?? 0;
    const to = out[c + 1] ?? 0;
    if (fixed.some((x) => Math.abs(x - from) < 0.5)) continue;
    if (!starts.some((x) => x >= from && x < to)) out.splice(c, 1);
  }
  return out;
}

/**
 * Column boundaries taken from elsewhere (the same table on its page's other lines) fitted to
 * these lines: a boundary that a phrase of the column to its left runs over moves into the white
 * between that column's text and the next one's, when there is such white. Where the next column
 * is empty on these lines, its text start elsewhere (`textStarts`, when known) bounds that white:
 * a boundary set mid-corridor on a page whose words ended short is run over by a fuller line.
 */
export function fitColumns(lines: readonly TextLine[], edges: readonly number[], textStarts?: readonly (number | undefined)[]): number[] {
  // Phrases of two cells run together (padding narrower than a word space) are cut at the edges
  // first: run together, the left cell's phrase would reach into the next column's text.
  const chunks = lines.flatMap((l) => l.chunks.flatMap((c) => splitAtEdges(c, edges)));
  // A phrase starting a hair left of a boundary is the next column's (as in `placeLine`): this
  // page's text of that column starts further left than the page the boundary came from showed.
  // A heading centred over several columns (a header cell spanning them) sets no boundary.
  const placed = chunks
    .map((c) => ({ c, col: startColumn(c, edges) }))
    .filter(({ c, col }) => columnOf(c.x1 - 0.5, edges) === col || !centredOver(c, edges));
  const inColumn = (col: number): Chunk[] => placed.filter((p) => p.col === col).map((p) => p.c);
  return edges.map((e, i) => {
    if (i === 0 || i === edges.length - 1) return e;
    const known = textStarts?.[i];
    // Wrapped text never runs past its cell: a phrase reaching past where the next column's text
    // starts elsewhere is a cell spanning both, not a line the boundary must clear.
    const left = inColumn(i - 1).filter((c) => known === undefined || c.x1 <= known + 0.5);
    const right = inColumn(i);
    // A column empty on these lines shows no corridor: text reaching over it spans it.
    if (left.length === 0 || (right.length === 0 && known === undefined)) return e;
    const leftEnd = Math.max(...left.map((c) => c.x1));
    const rightStart = right.length > 0 ? Math.min(...right.map((c) => c.x0)) : (known as number);
    if (!(leftEnd > e - 0.5 || rightStart < e + 0.5) || !(rightStart > leftEnd)) return e;
    return (leftEnd + rightStart) / 2;
  });
}

/**
 * Whether a phrase is centred, to within an em, over the columns it reaches into (a half em of
 * slack at either end): a heading over several columns, as a header cell spanning them sets it.
 */
export function centredOver(c: Chunk, edges: readonly number[]): boolean {
  const em = c.fontSize;
  const from = edges.findLast((e) => e <= c.x0 + em / 2);
  const to = edges.find((e) => e >= c.x1 - em / 2);
  if (from === undefined || to === undefined || !edges.some((e) => e > from && e < to)) return false;
  return Math.abs((c.x0 + c.x1) / 2 - (from + to) / 2) <= em;
}

/** Fewest phrases of a column that must start at one x for it to be the column's left edge. */
const MIN_SHARED_STARTS = 3;

/**
 * A boundary set in the middle of a white corridor wider than the cells' padding lies left of the
 * right column's box, and a heading centred over that column and the one before it, starting in
 * the corridor, then reads as the right column's own. The box begins before the column's text by
 * its padding: half the narrowest gap the table leaves between a column's text and the next one's
 * (where a full line meets the next column). The boundary moves to the box edge where every phrase
 * that this moves to the left column is centred over both columns (`centredOver`, `centredOnPair`):
 * such a phrase cannot be the right column's, whose left-aligned text starts at one x and whose box
 * it overhangs. A boundary right of the box moves left to it where every phrase of the left column
 * then reaching into the right one is centred on both. The gap is measured on left-aligned lines
 * only, as a heading placed in the left column would narrow it.
 */
export function headingBoxEdges(lines: readonly TextLine[], edges: readonly number[]): number[] {
  const placed = lines.flatMap((l) => l.chunks.map((c) => ({ c, col: startColumn(c, edges) })));
  const { start, gap } = leftAlignedText(lines, edges);
  if (!Number.isFinite(gap)) return [...edges];
  const nc = edges.length - 1;
  const out = [...edges];
  for (let k = 1; k < nc; k++) {
    const s = start[k];
    const e = out[k] ?? 0;
    if (s === undefined) continue;
    const box = s - gap / 2;
    const moved = [...out];
    moved[k] = box;
    // The mirror: a boundary right of the box, past a heading over both columns that ends a little
    // into the right one's box, leaves the heading to the left column alone. It moves to the box
    // edge where every phrase of the left column that then reaches into the right one is centred
    // on both (`placeLine` keeps those spanning).
    if (box < e - 0.5) {
      const reaching = placed.filter((p) => p.col === k - 1 && p.c.x1 - 0.5 > box && p.c.x1 - 0.5 <= e).map((p) => p.c);
      if (reaching.length > 0 && reaching.every((c) => centredOnPair(c, moved, k))) out[k] = box;
      continue;
    }
    if (box <= e + 0.5) continue;
    // Where a line's phrase lands (`placeLine`): a phrase starting left of the box is the left column's.
    const shifted = placed.filter((p) => p.col === k && columnOf(p.c.x0 + 0.5, moved) === k - 1).map((p) => p.c);
    if (shifted.length > 0 && shifted.every((c) => c.x1 > box + 0.5 && (centredOver(c, moved) || centredOnPair(c, moved, k)))) out[k] = box;
  }
  return out;
}

/**
 * Where each column's left-aligned text starts (the leftmost x at which several of its phrases
 * start) and the narrowest gap the table leaves between a column's left-aligned lines and the next
 * column's start (where a full line meets the next column: twice the cells' padding). Infinite
 * where no two neighbouring columns show both.
 */
export function leftAlignedText(lines: readonly TextLine[], edges: readonly number[]): { start: (number | undefined)[]; gap: number } {
  const placed = lines.flatMap((l) => l.chunks.map((c) => ({ c, col: startColumn(c, edges) })));
  const own = placed.filter(({ c, col }) => columnOf(c.x1 - 0.5, edges) === col);
  const nc = edges.length - 1;
  const start: (number | undefined)[] = [];
  const right: (number | undefined)[] = [];
  for (let k = 0; k < nc; k++) {
    const inK = own.filter((p) => p.col === k).map((p) => p.c);
    // The leftmost x at which several of the column's phrases start (left-aligned text).
    const xs = inK.map((c) => c.x0).sort((a, b) => a - b);
    const s = xs.find((x) => xs.filter((y) => Math.abs(y - x) <= 0.5).length >= MIN_SHARED_STARTS);
    start[k] = s;
    // How far the column's left-aligned text reaches: a heading centred over it and the next
    // column may end right of where its wrapped lines do.
    const wrapped = s === undefined ? inK : inK.filter((c) => Math.abs(c.x0 - s) <= 0.5);
    right[k] = wrapped.length > 0 ? Math.max(...wrapped.map((c) => c.x1)) : undefined;
  }
  let gap = Number.POSITIVE_INFINITY;
  for (let k = 1; k < nc; k++) {
    const s = start[k];
    const r = right[k - 1];
    if (s !== undefined && r !== undefined && s > r) gap = Math.min(gap, s - r);
  }
  return { start, gap };
}

/**
 * A phrase centred on the boxes of columns k − 1 and k together, to a quarter em: a heading over
 * both, though it reaches only a little into the left one's box (`centredOver` asks half an em
 * past the boundary). Text of column k alone starts at its box edge plus the padding, or is
 * centred on its box, half the left column's width further right.
 */
function centredOnPair(c: Chunk, edges: readonly number[], k: number): boolean {
  const from = edges[k - 1];
  const to = edges[k + 1];
  if (from === undefined || to === undefined) return false;
  return Math.abs((c.x0 + c.x1) / 2 - (from + to) / 2) <= 0.25 * c.fontSize;
}

/** The column a phrase starts in, a phrase starting a hair left of a boundary being the next column's (`overhangHair`). */
function startColumn(c: Chunk, edges: readonly number[]): number {
  return columnOf(c.x0 + Math.max(0.5, overhangHair(c)), edges);
}

/**
 * How far a phrase may start left of a boundary (or end right of one) and still be its side's: a
 * quarter em, less for a short phrase (a right-aligned figure ends near its own column's edge).
 */
function overhangHair(ch: Chunk): number {
  return Math.min(0.25 * ch.fontSize, 0.1 * (ch.x1 - ch.x0));
}

export function columnOf(x: number, edges: readonly number[]): number {
  for (let i = 1; i < edges.length - 1; i++) if (x < (edges[i] ?? 0)) return i - 1;
  return Math.max(0, edges.length - 2);
}

export interface LineCells {
  line: TextLine;
  /** Phrases per start column, with the column they reach. */
  spans: { c0: number; c1: number; chunks: Chunk[] }[];
}

export function placeLine(line: TextLine, edges: readonly number[]): LineCells {
  const spans: LineCells['spans'] = [];
  for (const ch of line.chunks.flatMap((c) => splitAtEdges(c, edges))) {
    const last = spans[spans.length - 1];
    let c0 = columnOf(ch.x0 + 0.5, edges);
    let c1 = Math.max(c0, columnOf(ch.x1 - 0.5, edges));
    const hair = overhangHair(ch);
    // A phrase of its own, after the phrase that fills the column on this line, starting a hair
    // left of the next column's boundary (a centred cell wider than usual on this line, a boundary
    // set from other lines): it is the next column's, not a cell spanning both.
    const overhang = (edges[c0 + 1] ?? 0) - ch.x0;
    if (c1 > c0 && last !== undefined && last.c1 >= c0 && overhang < hair) c0 += 1;
    // The mirror case: a phrase ending a hair right of a boundary is its own column's. Wrapped
    // text never runs past its cell, and a phrase spanning columns runs well into the next one;
    // a boundary set in the middle of a corridor that a spanning heading crosses can fall a hair
    // inside the widest lines of the column left of it.
    const overrun = ch.x1 - (edges[c1] ?? 0);
    if (c1 > c0 && overrun < hair && !centredOnPair(ch, edges, c1)) c1 -= 1;
    if (last && c0 <= last.c1) {
      last.c1 = Math.max(last.c1, c1);
      last.chunks.push(ch);
    } else spans.push({ c0, c1, chunks: [ch] });
  }
  return { line, spans };
}


/**
 * A phrase whose runs sit on both sides of a column edge, with the gap between them at the edge,
 * is the text of two cells run together (cells padded less than a word space): it is cut there.
 */
export function splitAtEdges(chunk: Chunk, edges: readonly number[]): Chunk[] {
  if (chunk.runs.length < 2) return [chunk];
  const out: Chunk[] = [];
  let cur = [chunk.runs[0] as Chunk['runs'][number]];
  for (const run of chunk.runs.slice(1)) {
    const prev = cur[cur.length - 1];
    const cut = prev !== undefined && edges.slice(1, -1).some((e) => prev.x1 <= e + 0.5 && run.x0 >= e - 0.5);
    if (cut) {
      out.push(makeChunk(cur));
      cur = [];
    }
    cur.push(run);
  }
  out.push(makeChunk(cur));
  return out.length === 1 ? [chunk] : out;
}

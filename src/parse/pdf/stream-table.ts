import type { Box, TextRun } from './page-content.ts';
import type { Chunk, TextLine } from './text-lines.ts';
import type { GridCell, PageTable } from './table-grid.ts';

/** Share of the region's multi-phrase lines that may cross a column gap (spanning headers). */
const CROSSING_SHARE = 0.2;
/** Narrowest whitespace corridor (in em of the body text) that separates columns. */
const MIN_CORRIDOR_EM = 1.0;

export interface StreamOptions {
  /** y positions of horizontal rules inside the region (booktabs-style tables): row boundaries. */
  rules?: readonly number[];
  /** Column boundaries known from vertical rules; replaces whitespace analysis. */
  edges?: readonly number[];
}

export interface StreamResult {
  table: PageTable;
  used: Set<TextRun>;
}

function median(values: readonly number[]): number {
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
  const found = columnCorridors(lines);
  if (!found) return [];
  return [found.x0, ...found.inner.map((c) => c.at), found.x1];
}

/** The whitespace corridors between columns (page coordinates), with the ink's outer edges. */
export function columnCorridors(lines: readonly TextLine[]): { x0: number; x1: number; inner: Corridor[] } | undefined {
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
    for (const c of line.chunks) for (let x = Math.floor(c.x0) - x0; x < Math.ceil(c.x1) - x0; x++) if (x >= 0 && x < width) mark[x] = 1;
    for (let x = 0; x < width; x++) cover[x] = (cover[x] ?? 0) + (mark[x] ?? 0);
  }
  const em = median(chunks.map((c) => c.fontSize)) || 10;
  // Two passes: gaps no phrase crosses at all (these also find sparse columns at the table's edge,
  // where few lines have text), and gaps a few spanning phrases may cross (spanned headers).
  const strict = corridors(cover, 0, MIN_CORRIDOR_EM * em);
  const tolerant = corridors(cover, Math.floor(CROSSING_SHARE * source.length), MIN_CORRIDOR_EM * em);
  const inner = [...strict];
  for (const t of tolerant) if (!inner.some((e) => Math.abs(e.at - t.at) < em)) inner.push(t);
  inner.sort((a, b) => a.at - b.at);
  return { x0, x1, inner: inner.map((c) => ({ from: x0 + c.from, to: x0 + c.to, at: x0 + c.at })) };
}

interface Corridor {
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

function columnOf(x: number, edges: readonly number[]): number {
  for (let i = 1; i < edges.length - 1; i++) if (x < (edges[i] ?? 0)) return i - 1;
  return Math.max(0, edges.length - 2);
}

interface LineCells {
  line: TextLine;
  /** Phrases per start column, with the column they reach. */
  spans: { c0: number; c1: number; chunks: Chunk[] }[];
}

function placeLine(line: TextLine, edges: readonly number[]): LineCells {
  const spans: LineCells['spans'] = [];
  for (const ch of line.chunks) {
    const c0 = columnOf(ch.x0 + 0.5, edges);
    const c1 = Math.max(c0, columnOf(ch.x1 - 0.5, edges));
    const last = spans[spans.length - 1];
    if (last && c0 <= last.c1) {
      last.c1 = Math.max(last.c1, c1);
      last.chunks.push(ch);
    } else spans.push({ c0, c1, chunks: [ch] });
  }
  return { line, spans };
}

/**
 * Stream mode: columns from whitespace corridors, rows from baselines. A line continues the row
 * above when it leaves the first column empty and sits at normal line spacing (a wrapped cell),
 * or when its first-column text reads as the continuation of a wrapped label (lower-case start).
 * Horizontal rules inside the region, when present, always start a new row.
 */
export function streamTable(lines: readonly TextLine[], options: StreamOptions = {}): StreamResult | undefined {
  if (lines.length < 2) return undefined;
  const edges = options.edges ? [...options.edges] : dropHeaderOnlyColumns(lines, mergeDisjointColumns(lines, columnEdges(lines)));
  const nc = edges.length - 1;
  if (nc < 2) return undefined;
  const placed = lines.map((l) => placeLine(l, edges));
  const pitches: number[] = [];
  // A line gathered from cells set at different heights has no single baseline; the smaller of
  // the baseline step and the top step is the step of its own text.
  const step = (a: TextLine, b: TextLine): number => Math.min(b.baseline - a.baseline, b.top - a.top);
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a && b) pitches.push(step(a, b));
  }
  // Typical distance between consecutive lines of one cell; tiny steps (sub-lines of cells set at
  // slightly different heights) do not count.
  const em = median(lines.map((l) => l.fontSize)) || 10;
  const pitch = median(pitches.filter((p) => p >= 0.8 * em)) || em * 1.2;
  const rules = [...(options.rules ?? [])].sort((a, b) => a - b);

  const rows: LineCells[][] = [];
  for (let i = 0; i < placed.length; i++) {
    const cur = placed[i];
    if (!cur) continue;
    const prev = placed[i - 1];
    const group = rows[rows.length - 1];
    let continues = false;
    if (prev && group) {
      const gap = step(prev.line, cur.line);
      const ruleBetween = rules.some((y) => y > prev.line.bottom - 1 && y < cur.line.top + 1);
      const firstEmpty = (cur.spans[0]?.c0 ?? 0) > 0;
      const tight = gap <= pitch * 1.35 + 0.5;
      const prevFirst = group[0]?.spans[0];
      const prevRowHasFirst = prevFirst !== undefined && prevFirst.c0 === 0;
      const firstText = cur.spans[0]?.c0 === 0 ? (cur.spans[0]?.chunks[0]?.text ?? '') : '';
      const lowerStart = /^\p{Ll}/u.test(firstText) && prevRowHasFirst && prevFirst.c1 === 0 && !/[.:;!?]$/.test(lastText(group));
      const fullWidth = cur.spans.length === 1 && cur.spans[0]?.c0 === 0 && cur.spans[0]?.c1 === nc - 1;
      // A spanning title row (group row) that wraps onto a second spanning line stays one row.
      const prevSpan = group.length === 1 && prev.spans.length === 1 && (prev.spans[0]?.c1 ?? 0) > (prev.spans[0]?.c0 ?? 0);
      const spanTail = prevSpan && cur.spans.length === 1 && cur.spans[0]?.c0 === prev.spans[0]?.c0 && (cur.spans[0]?.c1 ?? 0) > (cur.spans[0]?.c0 ?? 0);
      // Cells centred vertically put their lines between the lines of their neighbours: a step
      // much smaller than the line pitch is the same row.
      const interleaved = gap < 0.8 * pitch && !fullWidth;
      continues = !ruleBetween && ((tight && ((!fullWidth && (firstEmpty || lowerStart)) || spanTail)) || interleaved);
    }
    if (continues && group) group.push(cur);
    else rows.push([cur]);
  }

  const cells: GridCell[] = [];
  const used = new Set<TextRun>();
  const rowBands: { top: number; bottom: number }[] = [];
  const emit = (span: MergedSpan, row: number, rowSpan: number, extra?: MergedSpan): void => {
    const parts = [...span.parts, ...(extra?.parts ?? [])];
    const lineTexts: string[] = [];
    const boxChunks: Chunk[] = [];
    for (const p of parts) {
      lineTexts.push(p.chunks.map((c) => c.text).join(' '));
      boxChunks.push(...p.chunks);
      for (const c of p.chunks) for (const run of c.runs) used.add(run);
    }
    cells.push({
      row,
      col: span.c0,
      rowSpan,
      colSpan: span.c1 - span.c0 + 1,
      lines: lineTexts,
      bold: boxChunks.every((c) => c.bold),
      box: boxOf(boxChunks),
    });
  };
  const band = (group: readonly LineCells[]): { top: number; bottom: number } => ({
    top: Math.min(...group.map((g) => g.line.top)),
    bottom: Math.max(...group.map((g) => g.line.bottom)),
  });
  for (const group of rows) {
    const r = rowBands.length;
    const split = twoLevelSplit(group);
    if (split === undefined) {
      rowBands.push(band(group));
      const spans = mergeSpans(group, 0);
      const only = spans[0];
      // A lone phrase that starts in the first column and runs over most of the others is a
      // full-width group row whose text just stops short of the last column.
      if (spans.length === 1 && only && only.c0 === 0 && only.c1 >= 2 && only.c1 + 1 >= 0.75 * nc) only.c1 = nc - 1;
      for (const span of spans) emit(span, r, 1);
      continue;
    }
    // A two-level header: the spanning heading and its sub-headings are two rows; a column
    // outside the spanning heading whose text runs on across the split is one cell over both.
    const upper = group.slice(0, split);
    const lower = group.slice(split);
    rowBands.push(band(upper), band(lower));
    const up = mergeSpans(upper, 0);
    const low = mergeSpans(lower, split);
    const lowTaken = new Set<MergedSpan>();
    for (const u of up) {
      if (u.c0 !== u.c1) {
        emit(u, r, 1);
        continue;
      }
      const below = low.find((l) => l.c0 === u.c0 && l.c1 === u.c1);
      const lastUpperLine = Math.max(...u.parts.map((p) => p.line));
      if (!below) {
        if (low.some((l) => l.c0 <= u.c0 && u.c0 <= l.c1)) emit(u, r, 1);
        else emit(u, r, 2);
      } else if (lastUpperLine === split - 1) {
        lowTaken.add(below);
        emit(u, r, 2, below);
      } else emit(u, r, 1);
    }
    for (const l of low) if (!lowTaken.has(l)) emit(l, r + 1, 1);
  }
  centreLabels(cells);
  const all = lines.flatMap((l) => l.chunks);
  return {
    table: {
      mode: 'stream',
      box: boxOf(all),
      rows: rowBands.length,
      cols: nc,
      cells,
      rowBands,
      colEdges: edges,
    },
    used,
  };
}

/**
 * A first-column label set vertically in the middle of its group ("1991" beside "Men", "Women",
 * "Total") spans the group: as many rows above as below that leave the first column empty and
 * have a sub-label in the second column.
 */
function centreLabels(cells: GridCell[]): void {
  const at = (row: number, col: number): GridCell | undefined => cells.find((c) => c.row === row && c.col === col);
  // Rows already covered by an earlier label's span cannot belong to the next group.
  const claimed = new Set<number>();
  const isSubRow = (row: number): boolean =>
    !claimed.has(row) && at(row, 0) === undefined && (at(row, 1)?.lines.length ?? 0) > 0 && at(row, 1)?.colSpan === 1;
  const labels = cells.filter((c) => c.col === 0 && c.colSpan === 1 && c.rowSpan === 1 && c.lines.length > 0).sort((a, b) => a.row - b.row);
  for (const label of labels) {
    if ((at(label.row, 1)?.lines.length ?? 0) === 0) continue;
    let up = 0;
    while (isSubRow(label.row - up - 1)) up++;
    let down = 0;
    while (isSubRow(label.row + down + 1)) down++;
    const k = Math.min(up, down);
    if (k === 0) continue;
    label.row -= k;
    label.rowSpan = 2 * k + 1;
    for (let r = label.row; r < label.row + label.rowSpan; r++) claimed.add(r);
  }
}

interface MergedSpan {
  c0: number;
  c1: number;
  parts: { line: number; chunks: Chunk[] }[];
}

/** Cells of a row: the union of the spans of its lines; overlapping spans merge into one cell. */
function mergeSpans(group: readonly LineCells[], lineBase: number): MergedSpan[] {
  const spans: MergedSpan[] = [];
  group.forEach((lc, i) => {
    const li = lineBase + i;
    for (const s of lc.spans) {
      const hit = spans.filter((o) => s.c0 <= o.c1 && o.c0 <= s.c1);
      const first = hit[0];
      if (!first) {
        spans.push({ c0: s.c0, c1: s.c1, parts: [{ line: li, chunks: s.chunks }] });
        continue;
      }
      for (const other of hit.slice(1)) {
        first.c0 = Math.min(first.c0, other.c0);
        first.c1 = Math.max(first.c1, other.c1);
        first.parts.push(...other.parts);
        spans.splice(spans.indexOf(other), 1);
      }
      first.c0 = Math.min(first.c0, s.c0);
      first.c1 = Math.max(first.c1, s.c1);
      first.parts.push({ line: li, chunks: s.chunks });
    }
  });
  for (const s of spans) s.parts.sort((a, b) => a.line - b.line);
  return spans.sort((a, b) => a.c0 - b.c0);
}

/**
 * Index of the line where a two-level header's second level starts: an earlier line has a phrase
 * spanning columns, and this line has two or more phrases inside that span.
 */
function twoLevelSplit(group: readonly LineCells[]): number | undefined {
  for (let k = 1; k < group.length; k++) {
    const line = group[k];
    if (!line) continue;
    for (let i = 0; i < k; i++) {
      for (const wide of group[i]?.spans ?? []) {
        if (wide.c1 === wide.c0) continue;
        const inside = line.spans.filter((s) => s.c0 >= wide.c0 && s.c1 <= wide.c1);
        if (inside.length >= 2) return k;
      }
    }
  }
  return undefined;
}

function lastText(group: readonly LineCells[]): string {
  const last = group[group.length - 1];
  const span = last?.spans[last.spans.length - 1];
  const chunk = span?.chunks[span.chunks.length - 1];
  return chunk?.text ?? '';
}

function boxOf(chunks: readonly Box[]): Box {
  return {
    x0: Math.min(...chunks.map((c) => c.x0)),
    x1: Math.max(...chunks.map((c) => c.x1)),
    top: Math.min(...chunks.map((c) => c.top)),
    bottom: Math.max(...chunks.map((c) => c.bottom)),
  };
}

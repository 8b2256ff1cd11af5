import type { PageContent, Segment, TextRun } from './page-content.ts';
import { buildLines, keepsTypeSize, type TextLine } from './text-lines.ts';
import { latticeTable, ruleGroups } from './lattice-table.ts';
import { streamTable } from './stream-table.ts';
import type { RowGapEvidence, RowStepEvidence } from './row-gap-evidence.ts';
import { emptyTally, withRowStep } from './stream-rows.ts';
import { columnCorridors, dropHeaderOnlyColumns, median, mergeDisjointColumns } from './stream-columns.ts';
import type { PageTable } from './table-grid.ts';
import { withoutUnstartedColumns } from './unstarted-columns.ts';
import { hasChartAxis, isAxisLine } from './chart-axis.ts';
import { cutAtGutter, findGutter } from './reading-order.ts';
import { joinStackedGroups, withStubColumn } from './lattice-extent.ts';
import { closeAtPageEdge, joinColumnRules } from './column-rules.ts';
import { columnSpan, textLeft } from './column-tail.ts';

export interface PageTables {
  tables: PageTable[];
  /** Lines of running text (everything not placed in a table), in top-down order. */
  textLines: TextLine[];
  /** Row gaps the page's borderless tables measured (for the same tables on other pages). */
  rowGaps: RowGapEvidence[];
  /** Steps of borderless tables showing one row start alone, to pool over the document's pages. */
  rowSteps: RowStepEvidence[];
  /** A borderless region had no row gap of its own to measure: read again with the document's. */
  unmeasured: boolean;
}

/** Lines further apart than this many em end a stream-table region. */
const REGION_GAP_EM = 3.2;
/** Single-phrase lines tolerated in a row inside a stream region (wrapped cells, group rows). */
const MAX_SINGLE_RUN = 3;
/** A stream region needs at least this many lines with two or more phrases. */
const MIN_MULTI_LINES = 2;

/**
 * Whether a one-row grid holds all of the page's text but a running header and footer (at most
 * one line above it and one below): the page is nothing but a piece of one tall row.
 */
function fillsPage(table: PageTable, runs: readonly TextRun[]): boolean {
  if (table.rows !== 1) return false;
  const above = buildLines(runs.filter((r) => r.bottom <= table.box.top));
  const below = buildLines(runs.filter((r) => r.top >= table.box.bottom));
  return above.length <= 1 && below.length <= 1;
}

function nonEmptyCells(t: PageTable): number {
  return t.cells.filter((c) => c.lines.some((l) => l.trim() !== '')).length;
}

/**
 * Finds the tables of one page. Ruled grids come first (lattice); the remaining text is scanned
 * for bands of lines that split into aligned phrases (stream). Horizontal-only rules never make a
 * lattice, but they tell stream mode where rows end.
 */
export function findTables(page: PageContent, rowGaps?: readonly RowGapEvidence[]): PageTables {
  const tables: PageTable[] = [];
  let free: TextRun[] = [...page.runs];
  const hintRules: Segment[] = [];
  // Innermost grids first: a small ruled table inside a cell of a ruled page layout is a table of
  // its own, and the layout grid around it must not take its text.
  const em = median(page.runs.map((r) => r.fontSize)) || 10;
  // A totals row or a second block ruled apart under a grid, on the same column rules, is the same grid.
  const joined = joinColumnRules(joinStackedGroups(ruleGroups(page.segments), page.runs, em));
  const offPage = new Set<Segment[]>();
  const closed = joined.map((g) => {
    const c = closeAtPageEdge(g, page.runs, page.width, em);
    if (c.length > g.length) offPage.add(c);
    return c;
  });
  for (const group of byArea(closed)) {
    const hasV = group.some((s) => s.orientation === 'v');
    const hasH = group.some((s) => s.orientation === 'h');
    // Column rules alone make a grid only as the page-high piece of a cut row (joinColumnRules).
    if (!hasV || (!hasH && group.length < 3)) {
      hintRules.push(...group.filter((s) => s.orientation === 'h'));
      continue;
    }
    const result = latticeTable(group, free);
    if (!result) {
      hintRules.push(...group.filter((s) => s.orientation === 'h'));
      continue;
    }
    const { used } = result;
    if (offPage.has(group)) result.table = { ...result.table, openEdges: { top: true, bottom: true, ...result.table.openEdges, right: true } };
    // A plot's grid lines make a lattice too, but one with hardly any text in its cells.
    // Empty bands left out of the grid still count: a plot's gridlines are such bands.
    const sparse = nonEmptyCells(result.table) < 0.3 * (result.table.cells.length + result.voidPositions);
    // A grid the page cut (column rules alone, or an edge left open) lacks rules only where the cut
    // is: its rows are not under-ruled, and a baseline re-read would split the cut row.
    const cut = !hasH || result.table.openEdges?.top === true || result.table.openEdges?.bottom === true;
    const table = cut ? result.table : refineLattice(result.table, used);
    // A box around a paragraph or a figure frame is not a table: it needs two columns with text.
    const textCols = new Set(table.cells.filter((c) => c.lines.length > 0).map((c) => c.col));
    const axis = hasChartAxis(table) || buildLines([...used]).some(isAxisLine);
    // A piece of a row cut by the page (no rule along its top, or column rules only) may hold text
    // in one column only: its rules say it is a grid.
    // So may a grid that fills the page's text from top to bottom: a row taller than a page, which
    // LibreOffice and Word close with a rule at each page end where a browser leaves the edge open.
    const cutPiece = (!hasH || table.openEdges?.top === true || fillsPage(table, page.runs)) && table.cols >= 2 && nonEmptyCells(table) >= 1;
    if (!cutPiece && (sparse || table.cols < 2 || nonEmptyCells(table) < 2 || textCols.size < 2 || axis)) {
      hintRules.push(...group.filter((s) => s.orientation === 'h'));
      continue;
    }
    tables.push(table);
    free = free.filter((r) => !used.has(r));
  }
  // Row labels left of the rules are part of the grid's table.
  const grids = tables.map((t) => {
    const widened = withStubColumn(t, free);
    if (widened.used.length > 0) {
      const taken = new Set(widened.used);
      free = free.filter((r) => !taken.has(r));
    }
    return widened.table;
  });
  tables.length = 0;
  tables.push(...grids);

  // Text set askew to the page (axis titles, a margin note turned sideways) is never a stream cell;
  // it stays running text, and near a region it marks a chart.
  const askew = free.filter((r) => r.rotated === true);
  const lines = buildLines(free.filter((r) => r.rotated !== true));
  const stream = streamPass(lines, { page, askew, hintRules, ...(rowGaps ? { rowGaps } : {}) }, 0);
  tables.push(...stream.tables);
  tables.sort((a, b) => a.box.top - b.box.top);
  const textLines = stream.rest;
  if (askew.length > 0) textLines.push(...buildLines(askew));
  textLines.sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  return { tables, textLines, rowGaps: stream.rowGaps, rowSteps: stream.rowSteps, unmeasured: stream.unmeasured };
}

interface StreamContext {
  page: PageContent;
  askew: readonly TextRun[];
  hintRules: readonly Segment[];
  rowGaps?: readonly RowGapEvidence[];
}

/** Times a rejected region is cut at a gutter and searched again (two cuts: three text columns). */
const MAX_GUTTER_CUTS = 2;

/**
 * Stream tables among lines of running text. A region that does not read as a table but spans a
 * page gutter (two columns of prose, a sidebar beside the body text) is cut at the gutter, and each
 * side is searched on its own: a small table set in one text column is found there. Returns the
 * tables and the lines left as running text (cut pieces where a region was cut).
 */
function streamPass(
  lines: readonly TextLine[],
  ctx: StreamContext,
  cuts: number,
): { tables: PageTable[]; rest: TextLine[]; rowGaps: RowGapEvidence[]; rowSteps: RowStepEvidence[]; unmeasured: boolean } {
  const { page, askew, hintRules } = ctx;
  const tables: PageTable[] = [];
  const rowGaps: RowGapEvidence[] = [];
  const rowSteps: RowStepEvidence[] = [];
  let unmeasured = false;
  const consumed = new Set<TextLine>();
  const replaced = new Map<TextLine, TextLine[]>();
  for (const region of streamRegions(lines)) {
    const top = Math.min(...region.map((l) => l.top));
    const bottom = Math.max(...region.map((l) => l.bottom));
    const x0 = Math.min(...region.map((l) => l.x0));
    const x1 = Math.max(...region.map((l) => l.x1));
    const near = page.figures.filter((f) => f.x0 < x1 + 6 && f.x1 > x0 - 6 && f.top < bottom + 6 && f.bottom > top - 6);
    const rules = hintRules.filter((s) => s.at > top && s.at < bottom && s.from < x1 && s.to > x0).map((s) => s.at);
    // Charts: axis labels align like columns. Slanted or vertical words beside or just above the
    // region (a y-axis title ends where the x-axis labels begin) and curved or slanted drawing
    // around it give them away.
    const em = median(region.map((l) => l.fontSize));
    const titled = askew.some((r) => /\p{L}.*\p{L}/u.test(r.text) && r.x1 > x0 - 3 * em && r.x0 < x1 + 3 * em && r.bottom > top - 4 * em && r.top < bottom + em);
    const chart = titled || region.some(isAxisLine) || near.length >= 3;
    const result = chart ? undefined : streamTable(region, { rules, ...(ctx.rowGaps ? { rowGaps: ctx.rowGaps } : {}) });
    if (result?.unmeasured === true) unmeasured = true;
    const plausible = result !== undefined && plausibleStream(result.table, result.continues === true, tables.length === 0);
    // A region too short to measure a row gap (one row at the foot of a page, under a cell running
    // on from the page before) is no table alone; with the gap and columns its table measured on
    // other pages, it may be that table's row.
    if (result && !plausible && !result.rowGap && !result.continues) unmeasured = true;
    if (result && plausible && !hasChartAxis(result.table)) {
      let table = withoutCaptionRows(result.table);
      // Caption lines read with the table gave it columns of their own, so it could not borrow the
      // row gap its other pages measured: the table's own lines are read again, alone.
      if (result.unmeasured === true && ctx.rowGaps && table.rows < result.table.rows) {
        const own = region.filter((l) => l.top >= table.box.top - 0.5 && l.bottom <= table.box.bottom + 0.5);
        const again = streamTable(own, { rules, rowGaps: ctx.rowGaps });
        if (again && again.unmeasured !== true && again.table.cols === table.cols && plausibleStream(again.table, again.continues === true, tables.length === 0)) table = again.table;
      }
      tables.push(table);
      // The columns as the table keeps them (a caption's phrase may have added one).
      const textStarts = columnTextStarts(table);
      if (result.rowGap) rowGaps.push({ ...result.rowGap, edges: table.colEdges, textStarts });
      // The step from the rest of a row cut by the page break, one column's lines alone above the
      // region, to the table's first line: a row start no region of several phrases holds.
      const cut = result.unmeasured === true ? cutRowStep(lines, table, result.pitch, result.em) : undefined;
      const steps = cut === undefined ? result.rowSteps?.steps : withRowStep(result.rowSteps?.steps ?? emptyTally(result.pitch), cut);
      if (steps) rowSteps.push({ steps, pitch: result.pitch, em: result.em, edges: table.colEdges, textStarts });
      // Caption and note lines cut off the table stay running text.
      for (const l of region) if (l.bottom > table.box.top && l.top < table.box.bottom) consumed.add(l);
      continue;
    }
    if (cuts >= MAX_GUTTER_CUTS) continue;
    const gutter = findGutter(region, { left: x0, right: x1 });
    if (gutter === undefined) continue;
    const pieces = new Map(region.map((l) => [l, cutAtGutter(l, gutter)]));
    const cut = [...pieces.values()].flat();
    const halves = [cut.filter((p) => p.x1 <= gutter), cut.filter((p) => p.x0 >= gutter)];
    // Only a page of text columns is cut: one side at least reads as prose (lines of one phrase of
    // several words). Chart panels and legends side by side are not.
    if (!halves.some(isProse)) continue;
    const kept = new Set<TextLine>();
    for (const half of halves) {
      const sub = streamPass(half, ctx, cuts + 1);
      tables.push(...sub.tables);
      rowGaps.push(...sub.rowGaps);
      rowSteps.push(...sub.rowSteps);
      unmeasured ||= sub.unmeasured;
      for (const l of sub.rest) kept.add(l);
    }
    // A line crossing the gutter belongs to neither side and stays as it is.
    for (const [line, cut] of pieces) replaced.set(line, cut.filter((p) => kept.has(p) || (p.x0 < gutter && p.x1 > gutter)));
  }
  const rest = lines.flatMap((l) => (consumed.has(l) ? [] : (replaced.get(l) ?? [l])));
  return { tables, rest, rowGaps, rowSteps, unmeasured };
}

/**
 * A stream region often starts with the table's title or caption ("Table C1: Summary statistics")
 * and ends with a note: a row holding one cell that starts in the first column and runs across a
 * column gap. At the top, such a row is a caption when it spans every column (a borderless table
 * has no full-width heading of its own above its column heads) or is set apart from the next row by
 * more than the table's usual row gap; at the bottom, when it is set apart. A line of prose above
 * the table may break into phrases at wide word spaces: a row whose every cell runs across a
 * column gap, the first from the first column, reads as one such line. The next lines of a caption
 * dropped at the top (closer to it than the usual row gap) go with it. Such rows are dropped from
 * the table while two rows remain; a spanning row at normal spacing (a group row, a wrapped label)
 * stays, unless set in another size than the table's text (the paragraph before or after the
 * table).
 */
function withoutCaptionRows(table: PageTable): PageTable {
  const gaps = table.rowBands.slice(1).map((b, i) => b.top - (table.rowBands[i]?.bottom ?? b.top));
  const usual = median(gaps);
  const lone = (row: number): number => {
    const cells = table.cells.filter((c) => c.row === row && c.lines.some((l) => l.trim() !== ''));
    const only = cells[0];
    return cells.length >= 1 && only !== undefined && only.col === 0 && cells.every((c) => c.colSpan >= 2) ? cells.reduce((n, c) => n + c.colSpan, 0) : 0;
  };
  const apart = (gap: number | undefined): boolean => gap !== undefined && gap > 1.5 * usual + 1;
  let first = 0;
  let last = table.rows - 1;
  const caption = (row: number): boolean => lone(row) === table.cols || (lone(row) >= 2 && (apart(gaps[row]) || (row > 0 && (gaps[row - 1] ?? usual) < usual)));
  // Text set in another size than the table's (a paragraph above or below it, in the body
  // text's size) and running across a column gap is no row of it either.
  const sizes = table.cells.flatMap((c) => (c.geometry ?? []).flatMap((g) => (g ? [g.fontSize] : [])));
  const size = median(sizes);
  const rowSize = (row: number): number => median(table.cells.filter((c) => c.row === row).flatMap((c) => (c.geometry ?? []).flatMap((g) => (g ? [g.fontSize] : []))));
  // Above the table a tenth: a two-level header may set its spanning headings a size up. Below it,
  // any difference a PDF's exact sizes show: notes and lists after a table are the body's size.
  const foreign = (row: number, share: number): boolean =>
    Math.abs(rowSize(row) - size) > share * size && table.cells.some((c) => c.row === row && c.rowSpan === 1 && c.colSpan >= 2 && c.lines.some((l) => l.trim() !== ''));
  while (last - first >= 2 && (caption(first) || foreign(first, 0.1))) first++;
  while (last - first >= 2 && ((lone(last) >= 2 && apart(gaps[last - 1])) || foreign(last, 0.02))) last--;
  if (first === 0 && last === table.rows - 1) return table;
  const cells = table.cells.filter((c) => c.row >= first && c.row + c.rowSpan - 1 <= last).map((c) => ({ ...c, row: c.row - first }));
  const rowBands = table.rowBands.slice(first, last + 1);
  const top = rowBands[0]?.top ?? table.box.top;
  const bottom = rowBands[rowBands.length - 1]?.bottom ?? table.box.bottom;
  const xs = cells.flatMap((c) => [c.box.x0, c.box.x1]);
  return withoutUnstartedColumns({ ...table, rows: last - first + 1, cells, rowBands, box: { x0: Math.min(...xs), x1: Math.max(...xs), top, bottom } });
}

/**
 * The baseline step from the line just above a table to its first line, where that line lies in
 * one of its columns but the first (a cut row's rest: a heading or paragraph starts at the left)
 * and the step is a gap, wider than a line and narrower than three.
 */
function cutRowStep(lines: readonly TextLine[], table: PageTable, pitch: number, em: number): number | undefined {
  const above = lines.filter((l) => l.bottom <= table.box.top + 0.5).at(-1);
  const first = lines.find((l) => l.top >= table.box.top - 0.5 && l.bottom <= table.box.bottom + 0.5);
  if (!above || !first || above.chunks.length !== 1 || !(pitch > 0)) return undefined;
  const inner = Array.from({ length: table.cols - 1 }, (_, k) => columnSpan(table, k + 1)).some((span) => span !== undefined && above.x0 >= span.left - em / 2 && above.x1 <= span.right + em / 2);
  if (!inner) return undefined;
  const step = first.baseline - above.baseline;
  return step > 1.1 * pitch + 0.5 && step < 3 * pitch ? step : undefined;
}

/** Where each column's text starts: the leftmost cell of that column alone with text. */
function columnTextStarts(table: PageTable): (number | undefined)[] {
  return Array.from({ length: table.cols }, (_, c) => {
    const x = textLeft(table, c);
    return Number.isFinite(x) ? x : undefined;
  });
}

/** Most lines are one phrase of four words or more: running text. */
function isProse(lines: readonly TextLine[]): boolean {
  const prose = lines.filter((l) => l.chunks.length === 1 && (l.chunks[0]?.text.split(/\s+/u).length ?? 0) >= 4).length;
  return lines.length > 0 && prose >= 0.5 * lines.length;
}

/** Rule groups, smallest box first. */
function byArea(groups: Segment[][]): Segment[][] {
  const area = (g: readonly Segment[]): number => {
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (const s of g) {
      const [sx0, sx1, sy0, sy1] = s.orientation === 'h' ? [s.from, s.to, s.at, s.at] : [s.at, s.at, s.from, s.to];
      x0 = Math.min(x0, sx0);
      x1 = Math.max(x1, sx1);
      y0 = Math.min(y0, sy0);
      y1 = Math.max(y1, sy1);
    }
    return (x1 - x0) * (y1 - y0);
  };
  return groups.map((g) => ({ g, a: area(g) })).sort((p, q) => p.a - q.a).map((p) => p.g);
}

/**
 * Under-ruled lattices are read again in stream mode on the ruled columns, in two steps:
 * - rules only around the table and between columns (one grid row): rows come from baselines;
 * - then, rules between some columns only (a rule after the label column, none between the figures):
 *   whitespace corridors inside a ruled column that no rule crosses add columns, and the rules
 *   still end rows.
 */
const edgesOf = (t: PageTable): Pick<PageTable, 'openEdges'> => (t.openEdges ? { openEdges: t.openEdges } : {});

/** Lines of a ruled column that must hold phrases on both sides of a whitespace corridor for it to be a column gap. */
const MIN_SPLIT_LINES = 2;

/**
 * Lines whose phrases inside the ruled column around `gap` lie on both sides of it. A column of
 * figures set without rules between them puts phrases side by side in one ruled cell; in a grid
 * whose every column is ruled, a strip of whitespace inside a column is only ragged text (short
 * lines, a header centred over empty cells) and no line has phrases on both sides.
 */
function sideBySide(lines: readonly TextLine[], gap: { from: number; to: number; at: number }, xs: readonly number[]): number {
  const k = xs.findIndex((x, i) => x <= gap.at && (xs[i + 1] ?? -Infinity) > gap.at);
  if (k < 0) return 0;
  const [x0, x1] = [xs[k] ?? 0, xs[k + 1] ?? 0];
  return lines.filter((l) => {
    const own = l.chunks.filter((c) => c.x0 >= x0 - 1 && c.x1 <= x1 + 1);
    return own.some((c) => c.x1 <= gap.at) && own.some((c) => c.x0 >= gap.at);
  }).length;
}

function refineLattice(lattice: PageTable, used: ReadonlySet<TextRun>): PageTable {
  let table = lattice;
  if (table.rows === 1 && table.cells.some((c) => c.lines.length >= 2)) {
    const stream = streamTable(buildLines([...used]), { edges: table.colEdges });
    if (stream) table = { ...stream.table, mode: 'lattice', box: table.box, ...edgesOf(lattice) };
  }
  if (table.rows > 1) {
    const inBox = buildLines([...used]);
    const found = columnCorridors(inBox);
    const xs = table.colEdges;
    const extra = (found?.inner ?? []).filter((c) => !xs.some((x) => x >= c.from - 2 && x <= c.to + 2) && sideBySide(inBox, c, xs) >= MIN_SPLIT_LINES);
    if (extra.length > 0) {
      const candidate = [...xs, ...extra.map((c) => c.at)].sort((a, b) => a - b);
      const merged = dropHeaderOnlyColumns(inBox, mergeDisjointColumns(inBox, candidate), xs);
      // Ruled column boundaries stay whatever the text does.
      const edges = [...new Set([...merged, ...xs])].sort((a, b) => a - b);
      const rules = table.rowBands.slice(1).map((b) => b.top);
      const stream = streamTable(inBox, { edges, rules });
      if (stream) return { ...stream.table, box: table.box, ...edgesOf(lattice) };
    }
  }
  return table;
}

/**
 * Bands of consecutive lines where lines with two or more phrases dominate. Gaps larger than a
 * few lines end a band; runs of single-phrase lines are allowed inside (wrapped cells) but not at
 * the edges, which keeps captions and notes out.
 */
/** A bullet or enumerator followed by running text is a list item, not a two-column row. */
const ENUMERATOR = /^(\(?[0-9ivxlc]{1,4}[.)]?|\(?[a-z][.)]|[•▪●■➢❖✓□\-–—*o])$/iu;

function isMultiPhrase(line: TextLine): boolean {
  if (line.chunks.length < 2) return false;
  if (line.chunks.length === 2) {
    const [a, b] = line.chunks;
    if (a && b && ENUMERATOR.test(a.text) && b.text.length > 30) return false;
  }
  return true;
}

export function streamRegions(lines: readonly TextLine[]): TextLine[][] {
  const regions: TextLine[][] = [];
  let cur: TextLine[] = [];
  let singles = 0;
  let taken = 0;
  const close = (): void => {
    // Trailing single-phrase lines are notes or the next paragraph, not table rows, unless they
    // run on inside one column of the rows above (the last row's tall cell), in the size of the
    // table's text (a cell keeps its type as it runs on; a heading under the table does not).
    let end = cur.length;
    const size = median(cur.filter(isMultiPhrase).map((l) => l.fontSize));
    const runsOn = (line: TextLine, rows: readonly TextLine[], above: TextLine | undefined): boolean =>
      inColumn(line, rows) && tight(above, line) && keepsTypeSize(line.fontSize, size);
    while (end > 0 && !isMultiPhrase(cur[end - 1] as TextLine) && !runsOn(cur[end - 1] as TextLine, cur.slice(0, end - 1), cur[end - 2])) end--;
    const band = cur.slice(0, end);
    if (band.filter(isMultiPhrase).length >= MIN_MULTI_LINES) regions.push(band);
    cur = [];
    singles = 0;
  };
  lines.forEach((line, i) => {
    const prev = cur[cur.length - 1];
    const multi = isMultiPhrase(line);
    if (prev) {
      const gap = line.top - prev.bottom;
      if (gap > REGION_GAP_EM * Math.max(line.fontSize, prev.fontSize)) close();
    }
    if (cur.length === 0) {
      if (!multi) return;
      // A header cell taller than its neighbours starts above the first line of several phrases:
      // single-phrase lines touching it from above, inside its columns, belong to the table.
      let from = i;
      while (
        from - 1 >= taken &&
        touches(lines[from - 1] as TextLine, lines[from] as TextLine) &&
        (inColumn(lines[from - 1] as TextLine, [line]) || centredOverPhrase(lines[from - 1] as TextLine, line))
      )
        from--;
      cur.push(...lines.slice(from, i), line);
      taken = i + 1;
      return;
    }
    taken = i + 1;
    const prevLine = cur[cur.length - 1];
    const aligned =
      !multi &&
      prevLine !== undefined &&
      line.top - prevLine.bottom < 0.6 * line.fontSize &&
      line.chunks.every((ch) => cur.some((l) => isMultiPhrase(l) && l.chunks.some((o) => Math.abs(o.x0 - ch.x0) < 1.5 && ch.x1 <= o.x1 + 4 * line.fontSize)));
    if (multi) {
      cur.push(line);
      singles = 0;
    } else if (aligned || ((tight(prevLine, line) || paragraphApart(prevLine, line)) && inColumn(line, cur))) {
      // The wrapped tail of one tall cell: it starts where a column of the rows above starts, or
      // it stays between the phrases of the rows above; its paragraphs and list items are set
      // apart by a paragraph's spacing.
      cur.push(line);
    } else if (singles < MAX_SINGLE_RUN) {
      cur.push(line);
      singles++;
    } else {
      close();
    }
  });
  close();
  return joinAcrossTitles(lines, regions);
}

/** Single-phrase lines a table may hold between two bands of rows (a group title over the width). */
const MAX_TITLE_LINES = 2 * MAX_SINGLE_RUN;

/**
 * A group title set over the table's width and wrapped onto more lines than a region tolerates
 * cuts one table into two regions. They are one again when only such lines, at line spacing and
 * within the table's width, lie between them, and both bands span the same width.
 */
function joinAcrossTitles(lines: readonly TextLine[], regions: TextLine[][]): TextLine[][] {
  const out: TextLine[][] = [];
  for (const region of regions) {
    const prev = out[out.length - 1];
    const first = region[0];
    const last = prev?.[prev.length - 1];
    if (prev && first && last) {
      const from = lines.indexOf(last);
      const to = lines.indexOf(first);
      const between = lines.slice(from + 1, to);
      const em = Math.max(first.fontSize, last.fontSize);
      const x0 = Math.min(...prev.map((l) => l.x0));
      const x1 = Math.max(...prev.map((l) => l.x1));
      // The width of the bands' rows (lines of several phrases): titles and captions in either
      // may start at the cells' left edge, left of a first column of centred numbers.
      const rowsOf = (ls: readonly TextLine[]): readonly TextLine[] => (ls.some(isMultiPhrase) ? ls.filter(isMultiPhrase) : ls);
      const width = (ls: readonly TextLine[]): [number, number] => [Math.min(...rowsOf(ls).map((l) => l.x0)), Math.max(...rowsOf(ls).map((l) => l.x1))];
      const [a0, a1] = width(prev);
      const [b0, b1] = width(region);
      const sameWidth = Math.abs(b0 - a0) < 2 * em && Math.abs(b1 - a1) < 2 * em;
      const chain = [last, ...between, first];
      const joined =
        from >= 0 &&
        to > from &&
        between.length <= MAX_TITLE_LINES &&
        // Within the table's width as far as its bands show it: their first column's text may be
        // centred, so a title set from the cells' left edge starts left of it (as sameWidth allows).
        between.every((l) => !isMultiPhrase(l) && l.x0 > x0 - 2 * em && l.x1 < x1 + 2 * em) &&
        // One wrapped title (lines at line spacing), set off from the rows by at most a row gap.
        between.every((l, k) => k === 0 || tight(between[k - 1], l)) &&
        chain.every((l, k) => k === 0 || l.top - (chain[k - 1]?.bottom ?? l.top) <= REGION_GAP_EM * em) &&
        sameWidth;
      if (joined) {
        prev.push(...between, ...region);
        continue;
      }
    }
    out.push(region);
  }
  return out;
}

/** Set apart by at most a paragraph's spacing (an em and a fifth of white) from the line above. */
function paragraphApart(above: TextLine | undefined, line: TextLine): boolean {
  return above !== undefined && line.top - above.bottom < 1.2 * Math.max(line.fontSize, above.fontSize);
}

/** At the spacing of lines in one paragraph (or closer). */
function tight(above: TextLine | undefined, line: TextLine): boolean {
  return above !== undefined && line.top - above.bottom < 0.6 * Math.max(line.fontSize, above.fontSize);
}

/** Overlapping the line below, or all but touching it. */
function touches(above: TextLine, below: TextLine): boolean {
  return !isMultiPhrase(above) && above.bottom > below.top - 0.25 * below.fontSize && above.top < below.top;
}

/**
 * A single-phrase line centred over one phrase of `below` (within half an em) and clear of its
 * neighbours: the first line of a centred header cell wider than its second, which may start left
 * of everything under it.
 */
function centredOverPhrase(line: TextLine, below: TextLine): boolean {
  const ch = line.chunks[0];
  if (!ch || line.chunks.length !== 1) return false;
  const mid = (c: { x0: number; x1: number }): number => (c.x0 + c.x1) / 2;
  return below.chunks.some(
    (o, k) => Math.abs(mid(o) - mid(ch)) <= 0.5 * line.fontSize && ch.x0 > (below.chunks[k - 1]?.x1 ?? Number.NEGATIVE_INFINITY) && ch.x1 < (below.chunks[k + 1]?.x0 ?? Number.POSITIVE_INFINITY),
  );
}

/**
 * A single-phrase line that crosses no gap between the phrases of the region's lines of several
 * phrases (but in a few of them: spanning headers) sits inside one column.
 */
function inColumn(line: TextLine, region: readonly TextLine[]): boolean {
  const ch = line.chunks[0];
  if (!ch || line.chunks.length !== 1) return false;
  const multi = region.filter(isMultiPhrase);
  if (multi.length === 0) return false;
  // Text starting left of the table is outside it (a list under a table whose left columns are
  // empty on this page crosses none of its column gaps).
  if (ch.x0 < Math.min(...multi.map((l) => l.x0)) - 0.5 * line.fontSize) return false;
  let crossed = 0;
  for (const l of multi) {
    for (let k = 1; k < l.chunks.length; k++) {
      const a = l.chunks[k - 1] as TextLine['chunks'][number];
      const b = l.chunks[k] as TextLine['chunks'][number];
      if (ch.x0 < a.x1 && ch.x1 > b.x0) {
        crossed++;
        break;
      }
    }
  }
  return crossed <= 0.2 * multi.length;
}

/**
 * Rejects what looks like prose in two text columns or a numbered list rather than a table. A
 * piece of a table measured on another page (`continues`: same columns, same line pitch) may be
 * its header over one cell running on alone (a row taller than the page).
 */
function plausibleStream(t: PageTable, continues = false, first = false): boolean {
  const filled = t.cells.filter((c) => c.lines.join(' ').trim() !== '');
  // A page of a table measured on other pages (its columns and line pitch) may hold one tall row
  // alone, printed without the header: a row of several lines in half its columns or more, the
  // first table on the page (below another, the row is that table's, parted from it by text the
  // reader did not take into it).
  if (t.rows < 2) return continues && first && t.rows === 1 && filled.length >= Math.max(2, t.cols / 2) && filled.some((c) => c.lines.length >= 2);
  const multiCol = new Set(filled.map((c) => c.col));
  if (multiCol.size < 2) return false;
  const avgLen = (col: number): number => {
    const texts = filled.filter((c) => c.col === col).map((c) => c.lines.join(' '));
    return texts.length === 0 ? 0 : texts.reduce((n, s) => n + s.length, 0) / texts.length;
  };
  // A bulleted list set in two or more columns.
  const bulleted = filled.filter((c) => /^[•▪●■➢❖✓□]/u.test(c.lines[0]?.trim() ?? '')).length;
  if (bulleted >= 0.5 * filled.length) return false;
  // Chart axes and legends line up like columns but leave most of the grid empty. A page of a
  // table read on the columns its other pages measured counts only the columns its rows reach:
  // the goal and measure cells of rows spanning from the page before stay empty there.
  const area = filled.reduce((n, c) => n + c.colSpan, 0);
  const reached = continues ? Math.max(...filled.map((c) => c.col + c.colSpan)) - Math.min(...filled.map((c) => c.col)) : t.cols;
  if (area < 0.4 * t.rows * reached) return false;
  const lens = Array.from({ length: t.cols }, (_, c) => avgLen(c));
  if (t.cols === 2) {
    const [a = 0, b = 0] = lens;
    if (a > 45 && b > 45) return false;
    const first = filled.filter((c) => c.col === 0).map((c) => c.lines.join(' ').trim());
    const numbering = first.filter((s) => /^(\(?[0-9ivxlc]{1,4}[.)]?|[•▪●■➢❖✓□\-–—*])$/i.test(s)).length;
    if (first.length > 0 && numbering / first.length > 0.6 && b > 40) return false;
  }
  // Rows made of one long cell each are paragraphs that happen to have an indent.
  const rowsWithTwo = new Set<number>();
  const perRow = new Map<number, number>();
  for (const c of filled) perRow.set(c.row, (perRow.get(c.row) ?? 0) + 1);
  for (const [r, n] of perRow) if (n >= 2) rowsWithTwo.add(r);
  return rowsWithTwo.size >= (continues ? 1 : 2);
}

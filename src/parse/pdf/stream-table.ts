import { boxOf, type TextRun } from './page-content.ts';
import { baselinesOf, type Chunk, type TextLine } from './text-lines.ts';
import { lineGeometry, type LineGeometry } from './line-geometry.ts';
import type { GridCell, PageTable } from './table-grid.ts';
import { centredOver, headingBoxEdges, leftAlignedText, splitAtEdges, columnEdges, dropHeaderOnlyColumns, fitColumns, median, mergeDisjointColumns, placeLine, type LineCells } from './stream-columns.ts';
import { readRowGaps, type SpanFlow } from './stream-rows.ts';
import { borrowedGap, knownEdges, type RowGapEvidence, type RowStepEvidence } from './row-gap-evidence.ts';
import { splitRunTogetherCells } from './run-together-cells.ts';

/** A cell of figures: amounts, shares, counts. */
const FIGURE = /^[-−+(]?[\d.,\s%]+\)?$/u;

export interface StreamOptions {
  /** y positions of horizontal rules inside the region (booktabs-style tables): row boundaries. */
  rules?: readonly number[];
  /** Column boundaries known from vertical rules; replaces whitespace analysis. */
  edges?: readonly number[];
  /** Column boundaries of the table these lines continue (no rules): rows are still read from gaps. */
  columns?: readonly number[];
  /** Row gaps the document's borderless tables measured on other pages (row-gap-evidence.ts). */
  rowGaps?: readonly RowGapEvidence[];
}

export interface StreamResult {
  table: PageTable;
  used: Set<TextRun>;
  /** The row gap this region measured on its own, for the table's other pages. */
  rowGap?: RowGapEvidence;
  /** No row gap to measure here: the region would read better with the table's other pages' gap. */
  unmeasured?: boolean;
  /** The one row start this region showed, for pooling with the table's other pages. */
  rowSteps?: RowStepEvidence;
  /** The region's line pitch and type size. */
  pitch: number;
  em: number;
  /** The region has the columns and line pitch of a table measured on another page: a piece of it. */
  continues?: boolean;
}


/**
 * Stream mode: columns from whitespace corridors, rows from baselines. A line continues the row
 * above when it leaves the first column empty and sits at normal line spacing (a wrapped cell),
 * or when its first-column text reads as the continuation of a wrapped label (lower-case start).
 * Horizontal rules inside the region, when present, always start a new row.
 */
export function streamTable(lines: readonly TextLine[], options: StreamOptions = {}): StreamResult | undefined {
  if (lines.length < 2) return undefined;
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
  const pitch = linePitch(columnSteps(lines, step).filter((p) => p >= 0.8 * em)) || median(pitches.filter((p) => p >= 0.8 * em)) || em * 1.2;
  const edges = options.edges ? [...options.edges] : headingBoxEdges(lines, options.columns ? fitColumns(lines, options.columns) : streamEdges(lines, pitch, em, options.rowGaps));
  const nc = edges.length - 1;
  if (nc < 2) return undefined;
  const placed = lines.map((l) => placeLine(l, edges));
  splitRunTogetherCells(placed, pitch);
  const rules = [...(options.rules ?? [])].sort((a, b) => a - b);

  // Where each column's text begins (its leftmost ink): how far the column to its left may run.
  const nextStart: number[] = Array.from({ length: nc }, () => Number.POSITIVE_INFINITY);
  for (const p of placed) for (const sp of p.spans) nextStart[sp.c0] = Math.min(nextStart[sp.c0] ?? Number.POSITIVE_INFINITY, ...sp.chunks.map((c) => c.x0));
  // How far each column's own text reaches (cells of that column alone): text is known to fit there.
  const reach: number[] = Array.from({ length: nc }, () => Number.NEGATIVE_INFINITY);
  for (const p of placed) for (const sp of p.spans) if (sp.c0 === sp.c1) reach[sp.c0] = Math.max(reach[sp.c0] ?? Number.NEGATIVE_INFINITY, ...sp.chunks.map((c) => c.x1));

  // Padded cells set rows apart by a gap: then the gap, not the first column, says where rows
  // start. Column boundaries given by rules belong to a ruled table, whose rows the rules tell.
  const borrowed = options.rowGaps && borrowedGap(options.rowGaps, pitch, edges, em);
  const reading = options.edges ? undefined : readRowGaps(placed, pitch, borrowed);
  const gapped = reading?.kind === 'gapped' ? reading : undefined;
  const rows: LineCells[][] = [];
  const rowOfLine: number[] = [];
  // Rows that start after a row gap (not records told apart by their text).
  const gapStarted = new Set<number>();
  for (let i = 0; i < placed.length; i++) {
    const cur = placed[i];
    if (!cur) continue;
    const prev = placed[i - 1];
    const group = rows[rows.length - 1];
    let continues = false;
    if (prev && group && gapped) {
      const ruleBetween = rules.some((y) => y > prev.line.bottom - 1 && y < cur.line.top + 1);
      // Single-spaced records between padded groups: lines that break by choice in two or more
      // columns are records of their own, as without gaps.
      // columns, or that hold figures in two or more columns (figures are not wrapped text), are
      // records of their own, as without gaps.
      // A figure wrapped for want of room under words of its own cell ("Measure" over "1.13") is
      // the cell's tail, not a figure of its own.
      const isFigure = (sp: LineCells['spans'][number]): boolean => sp.chunks.every((c) => FIGURE.test(c.text));
      const tail = (sp: LineCells['spans'][number]): boolean => {
        const above = prev.spans.find((p) => p.c0 === sp.c0 && p.c1 === sp.c1);
        return above !== undefined && !isFigure(above) && roomAbove(prev, sp, nextStart, em, reach) === false;
      };
      const figures = cur.spans.filter((sp) => isFigure(sp) && !tail(sp)).length;
      // A row starts at least a line pitch below every line of the row above. Cells of one row
      // centred at different heights (a header of one- and two-line cells) put their lines less
      // than that below the row's first line, in other columns: the same row. A line gathered from
      // both heights also holds the next lines of the row head's own cells, a line pitch below them.
      const rowHead = group[0] === prev;
      const besideHead = rowHead && step(prev.line, cur.line) < 0.8 * pitch && cur.spans.every((sp) => nextLineOrBeside(prev, sp, pitch));
      continues = besideHead || (!ruleBetween && !gapped.starts.has(i) && !recordLine(prev, cur, nextStart, em, reach) && figures < 2);
    } else if (prev && group) {
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
      continues = !ruleBetween && ((tight && ((!fullWidth && (firstEmpty || lowerStart) && !recordLine(prev, cur, nextStart, em)) || spanTail)) || interleaved);
    }
    if (continues && group) group.push(cur);
    else {
      rows.push([cur]);
      if (gapped?.starts.has(i)) gapStarted.add(rows.length - 1);
    }
    rowOfLine[i] = rows.length - 1;
  }
  if (gapped) earlyCentredCells(placed, rows, rowOfLine, gapStarted, gapped.flow, pitch);
  // Text running on at line spacing into the next row belongs to a cell spanning both rows.
  const carried = new Map<LineCells['spans'][number], number>();
  if (gapped) {
    const rowOfSpan = new Map<LineCells['spans'][number], number>();
    placed.forEach((lc, i) => {
      for (const sp of lc.spans) rowOfSpan.set(sp, rowOfLine[i] ?? 0);
    });
    placed.forEach((lc, i) => {
      const r = rowOfLine[i] ?? 0;
      for (const sp of lc.spans) {
        const f = gapped.flow.get(sp);
        if (f?.kind !== 'continue' || !f.above) continue;
        // A step as long as the shortest row step is this row's own cell starting where the one
        // above ended (paragraph breaks as wide as a row gap), not text running on into the row.
        // Where the padding is thin, that step (the rest of a cut row, one padding under the
        // header) comes within a few tenths of a line of the pitch; a step nearer the pitch than
        // it is still a line running on.
        const rowStep = gapped.measured?.rowStep ?? borrowed?.rowStep;
        if (rowStep !== undefined && f.step >= Math.max(rowStep - 0.15 * pitch, (pitch + rowStep) / 2)) continue;
        // Nor is text in another weight (a bold label over regular text): a cell keeps its weight
        // as it runs on.
        const bold = (x: LineCells['spans'][number]): boolean => x.chunks.every((c) => c.bold);
        if (bold(f.above) !== bold(sp)) continue;
        const origin = carried.get(f.above) ?? rowOfSpan.get(f.above) ?? r;
        // Only across a row gap: records set line under line have no cells spanning them.
        if (origin < r && gapStarted.has(r) && [...Array(r - origin).keys()].every((k) => gapStarted.has(origin + k + 1))) carried.set(sp, origin);
      }
    });
    // A two-level header keeps its own reading (twoLevelSplit): nothing is carried into it.
    for (const [sp, origin] of [...carried]) if (twoLevelSplit(rows[origin] ?? []) !== undefined) carried.delete(sp);
  }
  const extras: { lc: LineCells; row: number }[][] = rows.map(() => []);
  const own = rows.map((group) => group.map((lc) => ({ line: lc.line, spans: lc.spans.filter((sp) => !carried.has(sp)) })).filter((lc) => lc.spans.length > 0));
  if (own[0]) headingsOverPairs(lines, own[0], gapped !== undefined ? own[1] : undefined, edges);
  rows.forEach((group, r) => {
    for (const lc of group) {
      const moved = lc.spans.filter((sp) => carried.has(sp));
      const origin = moved[0] === undefined ? undefined : carried.get(moved[0]);
      if (origin !== undefined) extras[origin]?.push({ lc: { line: lc.line, spans: moved }, row: r });
    }
  });

  const cells: GridCell[] = [];
  const used = new Set<TextRun>();
  const rowBands: { top: number; bottom: number }[] = [];
  const emit = (span: MergedSpan, row: number, rowSpan: number, extra?: MergedSpan): void => {
    const parts = [...span.parts, ...(extra?.parts ?? [])];
    const lineTexts: string[] = [];
    const geometry: (LineGeometry | undefined)[] = [];
    const boxChunks: Chunk[] = [];
    for (const p of parts) {
      lineTexts.push(p.chunks.map((c) => c.text).join(' '));
      geometry.push(lineGeometry(p.chunks));
      boxChunks.push(...p.chunks);
      for (const c of p.chunks) for (const run of c.runs) used.add(run);
    }
    cells.push({
      row,
      col: span.c0,
      rowSpan,
      colSpan: span.c1 - span.c0 + 1,
      lines: lineTexts,
      geometry,
      bold: boxChunks.every((c) => c.bold),
      box: boxOf(boxChunks),
    });
  };
  const band = (group: readonly LineCells[]): { top: number; bottom: number } => ({
    top: Math.min(...group.map((g) => g.line.top)),
    bottom: Math.max(...group.map((g) => g.line.bottom)),
  });
  // A row holding a heading that spans columns over text in two or more of them in `lower`.
  const overSubHeadings = (upper: readonly LineCells[], lower: readonly LineCells[]): boolean =>
    upper.some((lc) => lc.spans.some((sp) => sp.c1 > sp.c0 && new Set(lower.flatMap((l) => l.spans.filter((s2) => s2.c0 >= sp.c0 && s2.c1 <= sp.c1).map((s2) => s2.c0))).size >= 2));
  // A cell centred on the band of two rows (a heading covering both, set mid-height).
  const centredOnBoth = (span: MergedSpan, upper: readonly LineCells[], lower: readonly LineCells[]): boolean => {
    const box = boxOf(span.parts.flatMap((p) => p.chunks));
    return Math.abs((box.top + box.bottom) / 2 - (band(upper).top + band(lower).bottom) / 2) <= 0.25 * pitch;
  };
  // Row indexes: one per group, two for a two-level header (rowSpan counts groups, which agree
  // as long as no two-level header lies inside a spanning cell).
  own.forEach((group, g) => {
    // A row always starts with text of its own, so no group is emptied by carrying.
    if (group.length === 0) return;
    const r = rowBands.length;
    const extra = extras[g] ?? [];
    const split = twoLevelSplit(group);
    if (split === undefined) {
      rowBands.push(band(group));
      const spans = mergeSpans([...group, ...extra.map((e) => e.lc)], 0);
      // A two-level header split by the row gap: the heading's sub-headings are the next row, and
      // a heading with no sub-heading under it covers both rows.
      const next = own[g + 1] ?? [];
      const subHeaded = gapped !== undefined && next.length > 0 && (twoLevelSplit([...group, ...next]) ?? 0) >= group.length;
      // Sub-headings centred each on its own (one line beside two) share no line, so the split
      // above misses them; the table's first row over sub-headings in two columns of one of its
      // spanning headings is still the upper level, and a heading there centred on the band of
      // both rows, with nothing under it, covers both.
      const headingOverSubHeadings = gapped !== undefined && g === 0 && !subHeaded && next.length > 0 && overSubHeadings(group, next);
      for (const span of spans) {
        const reach = Math.max(g, ...span.parts.filter((p) => p.line >= group.length).map((p) => extra[p.line - group.length]?.row ?? g));
        span.rowSpan = reach - g + 1;
        const emptyBelow = !next.some((lc) => lc.spans.some((sp) => sp.c0 <= span.c1 && sp.c1 >= span.c0));
        if (span.rowSpan === 1 && emptyBelow && (subHeaded || (headingOverSubHeadings && centredOnBoth(span, group, next)))) span.rowSpan = 2;
      }
      // The converse: a cell with nothing above it in the whole table, set under a header row
      // that has nothing in its columns and centred on the band of both rows, is a heading
      // covering both rows (centred beside a sub-heading; its line happens to fall in the lower row).
      // Only under the table's first row, and where that row is the upper level of a two-level
      // header (a heading spanning columns over sub-headings in this row): a long cell lower down,
      // or under the first body row of a page printed without the header (the columns left of it
      // empty above), can be centred on two rows' band by chance.
      const above = own[g - 1];
      const lifted = new Set<MergedSpan>();
      if (gapped !== undefined && g === 1 && above !== undefined && overSubHeadings(above, group) && twoLevelSplit(above) === undefined) {
        const overlaps = (lc: LineCells, span: MergedSpan): boolean => lc.spans.some((sp) => sp.c0 <= span.c1 && sp.c1 >= span.c0);
        for (const span of spans) {
          if (span.rowSpan !== 1 || own.slice(0, g).some((grp) => grp.some((lc) => overlaps(lc, span)))) continue;
          if (centredOnBoth(span, above, group)) lifted.add(span);
        }
      }
      const only = spans[0];
      // A lone phrase that starts in the first column and runs over most of the others is a
      // full-width group row whose text just stops short of the last column.
      if (spans.length === 1 && only && only.c0 === 0 && only.c1 >= 2 && only.c1 + 1 >= 0.75 * nc) only.c1 = nc - 1;
      widenSpans(spans);
      for (const span of spans) {
        // Over the sub-headings of a two-level header, a column's text whose lines are set a row's
        // padding apart is a heading and its one sub-heading, two cells: not one text spanning both
        // rows.
        const gapAt = subHeaded && span.c0 === span.c1 && span.rowSpan === 2 ? span.parts.findIndex((part, k) => k > 0 && lineStep(span.parts[k - 1], part) > 1.2 * pitch) : -1;
        if (gapAt > 0) {
          emit({ ...span, parts: span.parts.slice(0, gapAt) }, r, 1);
          emit({ ...span, parts: span.parts.slice(gapAt) }, r + 1, 1);
          continue;
        }
        emit(span, lifted.has(span) ? r - 1 : r, (span.rowSpan ?? 1) + (lifted.has(span) ? 1 : 0));
      }
      return;
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
        // A heading and its one sub-heading, each centred in its own level, set a row's padding
        // apart: two cells, as over a header split by the row gap (below).
        const parts = [...u.parts, ...below.parts];
        const gapAt = parts.findIndex((part, k) => k > 0 && lineStep(parts[k - 1], part) > 1.2 * pitch);
        if (gapAt > 0) {
          emit({ ...u, parts: parts.slice(0, gapAt) }, r, 1);
          emit({ ...u, parts: parts.slice(gapAt) }, r + 1, 1);
        } else emit(u, r, 2, below);
      } else emit(u, r, 1);
    }
    for (const l of low) if (!lowTaken.has(l)) emit(l, r + 1, 1);
  });
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
    ...(gapped?.measured ? { rowGap: { ...gapped.measured, pitch, edges, em } } : {}),
    ...(reading?.kind === 'unmeasured' ? { unmeasured: true } : {}),
    ...(reading?.kind === 'unmeasured' && reading.steps ? { rowSteps: { steps: reading.steps, pitch, edges, em } } : {}),
    pitch,
    em,
    ...(borrowed ? { continues: true } : {}),
  };
}

/**
 * A heading of the table's first row set wholly inside one column, beside a column left empty
 * there, over sub-headings in both columns: a cell spanning the two, when it is centred on their
 * pair of boxes (to a quarter em, as `centredOnPair` asks) and not on its own column's. Centred on
 * the pair, it lies in the wider column's box when the narrower one's share of the pair is less
 * than half its width, and no column boundary can show it spans. The boxes are measured from the
 * columns' left-aligned text (`leftAlignedText`: a box starts half the narrowest gap before its
 * text), not from boundaries set mid-corridor, which lie off the boxes by however short of its
 * box the column's longest line stops. The sub-headings are on a line below the heading in its
 * row, or in the next row where a row gap sets the two levels apart (`below`). A header leaves no
 * top cell empty beside a heading over sub-headings.
 */
function headingsOverPairs(lines: readonly TextLine[], first: readonly LineCells[], below: readonly LineCells[] | undefined, edges: readonly number[]): void {
  const { start, gap } = leftAlignedText(lines, edges);
  if (!Number.isFinite(gap)) return;
  // Centre of the boxes of columns a to b − 1.
  const centre = (a: number, b: number): number | undefined => {
    const from = start[a];
    const to = start[b];
    return from === undefined || to === undefined ? undefined : (from + to) / 2 - gap / 2;
  };
  const near = (x: number, c: number | undefined, tolerance: number): boolean => c !== undefined && Math.abs(x - c) <= tolerance;
  const alone = (spans: readonly LineCells['spans'][number][], k: number): boolean => spans.some((sp) => sp.c0 === k && sp.c1 === k);
  const beneath = below?.flatMap((l) => l.spans) ?? [];
  first.forEach((lc, i) => {
    const upper = first.slice(0, i + 1);
    const covered = (k: number): boolean => upper.some((l) => l.spans.some((sp) => sp.c0 <= k && sp.c1 >= k));
    // Both sub-headings on one line under the heading in its row, or anywhere in the next row.
    const subHeaded = (a: number, b: number): boolean => first.slice(i + 1).some((l) => alone(l.spans, a) && alone(l.spans, b)) || (alone(beneath, a) && alone(beneath, b));
    for (const sp of lc.spans) {
      const k = sp.c0;
      if (sp.c1 !== k || upper.some((l) => l !== lc && l.spans.some((o) => o.c0 <= k && o.c1 >= k))) continue;
      const box = boxOf(sp.chunks);
      const mid = (box.x0 + box.x1) / 2;
      const em = Math.max(...sp.chunks.map((c) => c.fontSize));
      if (centre(k, k + 1) === undefined || near(mid, centre(k, k + 1), em)) continue;
      if (k > 0 && !covered(k - 1) && subHeaded(k - 1, k) && near(mid, centre(k - 1, k + 1), 0.25 * em)) sp.c0 = k - 1;
      else if (!covered(k + 1) && subHeaded(k, k + 1) && near(mid, centre(k, k + 2), 0.25 * em)) sp.c1 = k + 1;
    }
  });
}

/** Baseline step from one part of a span (a line's phrases in its columns) to the next. */
function lineStep(a: MergedSpan['parts'][number] | undefined, b: MergedSpan['parts'][number]): number {
  const base = (p: MergedSpan['parts'][number] | undefined): number => Math.max(...baselinesOf(p?.chunks ?? []));
  return base(b) - base(a);
}

/**
 * The line pitch: the median step, unless a shorter step recurs (two lines of one cell already
 * show the pitch, while a page holding a repeated header and one long cell has as many steps
 * between paragraphs as between lines).
 */
function linePitch(steps: readonly number[]): number {
  const mid = median(steps);
  const shorter = steps.filter((a) => a < mid - 0.5 && steps.filter((b) => Math.abs(a - b) <= 0.3).length >= 2);
  return shorter.length > 0 ? Math.min(...shorter) : mid;
}

/**
 * Steps from each line to the next line below with text over the same x (the next line of the
 * same column), lines of one baseline only. Steps between consecutive lines of the page mix in rows and paragraph breaks of
 * other columns and lines of cells set at other heights, which over few lines (a repeated header
 * and one long cell) can outnumber the lines of a cell.
 */
function columnSteps(lines: readonly TextLine[], step: (a: TextLine, b: TextLine) => number): number[] {
  // A line gathered from cells set at different heights has no one baseline to step from.
  const level = lines.filter((l) => {
    const bases = baselinesOf(l.chunks);
    return Math.max(...bases) - Math.min(...bases) <= 0.5;
  });
  const out: number[] = [];
  level.forEach((a, i) => {
    const below = level.slice(i + 1, i + 6).find((b) => b.chunks.some((c) => a.chunks.some((d) => c.x0 < d.x1 && d.x0 < c.x1)));
    if (below) out.push(step(a, below));
  });
  return out;
}

/**
 * Columns from whitespace corridors, joining columns that never share a line and columns only the
 * header starts text in. On a page of a table that other pages measured, where one cell runs on
 * alone under the repeated header, those joins would take the header's columns away: the columns
 * before a join are kept when they are the other pages' columns.
 */
function streamEdges(lines: readonly TextLine[], pitch: number, em: number, rowGaps: readonly RowGapEvidence[] | undefined): number[] {
  const raw = columnEdges(lines);
  const merged = mergeDisjointColumns(lines, raw);
  const dropped = dropHeaderOnlyColumns(lines, merged);
  if (!rowGaps || rowGaps.length === 0) return dropped;
  const own = [dropped, merged, raw].find((e) => borrowedGap(rowGaps, pitch, e, em) !== undefined);
  const finer = finerColumns(rowGaps, dropped, em, lines);
  if (finer) return fitColumns(lines, finer.edges, finer.textStarts);
  const chosen = own ?? dropped;
  const known = knownEdges(rowGaps, pitch, chosen, em);
  return known ? cleanerEdges(lines, chosen, known) : chosen;
}

/** A phrase reaching over `x` by more than half a point on either side. */
const crosses = (c: Chunk, x: number): boolean => c.x0 < x - 0.5 && c.x1 > x + 0.5;

/**
 * A page with few lines of the table (its header and the first lines of one long cell) places a
 * boundary in the middle of a wide corridor, which a left-aligned cell's first line can start
 * left of (under a centred header word). The same table on another page, with more lines, placed
 * it better: each boundary there is taken where fewer of this page's phrases cross it.
 */
function cleanerEdges(lines: readonly TextLine[], edges: readonly number[], known: readonly number[]): number[] {
  const chunks = lines.flatMap((l) => l.chunks);
  const crossing = (x: number): number => chunks.filter((c) => crosses(c, x)).length;
  return edges.map((x, i) => {
    const k = known[i];
    return i > 0 && i < edges.length - 1 && k !== undefined && crossing(k) < crossing(x) ? k : x;
  });
}

/**
 * The columns of a table measured on another page that this page's columns coarsen or misplace
 * (the name is for the common case, where they are finer than this page's): the same font
 * size, the text inside their extent, and every column boundary found here on one of theirs:
 * within two ems, or with no ink between the two (a boundary is the middle of a whitespace
 * corridor, and a page whose column in between stays empty finds one wide corridor where the
 * table has two boundaries). A page where some columns stay empty, or where two neighbours never
 * leave a corridor between them, finds fewer boundaries than the table has. A boundary of this
 * page's own inside one of their columns (a list indented inside a cell) is no column of the
 * table where every phrase of the page sits inside one of their columns and some boundary found
 * here is theirs. That holds too where this page finds as many boundaries as they have, one of
 * them such an indent and two of their columns run together (a header broken over lines whose
 * words never share a line); where it finds as many, all of them theirs, its own stand. It holds
 * with fewer columns than this page found where each boundary found here and not theirs is such an
 * indent: phrases cross it and one side of it holds no phrase of its own. Of
 * several that fit, the finest: a page that ran two columns together measured its gap too. (The
 * font size, not the line pitch: a page of two or three rows has too few line steps for a steady
 * pitch.)
 */
function finerColumns(rowGaps: readonly RowGapEvidence[], edges: readonly number[], em: number, lines: readonly TextLine[]): RowGapEvidence | undefined {
  const slack = 2 * em;
  const first = edges[0] ?? 0;
  const last = edges[edges.length - 1] ?? 0;
  const chunks = lines.flatMap((l) => l.chunks);
  const clear = (a: number, b: number): boolean => !chunks.some((c) => c.x0 < Math.max(a, b) && c.x1 > Math.min(a, b));
  const fits = (k: RowGapEvidence): boolean => {
    if (Math.abs(k.em - em) > 0.05 * em) return false;
    if (first < (k.edges[0] ?? 0) - slack || last > (k.edges[k.edges.length - 1] ?? 0) + slack) return false;
    const inner = k.edges.slice(1, -1);
    const own = edges.slice(1, -1);
    const near = (x: number): boolean => inner.some((y) => Math.abs(x - y) <= slack);
    const matched = own.map((x) => near(x) || inner.some((y) => clear(x, y)));
    // As many boundaries, all of them near theirs, is the table's own columns found again. One
    // that is theirs only across white (a corridor wider on this page, whose column's text never
    // reaches as far here) is theirs too: this page would not take their row gap by itself.
    if (matched.every(Boolean)) return k.edges.length > edges.length || !own.every(near);
    // Fewer columns than this page found only where each boundary of its own that is not theirs
    // has phrases across it and, on one side, no phrase of its own (a header centred over a list
    // indented in its cell): a column of the table that their page ran together with its
    // neighbour holds phrases of its own on this one, as its neighbour does.
    const within = (a: number, b: number): boolean => chunks.some((c) => c.x0 >= a - 0.5 && c.x1 <= b + 0.5);
    const indent = (x: number, i: number): boolean =>
      chunks.some((c) => crosses(c, x)) && (!within(edges[i] ?? x, x) || !within(x, edges[i + 2] ?? x));
    if (k.edges.length < edges.length && !own.every((x, i) => matched[i] || indent(x, i))) return false;
    const inside = (c: Chunk): boolean => k.edges.some((e, j) => j + 1 < k.edges.length && c.x0 >= e - em / 2 && c.x1 <= (k.edges[j + 1] ?? e) + em / 2);
    // Two cells' phrases run together count as the two they are in their columns; a heading
    // centred over several of their columns (a header cell spanning them) is theirs too.
    return matched.some(Boolean) && chunks.flatMap((c) => splitAtEdges(c, k.edges)).every((c) => inside(c) || centredOver(c, k.edges));
  };
  // The finest that fits (the first of those, in the document's order): a page that merged two
  // columns measured its gap too. The finest are tried first, so the search stops at the first fit.
  return [...rowGaps].sort((a, b) => b.edges.length - a.edges.length).find(fits);
}

/**
 * A cell centred in a row beside shorter cells starts higher than they do: its first line sits on
 * the last line of the row above, less than a line pitch above the row's start, and its text runs
 * on into the row at line spacing. Such a span (text begun after a gap, on the line just before a
 * row start, continued on that start line) is moved into the row it runs on in.
 */
function earlyCentredCells(
  placed: LineCells[],
  rows: LineCells[][],
  rowOfLine: readonly number[],
  gapStarted: ReadonlySet<number>,
  flow: ReadonlyMap<LineCells['spans'][number], SpanFlow>,
  pitch: number,
): void {
  for (let i = 0; i + 1 < placed.length; i++) {
    const cur = placed[i];
    const next = placed[i + 1];
    const r = rowOfLine[i] ?? 0;
    const rn = rowOfLine[i + 1] ?? 0;
    if (!cur || !next || rn !== r + 1 || !gapStarted.has(rn)) continue;
    if (Math.min(next.line.baseline - cur.line.baseline, next.line.top - cur.line.top) >= 0.8 * pitch) continue;
    const early = cur.spans.filter((sp) => flow.get(sp)?.kind === 'start' && next.spans.some((n) => flow.get(n)?.kind === 'continue' && flow.get(n)?.above === sp));
    // Only a cell of its own: the line's other text stays in the row above.
    if (early.length === 0 || early.length === cur.spans.length) continue;
    cur.spans = cur.spans.filter((sp) => !early.includes(sp));
    rows[rn]?.unshift({ line: cur.line, spans: early });
  }
}

/**
 * A phrase under a row's first line that is in the same row: in columns where that line has no
 * text, or that line's next line in its own columns (a line pitch below it, to a fifth).
 */
function nextLineOrBeside(head: LineCells, sp: LineCells['spans'][number], pitch: number): boolean {
  const over = head.spans.filter((p) => sp.c0 <= p.c1 && p.c0 <= sp.c1);
  if (over.length === 0) return true;
  const step = Math.min(...baselinesOf(sp.chunks)) - Math.max(...over.flatMap((p) => baselinesOf(p.chunks)));
  return Math.abs(step - pitch) <= 0.2 * pitch;
}

/**
 * A line that leaves the first column empty is still a record of its own, not the wrapped tail of
 * the row above, when in two or more columns (the last one aside, whose right limit is unknown)
 * the line above had room for this line's first word before the next column's text begins: text
 * breaks there by choice, not because the column was full.
 */
function recordLine(prev: LineCells, cur: LineCells, nextStart: readonly number[], em: number, reach?: readonly number[]): boolean {
  let forced = 0;
  for (const span of cur.spans) {
    if (span.c0 !== span.c1 || span.c0 + 1 >= nextStart.length) continue;
    if (roomAbove(prev, span, nextStart, em, reach) !== true) return false;
    forced++;
  }
  return forced >= 2;
}

/**
 * Whether the line above, in the span's column, had room for the span's first word before the next
 * column's text begins (true: the text broke there by choice), or not (false: the word wrapped for
 * want of room); undefined when the column has no text on the line above or no known right limit.
 */
function roomAbove(prev: LineCells, span: LineCells['spans'][number], nextStart: readonly number[], em: number, reach?: readonly number[]): boolean | undefined {
  const above = prev.spans.find((p) => p.c0 === span.c0 && p.c1 === span.c1);
  const first = span.chunks[0];
  const limit = nextStart[span.c0 + 1];
  if (!above || !first || limit === undefined || !Number.isFinite(limit)) return undefined;
  const end = Math.max(...above.chunks.map((c) => c.x1));
  const run = first.runs[0];
  const head = run?.firstWordX1 !== undefined ? run.firstWordX1 - run.x0 : ((first.x1 - first.x0) * (first.text.split(/\s+/u)[0]?.length ?? 0)) / Math.max(1, first.text.length);
  // Padded cells: the padding is unknown, but text is known to reach as far as the column's
  // widest line; room short of that is room the line had.
  const room = reach === undefined ? limit - em : Math.min(limit - em, reach[span.c0] ?? limit - em);
  return end + 0.25 * first.fontSize + head < room;
}

/**
 * A first-column label set vertically in the middle of its group ("1991" beside "Men", "Women",
 * "Total") spans the group: as many rows above as below that leave the first column empty and
 * have a sub-label in the second column, provided it does sit in their middle (to half a line):
 * a label set at the top of its own row (a goal's title beside its first measure) only looks
 * centred where the rows around it happen to be alike.
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
    const group = cells.filter((c) => c.row >= label.row - k && c.row <= label.row + k);
    const middle = (Math.min(...group.map((c) => c.box.top)) + Math.max(...group.map((c) => c.box.bottom))) / 2;
    const lineHeight = (label.box.bottom - label.box.top) / Math.max(1, label.lines.length);
    if (Math.abs((label.box.top + label.box.bottom) / 2 - middle) > lineHeight / 2) continue;
    label.row -= k;
    label.rowSpan = 2 * k + 1;
    for (let r = label.row; r < label.row + label.rowSpan; r++) claimed.add(r);
  }
}

interface MergedSpan {
  c0: number;
  c1: number;
  /** Rows the cell covers, when its text runs on into the rows below. */
  rowSpan?: number;
  parts: { line: number; chunks: Chunk[] }[];
}

/**
 * A cell whose text already runs over a column boundary is a merged cell, but its text (left
 * aligned, not wrapped) need not reach its right edge. Empty columns between it and the next cell
 * of the row are taken into it: without rules, nothing else can have left them empty.
 */
function widenSpans(spans: MergedSpan[]): void {
  for (let i = 0; i + 1 < spans.length; i++) {
    const span = spans[i];
    const next = spans[i + 1];
    if (span && next && span.c1 > span.c0 && next.c0 > span.c1 + 1) span.c1 = next.c0 - 1;
  }
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


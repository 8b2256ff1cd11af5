import { median, type LineCells } from './stream-columns.ts';
import { baselinesOf } from './text-lines.ts';
import { lineGeometry } from './line-geometry.ts';

/**
 * Rows of a borderless table whose cells are padded: the text of each column is followed down the
 * page, and a row starts where several columns start new text together after a gap wider than the
 * table's line spacing. A column whose text runs on at line spacing across such a start is a cell
 * spanning rows (a goal beside its measures), not the start of a row of its own.
 */

type Span = LineCells['spans'][number];

/**
 * Where, between the line pitch and the shortest row step, a step stops being the next line of a
 * cell: halfway. The shortest row step is often that of a row cut by a page break, which starts
 * the next page with no padding above it (pitch plus one padding, not two).
 */
const CUT_ROW_SHARE = 0.5;

export interface SpanFlow {
  /** `fresh`: nothing above in its columns; `start`: text above, but a gap away; `continue`: the next line of the text above. */
  kind: 'fresh' | 'start' | 'continue';
  /** The nearest span above in the same columns, if any. */
  above?: Span;
  /** Baseline step from that span. */
  step: number;
}

const FIGURES = /^[-−+(]?[\d.,\s%]+\)?$/u;

function isFigures(span: Span): boolean {
  return span.chunks.every((c) => FIGURES.test(c.text));
}

/**
 * Whether the first word of `s` would have fitted after the text of `above` on its line, up to
 * `reach` (the furthest its column's text goes), with the narrowest word space a font sets (a
 * fifth of an em): a word that would not fit wrapped for want of room.
 */
function fitsAfter(above: Span, s: Span, reach: number): boolean {
  const head = lineGeometry(s.chunks);
  const end = above.chunks[above.chunks.length - 1];
  if (!head || !end) return true;
  return end.x1 + 0.2 * head.fontSize + head.headWidth <= reach + 0.5;
}

/** Baseline of a span: that of its first text run. */
export function spanBaseline(span: Span): number {
  return span.chunks[0]?.runs[0]?.baseline ?? span.chunks[0]?.bottom ?? 0;
}

/**
 * How each span relates to the text above it in its columns. A step up to `limit` is the next
 * line of the same text; lines set side by side at slightly different heights (cells of different
 * vertical alignment gathered into one line) are not "above".
 */
export function columnFlow(placed: readonly LineCells[], pitch: number, limit: number): Map<Span, SpanFlow> {
  const flow = new Map<Span, SpanFlow>();
  // How far the text of each column span reaches: a word that would have fitted after the text
  // above did not wrap there.
  const reach = new Map<string, number>();
  for (const lc of placed) for (const s of lc.spans) reach.set(`${s.c0}-${s.c1}`, Math.max(reach.get(`${s.c0}-${s.c1}`) ?? 0, ...s.chunks.map((c) => c.x1)));
  placed.forEach((cur, i) => {
    for (const s of cur.spans) {
      const base = spanBaseline(s);
      let above: Span | undefined;
      let aboveLine: LineCells | undefined;
      let aboveBase = Number.NEGATIVE_INFINITY;
      for (let j = i - 1; j >= 0; j--) {
        for (const o of placed[j]?.spans ?? []) {
          if (o.c1 < s.c0 || o.c0 > s.c1) continue;
          const b = spanBaseline(o);
          if (b < base - 0.4 * pitch && b > aboveBase) {
            above = o;
            aboveLine = placed[j];
            aboveBase = b;
          }
        }
      }
      if (!above) flow.set(s, { kind: 'fresh', step: Number.POSITIVE_INFINITY });
      else {
        const step = base - aboveBase;
        // Words never wrap out of a cell of figures alone (a column number, a score): text under
        // one starts a cell of its own, here usually the rest of a row cut by the page break.
        // Unless the word under them could not have followed them on their line, beside words in
        // other cells (a measure's number alone on its line above a word too long for the rest of
        // it; a line of figures alone is a row of its own, as column numbers under a header).
        const wrapped = aboveLine !== undefined && !aboveLine.spans.every(isFigures) && !fitsAfter(above, s, reach.get(`${s.c0}-${s.c1}`) ?? 0);
        const afterFigures = isFigures(above) && !isFigures(s) && !wrapped;
        flow.set(s, { kind: step <= limit && !afterFigures ? 'continue' : 'start', above, step });
      }
    }
  });
  return flow;
}

/**
 * Row starts (line indexes) of a table whose rows are set apart by a gap, or undefined when its
 * rows are not: then each column's steps are all the line pitch and only the text itself (an empty
 * first column, a lower-case start) can tell a wrapped cell from a new row.
 *
 * The gap is measured, not assumed: lines where two or more columns start text at once after a
 * step clearly longer than the pitch are row starts, and the smallest step among them is the row
 * step. A step inside a cell is at most the commonest paragraph step, when paragraph breaks recur
 * (one column starting after a gap while others run on beside it), or else less than halfway
 * from the pitch to the row step.
 */
export function gappedRowStarts(placed: readonly LineCells[], pitch: number, borrowed?: BorrowedGap): GappedRows | undefined {
  const reading = readRowGaps(placed, pitch, borrowed);
  return reading.kind === 'gapped' ? reading : undefined;
}

export interface GappedRows {
  kind: 'gapped';
  starts: Set<number>;
  flow: Map<Span, SpanFlow>;
  /** Row and paragraph steps this page measured on its own (undefined when borrowed). */
  measured?: BorrowedGap;
}

/** A table's row step (shortest step where several columns start together) and paragraph step inside cells. */
export interface BorrowedGap {
  rowStep: number;
  /** The usual step between rows (median of the row steps): padding below and above. */
  usualRowStep: number;
  para?: number;
}

/**
 * `gappedRowStarts` with the reason when there are no gapped rows: `single-spaced` (too few lines),
 * or `unmeasured` (lines all on one pitch grid, or too few row starts to measure the gap: one
 * tall row under a header, the rest of a row cut by the page break). An unmeasured page
 * takes `borrowed`, the steps its table measured on the document's other pages, when given; a
 * single column starting alone after a gap on this page (the rest of a row cut by the page break,
 * under the repeated header) still counts as a row step, as it is often the shortest.
 */
export function readRowGaps(placed: readonly LineCells[], pitch: number, borrowed?: BorrowedGap): GappedRows | { kind: 'single-spaced' } | { kind: 'unmeasured'; steps?: RowStepTally } {
  if (placed.length < 3 || !(pitch > 0)) return { kind: 'single-spaced' };
  // Lines on one pitch grid may still be padded rows: one row filling the page under its header
  // shows no gap. The table's other pages tell, when it has some. Such a page keeps for them only
  // the starts of body rows set off the grid (a header set apart over single-spaced rows, or a
  // blank line between them, measures no row gap).
  const grid = onOneGrid(placed, pitch) && !borrowed;
  const offGrid = (step: number): boolean => Math.abs(step / pitch - Math.round(step / pitch)) > 0.1;
  const loose = columnFlow(placed, pitch, 1.1 * pitch + 0.5);
  const rowSteps: number[] = [];
  // Steps of paragraph breaks inside a cell: one column starts after a gap while others run on
  // at line spacing beside it, which no row start does (bar cells spanning rows, which are rare
  // and sit at the table's left, not beside a wider gap in a column to their left).
  const paraSteps = new Map<number, number>();
  let together = 0;
  // Of those, rows starting right under the header (with less padding when cut by the page break).
  let underHead = 0;
  // The text of the table's first band: each column's first text and the lines running on from it,
  // down to the first text set a gap below other text (a column's first text lower down, beside a
  // row that starts there, is that row's).
  const firstStart = placed.find((lc) => lc.spans.some((s) => loose.get(s)?.kind === 'start'));
  const startBaseline = firstStart ? firstStart.line.baseline : Number.POSITIVE_INFINITY;
  const firstBand = new Set<Span>();
  for (const cur of placed) {
    for (const s of cur.spans) {
      const f = loose.get(s);
      if ((f?.kind === 'fresh' && cur.line.baseline < startBaseline - 0.5) || (f?.kind === 'continue' && f.above && firstBand.has(f.above))) firstBand.add(s);
    }
  }
  // A header is set across the table: its first band (before any text starts after a gap) has text
  // in most columns. The rest of a row cut by the page break, on a page printed without the header,
  // fills a column or two.
  const bandColumns = new Set<number>();
  for (const lc of placed) for (const s of lc.spans) if (firstBand.has(s)) for (let c = s.c0; c <= s.c1; c++) bandColumns.add(c);
  const columns = Math.max(0, ...placed.flatMap((lc) => lc.spans.map((s) => s.c1 + 1)));
  const headerBand = bandColumns.size >= columns / 2;
  const loneSteps: number[] = [];
  // Row steps where nothing ran on beside the columns that started: paragraph or list breaks that
  // happen to fall on one line in two cells, while a third runs on, do not measure the row gap.
  const clearSteps: number[] = [];
  const loneParaSteps: number[] = [];
  // Row starts of one column after a gap beside columns beginning fresh (kept for pooling).
  const beside: number[] = [];
  placed.forEach((cur, i) => {
    if (i === 0) return;
    const fl = cur.spans.map((s) => loose.get(s));
    const st = fl.filter((f): f is SpanFlow => f?.kind === 'start');
    const going = fl.filter((f) => f?.kind === 'continue').length;
    // Cells set at different heights print one line as several here: a column whose text runs on
    // less than a pitch above or below this line runs on beside it as much as one on it.
    const apart = (s: Span): boolean => cur.spans.every((t) => s.c1 < t.c0 || s.c0 > t.c1);
    const runsBeside =
      going > 0 || placed.some((lc) => lc !== cur && Math.abs(lc.line.baseline - cur.line.baseline) < pitch && lc.spans.some((s) => loose.get(s)?.kind === 'continue' && apart(s)));
    // Text beginning in columns empty above it on the page, below the first band, beside one
    // column starting after a gap: a row begins there (the rest of a cut row ran on in one column
    // and the next row fills the others), not a paragraph in that column.
    const freshBeside = cur.spans.some((s) => loose.get(s)?.kind === 'fresh' && !firstBand.has(s));
    const underHeader = (f: SpanFlow): boolean => f.above !== undefined && firstBand.has(f.above) && headerBand;
    // One column starting alone under the table's first band when that is a header (the rest of a
    // row cut by the page break, under the repeated header) is a row step; elsewhere, alone in the
    // one column still running, a paragraph step.
    if (st.length === 1 && !runsBeside && st[0]?.above) {
      if (freshBeside) {
        if (!underHeader(st[0]) && (!grid || offGrid(st[0].step))) beside.push(st[0].step);
      } else if (underHeader(st[0])) {
        if (!grid) loneSteps.push(st[0].step);
      } else loneParaSteps.push(st[0].step);
    }
    if (st.length === 1 && runsBeside && st[0]) countStep(paraSteps, st[0].step);
    if (st.length < 2) return;
    if (grid && (st.some(underHeader) || !offGrid(Math.min(...st.map((f) => f.step))))) return;
    together++;
    if (st.some(underHeader)) underHead++;
    // The column whose text ran lowest in the row above measures the gap between the rows.
    rowSteps.push(Math.min(...st.map((f) => f.step)));
    if (going === 0) clearSteps.push(Math.min(...st.map((f) => f.step)));
  });
  let own: BorrowedGap | undefined;
  let limit: number;
  let usualRowStep: number;
  let shortest: number;
  const tally: RowStepTally = { together, rowSteps, clearSteps, loneSteps, paraSteps, loneParaSteps, pitch };
  // What a page that measures nothing alone keeps for pooling: its starts, those beside fresh
  // columns among them.
  const pooled = (): { kind: 'unmeasured'; steps?: RowStepTally } =>
    together + beside.length >= 1 ? { kind: 'unmeasured', steps: beside.reduce(withRowStep, tally) } : { kind: 'unmeasured' };
  if (grid) return pooled();
  // A page whose rows start together only once below the header measures its row gap from that
  // once, which may be two paragraphs beginning on one line beside a cell running on: the gap the
  // table's other pages measured, when there are some, is the surer.
  if (together >= 2 && !(borrowed && together - underHead < 2)) {
    own = gapOfTally(tally);
    limit = gapLimit(own, pitch);
    usualRowStep = own.usualRowStep;
    shortest = own.rowStep;
  } else if (borrowed) {
    // Nor does a row start here closer than a cut row of that table would: two paragraphs that
    // begin on one line a paragraph's step down measure no row step.
    const rowStep = Math.min(borrowed.rowStep, ...cutRowSteps([...rowSteps, ...loneSteps], borrowed.usualRowStep, pitch));
    const para = recurringPara(withLone(tally, rowStep), borrowed.usualRowStep) ?? borrowed.para;
    limit = gapLimit({ rowStep, usualRowStep: borrowed.usualRowStep, ...(para === undefined ? {} : { para }) }, pitch);
    usualRowStep = borrowed.usualRowStep;
    shortest = rowStep;
  } else return pooled();
  const flow = columnFlow(placed, pitch, limit);
  // Heading text does not run on into the text under it in another weight (bold heads over
  // regular cells), however close below: where paragraph breaks are as wide as the row gap, the
  // step alone cannot tell the first row from the heading's next paragraph.
  const bold = (sp: Span): boolean => sp.chunks.every((c) => c.bold);
  for (const [sp, f] of flow) if (f.kind === 'continue' && f.above && firstBand.has(f.above) && bold(f.above) !== bold(sp)) flow.set(sp, { ...f, kind: 'start' });
  // Nor in the same weight when, on the same line, other columns start under the heading by the
  // same step: the heading ended there, and the step that reads as a line pitch in one column
  // (rounded to a device pixel) is the first row's in the others.
  for (const cur of placed) {
    const under = cur.spans.map((sp) => [sp, flow.get(sp)] as const).filter(([, f]) => f?.above !== undefined && firstBand.has(f.above));
    const startSteps = under.filter(([, f]) => f?.kind === 'start').map(([, f]) => f?.step ?? Number.NaN);
    if (startSteps.length === 0) continue;
    for (const [sp, f] of under) if (f?.kind === 'continue' && startSteps.some((st) => Math.abs(st - f.step) < 0.15 * pitch)) flow.set(sp, { ...f, kind: 'start' });
  }
  // Paragraph steps seen inside one cell of this table (one column starting after a gap, no other
  // starting beside it), and those its other pages measured.
  const paraSeen = [...loneParaSteps, ...paraSteps.keys(), ...[borrowed?.para, own?.para].filter((p): p is number => p !== undefined)];
  // The line under each span that goes on with its text.
  const goesOnIn = new Map<Span, number>();
  for (const lc of placed) {
    for (const sp of lc.spans) {
      const f = flow.get(sp);
      if (f?.kind === 'continue' && f.above) goesOnIn.set(f.above, lc.line.baseline);
    }
  }
  // First-band text running on past a line is no header ending above it: rows start under a
  // header, not beside it.
  const bandEndsAbove = (sp: Span, cur: LineCells): boolean => firstBand.has(sp) && !((goesOnIn.get(sp) ?? Number.NEGATIVE_INFINITY) > cur.line.baseline);
  const starts = new Set<number>([0]);
  placed.forEach((cur, i) => {
    if (i === 0) return;
    const kinds = cur.spans.map((s) => flow.get(s)?.kind);
    // Text with nothing above it in its column (header cells of different heights, centred
    // against each other) starts no row: only text set a gap below other text does.
    const begun = kinds.filter((k) => k === 'start').length;
    const going = kinds.filter((k) => k === 'continue').length;
    // Several cells begin together: a row, whatever runs on beside them (cells spanning rows).
    // One cell beginning after a row gap with nothing running on beside it: a row with one cell
    // filled on its first line.
    // But below the one column still running, a row would start the usual row step down (every
    // row of the table is set apart by the same padding); a gap clearly wider or narrower (a
    // list's or a paragraph's margin inside a long cell) is spacing inside that cell. Under the
    // table's first band a row cut by the page break starts with less padding.
    // Nor does a row start closer below the previous line than rows are set apart when that line
    // is another column's, still running beside this one's text above (a list's margin inside a
    // long cell). Text right under its own column's line is spacedInCell's to judge, and the
    // first row under the table's first band (the header) starts with less padding.
    // The line before, not another part of this printed line.
    const prev = placed[firstPart(placed, i) - 1];
    const above = cur.spans.map((s) => flow.get(s)).find((f) => f?.kind === 'start')?.above;
    const tooClose =
      prev !== undefined &&
      above !== undefined &&
      !prev.spans.includes(above) &&
      !firstBand.has(above) &&
      !prev.spans.some((s) => bandEndsAbove(s, cur)) &&
      cur.line.baseline - prev.line.baseline < shortest - 0.15 * pitch;
    const lone = begun === 1 && going === 0 && !tooClose && !spacedInCell(cur, prev, flow, usualRowStep, 0.15 * pitch, firstBand);
    if ((begun >= 2 && !paragraphsBeside(cur, flow, { usualRowStep, pitch, firstBand, paraSeen })) || lone) starts.add(i);
  });
  // One printed line can come as several lines here (its phrases gathered apart): a row starting
  // on it starts at its first part, or the parts before (text fresh in its columns, which starts
  // no row of itself) stay in the row above.
  for (const i of [...starts].sort((a, b) => a - b)) {
    const j = firstPart(placed, i);
    if (j < i) {
      starts.delete(i);
      starts.add(j);
    }
  }
  return { kind: 'gapped', starts, flow, ...(own ? { measured: own } : {}) };
}

/**
 * Cells beginning together on `cur` beside a column that runs on at line spacing (a cell spanning
 * rows, or one long cell), all nearer the line pitch below their own text than the row step:
 * paragraph breaks that fall on one line in two cells. A row beside a spanning cell begins at
 * least a whole row step below the lowest text above it (its cells' padding below and above), and
 * each of its cells at least that far below its own column's text. Under the table's first band,
 * when that is the header, a row cut by the page break starts with less padding: that band is
 * left alone.
 */
function paragraphsBeside(cur: LineCells, flow: ReadonlyMap<Span, SpanFlow>, { usualRowStep, pitch, firstBand, paraSeen }: BesideEvidence): boolean {
  const fl = cur.spans.map((s) => flow.get(s));
  if (!fl.some((f) => f?.kind === 'continue')) return false;
  // Text running on at line spacing out of the first band shows that band to be no header (a
  // header is set apart from the rows under it): it is the rest of a row cut by the page break.
  const bodyBand = fl.some((f) => f?.kind === 'continue' && f.above !== undefined && firstBand.has(f.above));
  const begun = fl.filter((f): f is SpanFlow => f?.kind === 'start');
  // A paragraph's margin as wide as a cell's padding or wider still falls short of a row step:
  // the step a paragraph break inside one cell of the table shows is one here too.
  const paragraphStep = (step: number): boolean =>
    step - pitch < (usualRowStep - pitch) / 2 || (step < usualRowStep - 0.1 * pitch && paraSeen.some((p) => Math.abs(p - step) < 0.1 * pitch));
  return begun.every((f) => f.above !== undefined && (bodyBand || !firstBand.has(f.above)) && paragraphStep(f.step));
}

interface BesideEvidence {
  usualRowStep: number;
  pitch: number;
  firstBand: ReadonlySet<Span>;
  /** Paragraph steps seen inside one cell of the table. */
  paraSeen: readonly number[];
}

/**
 * The one starting span of `cur` goes on with its column's text (the text above it is on the line
 * just before, not in the table's first band): an indented list going on inside the cell,
 * whatever its margin (a new row's cell starts at the column's edge), or, when the column ran on
 * alone and the span stays inside it, a step that differs from the usual row step by more than
 * `tolerance`.
 */
function spacedInCell(cur: LineCells, prev: LineCells | undefined, flow: ReadonlyMap<Span, SpanFlow>, usualRowStep: number, tolerance: number, firstBand: ReadonlySet<Span>): boolean {
  const start = cur.spans.find((s) => flow.get(s)?.kind === 'start');
  const f = start === undefined ? undefined : flow.get(start);
  if (start === undefined || f?.above === undefined || prev === undefined || firstBand.has(f.above) || !prev.spans.includes(f.above)) return false;
  // A list stays inside its column, indented from the words above it (a line of column numbers
  // under the header is no list's lead-in); a label set level with the column after a gap (a
  // group label under a single-line row) is a row.
  const x0 = (sp: Span): number => sp.chunks[0]?.x0 ?? 0;
  const indented = x0(start) > x0(f.above) + 0.5 * (start.chunks[0]?.fontSize ?? 0);
  if (indented && start.c0 >= f.above.c0 && start.c1 <= f.above.c1 && !isFigures(f.above)) return true;
  // Text reaching into columns beside the one running on is no paragraph of that column's cell:
  // a cell's text stays inside it (a group row spanning the table under a cell cut by the page).
  const inside = start.c0 >= f.above.c0 && start.c1 <= f.above.c1;
  const alone = prev.spans.length === 1;
  return alone && inside && Math.abs(f.step - usualRowStep) > tolerance;
}

/**
 * The steps one page of a borderless table shows: where several columns start together
 * (`rowSteps`, and `clearSteps` where nothing ran on beside them), one column alone under a header
 * (`loneSteps`), paragraph breaks inside cells (`paraSteps`, step → count, and `loneParaSteps`).
 * A page showing one row start measures nothing alone; the document pools such pages of one
 * table (row-gap-evidence.ts) where a tall row leaves one start on each page.
 */
export interface RowStepTally {
  together: number;
  rowSteps: number[];
  clearSteps: number[];
  loneSteps: number[];
  paraSteps: Map<number, number>;
  loneParaSteps: number[];
  pitch: number;
}

/** A tally of no steps. */
export function emptyTally(pitch: number): RowStepTally {
  return { together: 0, rowSteps: [], clearSteps: [], loneSteps: [], paraSteps: new Map(), loneParaSteps: [], pitch };
}

/** The tally with one more row start, nothing running on beside it. */
export function withRowStep(t: RowStepTally, step: number): RowStepTally {
  return { ...t, together: t.together + 1, rowSteps: [...t.rowSteps, step], clearSteps: [...t.clearSteps, step] };
}

/** The tallies of several pages of one table as one. */
export function pooledTally(tallies: readonly RowStepTally[], pitch: number): RowStepTally {
  const paraSteps = new Map<number, number>();
  for (const t of tallies) for (const [k, n] of t.paraSteps) paraSteps.set(k, (paraSteps.get(k) ?? 0) + n);
  return {
    together: tallies.reduce((n, t) => n + t.together, 0),
    rowSteps: tallies.flatMap((t) => t.rowSteps),
    clearSteps: tallies.flatMap((t) => t.clearSteps),
    loneSteps: tallies.flatMap((t) => t.loneSteps),
    loneParaSteps: tallies.flatMap((t) => t.loneParaSteps),
    paraSteps,
    pitch,
  };
}

/** The row and paragraph steps of a tally of two row starts or more. */
export function gapOfTally(t: RowStepTally): BorrowedGap {
  // The rest of a row cut by the page break, alone under the header, is the shortest row step
  // too (one padding above it, not two): it bounds the header's own line steps.
  const measured = t.clearSteps.length > 0 ? t.clearSteps : t.rowSteps;
  const cut = Math.min(...measured, ...(measured.length > 0 ? cutRowSteps(t.loneSteps, median(measured), t.pitch) : t.loneSteps));
  return { ...measuredGap(measured, withLone(t, cut)), rowStep: cut };
}

/**
 * The lone steps that can be a row cut by the page break under a header: such a row goes on
 * without the padding above its text, so it starts one padding, half of what a full row step adds
 * to the line pitch, less far down than a row does (to within 0.15 of a pitch). A lone step much
 * shorter is a paragraph under a band of body text taken for a header (a row at the top of a page
 * of a table whose header is printed once), and would make every paragraph break a row.
 */
function cutRowSteps(loneSteps: readonly number[], usualRowStep: number, pitch: number): number[] {
  return loneSteps.filter((step) => step - pitch >= (usualRowStep - pitch) / 2 - 0.15 * pitch);
}

/**
 * Paragraph steps, with those of a column running on alone: such a step is a paragraph step when
 * clearly shorter than the shortest row step (a row of one cell would be set a row step apart).
 */
function withLone(t: RowStepTally, rowStep: number): Map<number, number> {
  const steps = new Map(t.paraSteps);
  for (const step of t.loneParaSteps) if (step < rowStep - 0.1 * t.pitch) countStep(steps, step);
  return steps;
}

function countStep(steps: Map<number, number>, step: number): void {
  const k = Math.round(step * 4) / 4;
  steps.set(k, (steps.get(k) ?? 0) + 1);
}

/**
 * The widest paragraph step that recurs below the usual row step: spacing after a paragraph and
 * after a list differ, and every recurring one is spacing inside a cell.
 */
function recurringPara(paraSteps: ReadonlyMap<number, number>, usualRowStep: number): number | undefined {
  const recurring = [...paraSteps].filter(([k, n]) => n >= 2 && k < usualRowStep).map(([k]) => k);
  return recurring.length > 0 ? Math.max(...recurring) : undefined;
}

/**
 * A page's row and paragraph steps, from the steps where several columns started together
 * (`rowSteps`) and the paragraph steps inside cells (`paraSteps`, step → count).
 */
function measuredGap(rowSteps: readonly number[], paraSteps: ReadonlyMap<number, number>): BorrowedGap {
  // The smallest: a row cut by a page break, with no padding above it, has the shortest step.
  const rowStep = Math.min(...rowSteps);
  const usualRowStep = median(rowSteps);
  const para = recurringPara(paraSteps, usualRowStep);
  return para === undefined ? { rowStep, usualRowStep } : { rowStep, usualRowStep, para };
}

/**
 * The step above which text starts a new cell. The paragraph step, when known, bounds the steps
 * inside a cell from above; else halfway from the pitch to the row step.
 */
function gapLimit({ rowStep, para }: BorrowedGap, pitch: number): number {
  return para !== undefined ? para + Math.max(0.3, 0.25 * (rowStep - para)) : Math.max(1.1 * pitch + 0.5, pitch + CUT_ROW_SHARE * (rowStep - pitch));
}

/** Share of lines on the table's line grid above which its rows have no gaps of their own. */
const GRID_SHARE = 0.85;

/**
 * Lines all set on one grid of the line pitch (blank lines between groups are whole steps of it):
 * a single-spaced table, whose wider steps are empty lines, not row gaps. Padded rows shift the
 * grid at every row by the padding.
 */
export function onOneGrid(placed: readonly LineCells[], pitch: number): boolean {
  // The grid's phase is the one most lines share: a title or header line may sit off it.
  const phases = placed.map((p) => {
    const k = p.line.baseline / pitch;
    return k - Math.floor(k);
  });
  const near = (a: number, b: number): boolean => Math.min(Math.abs(a - b), 1 - Math.abs(a - b)) < 0.1;
  const on = Math.max(...phases.map((a) => phases.filter((b) => near(a, b)).length));
  return on >= GRID_SHARE * placed.length;
}

/** Two parts of one printed line: every run of both on one baseline (to half a point). */
function sameLine(a: LineCells | undefined, b: LineCells | undefined): boolean {
  if (!a || !b) return false;
  const bases = [a, b].flatMap((lc) => lc.spans.flatMap((sp) => baselinesOf(sp.chunks)));
  return Math.max(...bases) - Math.min(...bases) <= 0.5;
}

/** Where the printed line of `placed[i]` begins: the first of its parts just before it. */
function firstPart(placed: readonly LineCells[], i: number): number {
  let j = i;
  while (j > 0 && sameLine(placed[j - 1], placed[i])) j--;
  return j;
}

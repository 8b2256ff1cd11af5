import type { Box, TextRun } from './page-content.ts';
import { SPACE_SLACK } from './glyph-runs.ts';

/** A phrase: runs on one line with no column-sized gap between them. */
export interface Chunk extends Box {
  text: string;
  fontSize: number;
  bold: boolean;
  runs: TextRun[];
}

/** The baselines of the runs the phrases are made of. */
export function baselinesOf(chunks: readonly Chunk[]): number[] {
  return chunks.flatMap((c) => c.runs.map((r) => r.baseline));
}

/**
 * A cell keeps its type as it runs on: a line in the size of the text it would continue
 * (`reference`, 0 when unknown, which any size matches), to a tenth. A heading or a note next to
 * a table in a larger or smaller size is no part of a cell.
 */
export function keepsTypeSize(fontSize: number, reference: number): boolean {
  return reference <= 0 || Math.abs(fontSize - reference) <= 0.1 * reference;
}

/** Runs sharing a baseline band, across the whole page width. */
export interface TextLine extends Box {
  baseline: number;
  fontSize: number;
  chunks: Chunk[];
}

/** Gap (in em) above which two runs on a line are separate phrases. pdf.js splits items at 0.6 em. */
const CHUNK_GAP_EM = 0.5;
/** Gap (in em) above which a space is inserted between runs of one phrase. */
const SPACE_GAP_EM = 0.12;

function verticalOverlap(a: Box, b: Box): number {
  return Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
}

/** Groups runs into lines: runs whose glyph boxes overlap by half the smaller height share a line. */
export function buildLines(runs: readonly TextRun[]): TextLine[] {
  const sorted = runs.filter((r) => r.text.trim() !== '').sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: TextRun[][] = [];
  const boxes: Box[] = [];
  for (const run of sorted) {
    let placed = false;
    // Only the last few lines can still overlap a run that comes later in baseline order.
    for (let g = groups.length - 1; g >= Math.max(0, groups.length - 4); g--) {
      const box = boxes[g];
      const group = groups[g];
      if (!box || !group) continue;
      const h = Math.min(run.bottom - run.top, box.bottom - box.top);
      if (verticalOverlap(run, box) >= 0.5 * h && !group.some((o) => o.x0 < run.x1 - 0.5 && run.x0 < o.x1 - 0.5 && Math.abs(o.baseline - run.baseline) > 0.5)) {
        group.push(run);
        box.top = Math.min(box.top, run.top);
        box.bottom = Math.max(box.bottom, run.bottom);
        box.x0 = Math.min(box.x0, run.x0);
        box.x1 = Math.max(box.x1, run.x1);
        placed = true;
        break;
      }
    }
    if (!placed) {
      groups.push([run]);
      boxes.push({ x0: run.x0, x1: run.x1, top: run.top, bottom: run.bottom });
    }
  }
  const lines = groups.map(makeLine);
  lines.sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  return lines;
}

/** The runs' bounding box in one pass (lines are rebuilt many times while tables are searched). */
function runsBox(runs: readonly TextRun[]): Box {
  let x0 = Infinity;
  let x1 = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const r of runs) {
    x0 = Math.min(x0, r.x0);
    x1 = Math.max(x1, r.x1);
    top = Math.min(top, r.top);
    bottom = Math.max(bottom, r.bottom);
  }
  return { x0, x1, top, bottom };
}

function makeLine(runs: TextRun[]): TextLine {
  runs.sort((a, b) => a.x0 - b.x0);
  const fontSize = Math.max(...runs.map((r) => r.fontSize));
  // The baseline of the largest text decides; superscripts ride above it.
  const main = runs.reduce((m, r) => (r.fontSize * (r.x1 - r.x0) > m.fontSize * (m.x1 - m.x0) ? r : m));
  const chunks: Chunk[] = [];
  let cur: TextRun[] = [];
  const flush = (): void => {
    if (cur.length > 0) chunks.push(makeChunk(cur));
    cur = [];
  };
  for (const run of runs) {
    const prev = cur[cur.length - 1];
    const em = Math.max(run.fontSize, prev?.fontSize ?? 0);
    if (prev && (run.x0 - prev.x1 > CHUNK_GAP_EM * em || drawnApart(prev, run))) flush();
    cur.push(run);
  }
  flush();
  const { x0, x1, top, bottom } = runsBox(runs);
  return { x0, x1, top, bottom, baseline: main.baseline, fontSize, chunks: justified(chunks, fontSize) ? [makeChunk(runs)] : chunks };
}

/**
 * Two runs side by side that the page did not draw one right after the other (each cell's text is
 * drawn on its own) and that stand further apart than a word space of their fonts: two texts set
 * close together, such as cells with little padding, not one phrase, however narrow the gap.
 * A phrase split into runs is drawn in order, and its words stand a space apart. Drawn one right
 * after the other, they are apart where the page left a gap wider than a word space and drew no
 * space in it, in a font whose spaces it draws (`setApart`, glyph-runs.ts): two cells' texts in
 * one text object («10» | «Арга хэмжээ»).
 */
function drawnApart(a: TextRun, b: TextRun): boolean {
  if (a.order === undefined || b.order === undefined) return false;
  if (b.order === a.order + 1) return b.setApart === true;
  if (a.order === b.order + 1) return false;
  const space = Math.max(a.spaceWidth ?? 0, b.spaceWidth ?? 0);
  return (a.spaceWidth ?? 0) > 0 && (b.spaceWidth ?? 0) > 0 && b.x0 - a.x1 > SPACE_SLACK * space;
}

/** Fewest word gaps that make a line of single words read as one justified line of prose. */
const MIN_JUSTIFIED_GAPS = 3;
/** Widest word gap (em) that justification stretches a line to. */
const MAX_JUSTIFIED_GAP_EM = 1.2;

/**
 * A line of justified prose whose word spaces were stretched past the phrase gap (a short last-but-
 * one line of a paragraph, a narrow text column): every phrase one word of letters, and every gap
 * between them the same to a fraction of a point, since justification spreads the line's slack
 * evenly over its spaces. Cells side by side leave gaps that follow their texts' lengths, and
 * never all the same over several columns of words.
 */
function justified(chunks: readonly Chunk[], em: number): boolean {
  if (chunks.length < MIN_JUSTIFIED_GAPS + 1) return false;
  if (!chunks.every((c) => !/\s/u.test(c.text) && /\p{L}{2}/u.test(c.text))) return false;
  const gaps = chunks.slice(1).map((c, i) => c.x0 - (chunks[i]?.x1 ?? c.x0));
  // The slack is the same, but a bold word space is wider than a regular one: gaps in the weight
  // fewer words are set in («Ички контроль:» leading the line) are measured with a tenth of an em.
  const boldWords = chunks.filter((c) => c.bold).length;
  const minority = (c: Chunk | undefined): boolean => c !== undefined && c.bold === boldWords * 2 < chunks.length;
  const common = gaps.filter((_, i) => !minority(chunks[i]) && !minority(chunks[i + 1]));
  if (common.length < MIN_JUSTIFIED_GAPS) return false;
  const lo = Math.min(...common);
  const hi = Math.max(...common);
  const mid = (lo + hi) / 2;
  return (
    Math.max(...gaps) <= MAX_JUSTIFIED_GAP_EM * em &&
    hi - lo <= Math.max(0.25, 0.03 * em) &&
    gaps.every((g) => Math.abs(g - mid) <= 0.1 * em)
  );
}

/** A phrase from its runs (left to right): text with spaces where the runs leave a gap. */
export function makeChunk(runs: TextRun[]): Chunk {
  let text = '';
  let prev: TextRun | undefined;
  for (const run of runs) {
    if (prev) {
      const gap = run.x0 - prev.x1;
      const needsSpace = gap > SPACE_GAP_EM * Math.max(run.fontSize, prev.fontSize) && !/\s$/.test(text) && !/^\s/.test(run.text);
      if (needsSpace) text += ' ';
    }
    text += run.text;
    prev = run;
  }
  const boldChars = runs.reduce((n, r) => n + (r.bold ? r.text.length : 0), 0);
  const allChars = runs.reduce((n, r) => n + r.text.length, 0);
  const { x0, x1, top, bottom } = runsBox(runs);
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    x0,
    x1,
    top,
    bottom,
    fontSize: Math.max(...runs.map((r) => r.fontSize)),
    bold: allChars > 0 && boldChars * 2 > allChars,
    runs,
  };
}

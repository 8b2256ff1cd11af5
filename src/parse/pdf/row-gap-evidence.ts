import { median } from './stream-columns.ts';
import { gapOfTally, pooledTally, type BorrowedGap, type RowStepTally } from './stream-rows.ts';

/**
 * How a borderless table measured its row gap on one page: its line pitch, its row step and
 * paragraph step (stream-rows.ts), and its columns. A page of
 * the same table that shows no row gap of its own (one tall row under the repeated header, or the
 * rest of a row cut by the page break) borrows the step from the document's other pages: a
 * browser or word processor sets every page of one table with the same padding and spacing.
 */
export interface RowGapEvidence extends BorrowedGap {
  pitch: number;
  /** Column boundaries (cols + 1 values). */
  edges: readonly number[];
  /** Median font size of the table's lines. */
  em: number;
  /** Where each column's text starts (the leftmost cell of that column alone), where it has any. */
  textStarts?: readonly (number | undefined)[];
}

/**
 * The same table on another page: the same line pitch (to a tenth of it: pitches are medians of
 * rounded baseline steps) and the same columns, each inner boundary within two ems (a boundary is
 * the middle of a whitespace corridor, which moves with the words that happen to line the column
 * on each page).
 */
function sameTable(a: Pick<RowGapEvidence, 'pitch' | 'edges' | 'em'>, pitch: number, edges: readonly number[], em: number): boolean {
  if (a.edges.length !== edges.length || Math.abs(a.pitch - pitch) > 0.1 * pitch) return false;
  const slack = 2 * Math.max(a.em, em);
  for (let i = 1; i + 1 < edges.length; i++) if (Math.abs((a.edges[i] ?? 0) - (edges[i] ?? 0)) > slack) return false;
  return true;
}

/**
 * The row and paragraph steps the document's other pages measured for this table, or undefined
 * when no page of the same table measured them. Medians, so that one page whose paragraph breaks
 * happened to coincide in two columns (a low row step) does not decide for the rest.
 */
export function borrowedGap(known: readonly RowGapEvidence[], pitch: number, edges: readonly number[], em: number): BorrowedGap | undefined {
  const same = known.filter((k) => sameTable(k, pitch, edges, em));
  if (same.length === 0) return undefined;
  const paras = same.flatMap((k) => (k.para === undefined ? [] : [k.para]));
  const rowStep = median(same.map((k) => k.rowStep));
  const usualRowStep = median(same.map((k) => k.usualRowStep));
  // Pages whose cells hold no recurring paragraph break measure none; the others tell the step.
  return paras.length > 0 ? { rowStep, usualRowStep, para: median(paras) } : { rowStep, usualRowStep };
}

/**
 * The line pitch and row step measured for the table with these columns (any line pitch: a
 * page's table, once read, keeps only its columns), or undefined.
 */
export function tableSteps(known: readonly RowGapEvidence[], edges: readonly number[], em: number): { pitch: number; rowStep: number } | undefined {
  const same = known.filter((k) => sameTable(k, k.pitch, edges, em));
  if (same.length === 0) return undefined;
  return { pitch: median(same.map((k) => k.pitch)), rowStep: median(same.map((k) => k.rowStep)) };
}

/**
 * The columns another page measured for the same table (the first such page), or undefined.
 */
export function knownEdges(known: readonly RowGapEvidence[], pitch: number, edges: readonly number[], em: number): readonly number[] | undefined {
  return known.find((k) => sameTable(k, pitch, edges, em))?.edges;
}

/**
 * The white space between two rows of the document's borderless tables set in this type size: the
 * usual row step its pages measured (with a little slack) less a line's height. A page showing
 * one row alone has no row gap of its own to tell a row next to it from text around the table.
 * 0 when no page measured one.
 */
export function rowSeparation(known: readonly RowGapEvidence[], em: number, lineHeight: number): number {
  const steps = known.filter((k) => Math.abs(k.em - em) <= 0.05 * em).map((k) => k.usualRowStep + 0.15 * k.pitch);
  return steps.length === 0 ? 0 : Math.max(...steps) - lineHeight;
}

/**
 * The columns of `a` are some of `b`'s: the same line pitch and type size, and every inner
 * boundary of `a` within two ems of one of `b`'s (a page where some columns stay empty).
 */
function coarser(a: RowStepEvidence, b: RowStepEvidence): boolean {
  if (a.edges.length >= b.edges.length || Math.abs(a.pitch - b.pitch) > 0.1 * b.pitch || Math.abs(a.em - b.em) > 0.05 * b.em) return false;
  const slack = 2 * Math.max(a.em, b.em);
  const inner = b.edges.slice(1, -1);
  return a.edges.slice(1, -1).every((x) => inner.some((y) => Math.abs(x - y) <= slack));
}

/** The steps of one page of a borderless table that showed one row start alone (stream-rows.ts). */
export interface RowStepEvidence {
  steps: RowStepTally;
  pitch: number;
  edges: readonly number[];
  em: number;
  textStarts?: readonly (number | undefined)[];
}

/**
 * Row gaps measured over several pages together: a table of rows taller than half a page shows
 * one row start a page, which no page can measure alone, while every page of the table is set
 * with the same padding. Pages of the same table (`sameTable`) that no page measured on its own
 * pool their steps; two pages or more give the table's row gap, as two starts on one page do.
 */
export function pooledRowGaps(parts: readonly RowStepEvidence[], known: readonly RowGapEvidence[]): RowGapEvidence[] {
  const groups: RowStepEvidence[][] = [];
  // The page with the most columns first: a page whose first columns stay empty finds fewer, each
  // boundary one of the table's.
  for (const p of [...parts].sort((a, b) => b.edges.length - a.edges.length)) {
    if (known.some((k) => sameTable(k, p.pitch, p.edges, p.em))) continue;
    const group = groups.find((g) => g[0] !== undefined && (sameTable(g[0], p.pitch, p.edges, p.em) || coarser(p, g[0])));
    if (group) group.push(p);
    else groups.push([p]);
  }
  return groups.flatMap((g) => {
    const [head] = g;
    if (!head || g.length < 2) return [];
    const pitch = median(g.map((p) => p.pitch));
    const gap = gapOfTally(pooledTally(g.map((p) => p.steps), pitch));
    const textStarts = head.edges.slice(1).map((_, c) => {
      const xs = g.flatMap((p) => (p.edges.length === head.edges.length && p.textStarts?.[c] !== undefined ? [p.textStarts[c] as number] : []));
      return xs.length > 0 ? Math.min(...xs) : undefined;
    });
    return [{ ...gap, pitch, edges: head.edges, em: median(g.map((p) => p.em)), textStarts }];
  });
}

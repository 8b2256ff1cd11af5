import type { TextRun } from '../../../src/parse/pdf/page-content.ts';

/**
 * Synthetic text runs for the borderless-table tests: each run is one cell line of 10 pt text,
 * 0.5 em a letter, at a given left edge and baseline.
 */
export const FS = 10;

export function run(text: string, x0: number, baseline: number, width?: number): TextRun {
  return {
    text,
    x0,
    x1: x0 + (width ?? text.length * 0.5 * FS),
    top: baseline - 0.8 * FS,
    bottom: baseline + 0.2 * FS,
    baseline,
    fontSize: FS,
    fontName: 'F',
    bold: false,
  };
}

/** A column's cell: lines of text at `x`, from `baseline` down at `pitch`. */
export function cell(x: number, baseline: number, lines: string[], pitch = 12): TextRun[] {
  return lines.map((t, i) => run(t, x, baseline + i * pitch));
}

/**
 * One run per phrase of a printed page: each line's top and its phrases' x extents (print
 * geometry taken from a failing layout, scaled to 10 pt), named `w<top>-<phrase>`.
 */
export function phraseRuns(lines: readonly (readonly [number, readonly (readonly [number, number])[]])[]): TextRun[] {
  return lines.flatMap(([top, phrases]) => phrases.map(([x0, x1], i) => run(`w${top}-${i}`, x0, top + 0.8 * FS, x1 - x0)));
}

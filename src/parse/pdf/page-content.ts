/**
 * What the table and layout stages see of one PDF page: text runs and ruling segments in a
 * top-down coordinate system (origin at the top-left of the page, y grows downwards, units are
 * PDF points), so "above" and "before" read the same way as on paper.
 */
export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  /** Top and bottom of the glyph box (ascent/descent of the font). */
  top: number;
  bottom: number;
  baseline: number;
  fontSize: number;
  fontName: string;
  bold: boolean;
  /** Set along a slanted or vertical baseline (chart axis titles, rotated headers). */
  rotated?: boolean;
  /**
   * Where the first glyph and the first word of the run end (x), when the glyphs are known: the
   * room a word or letter needs is what tells a wrapped line from a forced break.
   */
  firstGlyphX1?: number;
  firstWordX1?: number;
  /**
   * Where the run's last word starts (x): that word and the next line's first word, measured
   * together, tell whether they could have been one word broken for want of room.
   */
  lastWordX0?: number;
  /** Widths (ems) of the run's letter words but its first, from their glyphs (see `WordWidths`). */
  wordWidths?: number[];
  /** The same for words of figures (dates, amounts). */
  figureWidths?: number[];
  /**
   * Where the run comes in the page's drawing order, and the width of a word space in its font as
   * the page draws one (0 where it draws none): two runs side by side on a line that were not
   * drawn one after the other, further apart than a word space, are two texts set close together
   * (cells with little padding), not one phrase (`text-lines.ts`).
   */
  order?: number;
  spaceWidth?: number;
  /** The run follows the one drawn before it across a gap wider than a word space with no space drawn in it. */
  setApart?: boolean;
  /** Set when the run was read by OCR: the engine's confidence in the word, 0–1 (src/ocr/). */
  ocrConfidence?: number;
}

export interface Segment {
  orientation: 'h' | 'v';
  /** For `h`: the y; for `v`: the x. */
  at: number;
  /** Extent along the segment: x range for `h`, y range for `v`. */
  from: number;
  to: number;
}

export interface PageContent {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
  /** Boxes of curved or slanted vector drawing: plots and diagrams, never table rules. */
  figures: Box[];
  /**
   * Quarter turns (clockwise) by which the page's text runs from the page's own upright: set when
   * most text runs down (1), upside down (2) or up (3) the sheet. Coordinates, width and height are
   * then those of the turned page, on which that text reads left to right.
   */
  quarter?: 1 | 2 | 3;
}

export interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** The smallest box holding all the given boxes (phrases, lines, cells). */
export function boxOf(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    top: Math.min(...boxes.map((b) => b.top)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

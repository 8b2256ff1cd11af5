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
}

export interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

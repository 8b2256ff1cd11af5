import type { LineGeometry } from '../../../src/parse/pdf/line-geometry.ts';

/**
 * Synthetic glyph lines of a ruled cell for the line-join tests: a cell 60 pt wide inside its
 * padding (frame 100–160), 10 pt text, glyphs 5 pt wide (half an em), 12 pt line pitch.
 */
export const FRAME = { left: 100, right: 160 };
export const GLYPH = 5;

/** A line of `text` starting at the frame's left edge, every glyph `GLYPH` wide. */
export function syntheticLine(text: string, row: number, firstGlyph = GLYPH): LineGeometry {
  const words = text.split(' ');
  return {
    x0: FRAME.left,
    x1: FRAME.left + text.length * GLYPH,
    top: 100 + 12 * row - 8,
    bottom: 100 + 12 * row + 2,
    baseline: 100 + 12 * row,
    fontSize: 10,
    headWidth: (words[0]?.length ?? 0) * GLYPH,
    tailWidth: (words.at(-1)?.length ?? 0) * GLYPH,
    firstGlyphWidth: firstGlyph,
    glyphWidth: GLYPH,
    oneWord: words.length === 1,
  };
}

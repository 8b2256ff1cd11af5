import type { Box } from './page-content.ts';
import type { Chunk } from './text-lines.ts';

/**
 * The shape of one visual line inside a cell, kept beside its text so paragraph ends and broken
 * words can be read from the layout: where the line ends, how wide its first word is (the word
 * the line before would have taken had there been room) and how wide a glyph is on average.
 */
export interface LineGeometry extends Box {
  baseline: number;
  fontSize: number;
  /** Width of the first word (measured from the glyphs, else estimated from its share of characters). */
  headWidth: number;
  /** Width of the last word (measured from the glyphs, else estimated from its share of characters). */
  tailWidth: number;
  /** Width of the first glyph (measured, else the mean advance). */
  firstGlyphWidth: number;
  /** Mean advance of one character on the line. */
  glyphWidth: number;
  /** The line holds one word (no space inside). */
  oneWord: boolean;
}

export function lineGeometry(chunks: readonly Chunk[]): LineGeometry | undefined {
  const first = chunks[0];
  if (!first) return undefined;
  const chars = chunks.reduce((n, c) => n + c.text.length, 0);
  const inked = chunks.reduce((w, c) => w + (c.x1 - c.x0), 0);
  const text = chunks.map((c) => c.text).join(' ').trim();
  // Proportional to characters: glyph widths vary, but a word of many glyphs averages out.
  const head = first.text.split(/\s+/u)[0] ?? '';
  const firstChars = first.text.length || 1;
  const run = first.runs[0];
  const glyphWidth = chars > 0 ? inked / chars : first.fontSize * 0.5;
  const lastChunk = chunks[chunks.length - 1] ?? first;
  const lastRun = lastChunk.runs[lastChunk.runs.length - 1];
  const tail = lastChunk.text.split(/\s+/u).at(-1) ?? '';
  return {
    x0: Math.min(...chunks.map((c) => c.x0)),
    x1: Math.max(...chunks.map((c) => c.x1)),
    top: Math.min(...chunks.map((c) => c.top)),
    bottom: Math.max(...chunks.map((c) => c.bottom)),
    baseline: run?.baseline ?? first.bottom,
    fontSize: Math.max(...chunks.map((c) => c.fontSize)),
    headWidth: run?.firstWordX1 !== undefined ? run.firstWordX1 - run.x0 : ((first.x1 - first.x0) * head.length) / firstChars,
    tailWidth: lastRun?.lastWordX0 !== undefined ? lastRun.x1 - lastRun.lastWordX0 : ((lastChunk.x1 - lastChunk.x0) * tail.length) / (lastChunk.text.length || 1),
    firstGlyphWidth: run?.firstGlyphX1 !== undefined ? run.firstGlyphX1 - run.x0 : glyphWidth,
    glyphWidth,
    oneWord: !/\s/u.test(text),
  };
}

import { describe, expect, it } from 'vitest';
import { glyphRuns, type FontMetrics } from '../../src/parse/pdf/glyph-runs.ts';

/** pdf.js operator codes used here (OPS in pdf.js: beginText 31, setFont 37, setTextMatrix 42, showText 44). */
const BEGIN_TEXT = 31;
const SET_FONT = 37;
const SET_TEXT_MATRIX = 42;
const SHOW_TEXT = 44;
const metrics = (): FontMetrics => ({ widthScale: 0.001, ascent: 0.8, descent: -0.2, bold: false });
const VIEWPORT: [number, number, number, number, number, number] = [1, 0, 0, -1, 0, 842];

/** One line of text shows: [font, text, gap before it in thousandths of an em]. */
function line(parts: [string, string, number][]): string {
  const fnArray: number[] = [BEGIN_TEXT, SET_TEXT_MATRIX];
  const argsArray: unknown[] = [[], [1, 0, 0, 1, 72, 700]];
  for (const [font, s, gap] of parts) {
    fnArray.push(SET_FONT, SHOW_TEXT);
    argsArray.push([font, 8], [[-gap, ...[...s].map((ch) => ({ unicode: ch, width: 550 }))]]);
  }
  return glyphRuns({ fnArray, argsArray }, VIEWPORT, metrics)
    .map((r) => r.text)
    .join(' | ');
}

describe('glyph runs across a font change', () => {
  it('keeps a fallback glyph of another script inside its word (gap of 0.2 em on both sides)', () => {
    expect(line([['F1', 'и', 0], ['F2', 'র', 200], ['F1', 'үүлсэн', 200]])).toBe('иরүүлсэн');
  });

  it('still reads the same gap between two fonts of one script as a word space', () => {
    expect(line([['F1', 'ашиг', 0], ['F2', 'сонирхол', 200]])).toBe('ашиг сонирхол');
  });

  it('reads a wide gap at a script change as a word space', () => {
    expect(line([['F1', 'ISO', 0], ['F2', 'стандарт', 300]])).toBe('ISO стандарт');
  });
});

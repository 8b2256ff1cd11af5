import type { Segment, TextRun } from './page-content.ts';

/**
 * Underlines and strike-throughs are drawn as thin horizontal strokes, the same operators as cell
 * rules. A link underlined line by line inside a ruled cell would otherwise cut the cell into as
 * many rows as the link has lines. A stroke is decoration when it lies within the glyph band of a
 * text line (from the height of a strike-through to the upper part of their descent) and starts at or inside
 * that line's text: a cell rule starts at the cell's vertical, left of the text by the cell
 * padding, and never runs through the glyphs. A right end past the text says nothing (text
 * running past the page's print area is clipped there while its underline is not); one short of
 * the line's text does: a cell rule runs on to the cell's far side.
 */
// Fonts put the underline a little under the baseline, within the upper part of the descent
// (post table underlinePosition, about 0.06–0.12 em); a rule ruled under a cell's text lies at or
// below the glyphs' descent, however tight the padding (ICDAR headers ruled under their words).
const DESCENT_SHARE = 0.75;
const LEAD_EM = 0.1;
// A strike-through crosses the lower-case letters (post table strikeoutPosition, about 0.25–0.3 em
// above the baseline); higher up, by the top of the capitals and the line box, a stroke is the
// rule above the line (a row's top border a cut row's first line touches), not a decoration.
const STRIKE_EM = 0.5;

export function withoutTextDecorations(segments: readonly Segment[], runs: readonly TextRun[]): Segment[] {
  return segments.filter((s) => s.orientation === 'v' || !isDecoration(s, runs));
}

function isDecoration(s: Segment, runs: readonly TextRun[]): boolean {
  // Runs of the line the stroke sits in (down to the foot of the glyphs), overlapping it horizontally.
  const line = runs.filter((r) => r.rotated !== true && s.at >= Math.max(r.top, r.baseline - STRIKE_EM * r.fontSize) && s.at <= r.bottom && r.x1 > s.from && r.x0 < s.to);
  if (line.length === 0) return false;
  const em = Math.max(...line.map((r) => r.fontSize));
  const x0 = Math.min(...line.map((r) => r.x0));
  const x1 = Math.max(...line.map((r) => r.x1));
  if (s.from < x0 - LEAD_EM * em) return false;
  if (line.some((r) => s.at <= r.baseline + DESCENT_SHARE * (r.bottom - r.baseline))) return true;
  // A stroke that also stops short of the line's text underlines some words of it (a link in a
  // sentence): a rule under a cell runs on to the cell's far side, past its text.
  if (s.to < x1 - LEAD_EM * em) return true;
  // Lower in the descent, only a stroke as long as the text is its underline: a browser rounds
  // the underline's offset to whole pixels, which at small sizes is a good share of the descent
  // (a pixel is a tenth of an em at 7 pt), while a rule ruled tight under a cell's text spans the cell.
  return Math.abs(s.to - x1) <= LEAD_EM * em;
}

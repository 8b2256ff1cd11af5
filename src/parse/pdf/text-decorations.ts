import type { Segment, TextRun } from './page-content.ts';

/**
 * Underlines and strike-throughs are drawn as thin horizontal strokes, the same operators as cell
 * rules. A link underlined line by line inside a ruled cell would otherwise cut the cell into as
 * many rows as the link has lines. A stroke is decoration when it lies within the glyph band of a
 * text line (from the top of the glyphs to a little under their descent) and does not reach past
 * that line's text at either end by more than a fraction of its em: a cell rule runs between the
 * cell's verticals, past the text by at least the cell padding, and never through the glyphs.
 */
const BELOW_DESCENT_EM = 0.15;
const OVERHANG_EM = 0.3;

export function withoutTextDecorations(segments: readonly Segment[], runs: readonly TextRun[]): Segment[] {
  return segments.filter((s) => s.orientation === 'v' || !isDecoration(s, runs));
}

function isDecoration(s: Segment, runs: readonly TextRun[]): boolean {
  // Runs of the line the stroke sits in, overlapping it horizontally.
  const line = runs.filter(
    (r) => r.rotated !== true && s.at >= r.top && s.at <= r.bottom + BELOW_DESCENT_EM * r.fontSize && r.x1 > s.from && r.x0 < s.to,
  );
  if (line.length === 0) return false;
  const em = Math.max(...line.map((r) => r.fontSize));
  const x0 = Math.min(...line.map((r) => r.x0));
  const x1 = Math.max(...line.map((r) => r.x1));
  return s.from >= x0 - OVERHANG_EM * em && s.to <= x1 + OVERHANG_EM * em;
}

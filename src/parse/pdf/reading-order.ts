import type { Box } from './page-content.ts';
import type { Chunk, TextLine } from './text-lines.ts';

/** Share of lines allowed to cross the gutter of a two-column page (titles, full-width figures). */
const GUTTER_CROSSING = 0.15;

export interface ReadingOrder {
  /** Lines cut at the gutter, so that each piece belongs to one text column. */
  lines: TextLine[];
  /** Sort key of anything on the page (text pieces, tables) in reading order. */
  key(box: Box): number;
}

function lineOf(chunks: Chunk[]): TextLine {
  const main = chunks.reduce((m, c) => (c.x1 - c.x0 > m.x1 - m.x0 ? c : m));
  return {
    x0: Math.min(...chunks.map((c) => c.x0)),
    x1: Math.max(...chunks.map((c) => c.x1)),
    top: Math.min(...chunks.map((c) => c.top)),
    bottom: Math.max(...chunks.map((c) => c.bottom)),
    baseline: main.runs[0]?.baseline ?? main.bottom,
    fontSize: Math.max(...chunks.map((c) => c.fontSize)),
    chunks,
  };
}

/**
 * The gutter of a two-column page: the x of the widest vertical white strip in the middle third
 * of the text frame that few lines cross (titles, full-width figures), at least an em wide, with
 * at least 30 % of the lines having text on each side of it.
 */
export function findGutter(lines: readonly TextLine[], frame: { left: number; right: number }): number | undefined {
  const width = frame.right - frame.left;
  if (lines.length < 6 || width <= 0) return undefined;
  const x0 = Math.floor(frame.left);
  const n = Math.ceil(frame.right) - x0 + 1;
  const cover = new Int32Array(n);
  for (const l of lines) for (const c of l.chunks) for (let x = Math.floor(c.x0) - x0; x < Math.ceil(c.x1) - x0; x++) if (x >= 0 && x < n) cover[x] = (cover[x] ?? 0) + 1;
  const allowed = Math.floor(GUTTER_CROSSING * lines.length);
  const em = lines.map((l) => l.fontSize).sort((a, b) => a - b)[Math.floor(lines.length / 2)] ?? 10;
  let best: { from: number; to: number } | undefined;
  let start = -1;
  const lo = Math.floor(width * 0.33);
  const hi = Math.ceil(width * 0.67);
  for (let x = lo; x <= hi + 1; x++) {
    const free = x <= hi && (cover[x] ?? 0) <= allowed;
    if (free && start < 0) start = x;
    if (!free && start >= 0) {
      if (!best || x - start > best.to - best.from) best = { from: start, to: x };
      start = -1;
    }
  }
  if (!best || best.to - best.from < em) return undefined;
  const gutter = x0 + (best.from + best.to) / 2;
  const left = lines.filter((l) => l.chunks.some((c) => c.x1 <= gutter)).length;
  const right = lines.filter((l) => l.chunks.some((c) => c.x0 >= gutter)).length;
  if (left < 0.3 * lines.length || right < 0.3 * lines.length) return undefined;
  return gutter;
}

/** A line cut at the gutter: its phrases left of it and right of it (a phrase crossing it keeps the line whole). */
export function cutAtGutter(line: TextLine, gutter: number): TextLine[] {
  if (line.chunks.some((c) => c.x0 < gutter && c.x1 > gutter)) return [line];
  const lhs = line.chunks.filter((c) => c.x1 <= gutter);
  const rhs = line.chunks.filter((c) => c.x0 >= gutter);
  const out: TextLine[] = [];
  if (lhs.length > 0) out.push(lhs.length === line.chunks.length ? line : lineOf(lhs));
  if (rhs.length > 0) out.push(rhs.length === line.chunks.length ? line : lineOf(rhs));
  return out;
}

/**
 * Reading order of a page's running text. On a two-column page (a vertical white gutter near the
 * middle that few lines cross, with text on both sides), the left column is read before the right
 * one, section by section: a line or table crossing the gutter (a title, a wide table) closes a
 * section. Otherwise the order is top to bottom.
 */
export function readingOrder(lines: readonly TextLine[], frame: { left: number; right: number }, tables: readonly Box[] = []): ReadingOrder {
  const topDown: ReadingOrder = { lines: [...lines], key: (b) => b.top };
  const gutter = findGutter(lines, frame);
  if (gutter === undefined) return topDown;

  const pieces: TextLine[] = [];
  const walls: number[] = [];
  for (const l of lines) {
    if (l.chunks.some((c) => c.x0 < gutter && c.x1 > gutter)) walls.push(l.top);
    pieces.push(...cutAtGutter(l, gutter));
  }
  for (const t of tables) if (t.x0 < gutter - 1 && t.x1 > gutter + 1) walls.push(t.top);
  const key = (b: Box): number => {
    const wide = b.x0 < gutter - 1 && b.x1 > gutter + 1;
    const section = walls.filter((w) => w <= b.top + 0.5).length;
    const column = wide ? 0 : (b.x0 + b.x1) / 2 < gutter ? 1 : 2;
    return section * 1e7 + column * 1e5 + b.top;
  };
  pieces.sort((a, b) => key(a) - key(b));
  return { lines: pieces, key };
}

import { apply, multiply, type Matrix } from './matrix.ts';
import type { Box, Segment } from './page-content.ts';
import { coveredLength } from './table-grid.ts';

/** pdf.js operator codes we need (`OPS` in pdf.js; stable across 4.x/5.x). */
const OP = {
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  setLineWidth: 2,
  setStrokeRGBColor: 58,
  setFillRGBColor: 59,
  setStrokeGray: 56,
  setFillGray: 57,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
} as const;

/** pdf.js 5 `DrawOPS`: the path is flattened into a number array of these codes plus coordinates. */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, closePath: 3 } as const;

const STROKES = new Set<number>([OP.stroke, OP.closeStroke, OP.fillStroke, OP.eoFillStroke, OP.closeFillStroke, OP.closeEOFillStroke]);
const FILLS = new Set<number>([OP.fill, OP.eoFill, OP.fillStroke, OP.eoFillStroke, OP.closeFillStroke, OP.closeEOFillStroke]);

/** Thicker than this a filled rectangle is shading, not a rule. */
const MAX_RULE_THICKNESS = 3;
/** Edges that deviate less than this from axis-parallel still count as rules (rounding in producers). */
const AXIS_TOLERANCE = 0.8;
/** Shorter than this, a mark is a glyph part or a tick, not a table rule. */
const MIN_RULE_LENGTH = 4;
/** Dotted rules: the smallest dot, the widest gap between dots, and what makes a chain a rule. */
const MIN_DASH = 0.3;
const MAX_DASH_GAP = 4;
const MIN_DASHES = 5;
const MIN_DOTTED_LENGTH = 20;


function isWhite(color: unknown): boolean {
  if (typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color)) {
    const v = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
    return v.every((c) => c >= 0xf0);
  }
  return false;
}

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/**
 * Ruling lines from a page's operator list: stroked path edges that are horizontal or vertical,
 * and filled rectangles thin enough to be drawn rules (LibreOffice and Word draw cell borders
 * either way). White strokes and fills on white paper erase, they do not separate; drawn over a
 * coloured or grey fill (a shaded table whose cells are parted by white gaps) they are rules.
 * `viewport` maps PDF user space to the top-down page space.
 */
export function rulingSegments(ops: OperatorList, viewport: Matrix, figures: Box[] = []): Segment[] {
  const out: Segment[] = [];
  let ctm: Matrix = viewport;
  const stack: Matrix[] = [];
  let strokeWhite = false;
  let fillWhite = false;
  const colorStack: [boolean, boolean][] = [];

  // Dots and dashes drawn one by one; chained further down into dotted rules.
  const short: Segment[] = [];
  // Non-white filled areas painted so far (cell shading, coloured bands): white drawn on them shows.
  const shaded: Box[] = [];
  // Set while a white path is walked: its edges count only where they cross shading.
  let white = false;
  const overShading = (s: Segment): boolean => {
    const len = s.to - s.from;
    const across = shaded
      .filter((b) => (s.orientation === 'h' ? b.top <= s.at + 0.5 && b.bottom >= s.at - 0.5 : b.x0 <= s.at + 0.5 && b.x1 >= s.at - 0.5))
      .map((b): [number, number] => (s.orientation === 'h' ? [b.x0, b.x1] : [b.top, b.bottom]));
    return across.length > 0 && coveredLength(across, s.from, s.to) >= 0.5 * len;
  };
  const emit = (s: Segment, target: Segment[]): void => {
    if (!white || overShading(s)) target.push(s);
  };
  const pushEdge = (ax: number, ay: number, bx: number, by: number): void => {
    const [x0, y0] = apply(ctm, ax, ay);
    const [x1, y1] = apply(ctm, bx, by);
    const target = (len: number): Segment[] | undefined => (len >= MIN_RULE_LENGTH ? out : len >= MIN_DASH ? short : undefined);
    if (Math.abs(y0 - y1) <= AXIS_TOLERANCE) {
      const t = target(Math.abs(x1 - x0));
      if (t) emit({ orientation: 'h', at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) }, t);
    } else if (Math.abs(x0 - x1) <= AXIS_TOLERANCE) {
      const t = target(Math.abs(y1 - y0));
      if (t) emit({ orientation: 'v', at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) }, t);
    }
  };

  const pushFilledBox = (points: [number, number][]): void => {
    const dev = points.map(([x, y]) => apply(ctm, x, y));
    const xs = dev.map((p) => p[0]);
    const ys = dev.map((p) => p[1]);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) emit({ orientation: 'h', at: (y0 + y1) / 2, from: x0, to: x1 }, out);
    else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) emit({ orientation: 'v', at: (x0 + x1) / 2, from: y0, to: y1 }, out);
    else if (w <= MAX_RULE_THICKNESS && h <= MAX_RULE_THICKNESS && Math.max(w, h) >= MIN_DASH) {
      // A dot: it belongs to a dotted rule if it has neighbours in a row or a column.
      emit({ orientation: 'h', at: (y0 + y1) / 2, from: x0, to: x1 }, short);
      emit({ orientation: 'v', at: (x0 + x1) / 2, from: y0, to: y1 }, short);
    } else if (!white && w > MAX_RULE_THICKNESS && h > MAX_RULE_THICKNESS) shaded.push({ x0, x1, top: y0, bottom: y1 });
  };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OP.save:
        stack.push(ctm);
        colorStack.push([strokeWhite, fillWhite]);
        break;
      case OP.restore:
        ctm = stack.pop() ?? ctm;
        [strokeWhite, fillWhite] = colorStack.pop() ?? [strokeWhite, fillWhite];
        break;
      case OP.transform:
        if (args && args.length === 6) ctm = multiply(args as Matrix, ctm);
        break;
      case OP.paintFormXObjectBegin: {
        stack.push(ctm);
        colorStack.push([strokeWhite, fillWhite]);
        const m = args?.[0];
        if (Array.isArray(m) && m.length === 6) ctm = multiply(m as Matrix, ctm);
        break;
      }
      case OP.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        [strokeWhite, fillWhite] = colorStack.pop() ?? [strokeWhite, fillWhite];
        break;
      case OP.setStrokeRGBColor:
        strokeWhite = isWhite(args?.[0]);
        break;
      case OP.setFillRGBColor:
        fillWhite = isWhite(args?.[0]);
        break;
      case OP.setStrokeGray:
        strokeWhite = typeof args?.[0] === 'number' ? args[0] >= 0.94 : isWhite(args?.[0]);
        break;
      case OP.setFillGray:
        fillWhite = typeof args?.[0] === 'number' ? args[0] >= 0.94 : isWhite(args?.[0]);
        break;
      case OP.constructPath: {
        if (!args) break;
        const paint = args[0];
        const data = args[1];
        if (typeof paint !== 'number') break;
        const path = Array.isArray(data) ? data[0] : undefined;
        if (!path || typeof (path as ArrayLike<number>).length !== 'number') break;
        const stroke = STROKES.has(paint);
        const fill = FILLS.has(paint);
        if (!stroke && !fill) break;
        // A white path on white paper draws nothing; over shading, only its edges there count.
        white = (!stroke || strokeWhite) && (!fill || fillWhite);
        if (white && shaded.length === 0) break;
        walkPath(path as ArrayLike<number>, stroke ? pushEdge : undefined, fill ? pushFilledBox : undefined, (points) => {
          if (white) return;
          const dev = points.map(([x, y]) => apply(ctm, x, y));
          figures.push({
            x0: Math.min(...dev.map((d) => d[0])),
            x1: Math.max(...dev.map((d) => d[0])),
            top: Math.min(...dev.map((d) => d[1])),
            bottom: Math.max(...dev.map((d) => d[1])),
          });
        });
        break;
      }
      default:
        break;
    }
  }
  return [...out, ...chainDashes(short)];
}

/**
 * Dotted and dashed rules drawn piece by piece: collinear pieces less than a gap apart chain into
 * one rule when the chain is long enough and has enough pieces to be a line, not a glyph part.
 */
function chainDashes(pieces: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const orientation of ['h', 'v'] as const) {
    const list = pieces.filter((p) => p.orientation === orientation).sort((a, b) => a.at - b.at || a.from - b.from);
    let i = 0;
    while (i < list.length) {
      let j = i;
      while (j + 1 < list.length && Math.abs((list[j + 1]?.at ?? 0) - (list[i]?.at ?? 0)) <= 0.5) j++;
      // list[i..j] share one line; walk it in order of position.
      const row = list.slice(i, j + 1).sort((a, b) => a.from - b.from);
      let start = row[0];
      let end = start?.to ?? 0;
      let count = 1;
      for (let k = 1; k <= row.length; k++) {
        const p = row[k];
        if (p && p.from - end <= MAX_DASH_GAP) {
          end = Math.max(end, p.to);
          count++;
          continue;
        }
        if (start && count >= MIN_DASHES && end - start.from >= MIN_DOTTED_LENGTH) out.push({ orientation, at: start.at, from: start.from, to: end });
        start = p;
        end = p?.to ?? 0;
        count = 1;
      }
      i = j + 1;
    }
  }
  return out;
}

function walkPath(
  p: ArrayLike<number>,
  onEdge: ((ax: number, ay: number, bx: number, by: number) => void) | undefined,
  onFilled: ((points: [number, number][]) => void) | undefined,
  onFigure: (points: [number, number][]) => void,
): void {
  let sub: [number, number][] = [];
  let curved = false;
  // Points of curves and slanted lines: what plots and diagrams are drawn with.
  const figure: [number, number][] = [];
  const flush = (): void => {
    if (onFilled && !curved && sub.length >= 3) onFilled(sub);
    sub = [];
    curved = false;
  };
  let i = 0;
  while (i < p.length) {
    const code = p[i];
    if (code === DRAW.moveTo) {
      flush();
      sub.push([p[i + 1] ?? 0, p[i + 2] ?? 0]);
      i += 3;
    } else if (code === DRAW.lineTo) {
      const x = p[i + 1] ?? 0;
      const y = p[i + 2] ?? 0;
      const last = sub[sub.length - 1];
      if (last && onEdge) onEdge(last[0], last[1], x, y);
      if (last && Math.abs(x - last[0]) > AXIS_TOLERANCE && Math.abs(y - last[1]) > AXIS_TOLERANCE) figure.push(last, [x, y]);
      sub.push([x, y]);
      i += 3;
    } else if (code === DRAW.curveTo) {
      curved = true;
      const last = sub[sub.length - 1];
      if (last) figure.push(last);
      figure.push([p[i + 5] ?? 0, p[i + 6] ?? 0]);
      sub.push([p[i + 5] ?? 0, p[i + 6] ?? 0]);
      i += 7;
    } else if (code === DRAW.closePath) {
      const first = sub[0];
      const last = sub[sub.length - 1];
      if (first && last && onEdge) onEdge(last[0], last[1], first[0], first[1]);
      i += 1;
    } else {
      // Unknown code: stop rather than misread coordinates as operators.
      break;
    }
  }
  flush();
  if (figure.length > 0) onFigure(figure);
}

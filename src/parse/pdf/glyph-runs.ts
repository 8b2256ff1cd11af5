import { IDENTITY, multiply, translate, type Matrix } from './matrix.ts';
import type { Segment, TextRun } from './page-content.ts';
import type { OperatorList } from './ruling-lines.ts';

/**
 * Text runs from the operator list, glyph by glyph, following the text state of PDF 32000-1
 * §9.3–9.4 (Tc, Tw, Tz, TL, Ts, Tm/Tlm). pdf.js's own text content glues words into one item even
 * when the PDF spreads them into columns with word spacing (Tw) or wide spaces, which hides the
 * column gaps that borderless tables are made of; tracking glyph positions keeps them.
 */

const OP = {
  save: 10,
  restore: 11,
  transform: 12,
  beginText: 31,
  setCharSpacing: 33,
  setWordSpacing: 34,
  setHScale: 35,
  setLeading: 36,
  setFont: 37,
  setTextRise: 39,
  moveText: 40,
  setLeadingMoveText: 41,
  setTextMatrix: 42,
  nextLine: 43,
  showText: 44,
  showSpacedText: 45,
  nextLineShowText: 46,
  nextLineSetSpacingShowText: 47,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
} as const;


/** m × n in PDF's row-vector convention (apply m first, then n). */

function toMatrix(v: unknown): Matrix | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<number, unknown>;
  const out: number[] = [];
  for (let i = 0; i < 6; i++) {
    const x = o[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) return undefined;
    out.push(x);
  }
  return out as Matrix;
}

export interface FontMetrics {
  /** Glyph space → text space, horizontal scale (0.001 for all but Type 3 fonts). */
  widthScale: number;
  ascent: number;
  descent: number;
  bold: boolean;
}

interface TextState {
  ctm: Matrix;
  font: string;
  size: number;
  tc: number;
  tw: number;
  th: number;
  tl: number;
  ts: number;
}

export interface Glyph {
  text: string;
  size: number;
  font: string;
  bold: boolean;
  space: boolean;
  /** Advance of a space glyph in page units (word spacing included). */
  advance: number;
  /** Pen position before and after the glyph, and the unit writing direction, on the page. */
  ox: number;
  oy: number;
  ex: number;
  ey: number;
  ux: number;
  uy: number;
  /** Offsets from the baseline to the ascent and descent lines (the text-space up-vector, scaled). */
  ax: number;
  ay: number;
  dx: number;
  dy: number;
  /** Box and baseline in the frame the page is read in, and whether the glyph runs askew to it. */
  x0: number;
  x1: number;
  baseline: number;
  top: number;
  bottom: number;
  rotated: boolean;
}

interface GlyphLike {
  unicode?: unknown;
  width?: unknown;
  isSpace?: unknown;
}

/** Gap (em) between glyphs above which a space is implied, and above which a run ends. */
const IMPLIED_SPACE_EM = 0.15;
const RUN_BREAK_EM = 0.6;
/**
 * How much wider than a drawn word space a gap must be to part two texts (a gap without a space
 * glyph in a run, two runs drawn apart in `text-lines.ts`): kerning and rounding stay well inside.
 */
export const SPACE_SLACK = 1.2;

/**
 * The narrowest word space each font is drawn with on the page, in ems (wider ones are stretched
 * by justification or word spacing); fonts whose spaces the page never draws have none.
 */
function drawnSpaces(glyphs: readonly Glyph[]): Map<string, number> {
  const spaceEm = new Map<string, number>();
  for (const g of glyphs) {
    if (g.space && g.text === ' ' && g.advance > 0) spaceEm.set(g.font, Math.min(spaceEm.get(g.font) ?? Number.POSITIVE_INFINITY, g.advance / Math.max(g.size, 1)));
  }
  return spaceEm;
}
/**
 * A letter of another script set in another font inside a word is a font fallback (the main
 * font has no such glyph, e.g. Bengali "র" in a Cyrillic word). The fallback glyph's advance
 * rarely matches the room the layout gave it, so the gaps around it run up to about a fifth of
 * an em without being a word space.
 */
const FALLBACK_GAP_EM = 0.25;
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Arabic', 'Hebrew', 'Bengali', 'Devanagari', 'Thai', 'Mongolian', 'Han', 'Hangul', 'Hiragana', 'Katakana'] as const;
const SCRIPT_RES = SCRIPTS.map((name) => new RegExp(`^\\p{Script=${name}}`, 'u'));

function scriptOf(text: string): number {
  return SCRIPT_RES.findIndex((re) => re.test(text));
}

function fontFallback(a: Glyph, b: Glyph): boolean {
  if (a.font === b.font || !/^\p{L}/u.test(a.text) || !/^\p{L}/u.test(b.text)) return false;
  const sa = scriptOf(a.text);
  const sb = scriptOf(b.text);
  return sa >= 0 && sb >= 0 && sa !== sb;
}

/** Text runs of a page read upright (no quarter turn); see `readGlyphs` and `glyphsToRuns`. */
export function glyphRuns(ops: OperatorList, viewport: Matrix, metrics: (font: string) => FontMetrics): TextRun[] {
  return glyphsToRuns(readGlyphs(ops, viewport, metrics));
}

/** Every glyph the content stream shows, in top-down page space. */
export function readGlyphs(ops: OperatorList, viewport: Matrix, metrics: (font: string) => FontMetrics): Glyph[] {
  const glyphs: Glyph[] = [];
  let st: TextState = { ctm: viewport, font: '', size: 0, tc: 0, tw: 0, th: 1, tl: 0, ts: 0 };
  const stack: TextState[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let fm: FontMetrics = { widthScale: 0.001, ascent: 0.8, descent: -0.2, bold: false };

  const moveLine = (tx: number, ty: number): void => {
    tlm = translate(tx, ty, tlm);
    tm = tlm;
  };
  const show = (items: unknown): void => {
    if (!Array.isArray(items) || st.size === 0) return;
    // Hot path (once per glyph). Within one show operator only the text matrix's translation
    // moves, so the text rendering matrix's linear part (tm × ctm, §9.4.4), the glyph size and
    // the ascent and descent offsets are worked out once; per glyph, the translation is carried
    // in two numbers instead of a new matrix per advance.
    const [t0, t1, t2, t3] = tm;
    let [, , , , t4, t5] = tm;
    const [c0, c1, c2, c3, c4, c5] = st.ctm;
    const a = t0 * c0 + t1 * c2;
    const b = t0 * c1 + t1 * c3;
    const c = t2 * c0 + t3 * c2;
    const d = t2 * c1 + t3 * c3;
    const dl = Math.hypot(a, b) || 1;
    const size = Math.abs(st.size) * Math.hypot(c, d);
    const asc = st.ts + fm.ascent * st.size;
    const desc = st.ts + fm.descent * st.size;
    const ux = a / dl;
    const uy = b / dl;
    const ax = c * asc;
    const ay = d * asc;
    const dx = c * desc;
    const dy = d * desc;
    for (const g of items as unknown[]) {
      if (typeof g === 'number') {
        const tx = (-g / 1000) * st.size * st.th;
        // As `translate(tx, 0, tm)`, term for term.
        t4 = tx * t0 + 0 * t2 + t4;
        t5 = tx * t1 + 0 * t3 + t5;
        continue;
      }
      if (g === null || typeof g !== 'object') continue;
      const glyph = g as GlyphLike;
      const width = typeof glyph.width === 'number' ? glyph.width : 0;
      const isSpace = glyph.isSpace === true;
      const w0 = width * fm.widthScale;
      const advance = (w0 * st.size + st.tc + (isSpace ? st.tw : 0)) * st.th;
      const e = t4 * c0 + t5 * c2 + c4;
      const f = t4 * c1 + t5 * c3 + c5;
      const ox = c * st.ts + e;
      const oy = d * st.ts + f;
      const text = typeof glyph.unicode === 'string' ? glyph.unicode : '';
      const out: Glyph = {
        text,
        size,
        font: st.font,
        bold: fm.bold,
        // pdf.js flags byte 32 as a space (it takes Tw, PDF 32000-1 §9.3.3) even when a subset
        // font maps that code to a letter; only the Unicode value says whether it is blank.
        space: text.trim() === '',
        advance: Math.abs(advance) * dl,
        ox,
        oy,
        ex: a * advance + ox,
        ey: b * advance + oy,
        ux,
        uy,
        ax: ax + e - ox,
        ay: ay + f - oy,
        dx: dx + e - ox,
        dy: dy + f - oy,
        x0: 0,
        x1: 0,
        baseline: 0,
        top: 0,
        bottom: 0,
        rotated: false,
      };
      placeBox(out);
      glyphs.push(out);
      t4 = advance * t0 + 0 * t2 + t4;
      t5 = advance * t1 + 0 * t3 + t5;
    }
    tm = [t0, t1, t2, t3, t4, t5];
  };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = (ops.argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case OP.save:
        stack.push({ ...st });
        break;
      case OP.restore:
        st = stack.pop() ?? st;
        fm = metrics(st.font);
        break;
      case OP.transform: {
        const m = toMatrix(args);
        if (m) st.ctm = multiply(m, st.ctm);
        break;
      }
      case OP.paintFormXObjectBegin: {
        stack.push({ ...st });
        const m = toMatrix(args[0]);
        if (m) st.ctm = multiply(m, st.ctm);
        break;
      }
      case OP.paintFormXObjectEnd:
        st = stack.pop() ?? st;
        fm = metrics(st.font);
        break;
      case OP.beginText:
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case OP.setFont:
        st.font = typeof args[0] === 'string' ? args[0] : '';
        st.size = typeof args[1] === 'number' ? args[1] : 0;
        fm = metrics(st.font);
        break;
      case OP.setCharSpacing:
        st.tc = typeof args[0] === 'number' ? args[0] : 0;
        break;
      case OP.setWordSpacing:
        st.tw = typeof args[0] === 'number' ? args[0] : 0;
        break;
      case OP.setHScale:
        st.th = typeof args[0] === 'number' ? args[0] / 100 : 1;
        break;
      case OP.setLeading:
        st.tl = typeof args[0] === 'number' ? args[0] : 0;
        break;
      case OP.setTextRise:
        st.ts = typeof args[0] === 'number' ? args[0] : 0;
        break;
      case OP.moveText:
        moveLine(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OP.setLeadingMoveText:
        st.tl = -(Number(args[1]) || 0);
        moveLine(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OP.setTextMatrix: {
        const m = toMatrix(args[0]) ?? toMatrix(args);
        if (m) {
          tm = m;
          tlm = m;
        }
        break;
      }
      case OP.nextLine:
        moveLine(0, -st.tl);
        break;
      case OP.showText:
      case OP.showSpacedText:
        show(args[0]);
        break;
      case OP.nextLineShowText:
        moveLine(0, -st.tl);
        show(args[0]);
        break;
      case OP.nextLineSetSpacingShowText:
        st.tw = Number(args[0]) || 0;
        st.tc = Number(args[1]) || 0;
        moveLine(0, -st.tl);
        show(args[2]);
        break;
      default:
        break;
    }
  }
  return glyphs;
}

/**
 * Which way most of the page's text runs, in quarter turns clockwise from left-to-right: 1 when
 * it runs down the page (a table printed sideways, turned clockwise), 3 when it runs up, 2 upside
 * down. Counted in visible glyphs; a quarter wins only with more than half of them, so a page of
 * upright text with vertical column heads stays upright.
 */
export function textQuarter(glyphs: readonly Glyph[]): 0 | 1 | 2 | 3 {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  let visible = 0;
  for (const g of glyphs) {
    if (g.space) continue;
    visible++;
    if (g.ux > 0.95) counts[0]++;
    else if (g.uy > 0.95) counts[1]++;
    else if (g.ux < -0.95) counts[2]++;
    else if (g.uy < -0.95) counts[3]++;
  }
  let best: 0 | 1 | 2 | 3 = 0;
  for (const q of [1, 2, 3] as const) if ((counts[q] ?? 0) > (counts[best] ?? 0)) best = q;
  return best !== 0 && (counts[best] ?? 0) * 2 > visible ? best : 0;
}

/**
 * The map from top-down page space to the frame in which text of quarter `q` reads left to right,
 * top to bottom (still top-down, origin at the top-left of the turned page).
 */
export function quarterTurn(q: 0 | 1 | 2 | 3, width: number, height: number): Matrix {
  if (q === 1) return [0, -1, 1, 0, 0, width];
  if (q === 2) return [-1, 0, 0, -1, width, height];
  if (q === 3) return [0, 1, -1, 0, height, 0];
  return IDENTITY;
}

/** Sets the glyph's box, baseline and askew flag from its pen positions and up-vector. */
function placeBox(g: Glyph): void {
  g.x0 = Math.min(g.ox, g.ex);
  g.x1 = Math.max(g.ox, g.ex);
  g.baseline = g.oy;
  g.top = Math.min(g.oy + g.ay, g.oy + g.dy);
  g.bottom = Math.max(g.oy + g.ay, g.oy + g.dy);
  // Slanted, vertical or sheared against the frame: axis titles, vertical column heads.
  g.rotated = Math.abs(g.uy) > 0.1 * Math.abs(g.ux) || Math.abs(g.ax) > 0.1 * Math.abs(g.ay);
}

/** Moves glyphs (in place) into the frame of a quarter turn (`quarterTurn`). */
export function turnGlyphs(glyphs: Glyph[], frame: Matrix): void {
  const [a, b, c, d, e, f] = frame;
  for (const g of glyphs) {
    const { ox, oy, ex, ey, ux, uy, ax, ay, dx, dy } = g;
    g.ox = a * ox + c * oy + e;
    g.oy = b * ox + d * oy + f;
    g.ex = a * ex + c * ey + e;
    g.ey = b * ex + d * ey + f;
    g.ux = a * ux + c * uy;
    g.uy = b * ux + d * uy;
    g.ax = a * ax + c * ay;
    g.ay = b * ax + d * ay;
    g.dx = a * dx + c * dy;
    g.dy = b * dx + d * dy;
    placeBox(g);
  }
}

/**
 * Consecutive glyphs on one baseline form a run; a run ends at a jump back, a change of line, a
 * gap (including a wide space) of more than 0.6 em, the same threshold pdf.js uses, or a vertical
 * rule between two glyphs (table cells whose texts nearly touch across their rule).
 */
export function glyphsToRuns(glyphs: readonly Glyph[], rules: readonly Segment[] = []): TextRun[] {
  const runs: TextRun[] = [];
  // Vertical rules by x: a run never crosses one (two cells' words can sit closer than a word gap).
  const verticals = rules.filter((r) => r.orientation === 'v').sort((a, b) => a.at - b.at);
  const ruleBetween = (a: Glyph, b: Glyph): boolean => {
    const from = (a.x0 + a.x1) / 2;
    const to = (b.x0 + b.x1) / 2;
    if (a.rotated || b.rotated || to <= from) return false;
    let lo = 0;
    let hi = verticals.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((verticals[mid]?.at ?? 0) <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < verticals.length; i++) {
      const v = verticals[i] as Segment;
      if (v.at >= to) break;
      if (v.from <= b.baseline && b.baseline <= v.to) return true;
    }
    return false;
  };
  const spaceEm = drawnSpaces(glyphs);
  let cur: Glyph[] = [];
  let text = '';
  let setApart = false;
  let pendingSpace = false;
  let wordEnd: number | undefined;
  // Widths of the run's words (ems) for `WordWidths`, letter words and figures apart. The first
  // word of a run is left out: a line may open with the rest of a word broken on the line above.
  let wordStart = 0;
  let wordKind: 'letters' | 'figures' | 'other' = 'other';
  let wordWidths: number[] = [];
  let figureWidths: number[] = [];
  let words = 0;
  const endWord = (last: Glyph): void => {
    const em = (last.x1 - wordStart) / Math.max(last.size, 1);
    if (words > 0 && wordKind === 'letters') wordWidths.push(em);
    else if (words > 0 && wordKind === 'figures') figureWidths.push(em);
    words++;
  };
  const flush = (): void => {
    // The last word of a run of several is whole too, unless a hyphen cut it at the line end.
    if (words > 0 && lastVisible && !/^[-\u2010\u00AD]$/u.test(lastVisible.text)) endWord(lastVisible);
    // One pass over the run's visible glyphs (Math.min/max pairwise agree with the spread forms).
    let first: Glyph | undefined;
    let visible = 0;
    let boldChars = 0;
    let rotatedChars = 0;
    let x0 = Infinity;
    let x1 = -Infinity;
    let top = Infinity;
    let bottom = -Infinity;
    let fontSize = -Infinity;
    for (const g of cur) {
      if (g.space) continue;
      first ??= g;
      visible++;
      if (g.bold) boldChars++;
      if (g.rotated) rotatedChars++;
      x0 = Math.min(x0, g.x0);
      x1 = Math.max(x1, g.x1);
      top = Math.min(top, g.top);
      bottom = Math.max(bottom, g.bottom);
      fontSize = Math.max(fontSize, g.size);
    }
    if (first && text.trim() !== '') {
      const horizontal = Math.abs(first.uy) < 0.05 && first.ux > 0;
      const trimmed = text.trim();
      const spaceWidth = (spaceEm.get(first.font) ?? 0) * Math.max(fontSize, 1);
      const bold = boldChars * 2 > visible;
      const rotated = rotatedChars * 2 > visible;
      // Two literals rather than a conditional spread: a spread makes every later property a
      // slow dictionary store, a tenth of the glyph stage.
      runs.push(
        horizontal
          ? { firstGlyphX1: first.x1, firstWordX1: wordEnd ?? x1, lastWordX0: wordStart, wordWidths, figureWidths, text: trimmed, x0, x1, top, bottom, baseline: first.baseline, fontSize, fontName: first.font, bold, rotated, order: runs.length, spaceWidth, setApart }
          : { text: trimmed, x0, x1, top, bottom, baseline: first.baseline, fontSize, fontName: first.font, bold, rotated, order: runs.length, spaceWidth, setApart },
      );
    }
    cur = [];
    text = '';
    setApart = false;
    pendingSpace = false;
    wordEnd = undefined;
    wordWidths = [];
    figureWidths = [];
    words = 0;
  };
  let lastVisible: Glyph | undefined;
  for (const g of glyphs) {
    const em = Math.max(g.size, 1);
    if (g.space) {
      if (cur.length === 0) continue;
      if (g.advance > RUN_BREAK_EM * em) {
        flush();
        lastVisible = undefined;
      } else pendingSpace = true;
      continue;
    }
    if (lastVisible) {
      // Measured along the writing direction, so rotated text (axis titles, vertical headers)
      // forms runs just like horizontal text.
      const dx = g.ox - lastVisible.ex;
      const dy = g.oy - lastVisible.ey;
      const along = dx * lastVisible.ux + dy * lastVisible.uy;
      const across = -dx * lastVisible.uy + dy * lastVisible.ux;
      const sameDirection = Math.abs(g.ux - lastVisible.ux) < 0.05 && Math.abs(g.uy - lastVisible.uy) < 0.05;
      // A producer that draws its word spaces as glyphs leaves a gap with none in it, wider than
      // its word space, only between two texts (a neighbouring cell drawn in the same text
      // object): the run ends, and the next is marked as set apart (`text-lines.ts`).
      const space = spaceEm.get(g.font);
      const unspaced = !pendingSpace && space !== undefined && along > SPACE_SLACK * space * em;
      if (!sameDirection || Math.abs(across) > 0.3 * em || along > RUN_BREAK_EM * em || unspaced || along < -0.5 * em || ruleBetween(lastVisible, g)) {
        flush();
        setApart = unspaced;
      }
      else if (along > (fontFallback(lastVisible, g) ? FALLBACK_GAP_EM : IMPLIED_SPACE_EM) * em) pendingSpace = true;
    }
    if (pendingSpace && text !== '') {
      text += ' ';
      if (wordEnd === undefined && lastVisible) wordEnd = lastVisible.x1;
      if (lastVisible) endWord(lastVisible);
      wordStart = g.x0;
      wordKind = 'other';
    }
    if (text === '') {
      wordStart = g.x0;
      wordKind = 'other';
    }
    if (wordKind !== 'letters') {
      if (/\p{L}/u.test(g.text)) wordKind = 'letters';
      else if (/\p{N}/u.test(g.text)) wordKind = 'figures';
    }
    pendingSpace = false;
    text += g.text;
    cur.push(g);
    lastVisible = g;
  }
  flush();
  return runs;
}

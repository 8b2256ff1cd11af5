import { ADDRESS_PART, joinLines, stripLeaders, URL_START, type WordEvidence } from './cell-text.ts';
import type { LineGeometry } from './line-geometry.ts';

/**
 * A line that opens a list item or numbered point starts a new paragraph inside a cell. Letters
 * that begin no word (ъ, ы, ь) number no item either.
 */
const ITEM_START = /^([•▪●■➢❖✓□\-–—*]\s|\(?\d{1,3}[.)]\s|[a-zа-щэюяөүңһё]\)\s)/iu;
/** An item numbered by a letter («н) …»), which is also how the last letter of a broken word and a bracket read. */
const LETTER_ITEM = /^\p{L}\)\s/u;

/** A line that is nothing but a web address. */
const LONE_URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/iu;

/** What the page shows of a cell's lines, beyond their text. */
export interface CellLayout {
  geometry: readonly (LineGeometry | undefined)[];
  /** Left and right limits of the cell's text (cell edges less padding); unknown in stream mode. */
  frame?: { left: number; right: number } | undefined;
  /**
   * The extent of the text of the cell's column, the best estimate of the width the lines were
   * wrapped to where the cell's edges are unknown (stream cells) or do not hold the line (an
   * indent taken for padding). Only used to find words broken for want of room, never to end
   * paragraphs (a column whose lines all end short would make every line look forced).
   */
  textFrame?: { left: number; right: number } | undefined;
  /**
   * The document shows that its renderer keeps words whole (`document-layout.ts`): a column sized
   * to its widest word, and no line break anywhere that the document's words show to fall inside
   * a word. Then no line ends inside a word for want of room.
   */
  keepsWordsWhole?: boolean | undefined;
  /**
   * The document shows a word broken inside somewhere (a full one-word line whose letters read on
   * into a word it has whole elsewhere). Where it does, the words it shows whole weigh in on every
   * other full line (`wholeOdds`); where it shows none, a line full only to within the frame's own
   * uncertainty may be a word its column was widened to, and keeps its space.
   */
  breaksWords?: boolean | undefined;
  /** Usual baseline step of two lines of one paragraph, in font sizes (table-wide). */
  pitch?: number | undefined;
  /** How far a step within a paragraph strays from the pitch, in font sizes (table-wide); 0.12 if unknown. */
  pitchSlack?: number | undefined;
}

/** Full one-word lines that run on into a word the document has whole: words the renderer broke. */
export interface BreakTally {
  confirmed: number;
}

/** Space between words, in font sizes, assumed when asking whether a word would have fitted. */
const SPACE_EM = 0.25;
/** Uncertainty of a cell's frame, in mean glyph widths. */
export const FRAME_SLACK = 0.2;

/**
 * Splits a cell's visual lines into paragraphs, joining wrapped lines. A paragraph ends where
 * - the next line opens a list item, or it and the line before are each a lone web address;
 * - the baseline step is larger than the table's line pitch (paragraph spacing);
 * - the line ends short: the next line's first word would have fitted after it, so the break
 *   was forced (a paragraph end or a line break), not a wrap.
 * A line that is one word filling the cell to less than the width of the next line's first
 * glyph may be a word broken without a hyphen (there was no space to break at): see `brokenWord`.
 * A line opening with closing punctuation (`.`, `,`, `)`, `»` …) is always the rest of a word:
 * line breaking never puts a break before such a mark, only a mid-word break does.
 */
export function cellParagraphs(lines: readonly string[], words: WordEvidence, layout?: CellLayout, tally?: BreakTally): string[] {
  const groups: string[][] = [];
  let prev: LineGeometry | undefined;
  lines.forEach((line, i) => {
    const t = stripLeaders(line);
    if (t === '') return;
    const geo = layout?.geometry[i];
    const last = groups[groups.length - 1];
    const tail = last?.[last.length - 1];
    // «пайдаланылбага|н) …»: a letter and a bracket after a word broken for want of room are the
    // word's last letter, not an item.
    const rest =
      LETTER_ITEM.test(t) && prev && geo && tail !== undefined && !(layout && paragraphEnds(prev, geo, layout)) && brokenWord(tail, t, prev, geo, layout, words, tally);
    // Two addresses on consecutive lines are two entries of a list of links, never one text.
    if (rest && last && tail !== undefined) last[last.length - 1] = tail + t;
    else if (!last || tail === undefined || ITEM_START.test(t) || (LONE_URL.test(t) && LONE_URL.test(tail))) groups.push([t]);
    else if (prev && geo && layout && paragraphEnds(prev, geo, layout)) groups.push([t]);
    else if (closingRest(tail, t, prev, geo, layout)) last[last.length - 1] = tail + t;
    else if (prev && geo && brokenWord(tail, t, prev, geo, layout, words, tally, last)) last[last.length - 1] = tail + t;
    else last.push(t);
    prev = geo;
  });
  return groups.map((g) => joinLines(g, words)).filter((p) => p !== '');
}

/**
 * Whether the break between `tail` (a line) and `line` (the line after it, in the same cell or
 * overleaf, where a page cut the cell) fell inside a word: the rest opens with closing punctuation,
 * or the line before was a word broken for want of room (`brokenWord`). `before`, the cell's text
 * up to the break, tells a web address begun lines before it.
 */
export function breaksInsideWord(tail: string, line: string, prev: LineGeometry, cur: LineGeometry, layout: CellLayout | undefined, words: WordEvidence, before?: string): boolean {
  if (closingRest(tail, line, prev, cur, layout)) return true;
  return brokenWord(tail, line, prev, cur, layout, words, undefined, undefined, before);
}

/**
 * A line opening with closing punctuation after a line ending in a letter or digit: the rest of a
 * word broken for want of room, unless the page shows the break was at a space before the mark
 * (some renderers break there: «Өөрийн ;»). A word is broken only where no space was left to
 * break at (the line before is that one word) and not one more glyph fitted (the line is full);
 * a renderer that keeps words whole breaks none.
 */
function closingRest(tail: string, line: string, prev: LineGeometry | undefined, cur: LineGeometry | undefined, layout: CellLayout | undefined): boolean {
  if (!CLOSING_START.test(line) || !/[\p{L}\p{N}]$/u.test(tail)) return false;
  if (!prev || !cur) return true;
  if (layout?.keepsWordsWhole || !prev.oneWord) return false;
  const frame = usableFrame(prev, cur, layout);
  return !frame || wrapWidth(prev, cur, frame) - (prev.x1 - prev.x0) < cur.firstGlyphWidth + FRAME_SLACK * cur.glyphWidth;
}

/**
 * The width `prev` was wrapped to. Lines of an indented paragraph (a nested list) start together
 * further in: they wrap to the room right of the indent. Centred lines start at different places
 * and keep the cell's width.
 */
function wrapWidth(prev: LineGeometry, cur: LineGeometry, frame: { left: number; right: number }): number {
  // Centred lines (one centre, different starts) whose first starts where the column's text does:
  // white on neither side of it, so it filled its box, whatever the column's other cells show.
  const centred = Math.abs(prev.x0 + prev.x1 - cur.x0 - cur.x1) < 1 && Math.abs(prev.x0 - cur.x0) > 0.5;
  if (centred && Math.abs(prev.x0 - frame.left) < 0.5) return prev.x1 - prev.x0;
  const indent = Math.abs(prev.x0 - cur.x0) < 0.5 && prev.x0 > frame.left + 0.5 ? prev.x0 - frame.left : 0;
  return frame.right - frame.left - indent;
}

function paragraphEnds(prev: LineGeometry, cur: LineGeometry, layout: CellLayout): boolean {
  const fs = Math.max(prev.fontSize, cur.fontSize);
  const step = cur.baseline - prev.baseline;
  if (layout.pitch !== undefined && step > layout.pitch * fs + Math.max(0.5, (layout.pitchSlack ?? 0.12) * fs)) return true;
  return layout.frame !== undefined && lineEndsShort(prev, cur, layout.frame);
}

/**
 * Whether `prev` ended short of its cell's frame: the first word of `cur` would have fitted after
 * it, so the break between them was forced (a paragraph end or a line break), not a wrap.
 */
export function lineEndsShort(prev: LineGeometry, cur: LineGeometry, frame: { left: number; right: number }): boolean {
  const fs = Math.max(prev.fontSize, cur.fontSize);
  // The smaller of the room left of the right edge and the room the line's width leaves: an
  // indented line has less room than its width suggests, a centred one less than its end does.
  const room = Math.min(frame.right - prev.x1, frame.right - frame.left - (prev.x1 - prev.x0));
  // Half a glyph of slack: the right padding is taken to equal the left one.
  return room > SPACE_EM * fs + cur.headWidth + 0.5 * cur.glyphWidth;
}

/** The cell's frame if the line fits in it, else its column's text frame if that one does. */
function usableFrame(prev: LineGeometry, cur: LineGeometry, layout: CellLayout | undefined): { left: number; right: number } | undefined {
  for (const f of [layout?.frame, layout?.textFrame]) if (f && f.right - f.left >= prev.x1 - prev.x0 - cur.glyphWidth / 2) return f;
  return undefined;
}

/**
 * Whether the break between `tail`'s last line and `line` fell inside a word. Geometry first: the
 * line before is one word (a renderer breaks inside a word only when no space was left to break
 * at) and fills the cell to less than the width of the next line's first glyph (the break came
 * where not one more glyph fitted). The line's own width is compared with the cell's, so centred
 * lines count like left-aligned ones. The letters must read on as one word: a lower-case start,
 * or capitals after capitals, or digits after digits; a figure and a letter, or letters of two
 * scripts, only in a document that prints such a pair run together somewhere
 * (`WholeWords.printsTogether`).
 *
 * Web addresses are broken wherever the line is full.
 *
 * A whole word can fill the line just as well, and no geometry tells the two apart: the whole
 * word, too, did not fit with the next one, and it ends where a broken one would (within one
 * glyph of the edge). In narrow columns of long words (Kyrgyz, Mongolian) the two are about
 * equally common. Only the document can say: when it has the joined word whole elsewhere, the
 * break was inside it; else its own word widths (`wordOdds`) decide, and the break is taken to be
 * inside a word when that is more than twice as likely as a whole word filling the line. Where
 * the document shows that its renderer keeps words whole (`CellLayout.keepsWordsWhole`), the
 * width odds have nothing to weigh: every full line there is a whole word.
 */
function brokenWord(
  tail: string,
  line: string,
  prev: LineGeometry,
  cur: LineGeometry,
  layout: CellLayout | undefined,
  words: WordEvidence,
  tally?: BreakTally,
  paragraph?: readonly string[],
  before?: string,
): boolean {
  const frame = usableFrame(prev, cur, layout);
  if (!frame || !prev.oneWord) return false;
  const width = wrapWidth(prev, cur, frame);
  const room = width - (prev.x1 - prev.x0);
  // The frame is an estimate (padding read off the left inset, rules snapped to pixels): within a
  // fifth of a glyph of full, only the document's own evidence can say the line was full.
  if (room >= cur.firstGlyphWidth + FRAME_SLACK * cur.glyphWidth) return false;
  const full = room < cur.firstGlyphWidth;
  // A web address has no spaces to break at: a full line of one is broken inside it, if the next
  // line goes on in characters an address is written in (ASCII); text in another script after it
  // is the next paragraph, the address being the widest word and so filling the line whole.
  // The address may have started lines before (broken after «/» or «-», or inside a word).
  if (URL_END.test(tail) || (before !== undefined && URL_END.test(before)) || (paragraph && paragraph.length > 1 && URL_END.test(joinLines(paragraph, words)))) return URL_REST.test(line) && !URL_START.test(line);
  if (offersBreak(tail) || !readsOn(tail, line)) return false;
  if (words.whole && !words.whole.printsTogether(tail.at(-1) ?? '', line[0] ?? '')) return false;
  if (joinedWhole(tail, line, words)) {
    if (tally) tally.confirmed++;
    return true;
  }
  if (layout?.keepsWordsWhole || !full) return false;
  const odds = wordOdds(prev, cur, width, line, words);
  if (layout?.breaksWords) return odds / wholeOdds(tail, line, cur, width, words) > 2;
  // A document that shows no word broken anywhere may still have had to break one too wide for
  // its column, but only a cell's rules measure a line full: a borderless column's wrap edge is
  // estimated from its fullest line and the narrowest column gap, and so errs towards full.
  if (layout?.breaksWords === false) return frame === layout.frame && room >= FRAME_SLACK * cur.glyphWidth && odds > 2;
  return odds > 2;
}

/** The document shows the word that `tail`'s last letters and `line`'s first make whole elsewhere. */
function joinedWhole(tail: string, line: string, words: WordEvidence): boolean {
  const joined = `${/[\p{L}\p{N}]+$/u.exec(tail)?.[0] ?? ''}${/^[\p{L}\p{N}]+/u.exec(line)?.[0] ?? ''}`.toLowerCase();
  return words.has(joined);
}

/**
 * Odds that the line's last word and the next line's first are words of their own rather than
 * pieces of one, from the words the document shows whole (`WholeWords`). The two standing side by
 * side, a space apart, elsewhere in the document settles it. Else each is weighed by whether the
 * document shows it whole elsewhere (words recur, the first or last letters of a longer word
 * seldom make a word), and the letters on either side of the break by how often the document's
 * words end and start with them against how often they stand inside its words. The next line's
 * first word counts as a word only where it ends on that line (a line full of one word is a middle
 * piece of a word, or a word, and neither a first nor a last piece).
 */
function wholeOdds(tail: string, line: string, cur: LineGeometry, width: number, words: WordEvidence): number {
  const whole = words.whole;
  const last = /\p{L}+$/u.exec(tail)?.[0];
  const first = /^\p{L}+/u.exec(line)?.[0];
  if (!whole || !last || !first) return 1;
  if (whole.pairCount(last, first) > 0) return Number.POSITIVE_INFINITY;
  let odds = whole.wordOdds(last, 'prefix') * whole.boundaryOdds(last, first);
  if (!cur.oneWord || cur.x1 - cur.x0 < width - cur.glyphWidth) odds *= whole.wordOdds(first, 'suffix');
  return odds;
}

/**
 * Odds that a full line is a broken word, from the document's word widths (`WordWidths`). Prior:
 * words wider than the line (such a word had to break) against words within one glyph of the
 * line's width (such a word fills the line by chance). Likelihood of the next line's first word,
 * when it ends on that line: as the rest of a word wider than the line, or as a word of its own.
 */
function wordOdds(prev: LineGeometry, cur: LineGeometry, width: number, line: string, words: WordEvidence): number {
  if (!words.widths) return 1;
  const widths = /^\p{N}/u.test(line) ? words.widths.figures : words.widths.letters;
  const em = prev.fontSize > 0 ? prev.fontSize : 1;
  const lineEm = width / em;
  const glyph = cur.firstGlyphWidth / em;
  // Prior: a word wider than the line (it had to break) against a whole word within one glyph
  // of the line's width (it fills the line by chance).
  const wider = widths.count(lineEm);
  const asWide = widths.count(lineEm - glyph, lineEm);
  let odds = (wider + 0.5) / (asWide + 1);
  // The next line's first word, when it ends on that line: as the rest of a word wider than the
  // line, or as a word of its own. With few words wider than the line, their rests are taken to
  // spread evenly over one line's width.
  const head = cur.headWidth / em;
  const window = Math.max(glyph / 2, 0.25);
  if (!cur.oneWord || cur.x1 - cur.x0 < width - cur.glyphWidth) {
    const asWord = (widths.count(head - window, head + window) + 0.5) / (widths.size + 1);
    const asRest = (widths.count(lineEm + head - window, lineEm + head + window) + (4 * window) / lineEm) / (wider + 2);
    odds *= asRest / asWord;
  }
  return odds;
}

/** A text ending inside a web address (or the path of one begun before a page cut). */
const URL_END = new RegExp(String.raw`(?:^|\s)${ADDRESS_PART}$`, 'iu');
/** A line going on with a character of a web address (RFC 3986 is printable ASCII). */
const URL_REST = /^[\x21-\x7E]/u;

/** A line opening with a mark that never starts a line at a break opportunity (UAX #14 CL, IS, EX). */
const CLOSING_START = /^[.,;:!?)\]}»”’%]/u;

/**
 * A hyphen between a letter or digit and a letter is a break opportunity (UAX #14: break after
 * HY/BA, except before a digit). A renderer breaks inside a word only where its line offers no
 * opportunity at all (CSS `overflow-wrap`, and word processors alike), so a one-word line that
 * holds one ended at a space: «2009-жылы|мамлекеттик» would have broken after «2009-» instead.
 */
const BREAK_AFTER_HYPHEN = /[\p{L}\p{N}][-\u2010]\p{L}/u;

/** Whether the last line of `tail` (one word) holds a break opportunity a broken word would have used. */
function offersBreak(tail: string): boolean {
  return BREAK_AFTER_HYPHEN.test(/\S+$/u.exec(tail)?.[0] ?? '');
}

function readsOn(tail: string, line: string): boolean {
  const a = tail.at(-1) ?? '';
  const b = line[0] ?? '';
  if (/\p{Ll}/u.test(b)) return /[\p{L}\p{N}]/u.test(a);
  if (/\p{Lu}/u.test(b)) return /\p{Lu}/u.test(a);
  if (/\p{N}/u.test(b)) return /[\p{N}.]/u.test(a);
  return false;
}

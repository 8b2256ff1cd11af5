import { joinLines, type WordEvidence } from './cell-text.ts';
import type { LineGeometry } from './line-geometry.ts';

/** A line that opens a list item or numbered point starts a new paragraph inside a cell. */
const ITEM_START = /^([•▪●■➢❖✓□\-–—*]\s|\(?\d{1,3}[.)]\s|[a-zа-я]\)\s)/iu;

/** A line that is nothing but a web address. */
const LONE_URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/iu;

/** What the page shows of a cell's lines, beyond their text. */
export interface CellLayout {
  geometry: readonly (LineGeometry | undefined)[];
  /** Left and right limits of the cell's text (cell edges less padding); unknown in stream mode. */
  frame?: { left: number; right: number } | undefined;
  /** Usual baseline step of two lines of one paragraph, in font sizes (table-wide). */
  pitch?: number | undefined;
}

/** Space between words, in font sizes, assumed when asking whether a word would have fitted. */
const SPACE_EM = 0.25;

/**
 * Splits a cell's visual lines into paragraphs, joining wrapped lines. A paragraph ends where
 * - the next line opens a list item, or it and the line before are each a lone web address;
 * - the baseline step is larger than the table's line pitch (paragraph spacing);
 * - the line ends short: the next line's first word would have fitted after it, so the break
 *   was forced (a paragraph end or a line break), not a wrap.
 * A line that is one word filling the cell to less than the width of the next line's first
 * glyph, followed by a lower-case fragment, is a word broken without a hyphen (there was no
 * space to break at): the two join without a space, unless the document shows the fragment to be
 * a word of its own.
 */
export function cellParagraphs(lines: readonly string[], words: WordEvidence, layout?: CellLayout): string[] {
  const groups: string[][] = [];
  let prev: LineGeometry | undefined;
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t === '') return;
    const geo = layout?.geometry[i];
    const last = groups[groups.length - 1];
    const tail = last?.[last.length - 1];
    // Two addresses on consecutive lines are two entries of a list of links, never one text.
    if (!last || tail === undefined || ITEM_START.test(t) || (LONE_URL.test(t) && LONE_URL.test(tail))) groups.push([t]);
    else if (prev && geo && layout && paragraphEnds(prev, geo, layout)) groups.push([t]);
    else if (prev && geo && layout?.frame && brokenWord(tail, t, prev, geo, layout.frame, words)) last[last.length - 1] = tail + t;
    else last.push(t);
    prev = geo;
  });
  return groups.map((g) => joinLines(g, words)).filter((p) => p !== '');
}

function paragraphEnds(prev: LineGeometry, cur: LineGeometry, layout: CellLayout): boolean {
  const fs = Math.max(prev.fontSize, cur.fontSize);
  const step = cur.baseline - prev.baseline;
  if (layout.pitch !== undefined && step > layout.pitch * fs + Math.max(0.5, 0.12 * fs)) return true;
  const frame = layout.frame;
  if (!frame) return false;
  // The smaller of the room left of the right edge and the room the line's width leaves: an
  // indented line has less room than its width suggests, a centred one less than its end does.
  const room = Math.min(frame.right - prev.x1, frame.right - frame.left - (prev.x1 - prev.x0));
  // Half a glyph of slack: the right padding is taken to equal the left one.
  return room > SPACE_EM * fs + cur.headWidth + 0.5 * cur.glyphWidth;
}

function brokenWord(tail: string, line: string, prev: LineGeometry, cur: LineGeometry, frame: { left: number; right: number }, words: WordEvidence): boolean {
  if (!prev.oneWord || !/\p{L}$/u.test(tail) || !/^\p{Ll}/u.test(line)) return false;
  // Only left-aligned (or justified) lines: a centred word leaves its room on both sides, where
  // the padding estimate cannot tell a full line from a short one.
  if (Math.abs(cur.x0 - prev.x0) > 1) return false;
  // The break fell where not even the next glyph fitted.
  if (frame.right - frame.left - (prev.x1 - prev.x0) >= cur.firstGlyphWidth) return false;
  const head = /^\p{L}+/u.exec(line)?.[0]?.toLowerCase() ?? '';
  const joined = (/\p{L}+$/u.exec(tail)?.[0]?.toLowerCase() ?? '') + head;
  // The fragment being a word the document uses again and again (not only here and perhaps in
  // one typo elsewhere), with no joined form anywhere, says the line wrapped at a space.
  return words.has(joined) || (words.count?.(head) ?? 0) <= 2;
}

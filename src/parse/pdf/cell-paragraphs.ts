import { joinLines, type WordEvidence } from './cell-text.ts';

/** A line that opens a list item or numbered point starts a new paragraph inside a cell. */
const ITEM_START = /^([•▪●■➢❖✓□\-–—*]\s|\(?\d{1,3}[.)]\s|[a-zа-я]\)\s)/iu;

/** Splits a cell's visual lines into paragraphs at list-item starts, joining wrapped lines. */
export function cellParagraphs(lines: readonly string[], words: WordEvidence): string[] {
  const groups: string[][] = [];
  for (const line of lines) {
    const t = line.trim();
    if (t === '') continue;
    const last = groups[groups.length - 1];
    if (!last || ITEM_START.test(t)) groups.push([t]);
    else last.push(t);
  }
  return groups.map((g) => joinLines(g, words)).filter((p) => p !== '');
}

const LETTER = /^\p{L}$/u;

/**
 * The letters that end `text` before `end`, as `/\p{L}+$/u` finds them in `text.slice(0, end)`,
 * read backwards from the end: that regex tries every position of the text, each up to the end of
 * its letters, which over a paragraph joined line by line (asked again after each line) or every
 * word of a document was a good part of their reading time.
 */
export function trailingLetters(text: string, end = text.length): string {
  let start = end;
  while (start > 0) {
    // A letter outside the BMP is a surrogate pair, tested whole as the regex's /u reads it.
    const low = text.charCodeAt(start - 1);
    const high = start >= 2 ? text.charCodeAt(start - 2) : 0;
    const from = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? start - 2 : start - 1;
    if (!LETTER.test(text.slice(from, start))) break;
    start = from;
  }
  return text.slice(start, end);
}

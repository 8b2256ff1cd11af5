/**
 * Small predicates about cell text that table normalization and extraction use as evidence.
 * They are deliberately script-agnostic: reports mix Cyrillic and Latin.
 */

/** `1.`, `2)`, `1.1`, `1.1.`, `(3)`, `I.`, `IV.` at the start: an item number. */
export const ENUMERATOR = /^\s*(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]\s|\d{1,3}(?:\.\d{1,3})+\s|[IVXLC]{1,6}\.\s)/u;

export function startsWithEnumerator(text: string): boolean {
  return ENUMERATOR.test(text);
}

/** The text starts like the middle of a sentence: a lower-case letter. */
export function startsLowercase(text: string): boolean {
  const first = text.trimStart().match(/\p{L}/u);
  if (!first || first.index === undefined) return false;
  // Only when the letter comes first (ignoring quotes/brackets): "«Кыргыз" is not lower-case.
  const before = text.trimStart().slice(0, first.index);
  return /^[\s"'“„(«]*$/u.test(before) && first[0] === first[0].toLowerCase() && first[0] !== first[0].toUpperCase();
}

/** List-item bullets that exports leave inline. */
export function startsWithListMarker(text: string): boolean {
  return /^\s*[-–—•*·▪●◦]\s/u.test(text) || /^\s*[\uf0b7\uf0a7]/u.test(text);
}

/** Ends a sentence or a clause: the next fragment is a new paragraph, not a continuation. */
/**
 * Text set in capitals (a goal's title) going on in capitals: the text before ends in two words of
 * capitals and the text after starts with one. Capitals show no sentence starts, so a capital word
 * after them says no more than a lower-case word after lower-case ones.
 */
export function continuesInCapitals(before: string, after: string): boolean {
  return /\p{Lu}{2,}[,;:]?\s+\p{Lu}{2,}[,;:]?$/u.test(before.trim()) && /^\p{Lu}{2,}(?:[\s,;:]|$)/u.test(after.trim());
}

export function endsClause(text: string): boolean {
  return /[.;:!?…)»"”]\s*$/u.test(text.trimEnd());
}

export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/** A cell that is only a small integer (row numbers, column numbers, scores). */
export function isSmallInteger(text: string): boolean {
  return /^\s*\d{1,3}\s*\.?\s*$/.test(text);
}

const DATE_PATTERN = /\b(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})\b/;

export function containsDate(text: string): boolean {
  return DATE_PATTERN.test(text);
}

/** Upper/lower-case aware comparison key: whitespace and case folded, punctuation kept. */
export function textKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Appends a fragment continued from a page break or a split row. A fragment that starts in the
 * middle of a sentence continues the last paragraph; anything else starts a new paragraph, unless
 * the source's layout says the text wrapped at the break (`wrapped`: the line before it was full)
 * and the fragment does not open a list item; then `inWord` (the break fell inside a word) joins
 * the two without a space.
 */
export function appendFragment(paragraphs: string[], fragment: readonly string[], wrapped = false, inWord = false): void {
  const parts = fragment.filter((p) => !isBlank(p));
  if (parts.length === 0) return;
  const last = paragraphs.at(-1);
  const [first, ...rest] = parts;
  if (wrapped && last !== undefined && first !== undefined && !startsWithListMarker(first) && !startsWithEnumerator(first)) {
    paragraphs[paragraphs.length - 1] = inWord ? `${last}${first}` : `${last} ${first}`;
    paragraphs.push(...rest);
    return;
  }
  // A closing bracket or quote does not end a sentence: "(электрондук, оозеки)" + "кызмат…" is one paragraph.
  // Nor does a colon: it announces what follows, and a label cut from its value by the page
  // ("Статусу:" | "аткарылды") is one statement; a list after a colon opens with a marker.
  if (last !== undefined && first !== undefined && startsLowercase(first) && !/[.;!?…]\s*$/u.test(last) && !startsWithListMarker(first)) {
    paragraphs[paragraphs.length - 1] = `${last} ${first}`;
    paragraphs.push(...rest);
  } else {
    paragraphs.push(...parts);
  }
}

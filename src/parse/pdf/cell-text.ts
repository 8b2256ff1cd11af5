import type { WordWidths } from './word-widths.ts';

/**
 * Joins the visual lines of one cell or paragraph into text. A line-end hyphen is a soft break
 * only when the document itself shows it: the joined word occurs elsewhere in the document and the
 * hyphenated one does not. Otherwise the hyphen is kept and the lines join without a space,
 * because LibreOffice and Word do not hyphenate unless asked: "иш-" + "чара" and "2024-" +
 * "жылдын" break after a real hyphen. U+00AD (soft hyphen) always joins.
 */
export interface WordEvidence {
  has(word: string): boolean;
  /** How often the word occurs as a word of its own in the document (0 when unknown). */
  count?(word: string): number;
  /** Widths of the document's words (ems), for telling words broken mid-word. */
  widths?: { letters: WordWidths; figures: WordWidths } | undefined;
}

const LETTER_END = /(\p{L}+)-$/u;
const LETTER_START = /^(\p{L}+)/u;
/** A web address ending in a query or fragment delimiter. */
const URL_BREAK_END = /(?:^|\s)(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*[?=&#]$/iu;
/** A hyphen (not a dash standing between spaces) closing a line. */
const HYPHEN_END = /[^\s][-\u2010]$/u;

export function joinLines(lines: readonly string[], words: WordEvidence): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/\u00AD(?=.)/g, '').trim();
    if (line === '') continue;
    if (out === '') {
      out = line;
      continue;
    }
    if (out.endsWith('\u00AD')) {
      out = out.slice(0, -1) + line;
      continue;
    }
    const tail = LETTER_END.exec(out);
    const head = LETTER_START.exec(line);
    if (tail?.[1] && head?.[1]) {
      const joined = (tail[1] + head[1]).toLowerCase();
      const hyphenated = `${tail[1]}-${head[1]}`.toLowerCase();
      if (words.has(joined) && !words.has(hyphenated)) out = out.slice(0, -1) + line;
      else out += line;
      continue;
    }
    // A slash inside a word is a break opportunity of its own («Д/д», URLs), and so is a web
    // address's «?», «=» or «&»: nothing was dropped. A slash standing apart («IGC / Lisbon»)
    // keeps its space, unless it opens a slashed word («түвшин /биелэлт/»).
    const slash = /\S\/$/u.test(out) || (/(?:^|\s)\/$/u.test(out) && /^[^\s/]+\/(?:\s|$)/u.test(line));
    if ((HYPHEN_END.test(out) || slash || URL_BREAK_END.test(out)) && /^\S/u.test(line)) {
      out += line;
      continue;
    }
    out += ' ' + line;
  }
  return out.replace(/\u00AD$/, '').replace(/\s+/g, ' ').trim();
}

/** Every word of the document (lower-cased, letters and inner hyphens) with its count. */
class WordIndex implements WordEvidence {
  readonly #counts = new Map<string, number>();
  constructor(readonly widths?: { letters: WordWidths; figures: WordWidths }) {}
  add(word: string): void {
    this.#counts.set(word, (this.#counts.get(word) ?? 0) + 1);
  }
  has(word: string): boolean {
    return this.#counts.has(word);
  }
  count(word: string): number {
    return this.#counts.get(word) ?? 0;
  }
}

/** The document's words as hyphenation and broken-word evidence. */
export function collectWords(texts: Iterable<string>, widths?: { letters: WordWidths; figures: WordWidths }): WordEvidence {
  const index = new WordIndex(widths);
  for (const t of texts) for (const m of t.toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)*/gu)) index.add(m[0]);
  return index;
}

/** Dot leaders: four or more dots (or two ellipses), spaced or not, that lead the eye to a value. */
const LEADER = /\s*(?:(?:[.·]\s?){4,}|(?:\u2026\s?){2,})+\s*/gu;

/** A line with its dot leaders taken out: the label and the value it led to stay, one space apart. */
export function stripLeaders(line: string): string {
  return line.replace(LEADER, ' ').trim();
}

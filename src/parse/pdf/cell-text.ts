import { continuesInCapitals } from '../../text/text-cues.ts';
import { trailingLetters } from '../../text/trailing-letters.ts';
import type { WordWidths } from './word-widths.ts';
import type { WholeWords } from './whole-words.ts';

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
  /** The words the document shows whole (never a piece of a word broken at a line end). */
  whole?: WholeWords | undefined;
  /** Whether the two words stand side by side on a line somewhere in the document. */
  adjacent?(a: string, b: string): boolean;
}

const LETTER_START = /^(\p{L}+)/u;
/**
 * The rest of a web address on a line: the address itself, or the absolute path of one whose
 * scheme and host a page cut left on the page before («/profile.php?»): a slash, then ASCII
 * (RFC 3986) with a further slash or dot in it.
 */
export const ADDRESS_PART = String.raw`(?:(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*|\/[!-~]*[/.][!-~]*)`;
/** A web address ending in a query or fragment delimiter. */
const URL_BREAK_END = new RegExp(String.raw`(?:^|\s)${ADDRESS_PART}[?=&#]$`, 'iu');
/** A line opening with a web address: the next entry of a list of addresses, not the rest of one. */
export const URL_START = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/iu;
/** A hyphen (not a dash standing between spaces) closing a line. */
const HYPHEN_END = /[^\s][-\u2010]$/u;

/**
 * Whether a line joins the next without a space at a break opportunity of its own, where nothing
 * was dropped: after a hyphen, after a slash inside a word («Д/д», URLs) or before a slashed word
 * («түвшин /биелэлт/»), and after a web address's «?», «=», «&» or «#». A line opening an address
 * of its own is the next entry of a list of addresses. The same rule joins lines inside a cell
 * (`joinLines`) and across a page cut (page-continuation.ts).
 */
export function joinsWithoutSpace(line: string, next: string): boolean {
  const out = line.trimEnd();
  const rest = next.trimStart();
  // A slash standing apart («IGC / Lisbon») keeps its space, unless it opens a slashed word.
  const slash = /\S\/$/u.test(out) || (/(?:^|\s)\/$/u.test(out) && /^[^\s/]+\/(?:\s|$)/u.test(rest));
  return (HYPHEN_END.test(out) || slash || URL_BREAK_END.test(out)) && /^\S/u.test(rest) && !URL_START.test(rest);
}

/** The text ends inside a web address, at a query or fragment delimiter: no sentence ends there. */
export function endsInAddressDelimiter(text: string): boolean {
  return URL_BREAK_END.test(text.trimEnd());
}

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
    // The letters before a line-end hyphen, read back from the end (not by a regex over `out`).
    const tail = out.endsWith('-') ? trailingLetters(out, out.length - 1) : '';
    const head = LETTER_START.exec(line);
    if (tail && head?.[1]) {
      const joined = (tail + head[1]).toLowerCase();
      const hyphenated = `${tail}-${head[1]}`.toLowerCase();
      if (words.has(joined) && !words.has(hyphenated)) out = out.slice(0, -1) + line;
      else out += line;
      continue;
    }
    if (joinsWithoutSpace(out, line)) {
      out += line;
      continue;
    }
    out += ' ' + line;
  }
  return out.replace(/\u00AD$/, '').replace(/\s+/g, ' ').trim();
}

/** A word without the punctuation around it, lower-cased. */
const bare = (word: string): string => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();

/** Every word of the document (lower-cased, letters and inner hyphens) with its count, and the words side by side. */
class WordIndex implements WordEvidence {
  readonly #counts = new Map<string, number>();
  readonly #pairs = new Set<string>();
  constructor(
    readonly widths?: { letters: WordWidths; figures: WordWidths },
    readonly whole?: WholeWords,
  ) {}
  add(word: string): void {
    this.#counts.set(word, (this.#counts.get(word) ?? 0) + 1);
  }
  addLine(text: string): void {
    const words = text.split(/\s+/u).map(bare).filter((w) => w !== '');
    for (let i = 1; i < words.length; i++) this.#pairs.add(`${words[i - 1]} ${words[i]}`);
  }
  adjacent(a: string, b: string): boolean {
    return this.#pairs.has(`${bare(a)} ${bare(b)}`);
  }
  has(word: string): boolean {
    return this.#counts.has(word);
  }
  count(word: string): number {
    return this.#counts.get(word) ?? 0;
  }
}

/** The document's words as hyphenation and broken-word evidence. */
export function collectWords(texts: Iterable<string>, widths?: { letters: WordWidths; figures: WordWidths }, whole?: WholeWords): WordEvidence {
  const index = new WordIndex(widths, whole);
  for (const t of texts) {
    for (const m of t.toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)*/gu)) index.add(m[0]);
    index.addLine(t);
  }
  return index;
}

/**
 * Whether the text after a break goes on with the text before it, by the text alone: a lower-case
 * start, a sentence left open before the break (a trailing comma, a bracket or guillemet opened and
 * not closed), a title in capitals going on in capitals, or the two words at the break standing side by side on a line elsewhere in the
 * document (a phrase such as a name, which a paragraph does not end in). Asked where the layout
 * cannot tell (a full line may be a wrap or a paragraph that filled it); a capital start after a
 * sentence end is not asked about.
 */
export function textRunsOn(before: string, after: string, words: WordEvidence): boolean {
  const a = before.trim();
  const b = after.trim();
  if (/^\p{Ll}/u.test(b)) return true;
  if (/,$/u.test(a)) return true;
  if (continuesInCapitals(a, b)) return true;
  const count = (re: RegExp): number => a.match(re)?.length ?? 0;
  if (count(/«/gu) > count(/»/gu) || count(/\(/gu) > count(/\)/gu)) return true;
  return words.adjacent?.(a.split(/\s+/u).at(-1) ?? '', b.split(/\s+/u)[0] ?? '') ?? false;
}

/** Dot leaders: four or more dots (or two ellipses), spaced or not, that lead the eye to a value. */
const LEADER = /\s*(?:(?:[.·]\s?){4,}|(?:\u2026\s?){2,})+\s*/gu;

/** A line with its dot leaders taken out: the label and the value it led to stay, one space apart. */
export function stripLeaders(line: string): string {
  return line.replace(LEADER, ' ').trim();
}

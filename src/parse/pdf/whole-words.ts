import { trailingLetters } from '../../text/trailing-letters.ts';
import type { TextRun } from './page-content.ts';

/** A token holding characters of two kinds side by side (`charKind`). */
const MIXED = /\p{N}\p{L}|\p{L}\p{N}|\p{Script=Cyrillic}\p{Script=Latin}|\p{Script=Latin}\p{Script=Cyrillic}/u;

/** The kind of a character, as far as words go: a figure, a Cyrillic, Latin or other letter. */
function charKind(ch: string): string | undefined {
  if (/\p{N}/u.test(ch)) return 'N';
  if (/\p{Script=Cyrillic}/u.test(ch)) return 'Cyrl';
  if (/\p{Script=Latin}/u.test(ch)) return 'Latn';
  return /\p{L}/u.test(ch) ? 'L' : undefined;
}

/** A word: letters, with hyphens inside (`иш-чара`). */
const WORD = /\p{L}+(?:-\p{L}+)*/gu;

interface LetterEdges {
  end: Map<string, number>;
  start: Map<string, number>;
  before: Map<string, number>;
  after: Map<string, number>;
  /** Points inside whole words (between two of their letters), counted per occurrence. */
  splits: number;
}

/**
 * The words a document shows whole: every word of a glyph run of several words but its first.
 * Such a word has a space on both sides (or ends the run, where a line of several words never
 * breaks inside a word: a renderer breaks inside a word only on a line with no space to break
 * at), so it is no fragment of a word broken at a line end. The first word of a run may be the
 * rest of a word broken on the line above, and a lone word on its line may be a piece of one.
 * A word cut by a hyphen at the run's end is left out.
 */
export class WholeWords {
  readonly #counts = new Map<string, number>();
  /** Every word of the document, wherever it stands (pieces of broken words too). */
  readonly #tokens = new Map<string, number>();
  readonly #pairs = new Map<string, number>();
  readonly #rates = new Map<string, { word: number; piece: number }>();
  #total = 0;
  /** Kinds of character the document prints side by side inside a token (`charKind`), as «a>b». */
  readonly #kindPairs = new Set<string>();
  /** Letters at the edges of and inside the whole words, spelt out from `#counts` when first asked for. */
  #letters: LetterEdges | undefined;

  static fromRuns(runs: Iterable<Pick<TextRun, 'text'>>): WholeWords {
    const words = new WholeWords();
    for (const run of runs) {
      const tokens = run.text.trim().split(/\s+/u);
      // Each token lower-cased and split into its words once, for all three tallies.
      const lower = tokens.map((token) => token.toLowerCase());
      for (const token of tokens) if (MIXED.test(token)) words.#addKindPairs(token);
      const wordsOf = lower.map((token) => token.match(WORD) ?? []);
      for (const found of wordsOf) for (const word of found) words.#tokens.set(word, (words.#tokens.get(word) ?? 0) + 1);
      if (tokens.length < 2) continue;
      const lastCut = /[-\u2010\u00AD]$/u.test(tokens.at(-1) ?? '');
      for (const found of wordsOf.slice(1, lastCut ? -1 : undefined)) for (const word of found) words.#add(word);
      for (let i = 1; i < lower.length; i++) words.#addPair(lower[i - 1] ?? '', lower[i] ?? '');
    }
    return words;
  }

  /**
   * Whether the document prints a character of `b`'s kind straight after one of `a`'s anywhere
   * inside a token on a line: a figure and a letter («3д»), Cyrillic and Latin letters. Where it
   * never does, a line ending in one above a line starting with the other («…/40-22» over
   * «пенсияларды», «аралыктан» over «help@sf.kg») broke at a space: a break inside such a token
   * would be the only place the document ran the two together.
   */
  printsTogether(a: string, b: string): boolean {
    const ka = charKind(a);
    const kb = charKind(b);
    return ka === undefined || kb === undefined || ka === kb || this.#kindPairs.has(`${ka}>${kb}`);
  }

  #addKindPairs(token: string): void {
    let prev: string | undefined;
    for (const ch of token) {
      const kind = charKind(ch);
      if (prev !== undefined && kind !== undefined && kind !== prev) this.#kindPairs.add(`${prev}>${kind}`);
      prev = kind;
    }
  }

  static of(texts: Iterable<string>): WholeWords {
    return WholeWords.fromRuns([...texts].map((text) => ({ text })));
  }

  #add(word: string): void {
    this.#counts.set(word, (this.#counts.get(word) ?? 0) + 1);
    this.#total++;
    this.#letters = undefined;
  }

  /**
   * Last (first) one and two letters of whole words, and around every split inside one, counted
   * once per distinct word times its count: a document repeats its words, and spelling out every
   * occurrence was most of the cost of reading its runs.
   */
  #letterEdges(): LetterEdges {
    if (this.#letters) return this.#letters;
    const edges: LetterEdges = { end: new Map(), start: new Map(), before: new Map(), after: new Map(), splits: 0 };
    for (const [word, count] of this.#counts) {
      const letters = [...word.replace(/-/gu, '')];
      if (letters.length < 2) continue;
      const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + count);
      for (const k of [1, 2]) {
        if (letters.length < k) continue;
        bump(edges.end, letters.slice(-k).join(''));
        bump(edges.start, letters.slice(0, k).join(''));
      }
      for (let i = 1; i < letters.length; i++) {
        edges.splits += count;
        for (const k of [1, 2]) {
          if (i >= k) bump(edges.before, letters.slice(i - k, i).join(''));
          if (letters.length - i >= k) bump(edges.after, letters.slice(i, i + k).join(''));
        }
      }
    }
    this.#letters = edges;
    return edges;
  }

  /**
   * Odds that a line break between `left` and `right` fell between two words rather than inside
   * one, from the letters around it: how often the document's whole words end with the last
   * letters of `left` and start with the first of `right`, against how often those letters stand
   * on either side of a point inside its words. Case endings and word starts are letters of the
   * document's own language, learnt from its own text, not from a word list.
   */
  boundaryOdds(left: string, right: string): number {
    const a = [...left.toLowerCase()].slice(-2).join('');
    const b = [...right.toLowerCase()].slice(0, 2).join('');
    if (a === '' || b === '' || this.#total === 0) return 1;
    const edges = this.#letterEdges();
    if (edges.splits === 0) return 1;
    // Counts inside words scaled to as many as there are word edges, half a count added to each:
    // letters the document never shows either way say nothing.
    const scale = this.#total / edges.splits;
    const ratio = (edge: Map<string, number>, inside: Map<string, number>, k: string): number => ((edge.get(k) ?? 0) + 0.5) / ((inside.get(k) ?? 0) * scale + 0.5);
    return ratio(edges.end, edges.before, a) * ratio(edges.start, edges.after, b);
  }

  /** Two lower-cased tokens standing side by side: the last letters of one and the first of the other. */
  #addPair(a: string, b: string): void {
    const x = trailingLetters(a);
    const y = /^\p{L}+/u.exec(b)?.[0];
    if (x && y) this.#pairs.set(`${x} ${y}`, (this.#pairs.get(`${x} ${y}`) ?? 0) + 1);
  }

  /** How often the two words stand side by side, a space apart, on one line. */
  pairCount(a: string, b: string): number {
    return this.#pairs.get(`${a.toLowerCase()} ${b.toLowerCase()}`) ?? 0;
  }

  count(word: string): number {
    return this.#counts.get(word.toLowerCase()) ?? 0;
  }

  /**
   * How telling it is that a string of `letters` letters at a line end (`prefix`) or start
   * (`suffix`) is, or is not, a word the document shows whole elsewhere: the odds that it is a
   * whole word against a piece of a longer word. A word of that length is shown whole elsewhere
   * as often as the document's words of that length, wherever they stand, are (pieces of broken
   * words among them, which only makes a missing word tell less); a piece is one as often as the
   * first (last) letters of the document's longer whole words make one of its whole words.
   */
  wordOdds(text: string, side: 'prefix' | 'suffix'): number {
    const n = [...text].length;
    const key = `${side}:${n}`;
    let rate = this.#rates.get(key);
    if (!rate) {
      let words = 0;
      let repeated = 0;
      let longer = 0;
      let pieces = 0;
      for (const [w, t] of this.#tokens) {
        if ([...w].length !== n) continue;
        const c = this.#counts.get(w) ?? 0;
        words += t;
        // Each occurrence but a lone whole one has a whole one elsewhere.
        if (c > 1) repeated += t;
        else if (c === 1) repeated += t - 1;
      }
      for (const [w, c] of this.#counts) {
        const letters = [...w];
        if (letters.length > n + 1) {
          longer += c;
          const piece = (side === 'prefix' ? letters.slice(0, n) : letters.slice(-n)).join('');
          if (this.#counts.has(piece)) pieces += c;
        }
      }
      // Half an occurrence each way: a length the document barely shows says little.
      rate = { word: (repeated + 0.5) / (words + 1), piece: (pieces + 0.5) / (longer + 1) };
      this.#rates.set(key, rate);
    }
    return this.count(text) > 0 ? rate.word / rate.piece : (1 - rate.word) / (1 - rate.piece);
  }
}

import type { TextRun } from './page-content.ts';

/**
 * How wide the document's words are, in ems: the prior that tells a word broken mid-word from a
 * one-word line that happens to fill its cell. A renderer breaks inside a word only when the word
 * is wider than the line (LibreOffice, Word, CSS `overflow-wrap`), and then the line is full to
 * within the next glyph. A whole word that fills the line to within that glyph looks the same.
 * Which of the two is likelier depends on how many of the document's words are wider than the
 * line, against how many are just as wide as it: a question about word lengths in this
 * document's own language and fonts, answered from its own text, with no word list.
 *
 * Only words known to be whole count: those of a run of several words but its first (a line may
 * start with the rest of a broken word), never a lone word (a fragment's own line), nor a last
 * word cut by a hyphen. Widths come from the glyphs' own advances. Words of figures (dates,
 * amounts) form a distribution of their own: they break, and fill columns, differently.
 */
export class WordWidths {
  readonly #ems: number[];

  private constructor(ems: number[]) {
    this.#ems = ems.sort((a, b) => a - b);
  }

  /** Letter words and words of figures, each their own distribution. */
  static fromRuns(runs: Iterable<TextRun>): { letters: WordWidths; figures: WordWidths } {
    const letters: number[] = [];
    const figures: number[] = [];
    for (const run of runs) {
      // Measured glyph by glyph where the run was read from the operator list.
      if (run.wordWidths) {
        letters.push(...run.wordWidths);
        figures.push(...(run.figureWidths ?? []));
        continue;
      }
      if (run.rotated || run.fontSize <= 0) continue;
      const text = run.text.trim();
      const tokens = text.split(/\s+/u);
      // Glyph widths are not known one by one here: a character's share of the run's width.
      const perChar = (run.x1 - run.x0) / run.fontSize / Math.max(1, text.length);
      for (const token of tokens.slice(1)) {
        if (/\p{L}/u.test(token)) letters.push(token.length * perChar);
        else if (/\p{N}/u.test(token)) figures.push(token.length * perChar);
      }
    }
    return { letters: new WordWidths(letters), figures: new WordWidths(figures) };
  }

  get size(): number {
    return this.#ems.length;
  }

  static of(ems: readonly number[]): WordWidths {
    return new WordWidths([...ems]);
  }

  /** Words at least `from` and less than `to` ems wide. */
  count(from: number, to = Number.POSITIVE_INFINITY): number {
    return this.#below(to) - this.#below(from);
  }

  #below(x: number): number {
    let lo = 0;
    let hi = this.#ems.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#ems[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * A word as the printer may have broken it over lines: literal pieces, each two of them with or
 * without a space between, then optionally a literal `tail` right after the last, with bounds at
 * either end. It is what `(?<![\p{L}\p{N}])a ?b ?c(?![\p{L}\p{N}])` says, matched the same way,
 * but the bounds are checked by hand around a plain regex: V8 compiles a regex with a Unicode
 * property class for about a millisecond and a half, and settling one long print builds thousands
 * of them (most of a fuzz case's time went to that).
 */
export interface PiecesBounds {
  /** `word`: no letter or digit just before; `line`: at the text's start; `indent`: after its leading spaces only. */
  start?: 'word' | 'line' | 'indent';
  /** `word`: no letter or digit just after; `line`: nothing but spaces after. */
  end?: 'word' | 'line';
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const LETTER_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_AFTER = /^[\p{L}\p{N}]/u;
const INDENT = /^\s*/u;

export class PiecesPattern {
  /** The longest literal every match holds: a text without it cannot match. */
  readonly need: string;
  readonly #body: RegExp;
  readonly #bounds: PiecesBounds;

  constructor(pieces: readonly string[], tail = '', bounds: PiecesBounds = {}) {
    this.need = [...pieces, tail].reduce((a, b) => (b.length > a.length ? b : a), '');
    // No piece holds a space and each starts with a non-space, so the optional spaces leave one way
    // to match at a place, and checking the bounds after the match is as the lookarounds would do.
    this.#body = new RegExp(`${pieces.map(escape).join(' ?')}${escape(tail)}${bounds.end === 'line' ? '(?=\\s*$)' : ''}`, 'gu');
    this.#bounds = bounds;
  }

  /** Where the first match at or after `from` lies, if any. */
  #next(text: string, from: number): { index: number; end: number } | undefined {
    const { start, end } = this.#bounds;
    if (start === 'line' || start === 'indent') {
      const at = start === 'line' ? 0 : (INDENT.exec(text)?.[0].length ?? 0);
      if (from > at) return undefined;
      this.#body.lastIndex = at;
      const m = this.#body.exec(text);
      if (!m || m.index !== at) return undefined;
      const hit = { index: at, end: at + m[0].length };
      return end === 'word' && LETTER_AFTER.test(text.slice(hit.end, hit.end + 2)) ? undefined : hit;
    }
    let p = from;
    while (p <= text.length) {
      this.#body.lastIndex = p;
      const m = this.#body.exec(text);
      if (!m) return undefined;
      const hit = { index: m.index, end: m.index + m[0].length };
      const boundBefore = start !== 'word' || !LETTER_BEFORE.test(text.slice(Math.max(0, hit.index - 2), hit.index));
      const boundAfter = end !== 'word' || !LETTER_AFTER.test(text.slice(hit.end, hit.end + 2));
      if (boundBefore && boundAfter) return hit;
      // The next place a match may start, one character (a code point) on.
      p = hit.index + ((text.codePointAt(hit.index) ?? 0) > 0xffff ? 2 : 1);
    }
    return undefined;
  }

  test(text: string): boolean {
    return text.includes(this.need) && this.#next(text, 0) !== undefined;
  }

  /** Every match replaced by `to`, left to right, each search going on after the last match. */
  replaceAll(text: string, to: string): string {
    if (!text.includes(this.need)) return text;
    let out = '';
    let last = 0;
    for (let hit = this.#next(text, 0); hit; hit = this.#next(text, hit.end === hit.index ? hit.end + 1 : hit.end)) {
      out += text.slice(last, hit.index) + to;
      last = hit.end;
    }
    return last === 0 && out === '' ? text : out + text.slice(last);
  }

  /** The first match replaced by `to`. */
  replaceFirst(text: string, to: string): string {
    if (!text.includes(this.need)) return text;
    const hit = this.#next(text, 0);
    return hit ? text.slice(0, hit.index) + to + text.slice(hit.end) : text;
  }
}

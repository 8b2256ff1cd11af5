import { describe, expect, it } from 'vitest';
import { PiecesPattern, type PiecesBounds } from './support/pieces-pattern.ts';

/**
 * `PiecesPattern` checks its bounds by hand instead of with Unicode-class lookarounds: on random
 * texts built from the pieces themselves (so that matches, near misses and overlaps abound) it
 * must replace and test exactly as the regex it stands for.
 */
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const LETTER = '(?:[\\p{L}\\p{N}])';
function regexOf(pieces: readonly string[], tail: string, bounds: PiecesBounds, global: boolean): RegExp {
  const start = bounds.start === 'word' ? `(?<!${LETTER})` : bounds.start === 'line' ? '^' : bounds.start === 'indent' ? '(?<=^\\s*)' : '';
  const end = bounds.end === 'word' ? `(?!${LETTER})` : bounds.end === 'line' ? '(?=\\s*$)' : '';
  return new RegExp(`${start}${pieces.map(escape).join(' ?')}${escape(tail)}${end}`, global ? 'gu' : 'u');
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('PiecesPattern', () => {
  // A wide alphabet (two-letter, astral, digit, punctuation), and a narrow one whose pieces repeat,
  // so that a match refused for a letter before it overlaps one that is not.
  const alphabets = [['а', 'ын', 'ө', 'b', '1', '.', '𝐀', 'ү'], ['а', 'б', '.']];
  const boundsList: PiecesBounds[] = [{}, { start: 'word' }, { end: 'word' }, { start: 'word', end: 'word' }, { start: 'line' }, { start: 'indent', end: 'word' }, { start: 'word', end: 'line' }];
  it('replaces and tests as the equivalent regex on random texts', () => {
    const rand = random(20261201);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    let matched = 0;
    for (let n = 0; n < 8000; n++) {
      const alphabet = alphabets[n % 2] ?? [];
      const word = (): string => Array.from({ length: 1 + Math.floor(rand() * (n % 2 === 0 ? 3 : 1.5)) }, () => pick(alphabet)).join('');
      const pieces = Array.from({ length: 1 + Math.floor(rand() * 3) }, word);
      const tail = rand() < 0.4 ? word() : '';
      const bounds = pick(boundsList);
      const pattern = new PiecesPattern(pieces, tail, bounds);
      const parts = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => (rand() < 0.5 ? pick(pieces) : rand() < 0.5 ? tail || word() : word()));
      const text = parts.map((p) => p + pick(['', '', ' ', '  '])).join('');
      const to = `<${n}>`;
      expect(pattern.replaceAll(text, to), `${JSON.stringify(pieces)} ${tail} ${JSON.stringify(bounds)} in ${JSON.stringify(text)}`).toBe(text.replace(regexOf(pieces, tail, bounds, true), to));
      expect(pattern.replaceFirst(text, to)).toBe(text.replace(regexOf(pieces, tail, bounds, false), to));
      expect(pattern.test(text)).toBe(regexOf(pieces, tail, bounds, false).test(text));
      if (pattern.test(text)) matched++;
    }
    // The texts are built to match often, or the comparison says little.
    expect(matched).toBeGreaterThan(1000);
  });

  it('finds a match that overlaps one refused for its bounds', () => {
    // «б б» at 1 has a letter before it; the regex goes on to the «б б» at 3, inside the refused one.
    const cases: [string[], string, PiecesBounds, string][] = [
      [['б', 'б'], '', { start: 'word' }, 'аб б б'],
      [['б', 'б'], '', { end: 'word' }, 'б б ба'],
      [['аа'], 'а', { start: 'word', end: 'word' }, 'ааааа ааа'],
    ];
    for (const [pieces, tail, bounds, text] of cases) {
      expect(new PiecesPattern(pieces, tail, bounds).replaceAll(text, '<>')).toBe(text.replace(regexOf(pieces, tail, bounds, true), '<>'));
      expect(new PiecesPattern(pieces, tail, bounds).replaceAll(text, '<>')).not.toBe(text);
    }
  });
});

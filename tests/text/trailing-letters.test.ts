import { describe, expect, it } from 'vitest';
import { trailingLetters } from '../../src/text/trailing-letters.ts';

describe('trailingLetters', () => {
  it('finds what /\\p{L}+$/u finds, letters outside the BMP and lone surrogates included', () => {
    const texts = ['', 'abc', 'иш-чара', 'ab1', 'a b', '2024-жылдын', '𝔞𝔟', 'x𝔞', '1𝔞', '\uDC00a', 'a\uD835', '\uD835\uDD1E', 'é', 'e\u0301', 'ǅx', '«Жок»', 'word.'];
    for (const text of texts) {
      expect(trailingLetters(text), JSON.stringify(text)).toBe(/\p{L}+$/u.exec(text)?.[0] ?? '');
      expect(trailingLetters(`${text}-`, text.length), JSON.stringify(text)).toBe(/(\p{L}+)-$/u.exec(`${text}-`)?.[1] ?? '');
    }
  });
});

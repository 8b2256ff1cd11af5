import { francAll } from 'franc';
import { expressions } from 'franc/expressions.js';
import { describe, expect, it } from 'vitest';
import { loadEvalSet } from '../../bench/language/eval-set.ts';
import { francScores } from '../../src/language/franc-scores.ts';

/** What franc itself says, as a map of the asked-for languages (empty for `und`). */
function francItself(text: string, only: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [code, score] of francAll(text, { only, minLength: 1 })) if (code !== 'und') out.set(code, score);
  return out;
}

const CYRILLIC = ['kir', 'khk', 'kaz', 'rus', 'uzn', 'tat', 'ukr'];
const LATIN = ['eng', 'uzn'];
const set = loadEvalSet();

/** A deterministic jumble of letters, digits, punctuation and other scripts: the odd inputs a PDF cell holds. */
function jumble(seed: number, length: number): string {
  const alphabet = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяңөүәғқұһіїєґўҳabcdefxyz ABCDЖӨҮ0123456789.,;:-–()/%№«»\n\tαβγდაშ中文';
  let x = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

describe('francScores', () => {
  it('gives franc’s own scores on every paragraph and segment of the evaluation set', () => {
    const texts = [...set.paragraphs, ...set.segments].map((item) => item.text);
    expect(texts.length).toBeGreaterThan(500);
    for (const text of texts) {
      expect(francScores(text, CYRILLIC), text).toEqual(francItself(text, CYRILLIC));
      expect(francScores(text.toLowerCase(), LATIN), text).toEqual(francItself(text.toLowerCase(), LATIN));
    }
  });

  it('gives franc’s own scores past franc’s 2,048-character cut, on repeated trigrams and on mixed scripts', () => {
    const long = set.paragraphs.map((p) => p.text).join(' ');
    expect(long.length).toBeGreaterThan(4096);
    const texts = [
      long,
      long.slice(1000),
      'аа аа аа аа аа аа аа аа аа',
      'Bishkek office, socfond.kg',
      'Implementation report of the action plan, 2024',
      'Ηλεκτρονική διακυβέρνηση',
      'ერთი ორი სამი',
      '2024-12-31 № 45/1',
      ' ',
      'а',
    ];
    for (let seed = 1; seed <= 200; seed++) texts.push(jumble(seed, 5 + (seed % 90)));
    for (const text of texts) {
      expect(francScores(text, CYRILLIC), text).toEqual(francItself(text, CYRILLIC));
      expect(francScores(text, LATIN), text).toEqual(francItself(text, LATIN));
    }
  });

  it('has no script expression match any character that the Cyrillic or Latin one matches (what lets a majority of either stop the search)', () => {
    const usual = [expressions['Cyrillic']!, expressions['Latin']!].map((e) => new RegExp(e.source));
    const others = Object.entries(expressions)
      .filter(([name]) => name !== 'Cyrillic' && name !== 'Latin')
      .map(([name, e]) => [name, new RegExp(e.source)] as const);
    let usualCharacters = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (!usual.some((e) => e.test(ch))) continue;
      usualCharacters++;
      expect(others.filter(([, e]) => e.test(ch)).map(([name]) => name), `U+${cp.toString(16)}`).toEqual([]);
    }
    expect(usualCharacters).toBeGreaterThan(1000);
  });

  it('answers nothing for an empty text, as franc answers und', () => {
    expect(francScores('', CYRILLIC).size).toBe(0);
    expect(francItself('', CYRILLIC).size).toBe(0);
  });
});

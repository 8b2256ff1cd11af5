import { describe, expect, it } from 'vitest';
import { loadEvalSet } from '../../bench/language/eval-set.ts';
import { detectLanguage } from '../../src/language/detect.ts';
import { SAMPLE_LETTERS, sampleWords } from '../../src/language/evidence-sample.ts';
import { languageFeatures } from '../../src/language/language-features.ts';
import { textEvidence } from '../../src/language/text-evidence.ts';

const set = loadEvalSet();
const paragraphsOf = (lang: string): string[] => set.paragraphs.filter((p) => p.lang === lang).map((p) => p.text);

describe('sampleWords', () => {
  it('keeps a text of at most SAMPLE_LETTERS letters whole', () => {
    const words = ['бир', 'эки', 'үч'];
    expect(sampleWords(words)).toBe(words);
  });

  it('takes a bounded sample from the whole length of a long text, the same every time', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `сөз${i}`);
    const sample = sampleWords(words);
    const letters = sample.reduce((n, w) => n + w.length, 0);
    const longest = Math.max(...words.map((w) => w.length));
    expect(letters).toBeGreaterThanOrEqual(SAMPLE_LETTERS);
    expect(letters).toBeLessThanOrEqual(SAMPLE_LETTERS + 6 * longest);
    const positions = sample.map((w) => words.indexOf(w));
    expect(Math.min(...positions)).toBe(0);
    expect(Math.max(...positions)).toBeGreaterThan((words.length * 5) / 6);
    expect(sampleWords(words)).toEqual(sample);
  });
});

describe('long texts read through the sample', () => {
  it('still count every letter of the text (the weight of a block in the document vote)', () => {
    const text = paragraphsOf('kir').join(' ');
    expect(textEvidence(text).letters).toBeGreaterThan(SAMPLE_LETTERS * 4);
    expect(languageFeatures(text).letters).toBe(textEvidence(text).letters);
  });

  it.each(['kir', 'khk', 'kaz', 'rus'])('%s: a long run of paragraphs keeps its language', (lang) => {
    const text = paragraphsOf(lang).slice(0, 12).join(' ');
    expect(textEvidence(text).letters).toBeGreaterThan(SAMPLE_LETTERS * 2);
    expect(detectLanguage(text).code).toBe(lang);
  });

  it('a text whose second half is in another language is not read from its start alone', () => {
    const russian = paragraphsOf('rus').slice(0, 3).join(' ');
    const kyrgyz = paragraphsOf('kir').slice(0, 12).join(' ');
    // Far more Kyrgyz than Russian, the Russian first: the head alone would say Russian.
    expect(textEvidence(kyrgyz).letters).toBeGreaterThan(3 * textEvidence(russian).letters);
    expect(detectLanguage(russian).code).toBe('rus');
    expect(detectLanguage(`${russian} ${kyrgyz}`).code).toBe('kir');
  });
});

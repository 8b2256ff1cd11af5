import { describe, expect, it } from 'vitest';
import { accuracy } from '../../bench/language/accuracy.ts';
import { loadEvalSet } from '../../bench/language/eval-set.ts';
import { withLookalikes } from '../../bench/language/lookalike-noise.ts';

// The weights were fitted on the dev half; these targets are asserted on the held-out test half.
const set = loadEvalSet();
const test = { paragraphs: set.paragraphs.filter((p) => p.split === 'test'), segments: set.segments.filter((s) => s.split === 'test') };
const MAIN = ['kir', 'khk', 'kaz', 'rus'];

describe('evaluation set', () => {
  it('has enough real text per main language', () => {
    for (const lang of MAIN) {
      expect(set.paragraphs.filter((p) => p.lang === lang).length, lang).toBeGreaterThanOrEqual(30);
      expect(set.segments.filter((s) => s.lang === lang).length, lang).toBeGreaterThanOrEqual(200);
    }
  });

  it('keeps every paragraph with a source address and segments within 20–60 characters', () => {
    for (const p of set.paragraphs) expect(p.url).toMatch(/^https?:\/\//u);
    for (const s of set.segments) {
      expect(s.text.length).toBeGreaterThanOrEqual(20);
      expect(s.text.length).toBeLessThanOrEqual(60);
    }
  });

  it('splits by source, so no page has paragraphs on both sides', () => {
    const sides = new Map<string, Set<string>>();
    for (const p of set.paragraphs) sides.set(p.url, (sides.get(p.url) ?? new Set()).add(p.split));
    for (const [url, s] of sides) expect(s.size, url).toBe(1);
  });
});

describe('accuracy on the held-out test half', () => {
  const paragraphs = accuracy(test.paragraphs);
  const segments = accuracy(test.segments);

  it.each(MAIN)('%s: every paragraph right', (lang) => {
    const row = paragraphs.find((r) => r.lang === lang);
    expect(row?.items).toBeGreaterThan(0);
    expect(row?.ours).toBe(row?.items);
  });

  it.each(MAIN)('%s: at least 98 percent of 20–60-character segments right', (lang) => {
    const row = segments.find((r) => r.lang === lang);
    expect(row?.items).toBeGreaterThan(0);
    expect((row?.ours ?? 0) / (row?.items ?? 1)).toBeGreaterThanOrEqual(0.98);
  });

  it('is no worse than plain franc on any language', () => {
    for (const row of [...paragraphs, ...segments]) expect(row.ours, row.lang).toBeGreaterThanOrEqual(row.franc);
  });
});

describe('look-alike letters in real text', () => {
  it('cost nothing: test segments with look-alikes put in score as the clean ones do', () => {
    const clean = accuracy(test.segments);
    const noisy = accuracy(test.segments.map((s) => ({ ...s, text: withLookalikes(s.text) })));
    for (const row of noisy) {
      const before = clean.find((r) => r.lang === row.lang);
      expect(row.ours, row.lang).toBeGreaterThanOrEqual((before?.ours ?? 0) - 1);
      expect(row.ours, row.lang).toBeGreaterThanOrEqual(row.franc);
    }
  });
});

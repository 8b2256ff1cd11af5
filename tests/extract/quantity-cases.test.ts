import { describe, expect, it } from 'vitest';
import { add, CASE_LANGUAGES, emptyScore, loadCases, precision, recall, scoreCase, type Score } from './quantity-eval.ts';

/**
 * The quantity evaluation set (tests/extract/quantity-cases/): precision and recall of value + unit,
 * per language and overall, on the dev cases, the held-out test cases and all of them. The targets
 * (precision ≥ 0.95, recall ≥ 0.85) are asserted on all cases, per language and overall.
 */
const scores: Record<string, Record<'dev' | 'test' | 'all', Score>> = {};
for (const [lang, code] of Object.entries(CASE_LANGUAGES)) {
  const s = { dev: emptyScore(), test: emptyScore(), all: emptyScore() };
  for (const c of loadCases(lang as keyof typeof CASE_LANGUAGES)) scoreCase(c, code, s[c.split]);
  s.all = add(s.dev, s.test);
  scores[lang] = s;
}
const overall = (split: 'dev' | 'test' | 'all'): Score => Object.values(scores).reduce((a, s) => add(a, s[split]), emptyScore());

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const line = (name: string, split: string, s: Score): string =>
  `${name.padEnd(8)}${split.padEnd(6)}${String(s.cases).padStart(6)}${String(s.expected).padStart(10)}${String(s.predicted).padStart(10)}${String(s.matched).padStart(9)}` +
  `${pct(precision(s)).padStart(11)}${pct(recall(s)).padStart(9)}${(s.matched ? pct(s.impliedRight / s.matched) : '–').padStart(10)}`;

describe('quantity evaluation set', () => {
  it('prints precision and recall per language and overall (dev, held-out test, all)', () => {
    const rows = [`${'lang'.padEnd(8)}${'split'.padEnd(6)}${'cases'.padStart(6)}${'expected'.padStart(10)}${'read'.padStart(10)}${'right'.padStart(9)}${'precision'.padStart(11)}${'recall'.padStart(9)}${'implied✓'.padStart(10)}`];
    for (const split of ['dev', 'test', 'all'] as const) {
      for (const [lang, s] of Object.entries(scores)) rows.push(line(lang, split, s[split]));
      rows.push(line('overall', split, overall(split)));
    }
    console.log(`\n${rows.join('\n')}\n\nmisses (all cases):\n  ${overall('all').misses.join('\n  ')}\n`);
    expect(overall('all').cases).toBeGreaterThanOrEqual(120);
  });

  it.each(Object.keys(CASE_LANGUAGES))('%s has at least 40 cases and meets the targets', (lang) => {
    const s = scores[lang]?.all as Score;
    expect(s.cases).toBeGreaterThanOrEqual(40);
    expect(precision(s)).toBeGreaterThanOrEqual(0.95);
    expect(recall(s)).toBeGreaterThanOrEqual(0.85);
  });

  it('meets the targets overall', () => {
    expect(precision(overall('all'))).toBeGreaterThanOrEqual(0.95);
    expect(recall(overall('all'))).toBeGreaterThanOrEqual(0.85);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readQuantities } from '../../src/extract/quantity-reader.ts';

/** One evaluation case: an excerpt and the quantities a person extracts from it (see quantity-cases/README.md). */
export interface QuantityCase {
  id: string;
  split: 'dev' | 'test';
  source: string;
  text: string;
  expected: { value: number; unit: string; implied?: boolean }[];
}

export const CASE_LANGUAGES = { ky: 'kir', mn: 'khk', ru: 'rus' } as const;

export function loadCases(lang: keyof typeof CASE_LANGUAGES): QuantityCase[] {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'quantity-cases', `${lang}.json`), 'utf8')) as QuantityCase[];
}

export interface Score {
  cases: number;
  expected: number;
  predicted: number;
  matched: number;
  impliedRight: number;
  misses: string[];
}

export const emptyScore = (): Score => ({ cases: 0, expected: 0, predicted: 0, matched: 0, impliedRight: 0, misses: [] });

const sameValue = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Scores one case into `score`: a prediction matches an expected quantity with the same value and unit, each used once. */
export function scoreCase(c: QuantityCase, language: string, score: Score): void {
  const got = readQuantities(c.text, { language });
  const left = [...c.expected];
  score.cases++;
  score.expected += c.expected.length;
  score.predicted += got.length;
  for (const q of got) {
    const k = left.findIndex((e) => sameValue(q.value, e.value) && e.unit === q.unit);
    if (k < 0) {
      score.misses.push(`${c.id} extra: ${q.value} «${q.unit}» (${q.text})`);
      continue;
    }
    const e = left.splice(k, 1)[0] as QuantityCase['expected'][number];
    score.matched++;
    if ((e.implied ?? false) === q.implied) score.impliedRight++;
  }
  for (const e of left) score.misses.push(`${c.id} missed: ${e.value} «${e.unit}»`);
}

export const precision = (s: Score): number => (s.predicted === 0 ? 1 : s.matched / s.predicted);
export const recall = (s: Score): number => (s.expected === 0 ? 1 : s.matched / s.expected);

export function add(a: Score, b: Score): Score {
  return {
    cases: a.cases + b.cases,
    expected: a.expected + b.expected,
    predicted: a.predicted + b.predicted,
    matched: a.matched + b.matched,
    impliedRight: a.impliedRight + b.impliedRight,
    misses: [...a.misses, ...b.misses],
  };
}

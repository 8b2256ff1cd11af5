/**
 * Refits the detector's weights by grid search on the DEV half of the evaluation set only, and
 * prints the best combination next to the current `WEIGHTS`. Run with
 * `npx tsx bench/language/fit-weights.ts`; copy the result into `src/language/detect.ts` by hand.
 *
 * Objective: twice the worst segment accuracy of kir/khk/kaz/rus plus their sum, half the sum for
 * tat/ukr/uzb, minus every wrong paragraph, minus the short-cell loss (wrong 1, `und` ½, averaged).
 */
import { WEIGHTS, decide } from '../../src/language/detect.ts';
import type { Weights } from '../../src/language/detect.ts';
import { languageFeatures } from '../../src/language/language-features.ts';
import type { LanguageFeatures } from '../../src/language/language-features.ts';
import { loadEvalSet } from './eval-set.ts';

const GRID: Partial<Record<keyof Weights, number[]>> = {
  trigram: [0.12, 0.15, 0.2, 0.25],
  word: [4, 6, 8],
  ending: [2, 3, 4],
  foreign: [6, 8],
  missingHallmark: [2, 3],
  zhe: [0.5, 1],
  rareLanguage: [0.5, 1, 2],
  roundedLater: [1, 2, 3],
};

const MAIN = ['kir', 'khk', 'kaz', 'rus'];
const OTHER = ['tat', 'ukr', 'uzb'];

interface Item {
  lang: string;
  f: LanguageFeatures;
}

const set = loadEvalSet();
const dev = <T extends { split: string; lang: string; text: string }>(items: T[]): Item[] =>
  items.filter((i) => i.split === 'dev').map((i) => ({ lang: i.lang, f: languageFeatures(i.text) }));
const segments = dev(set.segments);
const paragraphs = dev(set.paragraphs);
const shortCells = dev(set.shortCells);

function objective(w: Weights): { score: number; main: number[]; short: number } {
  const hits = new Map<string, [number, number]>();
  for (const it of segments) {
    const row = hits.get(it.lang) ?? [0, 0];
    row[1]++;
    if (decide(it.f, {}, w).guess.code === it.lang) row[0]++;
    hits.set(it.lang, row);
  }
  const acc = (lang: string): number => {
    const row = hits.get(lang);
    return row ? row[0] / row[1] : 1;
  };
  const wrongParagraphs = paragraphs.filter((it) => decide(it.f, {}, w).guess.code !== it.lang).length;
  let shortLoss = 0;
  for (const it of shortCells) {
    const code = decide(it.f, {}, w).guess.code;
    shortLoss += code === 'und' ? 0.5 : code === it.lang ? 0 : 1;
  }
  const main = MAIN.map(acc);
  const short = shortLoss / Math.max(1, shortCells.length);
  const score =
    2 * Math.min(...main) + main.reduce((a, b) => a + b, 0) + 0.5 * OTHER.map(acc).reduce((a, b) => a + b, 0) - wrongParagraphs - short;
  return { score, main, short: 1 - short };
}

const keys = Object.keys(GRID) as (keyof Weights)[];
let best: { w: Weights; r: ReturnType<typeof objective> } | undefined;
function search(i: number, w: Weights): void {
  const key = keys[i];
  if (key === undefined) {
    const r = objective(w);
    if (!best || r.score > best.r.score) best = { w: { ...w }, r };
    return;
  }
  for (const value of GRID[key] ?? []) search(i + 1, { ...w, [key]: value });
}
search(0, { ...WEIGHTS });

const current = objective(WEIGHTS);
const fmt = (r: ReturnType<typeof objective>): string =>
  `segments ${MAIN.map((l, i) => `${l} ${((r.main[i] ?? 0) * 100).toFixed(1)}%`).join(', ')}; short cells ${(r.short * 100).toFixed(1)}%`;
console.log(`dev: ${segments.length} segments, ${paragraphs.length} paragraphs, ${shortCells.length} short cells`);
console.log(`current  ${fmt(current)}`);
if (best) {
  console.log(`best     ${fmt(best.r)}`);
  console.log(JSON.stringify(best.w, null, 2));
}

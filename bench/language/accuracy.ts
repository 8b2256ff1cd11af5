import { franc } from 'franc';
import { FRANC_ONLY, fromFrancCode } from '../../src/language/candidates.ts';
import { detectLanguage } from '../../src/language/detect.ts';
import type { EvalItem } from './eval-set.ts';

/** Per-language accuracy of the detector and of plain franc restricted to the same candidates. */
export interface AccuracyRow {
  lang: string;
  items: number;
  ours: number;
  franc: number;
  /** Items the detector called `und` (counted as wrong in `ours`). */
  oursUnd: number;
}

export function plainFranc(text: string): string {
  const code = franc(text, { only: FRANC_ONLY, minLength: 3 });
  return fromFrancCode(code) ?? code;
}

export function accuracy(items: readonly EvalItem[]): AccuracyRow[] {
  const rows = new Map<string, AccuracyRow>();
  for (const item of items) {
    const row = rows.get(item.lang) ?? { lang: item.lang, items: 0, ours: 0, franc: 0, oursUnd: 0 };
    row.items++;
    const ours = detectLanguage(item.text).code;
    if (ours === item.lang) row.ours++;
    if (ours === 'und') row.oursUnd++;
    if (plainFranc(item.text) === item.lang) row.franc++;
    rows.set(item.lang, row);
  }
  return [...rows.values()].sort((a, b) => a.lang.localeCompare(b.lang));
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
}

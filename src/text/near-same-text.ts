import { textKey } from './text-cues.ts';

/** Share of a text's letters that may differ between two readings of the same printed text. */
const MAX_DIFFERENCE = 0.12;

/**
 * The same printed text read twice: equal keys, or (for texts long enough to judge) an edit
 * distance within 12 % of the longer one. A header repeated on every page of a scan comes out of
 * OCR with a letter or two different each time (ү/у, ө/е, a dropped hyphen); from a text layer it
 * is identical, and still matches.
 */
export function nearlySameText(a: string, b: string): boolean {
  const x = textKey(a);
  const y = textKey(b);
  if (x === y) return true;
  const longer = Math.max(x.length, y.length);
  if (Math.min(x.length, y.length) < 6) return false;
  const budget = Math.floor(longer * MAX_DIFFERENCE);
  if (Math.abs(x.length - y.length) > budget) return false;
  return editDistance(x, y, budget) <= budget;
}

/** Levenshtein distance, stopping early once every path exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] ?? limit + 1;
}
